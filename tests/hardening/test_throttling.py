"""Login throttling that slows guessing without locking the owner out, and the rate limits on
registration, reset mail and uploads, in Redis or the database, through a Redis outage."""

from __future__ import annotations

import io
import socket
import time

import pytest
from sqlalchemy import func, select

from branding.accounts import limits
from branding.accounts.models import RateEvent, Role, User
from branding.core.mail import OutgoingMail
from branding.extensions import db
from tests.accounts_helpers import PASSWORD, login
from tests.media.photo_files import photo_bytes

ATTACKER, OWNER_PHONE = "198.51.100.7", "203.0.113.20"  # documentation addresses, never dialled


class Clock:
    """The limits' clock, moved by hand."""

    def __init__(self, monkeypatch) -> None:
        self.now = time.time()
        monkeypatch.setattr(limits, "now", lambda: self.now)

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def _from(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_delays_grow_from_the_guessers_client_and_never_lock(app, make, clock):
    owner = make.user(Role.EDITOR)
    attacker = _from(app, ATTACKER)
    free = app.config["LOGIN_FREE_FAILURES"]
    for _ in range(free + 1):
        assert login(attacker, owner, "guess").status_code == 200
    waits = []
    for _ in range(5):
        refused = login(attacker, owner, "guess")
        assert refused.status_code == 429
        waits.append(int(refused.headers["Retry-After"]))
        clock.advance(waits[-1])
        assert login(attacker, owner, "guess").status_code == 200  # counted: the next waits more
    assert waits == sorted(waits) and waits[-1] > waits[0]
    assert max(waits) <= app.config["LOGIN_MAX_DELAY_SECONDS"] + 1
    clock.advance(app.config["LOGIN_MAX_DELAY_SECONDS"] + 1)
    assert login(attacker, owner).status_code == 302  # after the wait, the right password works


def test_the_owner_on_another_client_is_not_slowed_at_all(app, make, clock):
    owner = make.user(Role.ADMIN)
    attacker = _from(app, ATTACKER)
    for _ in range(30):
        login(attacker, owner, "guess")
        clock.advance(400)  # the attacker waits out every delay
    assert login(_from(app, OWNER_PHONE), owner).status_code == 302


def test_spraying_from_one_address_slows_it_for_seconds_only(app, make, clock):
    office = _from(app, ATTACKER)
    for n in range(app.config["LOGIN_FREE_FAILURES_PER_CLIENT"] + 5):
        login(office, f"guess{n}@example.com", "guess")
    refused = login(office, make.user(Role.EDITOR))
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) <= app.config["LOGIN_MAX_CLIENT_DELAY_SECONDS"] + 1


def test_the_waiting_page_speaks_the_visitors_language_and_offers_a_reset(app, make, clock):
    owner = make.user(Role.OWNER)
    attacker = _from(app, ATTACKER)
    for _ in range(app.config["LOGIN_FREE_FAILURES"] + 1):
        login(attacker, owner, "guess", lang="id")
    page = login(attacker, owner, lang="id")
    assert page.status_code == 429 and page.headers["Retry-After"]
    html = page.get_data(as_text=True)
    assert "Terlalu banyak percobaan yang gagal" in html
    assert "/id/account/reset" in html


def _mails_to(address: str) -> list[OutgoingMail]:
    query = select(OutgoingMail).where(OutgoingMail.recipient == address)
    return list(db.session.scalars(query.order_by(OutgoingMail.id)))


def _reset_link(app, address: str) -> str:
    body = _mails_to(address)[-1].body  # the outbox: what the sender will mail
    link = next(line for line in body.splitlines() if "/account/reset/" in line)
    return link.strip().split("localhost", 1)[1]


def test_a_reset_link_works_while_logins_wait(app, make, clock):
    owner = make.user(Role.OWNER, email="pemilik-throttle@example.com")
    client = _from(app, ATTACKER)  # the owner shares the attacker's address (one café wifi)
    for _ in range(app.config["LOGIN_FREE_FAILURES"] + 3):
        login(client, owner, "guess")
    assert login(client, owner).status_code == 429
    assert client.post("/en/account/reset", data={"email": owner.email}).status_code == 302
    path = _reset_link(app, owner.email)
    data = {"password": "a fresh secret", "confirm": "a fresh secret"}
    assert client.post(path, data=data).status_code == 302
    clock.advance(1)  # the password changed after every counted failure
    assert login(client, owner, "a fresh secret").status_code == 302


def test_registration_is_limited_per_client(app, clock):
    app.config["REGISTRATIONS_PER_CLIENT"] = (3, 3600)
    for n in range(3):
        client = _from(app, ATTACKER)
        data = {"email": f"new{n}@example.com", "password": PASSWORD, "confirm": PASSWORD,
                "display_name": f"Usaha {n}", "accept": "y"}  # fmt: skip
        assert client.post("/id/account/register", data=data).status_code == 302
    data = {**data, "email": "new9@example.com"}
    refused = _from(app, ATTACKER).post("/id/account/register", data=data)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 3600
    html = refused.get_data(as_text=True)
    assert "Harap tunggu sebentar" in html and "detik" in html
    assert db.session.scalar(select(func.count()).select_from(User)) == 3
    assert _from(app, OWNER_PHONE).post("/id/account/register", data=data).status_code == 302


def test_reset_mail_is_limited_per_address_quietly_and_per_client_loudly(app, make, clock):
    owner = make.user(Role.OWNER, email="banjir@example.com")
    answers = []
    for n in range(30):
        client = _from(app, f"192.0.2.{n + 1}")  # many clients, one address
        answers.append(client.post("/en/account/reset", data={"email": owner.email}).status_code)
    assert set(answers) == {302}  # the same answer every time: nothing revealed
    assert len(_mails_to(owner.email)) == app.config["RESET_MAILS_PER_ADDRESS"][0]
    client = _from(app, ATTACKER)
    most = app.config["RESET_MAILS_PER_CLIENT"][0]
    codes = [
        client.post("/en/account/reset", data={"email": f"x{n}@example.com"}).status_code
        for n in range(most + 1)
    ]
    assert codes[:most] == [302] * most and codes[-1] == 429


def test_uploads_are_limited_per_user(app, client, make, clock):
    app.config["UPLOADS_PER_USER"] = (2, 600)
    editor, destination = make.user(Role.EDITOR), make.destination()
    login(client, editor)
    url = f"/en/office/destinations/{destination.id}/photos"
    codes = []
    for _ in range(3):
        data = {"photos": [(io.BytesIO(photo_bytes((400, 300))), "a.jpg")]}
        codes.append(client.post(url, data=data, content_type="multipart/form-data").status_code)
    assert codes == [302, 302, 429]
    clock.advance(601)
    data = {"photos": [(io.BytesIO(photo_bytes((400, 300))), "a.jpg")]}
    assert client.post(url, data=data, content_type="multipart/form-data").status_code == 302


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the socket is


def test_a_redis_outage_counts_in_the_database_instead_of_failing(make_app, make, clock):
    app = make_app(REDIS_URL=f"redis://127.0.0.1:{_closed_port()}/2")
    with app.app_context():
        owner = make.user(Role.EDITOR).email
    client = _from(app, ATTACKER)
    assert login(client, owner).status_code == 302  # no 500 with Redis down
    client = _from(app, ATTACKER)
    for _ in range(app.config["LOGIN_FREE_FAILURES"] + 1):
        assert login(client, owner, "guess").status_code == 200
    assert login(client, owner).status_code == 429  # still throttled, from the database
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(RateEvent)) > 0


def test_with_redis_the_counts_stay_out_of_the_database(make_app, make, clock, redis_url):
    workers = [make_app(REDIS_URL=redis_url) for _ in range(2)]
    with workers[0].app_context():
        owner = make.user(Role.EDITOR).email
    for n in range(workers[0].config["LOGIN_FREE_FAILURES"] + 1):
        login(_from(workers[n % 2], ATTACKER), owner, "guess")
    assert login(_from(workers[1], ATTACKER), owner).status_code == 429
    assert login(_from(workers[0], OWNER_PHONE), owner).status_code == 302
    with workers[0].app_context():
        assert db.session.scalar(select(func.count()).select_from(RateEvent)) == 0
