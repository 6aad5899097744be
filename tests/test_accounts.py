"""Accounts: login, sessions that really end, rate limits, passwords, registration."""

import email
import email.policy
from pathlib import Path

from sqlalchemy import select

from branding import create_app
from branding.accounts.models import AuditEntry, Role, User
from branding.accounts.services import set_active
from branding.core.mail import send_due
from branding.extensions import db
from tests.accounts_helpers import PASSWORD, login


def test_editor_logs_in_and_reaches_the_back_office(client, make):
    editor = make.user(Role.EDITOR)
    response = login(client, editor)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/office/")
    assert client.get("/en/office/").status_code == 200


def test_wrong_password_reshows_the_form_with_the_error(client, make):
    editor = make.user(Role.EDITOR, email="staf@example.com")
    html = login(client, editor, "wrong password", lang="id").get_data(as_text=True)
    assert 'value="staf@example.com"' in html
    assert 'class="error"' in html
    assert client.get("/id/office/").status_code == 302


def test_unknown_account_gets_the_same_answer_as_a_wrong_password(client, make):
    make.user(Role.EDITOR, email="real@example.com")
    unknown = login(client, "nobody@example.com", "whatever pass").get_data(as_text=True)
    wrong = login(client, "real@example.com", "whatever pass").get_data(as_text=True)
    assert unknown.replace("nobody", "X") == wrong.replace("real", "X")


def test_next_parameter_only_allows_local_paths(client, make):
    editor = make.user(Role.EDITOR)
    email = editor.email
    evil = client.post(
        "/en/account/login?next=//evil.example/", data={"email": email, "password": PASSWORD}
    )
    assert evil.headers["Location"].endswith("/en/office/")
    client.post("/en/account/logout")
    ok = client.post(
        "/en/account/login?next=/en/office/events/", data={"email": email, "password": PASSWORD}
    )
    assert ok.headers["Location"] == "/en/office/events/"


def test_failed_logins_slow_down_the_guesser(app, client, make):
    editor = make.user(Role.EDITOR)
    for _ in range(app.config["LOGIN_FREE_FAILURES"] + 1):
        assert login(client, editor, "wrong password").status_code == 200
    blocked = login(client, editor)  # even the right password waits now, from this client
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) >= 1
    assert "Too many failed attempts" in blocked.get_data(as_text=True)


def test_failed_logins_from_one_client_across_accounts_slow_it_down(app, client, make):
    app.config["LOGIN_FREE_FAILURES_PER_CLIENT"] = 3
    for n in range(4):
        login(client, f"guess{n}@example.com", "wrong password")
    assert login(client, make.user(Role.EDITOR)).status_code == 429


def test_a_success_clears_the_account_failures(app, client, make):
    editor = make.user(Role.EDITOR)
    for _ in range(app.config["LOGIN_FREE_FAILURES"] - 1):
        login(client, editor, "wrong password")
    assert login(client, editor).status_code == 302
    client.post("/en/account/logout")
    assert login(client, editor, "wrong password").status_code == 200


def test_limits_are_shared_across_workers_through_redis(make_app, make, redis_url):
    editor = make.user(Role.EDITOR)
    workers = [make_app(REDIS_URL=redis_url) for _ in range(2)]
    for n in range(workers[0].config["LOGIN_FREE_FAILURES"] + 1):
        login(workers[n % 2].test_client(), editor, "wrong password")
    for worker in workers:
        assert login(worker.test_client(), editor).status_code == 429


def test_logout_makes_a_saved_cookie_useless(app, client, make):
    login(client, make.user(Role.EDITOR))
    saved = client.get_cookie("session").value
    assert client.post("/en/account/logout").status_code == 302
    client.set_cookie("session", saved)  # an attacker replays the old cookie
    assert client.get("/en/office/").status_code == 302


def test_deactivation_ends_the_session(app, client, make):
    admin, editor = make.user(Role.ADMIN), make.user(Role.EDITOR)
    login(client, editor)
    assert client.get("/en/office/").status_code == 200
    set_active(admin, editor, False)
    assert client.get("/en/office/").status_code == 302
    assert login(client, editor).status_code == 200  # cannot log in again either


def test_login_starts_a_new_session(client, make):
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    login(client, make.user(Role.EDITOR))
    with client.session_transaction() as session:
        assert "planted" not in session


def test_session_cookie_flags(client, make):
    login(client, make.user(Role.EDITOR))
    header = [h for h in client.get("/en/office/").headers.getlist("Set-Cookie")]
    response = login(client, make.user(Role.EDITOR))
    cookie = " ".join(response.headers.getlist("Set-Cookie") + header)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_cookies_are_secure(migrated, monkeypatch):
    monkeypatch.setenv("BRANDING_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    app = create_app({k: v for k, v in migrated.items() if k != "SECRET_KEY"})
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_password_change_ends_other_sessions(app, make):
    editor = make.user(Role.EDITOR)
    first, second = app.test_client(), app.test_client()
    login(first, editor)
    login(second, editor)
    response = first.post(
        "/en/account/password",
        data={"current": PASSWORD, "password": "a new long secret", "confirm": "a new long secret"},
    )
    assert response.status_code == 302
    assert first.get("/en/office/").status_code == 200  # this session was renewed
    assert second.get("/en/office/").status_code == 302


def test_password_reset_link_works_once(app, client, make):
    editor = make.user(Role.EDITOR, email="lupa@example.com")
    client.post("/en/account/reset", data={"email": "LUPA@example.com"})
    send_due()  # the outbox's sender (after the response in production)
    mails = sorted((Path(app.instance_path) / "mail").glob("*.eml"))
    message = email.message_from_bytes(mails[-1].read_bytes(), policy=email.policy.default)
    assert message["To"] == "lupa@example.com"
    body = message.get_content()
    link = next(line for line in body.splitlines() if "/account/reset/" in line).strip()
    path = link.split("localhost", 1)[1]
    data = {"password": "brand new secret", "confirm": "brand new secret"}
    assert client.post(path, data=data).status_code == 302
    assert login(client, editor, "brand new secret").status_code == 302
    client.post("/en/account/logout")
    reused = client.post(path, data={"password": "another secret!", "confirm": "another secret!"})
    assert (
        "/account/reset" in reused.headers["Location"]
        and "/reset/" not in reused.headers["Location"]
    )
    assert login(client, editor, "another secret!").status_code == 200


def test_reset_request_does_not_reveal_accounts(client):
    response = client.post("/en/account/reset", data={"email": "nobody@example.com"})
    assert response.status_code == 302


def test_registration_creates_an_owner_and_logs_in(client):
    data = {
        "display_name": "Ibu Boru",
        "email": "umkm@example.com",
        "password": "kopi enak sekali",
        "confirm": "kopi enak sekali",
        "role": "admin",  # not a field of the form: ignored
    }
    response = client.post("/en/account/register", data=data)
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "umkm@example.com"))
    assert user.role == Role.OWNER
    assert user.password_hash.startswith("$argon2id$")
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "register"))


def test_registration_errors_are_in_the_users_language(client, make):
    make.user(email="ada@example.com")
    data = {
        "display_name": "X",
        "email": "ada@example.com",
        "password": "short",
        "confirm": "other",
    }
    html = client.post("/id/account/register", data=data).get_data(as_text=True)
    assert 'value="ada@example.com"' in html
    assert "Kata sandi tidak sama." in html or "tidak sama" in html


def test_argon2_parameters_are_current(migrated):
    from branding.accounts.services import hash_password

    defaults = {k: v for k, v in migrated.items() if not k.startswith("ARGON2_")}
    with create_app(defaults).app_context():
        assert hash_password("x" * 12).startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_cheaper_hashes_are_upgraded_at_login(make_app, make):
    user = make.user(Role.EDITOR)
    assert "m=1024" in user.password_hash
    real = make_app(ARGON2_TIME_COST=3, ARGON2_MEMORY_KIB=65536, ARGON2_PARALLELISM=4)
    login(real.test_client(), user)
    db.session.refresh(user)
    assert "m=65536,t=3,p=4" in user.password_hash
