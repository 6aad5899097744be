"""The content queue: items lacking Pakpak, most visited first, edited side by side."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from branding.accounts.models import Role
from branding.areas.models import Area
from branding.editorial import revisions
from branding.editorial.models import RevisionStatus
from branding.extensions import db
from branding.insight.models import DailyCount
from tests.accounts_helpers import login


def _views(kind: str, item, count: int) -> None:
    db.session.add(DailyCount(day=date(2026, 11, 30), subject_type=kind, subject_id=item.id,
                              action="view", lang="id", count=count))  # fmt: skip
    db.session.commit()


def _client(app, make, role: Role):
    client = app.test_client()
    login(client, make.user(role))
    return client


def test_the_queue_lists_items_lacking_pakpak_most_visited_first(app, make):
    quiet, busy = make.destination(), make.destination()
    event = make.event()
    done = make.destination(name={"id": "Lae X", "en": "X", "btd": "BTD-TEST-1"},
                            summary={"id": "R", "en": "S", "btd": "BTD-TEST-2"})  # fmt: skip
    _views("destination", busy, 40)
    _views("event", event, 7)
    html = _client(app, make, Role.TRANSLATOR).get("/en/office/workbench/content/")
    text = html.get_data(as_text=True)
    order = [text.index(f"/content/{kind}/{item.id}") for kind, item in
             (("destination", busy), ("event", event), ("destination", quiet))]  # fmt: skip
    assert order == sorted(order)
    assert f"/content/destination/{done.id}" not in text
    assert "Name, Summary" in text
    workbench = _client(app, make, Role.TRANSLATOR).get("/en/office/workbench/")
    items = 4 + db.session.scalar(select(func.count()).select_from(Area))  # the factories' areas
    assert (
        f"Content: 1 of {items} destinations, events, areas, businesses and products have every "
        "text in Pakpak."
    ) in workbench.get_data(as_text=True)


def test_an_editor_saves_pakpak_texts_beside_the_others_as_a_live_revision(app, make):
    destination = make.destination()
    editor = _client(app, make, Role.EDITOR)
    page = editor.get(f"/en/office/workbench/content/destination/{destination.id}")
    html = page.get_data(as_text=True)
    assert f'<p lang="id" class="workbench-text">{destination.name["id"]}</p>' in html
    assert f'<p lang="en" class="workbench-text">{destination.name["en"]}</p>' in html
    response = editor.post(
        f"/en/office/workbench/content/destination/{destination.id}",
        data={"name": "BTD-TEST-1", "summary": "BTD-TEST-2"},
    )
    assert response.status_code == 302
    db.session.refresh(destination)
    assert destination.name["btd"] == "BTD-TEST-1" and destination.name["id"].startswith("Tempat")
    latest = revisions.latest(destination)
    assert latest is not None and latest.status == RevisionStatus.LIVE
    assert latest.data["summary"]["btd"] == "BTD-TEST-2"
    visitor = app.test_client().get(f"/btd/destinations/{destination.slug}")
    assert "BTD-TEST-1" in visitor.get_data(as_text=True)


def test_a_translators_change_to_a_published_item_waits_as_a_draft(app, make):
    destination = make.destination()
    translator = _client(app, make, Role.TRANSLATOR)
    translator.post(f"/en/office/workbench/content/destination/{destination.id}",
                    data={"name": "BTD-TEST-1", "summary": ""})  # fmt: skip
    db.session.refresh(destination)
    assert "btd" not in destination.name  # visitors still read the published row
    draft = revisions.waiting(destination)
    assert draft is not None and draft.data["name"]["btd"] == "BTD-TEST-1"
    again = translator.get(f"/en/office/workbench/content/destination/{destination.id}")
    assert "BTD-TEST-1</textarea>" in again.get_data(as_text=True)  # the draft is shown


def test_a_text_too_long_is_refused_and_kept(app, make):
    event = make.event()
    editor = _client(app, make, Role.EDITOR)
    response = editor.post(f"/en/office/workbench/content/event/{event.id}",
                           data={"title": "x" * 20_001})  # fmt: skip
    assert response.status_code == 422
    assert "A text can have at most 20000 characters." in response.get_data(as_text=True)
    assert editor.get("/en/office/workbench/content/event/999999").status_code == 404
