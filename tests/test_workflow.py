"""The editorial workflow: revisions, review of a version, scheduling, notifications, tools."""

from __future__ import annotations

import email
import email.policy
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from branding.accounts.models import AuditEntry, Role, User
from branding.businesses.models import Business, ModerationStatus, Product
from branding.core import mail
from branding.core.content.publishing import PublicationStatus, utcnow
from branding.destinations.models import Destination
from branding.editorial import revisions, scheduling
from branding.editorial.models import Revision, RevisionStatus
from branding.events.models import Event
from branding.extensions import db
from branding.media.models import Photo
from branding.search.models import SearchOutbox
from tests.accounts_helpers import login
from tests.listing_helpers import approved, business_form, log_in, product_form, reload

APPROVED, PENDING = ModerationStatus.APPROVED, ModerationStatus.PENDING
Q = "/en/office/moderation"


def _mails(app) -> list[email.message.EmailMessage]:
    """Send what is due and return every message in the default mail sink, oldest first."""
    mail.send_due()
    folder = Path(app.instance_path) / "mail"
    return [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for path in sorted(folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    ]


@pytest.fixture(autouse=True)
def _empty_mail_sink(app):
    for path in (Path(app.instance_path) / "mail").glob("*.eml"):
        path.unlink()


@pytest.fixture
def editor(make):
    return make.user(Role.EDITOR, email="editor@example.test")


@pytest.fixture
def office(app, editor):
    client = app.test_client()
    log_in(client, editor)
    return client


def _listing(client, make, lang: str = "en"):
    """An owner's business with a product, submitted and approved; the owner is logged in."""
    owner, area = make.user(display_name="Ibu Sari"), make.area()
    log_in(client, owner, lang)
    client.post(f"/{lang}/my/businesses/new", data=business_form(area, name="Kopi Lae Une"))
    business = db.session.scalar(select(Business))
    client.post(f"/{lang}/my/businesses/{business.id}/products/new", data=product_form())
    client.post(f"/{lang}/my/businesses/{business.id}/submit")
    editor = make.user(Role.EDITOR)
    business = approved(editor, reload(business))
    product = approved(editor, db.session.scalar(select(Product)))
    return reload(business), reload(product), area


# --- review of a version -------------------------------------------------------------------


def test_an_owners_edit_leaves_the_public_page_until_approval(app, client, make, office):
    business, product, area = _listing(client, make)
    visitor = app.test_client()
    url = f"/en/businesses/{business.slug}"
    changed = business_form(
        area, name="Kopi Lae Une", summary_en="Open on Sundays now.", hours_sun="09:00-12:00"
    )
    client.post(f"/en/my/businesses/{business.id}/edit", data=changed)
    edit = f"/en/my/businesses/{business.id}/products/{product.id}/edit"
    client.post(edit, data=product_form(price_min="40.000"))

    page = visitor.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Open on Sundays now." not in html and "Rp 35,000" in html and "Rp 40,000" not in html

    review = office.get(f"{Q}/businesses/{business.id}").get_data(as_text=True)
    assert "Open on Sundays now." in review and "Rp 40,000" in review
    business_rev = revisions.latest(business, RevisionStatus.PENDING)
    product_rev = revisions.latest(product, RevisionStatus.PENDING)
    office.post(
        f"{Q}/businesses/{business.id}/decide",
        data={"shown": [business_rev.id, product_rev.id], "all": "approve"},
    )
    html = visitor.get(url).get_data(as_text=True)
    assert "Open on Sundays now." in html and "Rp 40,000" in html
    assert reload(business).opening_hours["weekly"]["sun"] == [["09:00", "12:00"]]


def test_approving_applies_exactly_the_reviewed_revision(app, client, make, office):
    business, product, area = _listing(client, make)
    client.post(
        f"/en/my/businesses/{business.id}/edit",
        data=business_form(area, name="Kopi Lae Une", summary_en="First change."),
    )
    shown = revisions.latest(business, RevisionStatus.PENDING)
    office.get(f"{Q}/businesses/{business.id}")  # the editor opens the page…
    client.post(  # …the owner saves again meanwhile
        f"/en/my/businesses/{business.id}/edit",
        data=business_form(area, name="Kopi Lae Une", summary_en="Second change."),
    )
    response = office.post(
        f"{Q}/businesses/{business.id}/decide", data={"shown": [shown.id], "all": "approve"}
    )
    assert response.status_code == 302
    assert reload(business).summary["en"] == "Arabica coffee from our own farm."  # stale: none
    later = revisions.latest(business, RevisionStatus.PENDING)
    assert later.data["summary"]["en"] == "Second change."  # waits for the next review

    # approving the version now shown applies it, and only it
    office.post(
        f"{Q}/businesses/{business.id}/decide",
        data={"shown": [later.id], f"decision-{later.id}": "approve"},
    )
    assert reload(business).summary["en"] == "Second change."
    assert db.session.get(Revision, later.id).status == RevisionStatus.LIVE


def test_a_change_set_is_decided_per_item_with_reasons_the_owner_sees(app, client, make, office):
    business, product, area = _listing(client, make)
    client.post(
        f"/en/my/businesses/{business.id}/edit",
        data=business_form(area, name="Kopi Lae Une", phone="0627 99999"),
    )
    edit = f"/en/my/businesses/{business.id}/products/{product.id}/edit"
    client.post(edit, data=product_form(price_min="99.000"))
    b_rev = revisions.latest(business, RevisionStatus.PENDING)
    p_rev = revisions.latest(product, RevisionStatus.PENDING)
    queue = office.get(f"{Q}/").get_data(as_text=True)
    assert "Kopi Lae Une" in queue and "Ground coffee" in queue
    office.post(
        f"{Q}/businesses/{business.id}/decide",
        data={
            "shown": [b_rev.id, p_rev.id],
            f"decision-{b_rev.id}": "approve",
            f"decision-{p_rev.id}": "reject",
            f"reason-{p_rev.id}": "That price looks like a typing mistake.",
        },
    )
    assert reload(product).price_min == 35000 and reload(product).status == APPROVED
    assert "99999" in reload(business).phone
    assert db.session.get(Revision, p_rev.id).reason == "That price looks like a typing mistake."
    (message,) = _mails(app)[-1:]
    assert message["Subject"] == "Partly approved: Kopi Lae Une"
    assert "That price looks like a typing mistake." in message.get_content()


def test_a_photo_added_after_the_page_was_shown_waits(app, client, make, office):
    business, product, area = _listing(client, make)
    shown = make.photo(business, approved=False)
    office.get(f"{Q}/businesses/{business.id}")
    later = make.photo(business, approved=False)
    office.post(
        f"{Q}/businesses/{business.id}/decide",
        data={"photo": [shown.id], f"photo-{shown.id}": "approve", "all": ""},
    )
    db.session.expire_all()
    assert db.session.get(Photo, shown.id).approved is True
    assert db.session.get(Photo, later.id).approved is False


# --- revisions of the office's content ------------------------------------------------------


def _destination_form(destination, **overrides) -> dict:
    data = {
        "name_id": destination.name["id"],
        "name_en": destination.name.get("en", ""),
        "summary_id": "Ringkasan baru.",
        "category": destination.category.value,
        "area_id": str(destination.area_id),
        **overrides,
    }
    return data


def test_a_draft_of_a_published_destination_waits_until_published(app, make, office):
    destination = make.destination(summary={"id": "Ringkasan lama.", "en": "Old summary."})
    visitor = app.test_client()
    url = f"/en/destinations/{destination.slug}"
    office.post(
        f"/en/office/destinations/{destination.id}/edit",
        data=_destination_form(destination, summary_en="New summary.", action="draft"),
    )
    assert "Old summary." in visitor.get(url).get_data(as_text=True)
    preview = office.get(f"/en/office/destinations/{destination.id}/preview").get_data(as_text=True)
    assert "New summary." in preview
    assert f"/en/office/destinations/{destination.id}/edit" in preview  # Edit on the preview
    assert f"/en/office/destinations/{destination.id}/publish" in preview  # and Publish
    office.post(f"/en/office/destinations/{destination.id}/publish")
    assert "New summary." in visitor.get(url).get_data(as_text=True)


def test_revert_restores_a_field_in_each_language(make, office):
    destination = make.destination(name={"id": "Danau Lama", "en": "Old Lake", "btd": "Lae Tua"})
    edit = f"/en/office/destinations/{destination.id}/edit"
    office.post(
        edit, data=_destination_form(destination, name_id="Danau Lama", name_en="Old Lake",
                                     name_btd="Lae Tua", action="publish"),
    )  # fmt: skip
    first = revisions.latest(destination)
    office.post(
        edit, data=_destination_form(destination, name_id="Danau Baru", name_en="New Lake",
                                     name_btd="Lae Mbaru", action="publish"),
    )  # fmt: skip
    assert reload(destination).name == {"id": "Danau Baru", "en": "New Lake", "btd": "Lae Mbaru"}

    history = office.get(f"/en/office/history/destinations/{destination.id}")
    assert history.status_code == 200
    second = revisions.latest(destination)
    page = office.get(
        f"/en/office/history/destinations/{destination.id}/compare?a={first.id}&b={second.id}"
    ).get_data(as_text=True)
    assert "Old Lake" in page and "New Lake" in page and "Lae Tua" in page and "Lae Mbaru" in page
    in_indonesian = office.get(
        f"/id/office/history/destinations/{destination.id}/compare?a={first.id}&b={second.id}"
    ).get_data(as_text=True)
    assert "Bahasa Inggris" in in_indonesian and "Bahasa inggris" not in in_indonesian

    office.post(f"/en/office/history/destinations/{destination.id}/revert/{first.id}")
    office.post(f"/en/office/destinations/{destination.id}/publish")  # published: a draft first
    assert reload(destination).name == {"id": "Danau Lama", "en": "Old Lake", "btd": "Lae Tua"}
    newest = revisions.latest(destination)
    assert newest.kind.value == "revert" and newest.source_id == first.id


def test_revisions_per_item_are_bounded(app, make, editor):
    from branding.destinations.editing import save_destination

    app.config["REVISIONS_PER_ITEM"] = 5
    destination = make.destination(status=PublicationStatus.DRAFT)
    values = {name: getattr(destination, name) for name in revisions.spec_of(destination).fields}
    for n in range(8):
        save_destination(editor, destination, {**values, "address": f"Jalan {n}"})
    kept = db.session.scalar(
        select(func.count(Revision.id)).where(Revision.item_type == "destinations")
    )
    assert kept == 5


# --- scheduling ------------------------------------------------------------------------------


def test_scheduled_publish_and_unpublish_happen_when_due_and_not_before(app, make, runner):
    start = datetime(2030, 1, 10, 3, 0, tzinfo=UTC)
    event = make.event(status=PublicationStatus.DRAFT, publish_at=start,
                       unpublish_at=start + timedelta(days=30))  # fmt: skip
    scheduling.run_due(start - timedelta(minutes=1))
    assert reload(event).status == PublicationStatus.DRAFT
    result = runner.invoke(args=["publish", "due", "--now", start.isoformat()])
    assert "published 1" in result.output
    event = reload(event)
    assert event.status == PublicationStatus.PUBLISHED and event.publish_at is None
    scheduling.run_due(start + timedelta(days=29))
    assert reload(event).status == PublicationStatus.PUBLISHED
    scheduling.run_due(start + timedelta(days=30))
    assert reload(event).status == PublicationStatus.DRAFT
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["scheduled publish", "scheduled unpublish"]
    assert db.session.scalar(select(func.count(SearchOutbox.id))) > 0  # the index hears of it


def test_two_runners_at_once_publish_once(app, make, make_app, monkeypatch):
    due = datetime(2030, 1, 10, 3, 0, tzinfo=UTC)
    destination = make.destination(status=PublicationStatus.DRAFT, publish_at=due)
    ids = destination.id
    barrier = threading.Barrier(2, timeout=10)
    found = scheduling._due_ids

    def both_see_it(*args):
        result = found(*args)
        barrier.wait()  # neither claims before both have read what is due
        return result

    monkeypatch.setattr(scheduling, "_due_ids", both_see_it)
    reports, errors = [], []
    # Two workers, made here: building an app compiles its URL rules with ast.parse, which
    # CPython 3.11 cannot do in two threads at once (a SystemError now and then).
    others = [make_app(), make_app()]

    def run(other) -> None:
        with other.app_context():
            try:
                reports.append(scheduling.run_due(due))
            except Exception as error:  # pragma: no cover - shown in the assert
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(other,)) for other in others]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sum(len(r.published) for r in reports) == 1
    db.session.expire_all()
    assert db.session.get(Destination, ids).status == PublicationStatus.PUBLISHED
    entries = db.session.scalar(
        select(func.count(AuditEntry.id)).where(AuditEntry.action == "scheduled publish")
    )
    assert entries == 1


def test_a_scheduled_publish_takes_the_newest_draft(make, editor):
    from branding.events.editing import EDITABLE, save_event

    event = make.event(title={"id": "Pesta Lama", "en": "Old Feast"})
    values = {name: getattr(event, name) for name in EDITABLE}
    due = utcnow() + timedelta(days=1)
    save_event(editor, event, {**values, "title": {"id": "Pesta Baru"}, "publish_at": due},
               as_draft=True)  # fmt: skip
    assert reload(event).title["id"] == "Pesta Lama"
    scheduling.run_due(due)
    assert db.session.get(Event, event.id).title == {"id": "Pesta Baru"}


# --- notifications and the outbox -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "subject", "phrase"),
    [
        ("en", "Approved: Kopi Lae Une", "The tourism office has approved"),
        ("id", "Disetujui: Kopi Lae Une", "Dinas pariwisata telah menyetujui"),
    ],
)
def test_approval_mail_is_in_the_owners_language(app, client, make, lang, subject, phrase):
    _listing(client, make, lang)
    messages = [m for m in _mails(app) if m["To"] != "editor@example.test"]
    assert messages and messages[0]["Subject"] == subject
    assert phrase in messages[0].get_content()


def test_rejection_suspension_and_reinstatement_are_mailed(app, client, make, office, editor):
    from branding.moderation import services as moderation

    owner = make.user(display_name="Pak Tua")
    login(app.test_client(), owner, lang="id")  # the owner reads Indonesian
    business = make.business(owner=reload(owner), status=PENDING, name="Warung Tua")
    moderation.reject(editor, business, "Tambahkan nomor telepon.")
    business = approved(editor, reload(business))
    moderation.suspend(editor, reload(business), "Foto tidak sesuai.")
    moderation.reinstate(editor, reload(business))
    subjects = [(m["Subject"], m.get_content()) for m in _mails(app)]
    assert subjects[0][0] == "Tidak disetujui: Warung Tua"
    assert "Tambahkan nomor telepon." in subjects[0][1]
    assert [s for s, _ in subjects[2:]] == [
        "Disembunyikan dari pengunjung: Warung Tua",
        "Ditampilkan lagi: Warung Tua",
    ]
    assert "Foto tidak sesuai." in subjects[2][1]


def test_editors_get_a_digest_of_waiting_submissions(app, make, runner):
    make.user(Role.EDITOR, email="staf@example.test")
    make.business(status=PENDING, name="Menunggu Satu")
    assert "Digests queued: 1" in runner.invoke(args=["mail", "digest"]).output
    (message,) = _mails(app)
    assert message["To"] == "staf@example.test"
    assert "Menunggu Satu" in message.get_content()


def test_mail_that_cannot_be_sent_is_retried_with_backoff(app, make):
    class Broken:
        def send(self, message):
            raise OSError("connection refused")

    working = app.extensions["mailer"]
    app.extensions["mailer"] = Broken()
    mail.queue_mail("someone@example.test", "Hello", "Body")
    db.session.commit()
    now = utcnow()
    assert mail.send_due(now).failed == 1
    row = db.session.scalar(select(mail.OutgoingMail))
    assert row.attempts == 1 and row.next_attempt_at == now + timedelta(seconds=60)
    assert mail.send_due(now + timedelta(seconds=30)).failed == 0  # not yet due
    app.extensions["mailer"] = working
    assert mail.send_due(now + timedelta(seconds=61)).sent == 1
    assert mail.send_due(now + timedelta(days=1)).sent == 0  # sent once
    assert db.session.get(mail.OutgoingMail, row.id).sent_at is not None


def test_a_request_never_waits_for_the_mail_server(app, client, make):
    class Broken:
        def send(self, message):
            raise OSError("connection refused")

    app.extensions["mailer"] = Broken()
    make.user(Role.EDITOR, email="lupa@example.com")
    response = client.post("/en/account/reset", data={"email": "lupa@example.com"})
    assert response.status_code == 302
    assert db.session.scalar(select(func.count(mail.OutgoingMail.id))) == 1


# --- the office's daily tools ---------------------------------------------------------------


def test_audit_log_filters_pages_and_shows_old_and_new_values(make, office, editor):
    destination = make.destination(status=PublicationStatus.DRAFT)
    office.post(
        f"/en/office/destinations/{destination.id}/edit",
        data=_destination_form(destination, summary_id="Ringkasan yang baru."),
    )
    other = make.user(Role.EDITOR, email="lain@example.test")
    for n in range(60):
        db.session.add(AuditEntry(actor=other, action="verify", target_type="businesses",
                                  target_id=n, changes={}))  # fmt: skip
    db.session.commit()
    page = office.get(f"/en/office/audit?who={editor.id}").get_data(as_text=True)
    assert "Ringkasan yang baru." in page and "→" in page
    assert "address" not in page  # unchanged fields are not listed
    assert "lain@example.test" in page  # in the filter's choices…
    assert "verify · businesses" not in page  # …but not among the entries
    everything = office.get("/en/office/audit").get_data(as_text=True)
    assert "Page 1 of 2" in everything
    assert office.get("/en/office/audit?page=2").status_code == 200
    today = utcnow().date().isoformat()
    assert "verify" in office.get(f"/en/office/audit?from={today}&action=verify").get_data(
        as_text=True
    )
    assert "Nothing has been changed yet." in office.get(
        "/en/office/audit?from=2001-01-01&to=2001-01-02"
    ).get_data(as_text=True)


def test_an_admin_invites_a_colleague_who_sets_a_password(app, make):
    admin = make.user(Role.ADMIN)
    client = app.test_client()
    log_in(client, admin)
    response = client.post(
        "/en/office/admin/users/invite",
        data={"display_name": "Rekan Baru", "email": "rekan@example.com", "role": "editor",
              "language": "id"},
    )  # fmt: skip
    assert response.status_code == 302
    (message,) = _mails(app)
    assert message["Subject"] == "Akun Anda di dinas pariwisata"
    link = next(line for line in message.get_content().splitlines() if "/account/invite/" in line)
    path = link[link.index("/id/") :].strip()
    guest = app.test_client()
    assert guest.get(path).status_code == 200
    set_password = guest.post(
        path, data={"password": "kopi pakpak enak", "confirm": "kopi pakpak enak"}
    )
    assert set_password.status_code == 302, set_password.get_data(as_text=True)
    assert login(guest, "rekan@example.com", "kopi pakpak enak").status_code == 302
    assert guest.get(path).status_code == 302  # the link works once
    user = db.session.scalar(select(User).where(User.email == "rekan@example.com"))
    assert user.role == Role.EDITOR


def test_an_owner_deletes_a_business_which_goes_after_the_grace_period(app, client, make):
    business, product, area = _listing(client, make)
    make.photo(business)
    assert client.get(f"/en/businesses/{business.slug}").status_code == 200
    client.post(f"/en/my/businesses/{business.id}/delete")
    assert client.get(f"/en/businesses/{business.slug}").status_code == 404
    assert "Restore" in client.get("/en/my/").get_data(as_text=True)
    scheduling.run_due(utcnow() + timedelta(days=29))
    assert db.session.get(Business, business.id) is not None
    client.post(f"/en/my/businesses/{business.id}/restore")
    assert client.get(f"/en/businesses/{business.slug}").status_code == 200
    client.post(f"/en/my/businesses/{business.id}/delete")
    db.session.execute(db.delete(SearchOutbox))
    db.session.commit()
    report = scheduling.run_due(utcnow() + timedelta(days=31))
    assert report.tasks["deleted businesses removed"] == 1
    db.session.expire_all()
    assert db.session.get(Business, business.id) is None
    assert db.session.scalar(select(func.count(Photo.id))) == 0
    assert db.session.scalar(select(func.count(Product.id))) == 0
    kinds = set(db.session.scalars(select(SearchOutbox.item_type)))
    assert "business" in kinds  # the indexer removes its entries
