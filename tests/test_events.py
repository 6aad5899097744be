"""Event services and pages: upcoming, past, repeating, statuses, times in WIB."""

from datetime import UTC, datetime, timedelta

from branding.core.content.publishing import PublicationStatus, utcnow
from branding.events import schedule, services
from branding.events.editing import add_event
from branding.events.models import EventCategory, EventStatus
from branding.extensions import db


def test_upcoming_and_past_are_separated(client, make):
    make.event(slug="soon", starts_in=timedelta(days=2))
    make.event(slug="later", starts_in=timedelta(days=20))
    make.event(slug="gone", starts_in=timedelta(days=-5))
    now = utcnow()
    assert [e.slug for e in services.list_upcoming(now).items] == ["soon", "later"]
    assert [e.slug for e in services.list_past(now).items] == ["gone"]
    assert "event" in client.get("/en/events/past").get_data(as_text=True)


def test_an_event_under_way_is_still_upcoming(make):
    make.event(slug="now-on", starts_in=timedelta(hours=-1))
    assert [e.slug for e in services.list_upcoming(utcnow()).items] == ["now-on"]


def test_drafts_never_show(client, make):
    draft = make.event(status=PublicationStatus.DRAFT)
    assert services.list_upcoming(utcnow()).total == 0
    assert client.get(f"/id/events/{draft.slug}").status_code == 404


def test_weekly_market_shows_its_next_saturday_skipping_exceptions(make):
    first = datetime(2026, 1, 3, 0, 0, tzinfo=UTC)  # Saturday 07.00 WIB
    market = make.event(
        starts_at=first,
        ends_at=first + timedelta(hours=5),
        recurrence_rule="FREQ=WEEKLY;BYDAY=SA",
        recurrence_exdates=["2026-01-10"],
    )
    nxt = services.next_occurrence(market, datetime(2026, 1, 5, tzinfo=UTC))
    assert nxt.starts_at.date().isoformat() == "2026-01-17"
    assert nxt.ends_at - nxt.starts_at == timedelta(hours=5)
    assert market.recurrence_until is None


def test_counted_series_ends_and_moves_to_the_archive(make):
    first = datetime(2020, 6, 1, 2, 0, tzinfo=UTC)
    yearly = make.event(
        starts_at=first,
        ends_at=first + timedelta(hours=2),
        recurrence_rule="FREQ=YEARLY;COUNT=3",
    )
    assert yearly.recurrence_until == datetime(2022, 6, 1, 4, 0, tzinfo=UTC)
    assert services.list_repeating(utcnow()) == []
    assert [e.slug for e in services.list_past(utcnow()).items] == [yearly.slug]


def test_repeating_event_page_describes_the_pattern(client, make):
    first = datetime(2026, 1, 3, 0, 0, tzinfo=UTC)
    market = make.event(
        starts_at=first, ends_at=first + timedelta(hours=5), recurrence_rule="FREQ=WEEKLY;BYDAY=SA"
    )
    html = client.get(f"/en/events/{market.slug}").get_data(as_text=True)
    assert "Every week on Saturday" in html
    listing = client.get("/en/events/").get_data(as_text=True)
    assert market.slug in listing


def test_cancelled_event_says_so(client, make):
    event = make.event(event_status=EventStatus.CANCELLED)
    html = client.get(f"/en/events/{event.slug}").get_data(as_text=True)
    assert "This event has been cancelled." in html
    assert "Cancelled" in client.get("/en/events/").get_data(as_text=True)


def test_venue_destination_gives_the_area(client, make):
    destination = make.destination(name={"id": "Taman Salak"})
    event = make.event(destination=destination)
    assert event.area_id == destination.area_id
    html = client.get(f"/id/events/{event.slug}").get_data(as_text=True)
    assert "Taman Salak" in html


def test_highlights_mix_one_off_and_repeating_by_date(make):
    make.event(slug="far", starts_in=timedelta(days=30))
    base = utcnow() - timedelta(days=7)
    make.event(
        slug="daily",
        starts_at=base,
        ends_at=base + timedelta(hours=1),
        recurrence_rule="FREQ=DAILY",
    )
    assert [u.event.slug for u in services.upcoming_highlights(utcnow())] == ["daily", "far"]


def test_the_events_list_shows_the_soonest_regular_events_and_links_to_the_rest(
    client, make, monkeypatch
):
    from branding.events import views

    monkeypatch.setattr(views, "REPEATING_SHOWN", 2)
    for n in range(3):
        make.event(title={"en": f"Weekly {n}"}, starts_in=timedelta(days=-20, hours=n),
                   recurrence_rule="FREQ=WEEKLY")  # fmt: skip
    html = client.get("/en/events/").get_data(as_text=True)
    assert "Weekly 0" in html and "Weekly 1" in html and "Weekly 2" not in html
    assert 'href="/en/events/agenda">All 3 regular events are in the agenda</a>' in html


def test_a_long_event_added_after_the_lists_were_read_is_on_them_at_once(client, make):
    make.event(slug="short", title={"id": "Pentas Singkat"}, starts_in=timedelta(days=2))
    pages = ("/id/events/", "/id/", "/id/events/calendar", "/id/events/agenda")
    for path in pages:  # the longest event known lasts three hours
        assert "Pameran Panjang" not in client.get(path).get_data(as_text=True)
    begun = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)
    make.event(
        slug="long",
        title={"id": "Pameran Panjang"},
        starts_at=begun,
        ends_at=begun + timedelta(days=25),  # under way for five more days
    )
    for path in pages:
        assert "Pameran Panjang" in client.get(path).get_data(as_text=True), path
    assert [e.slug for e in services.list_upcoming(utcnow()).items] == ["long", "short"]
    assert services.list_upcoming(utcnow()).total == 2
    assert services.longest_one_off() >= timedelta(days=25)


def test_a_long_event_added_through_another_server_is_on_this_ones_lists(client, make, make_app):
    make.event(slug="short", title={"id": "Pentas Singkat"}, starts_in=timedelta(days=2))
    assert "Pameran Panjang" not in client.get("/id/events/").get_data(as_text=True)
    other = make_app()
    with other.app_context():
        begun = datetime.now(UTC).replace(microsecond=0) - timedelta(days=30)
        add_event(
            slug="long",
            category=EventCategory.FESTIVAL,
            status=PublicationStatus.PUBLISHED,
            title={"id": "Pameran Panjang"},
            starts_at=begun,
            ends_at=begun + timedelta(days=31),
            venue_name="Lapangan Salak",
        )
        db.session.commit()
        db.session.remove()
    for path in ("/id/events/", "/id/", "/id/events/calendar"):
        assert "Pameran Panjang" in client.get(path).get_data(as_text=True), path


def test_the_next_few_series_are_those_a_step_through_every_series_finds(make):
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(days=9)
    shapes = [  # (rule, hours long, category, cancelled)
        ("FREQ=WEEKLY;BYDAY=SA", 5, EventCategory.MARKET, False),
        ("FREQ=WEEKLY;BYDAY=MO,TH", 2, EventCategory.FESTIVAL, False),
        ("FREQ=DAILY", 1, EventCategory.CULTURE, False),
        ("FREQ=WEEKLY;BYDAY=WE", 60, EventCategory.MARKET, False),  # runs into the weekend
        ("FREQ=WEEKLY;BYDAY=FR", 3, EventCategory.FESTIVAL, True),
        ("FREQ=MONTHLY;BYMONTHDAY=1", 8, EventCategory.CULTURE, False),
        ("FREQ=WEEKLY;BYDAY=SU;COUNT=2", 4, EventCategory.MARKET, False),  # over already
    ]
    for n, (rule, hours, category, cancelled) in enumerate(shapes):
        make.event(
            slug=f"series-{n}",
            category=category,
            starts_at=start + timedelta(hours=7 * n),
            ends_at=start + timedelta(hours=7 * n + hours),
            recurrence_rule=rule,
            event_status=EventStatus.CANCELLED if cancelled else EventStatus.SCHEDULED,
        )
    now = datetime.now(UTC)
    for hours in range(0, 24 * 20, 5):
        moment = now + timedelta(hours=hours)
        for category in (None, EventCategory.MARKET, EventCategory.CULTURE):
            for cancelled in (True, False):
                every = schedule.next_series(moment, category, cancelled)
                for limit in (1, 3, 6):
                    quick = schedule.next_series(moment, category, cancelled, limit)
                    assert quick == every[:limit], (hours, category, cancelled, limit)
