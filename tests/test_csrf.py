"""Every state-changing request needs a valid CSRF token."""

import re

import pytest
from werkzeug.routing import Rule

from branding.accounts.models import Role
from tests.accounts_helpers import PASSWORD

TOKEN = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def _example_url(rule: Rule) -> str:
    values = {}
    for name in rule.arguments:
        converter = rule._converters[name]
        if name == "lang":
            values[name] = "en"
        elif getattr(converter, "items", None):
            values[name] = sorted(converter.items)[0]
        else:
            values[name] = 1 if "Integer" in type(converter).__name__ else "x"
    return rule.build(values)[1]


def _token(html: str) -> str:
    match = TOKEN.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1) or match.group(2)


@pytest.fixture
def csrf_app(make_app):
    """The app with CSRF protection on, as in production."""
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        yield app


def _post_rules(app) -> list[Rule]:
    return [r for r in app.url_map.iter_rules() if "POST" in r.methods and r.endpoint != "static"]


def test_there_are_state_changing_routes(csrf_app):
    assert len(_post_rules(csrf_app)) >= 10


def test_posts_without_a_token_are_refused_everywhere(csrf_app, make):
    admin = make.user(Role.ADMIN)
    client = csrf_app.test_client()
    token = _token(client.get("/en/account/login").get_data(as_text=True))
    login = client.post(
        "/en/account/login", data={"email": admin.email, "password": PASSWORD, "csrf_token": token}
    )
    assert login.status_code == 302  # with the token, the same request works
    for rule in _post_rules(csrf_app):
        response = client.post(_example_url(rule), data={"name_id": "x", "role": "owner"})
        assert response.status_code == 400, rule.rule
        assert "reload the page" in response.get_data(as_text=True), rule.rule
    assert client.get("/en/office/").status_code == 200  # still logged in, nothing changed


def test_a_token_from_another_session_is_refused(csrf_app, make):
    editor = make.user(Role.EDITOR)
    stranger = csrf_app.test_client()
    foreign = _token(stranger.get("/en/account/login").get_data(as_text=True))
    victim = csrf_app.test_client()
    victim.get("/en/account/login")
    data = {"email": editor.email, "password": PASSWORD, "csrf_token": foreign}
    assert victim.post("/en/account/login", data=data).status_code == 400
