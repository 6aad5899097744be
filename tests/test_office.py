"""The tourism office's back office: destinations, events, areas, settings, audit."""

from datetime import UTC, datetime

from sqlalchemy import select

from branding.accounts.models import AuditEntry, Role
from branding.businesses.models import ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.identity.models import BrandingSettings
from tests.accounts_helpers import login


def _destination_form(area_id: int, **overrides) -> dict:
    data = {
        "name_id": "Air Terjun Lae Une",
        "name_en": "Lae Une Waterfall",
        "summary_id": "Air terjun di hutan.",
        "description_id": "**Indah** sekali.\n\n<script>alert(1)</script>",
        "category": "waterfall",
        "area_id": str(area_id),
        "ticket_price_adult": "10000",
        "facilities": ["parking", "toilets"],
        "hours_sat": "08:00-17:00",
        "hours_exceptions": "2026-12-25 closed",
        "latitude": "",  # browsers send empty boxes
        "ticket_price_child": " ",
    }
    data.update(overrides)
    return data


def test_editor_creates_previews_and_publishes_a_destination(client, make):
    editor, area = make.user(Role.EDITOR), make.area()
    login(client, editor)
    response = client.post("/en/office/destinations/new", data=_destination_form(area.id))
    assert response.status_code == 302
    destination = db.session.scalar(select(Destination))
    assert destination.slug == "air-terjun-lae-une"
    assert destination.status == PublicationStatus.DRAFT
    assert destination.opening_hours == {
        "weekly": {"sat": [["08:00", "17:00"]]},
        "exceptions": [{"date": "2026-12-25", "closed": True}],
    }
    assert client.get(f"/en/destinations/{destination.slug}").status_code == 404
    preview = client.get(f"/en/office/destinations/{destination.id}/preview").get_data(as_text=True)
    assert "Preview" in preview and "Lae Une Waterfall" in preview
    client.post(f"/en/office/destinations/{destination.id}/publish")
    public = client.get(f"/en/destinations/{destination.slug}").get_data(as_text=True)
    assert "<strong>Indah</strong>" in public
    assert "<script>alert" not in public
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["create", "publish"]


def test_bad_input_reshows_everything_typed_with_errors_in_the_users_language(client, make):
    area = make.area()
    login(client, make.user(Role.EDITOR), lang="id")
    data = _destination_form(
        area.id, name_id="", name_en="", latitude="north", hours_sat="8 till late"
    )
    html = client.post("/id/office/destinations/new", data=data).get_data(as_text=True)
    assert "Air terjun di hutan." in html and "8 till late" in html
    assert html.count('class="error"') == 3
    assert "Isi setidaknya dalam salah satu bahasa." in html  # a name in no language at all
    assert db.session.scalar(select(Destination)) is None


def test_an_item_named_only_in_english_is_created_and_shown_in_every_language(client, make):
    area = make.area()
    login(client, make.user(Role.EDITOR), lang="id")
    data = _destination_form(area.id, name_id="", name_en="Lae Une Waterfall")
    assert client.post("/id/office/destinations/new", data=data).status_code == 302
    destination = db.session.scalar(select(Destination))
    assert destination.slug == "lae-une-waterfall"
    client.post(f"/id/office/destinations/{destination.id}/publish")
    page = client.get(f"/id/destinations/{destination.slug}").get_data(as_text=True)
    assert "Lae Une Waterfall" in page  # the fallback rule shows the English name


def test_editing_logs_what_changed(client, make):
    editor, destination = make.user(Role.EDITOR), make.destination()
    login(client, editor)
    form = client.get(f"/en/office/destinations/{destination.id}/edit").get_data(as_text=True)
    assert destination.name["en"] in form
    data = _destination_form(destination.area_id, name_en="New English name")
    client.post(f"/en/office/destinations/{destination.id}/edit", data=data)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "update"))
    assert entry.changes["name"][1]["en"] == "New English name"
    assert entry.actor_id == editor.id


def test_editor_deletes_a_destination(client, make):
    destination = make.destination()
    login(client, make.user(Role.EDITOR))
    client.post(f"/en/office/destinations/{destination.id}/delete")
    assert db.session.scalar(select(Destination)) is None


def test_events_held_at_a_deleted_destination_keep_its_name_as_their_venue(client, make):
    destination = make.destination(name={"id": "Taman Wisata Iman", "en": "Faith Park"})
    held = make.event(destination=destination, venue_name="")
    named = make.event(destination=destination, venue_name="Panggung Utama")
    held_id, named_id = held.id, named.id
    login(client, make.user(Role.EDITOR))
    client.post(f"/en/office/destinations/{destination.id}/delete")
    db.session.expire_all()
    assert db.session.get(Event, held_id).venue_name == "Taman Wisata Iman"
    assert db.session.get(Event, named_id).venue_name == "Panggung Utama"
    assert db.session.get(Event, held_id).destination_id is None


def test_event_form_takes_wib_times_and_a_weekly_rule(client, make):
    login(client, make.user(Role.EDITOR))
    data = {
        "title_id": "Pasar Sabtu",
        "category": "market",
        "event_status": "scheduled",
        "start_date": "2026-01-03",
        "start_time": "07:00",
        "end_date": "2026-01-03",
        "end_time": "12:00",
        "frequency": "WEEKLY",
        "weekdays": ["SA"],
        "repeat_count": "10",
        "exdates": "2026-01-10\n2026-01-17",
        "destination_id": "0",
        "area_id": "0",
        "venue_name": "Pajak Salak",
    }
    assert client.post("/en/office/events/new", data=data).status_code == 302
    event = db.session.scalar(select(Event))
    assert event.starts_at == datetime(2026, 1, 3, 0, 0, tzinfo=UTC)
    assert event.recurrence_rule == "FREQ=WEEKLY;BYDAY=SA;COUNT=10"
    assert event.recurrence_exdates == ["2026-01-10", "2026-01-17"]
    assert event.recurrence_until is not None
    form = client.get(f"/en/office/events/{event.id}/edit").get_data(as_text=True)
    assert 'value="07:00"' in form and "2026-01-17" in form


def test_event_cannot_end_before_it_starts(client, make):
    login(client, make.user(Role.EDITOR))
    data = {"title_id": "X", "category": "market", "event_status": "scheduled",
            "start_date": "2026-01-03", "end_date": "2026-01-02",
            "destination_id": "0", "area_id": "0"}  # fmt: skip
    html = client.post("/en/office/events/new", data=data).get_data(as_text=True)
    assert "An event cannot end before it starts." in html
    assert db.session.scalar(select(Event)) is None


def test_an_area_in_use_is_not_deleted(client, make):
    destination = make.destination()
    login(client, make.user(Role.EDITOR))
    response = client.post(f"/en/office/areas/{destination.area_id}/delete", follow_redirects=True)
    assert "still has destinations" in response.get_data(as_text=True)
    empty = make.area()
    empty_id = empty.id
    client.post(f"/en/office/areas/{empty_id}/delete")
    db.session.expire_all()
    assert db.session.get(type(empty), empty_id) is None


def test_admin_manages_roles_accounts_and_branding(client, make):
    admin, owner = make.user(Role.ADMIN), make.user(Role.OWNER)
    login(client, admin)
    client.post(f"/en/office/admin/users/{owner.id}/role", data={"role": "editor"})
    client.post(f"/en/office/admin/users/{owner.id}/active", data={"active": "0"})
    db.session.refresh(owner)
    assert owner.role == Role.EDITOR and not owner.active
    settings = {
        "site_name_id": "Pesona",
        "regency_name": "Kab",
        "color_primary": "green",
        "color_secondary": "#000000",
        "color_accent": "#ffffff",
    }
    bad = client.post("/en/office/admin/settings", data=settings)
    assert "Write a colour like #1f5f3f." in bad.get_data(as_text=True)
    settings.update(color_primary="#123456", tagline_en="Land of waterfalls")
    good = client.post("/en/office/admin/settings", data=settings)
    assert good.status_code == 302
    assert "Land of waterfalls" in client.get("/en/").get_data(as_text=True)


def test_admin_cannot_lock_themselves_out(client, make):
    admin = make.user(Role.ADMIN)
    login(client, admin)
    client.post(f"/en/office/admin/users/{admin.id}/active", data={"active": "0"})
    client.post(f"/en/office/admin/users/{admin.id}/role", data={"role": "owner"})
    db.session.refresh(admin)
    assert admin.active and admin.role == Role.ADMIN


def test_translation_status_page_lists_gaps(client, make):
    place = make.destination(slug="lae-une", name={"id": "Lae Une"})
    login(client, make.user(Role.EDITOR))
    html = client.get("/en/office/translations?language=btd").get_data(as_text=True)
    assert f'<a href="/en/office/destinations/{place.id}/edit">Lae Une</a>' in html
    assert "Name, Summary" in html


def test_translation_status_rows_link_to_their_editors_with_human_labels(client, make):
    business = make.business(name="Kopi Sample")
    product = make.product(business, name={"id": "Kopi Bubuk", "en": "Ground coffee"})
    hidden = make.business(name="Usaha Draf", status=ModerationStatus.DRAFT)
    db.session.add(BrandingSettings(site_name={"id": "Situs", "en": "Site"}, regency_name="Pakpak"))
    db.session.commit()
    login(client, make.user(Role.ADMIN))
    html = client.get("/en/office/translations?language=btd").get_data(as_text=True)
    assert "branding_settings#" not in html
    assert '<a href="/en/office/admin/settings">The site&#39;s branding</a>' in html
    assert f'<a href="/en/office/workbench/content/business/{business.id}">Kopi Sample</a>' in html
    editor = f"/en/office/workbench/content/product/{product.id}"
    assert f'<a href="{editor}">Ground coffee · Kopi Sample</a>' in html
    assert f'<a href="/en/office/moderation/businesses/{hidden.id}/preview">Usaha Draf</a>' in html
    assert "<td>Site name</td>" in html
