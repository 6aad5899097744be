"""An admin gives the translator role or invites a volunteer; a translator reaches only the
workbench of the back office."""

from __future__ import annotations

from sqlalchemy import select

from branding.accounts.models import Role, User
from branding.extensions import db
from tests.accounts_helpers import login


def test_an_admin_invites_a_volunteer_as_translator_who_lands_on_the_workbench(app, make):
    admin = app.test_client()
    login(admin, make.user(Role.ADMIN))
    form = admin.get("/en/office/admin/users/invite").get_data(as_text=True)
    assert '<option value="translator"' in form
    response = admin.post(
        "/en/office/admin/users/invite",
        data={"display_name": "Relawan", "email": "relawan@example.com", "role": "translator",
              "language": "id"},
    )  # fmt: skip
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "relawan@example.com"))
    assert user is not None and user.role == Role.TRANSLATOR
    users = admin.get("/en/office/admin/users").get_data(as_text=True)
    assert f"/office/admin/users/{user.id}/invite" in users  # a new link can be sent


def test_an_admin_makes_a_colleague_a_translator(app, make):
    admin, colleague = app.test_client(), make.user(Role.EDITOR)
    login(admin, make.user(Role.ADMIN))
    admin.post(f"/en/office/admin/users/{colleague.id}/role", data={"role": "translator"})
    db.session.refresh(colleague)
    assert colleague.role == Role.TRANSLATOR


def test_a_translator_sees_the_workbench_and_nothing_else_of_the_back_office(app, make):
    client = app.test_client()
    response = login(client, make.user(Role.TRANSLATOR))
    assert response.headers["Location"].endswith("/en/office/workbench/")
    page = client.get("/en/office/workbench/").get_data(as_text=True)
    office_nav = page.split('class="officenav"')[1].split("</nav>")[0]
    assert "Translation workbench" in office_nav
    for other in ("Overview", "Destinations", "Moderation", "Audit log", "Users"):
        assert other not in office_nav
    for path in ("/en/office/", "/en/office/destinations/", "/en/office/moderation/",
                 "/en/office/audit", "/en/office/admin/users", "/en/my/"):  # fmt: skip
        assert client.get(path).status_code == 403, path
    assert client.get("/en/account/password").status_code == 200  # their own account
