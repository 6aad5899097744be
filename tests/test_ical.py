"""iCalendar export: times in Asia/Jakarta, RRULE and EXDATE, status, stable UIDs, feeds."""

from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar

from branding.calendar.ical import ical_rule
from branding.calendar.occurrences import expand
from branding.core.content.publishing import PublicationStatus
from branding.events.models import EventCategory, EventStatus
from tests.calendar_helpers import next_month, wib
from tests.insight.helpers import followed

JAKARTA = ZoneInfo("Asia/Jakarta")


def _calendar(client, path: str) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.mimetype == "text/calendar"
    assert response.mimetype_params["charset"] == "utf-8"
    return Calendar.from_ical(response.get_data())


def _only_event(calendar: Calendar):
    (event,) = calendar.walk("VEVENT")
    return event


def test_event_times_are_in_asia_jakarta(client, make):
    starts = datetime(2026, 12, 12, 13, 0, tzinfo=UTC)  # 20.00 WIB
    event = make.event(slug="night", starts_at=starts, ends_at=starts + timedelta(hours=5))
    calendar = _calendar(client, "/en/events/night.ics")
    vevent = _only_event(calendar)
    dtstart, dtend = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert vevent["dtstart"].params["TZID"] == "Asia/Jakarta"
    assert (dtstart.hour, dtstart.minute) == (20, 0)
    assert dtstart.utcoffset() == timedelta(hours=7)
    assert dtstart == starts and dtend == starts + timedelta(hours=5)
    assert dtend.date() == date(2026, 12, 13)  # ends 01.00 WIB the next day
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Asia/Jakarta"
    assert zone.walk("STANDARD")[0].decoded("tzoffsetto") == timedelta(hours=7)
    assert str(vevent["summary"]) == str(event.title["en"])
    assert str(vevent["status"]) == "CONFIRMED"
    assert str(vevent["url"]) == "http://localhost/en/events/night"


def test_all_day_events_use_dates_with_an_exclusive_end(client, make):
    make.event(
        slug="festival",
        all_day=True,
        starts_at=datetime(2026, 12, 20, 0, 0, tzinfo=JAKARTA),
        ends_at=datetime(2026, 12, 22, 23, 59, tzinfo=JAKARTA),
    )
    vevent = _only_event(_calendar(client, "/id/events/festival.ics"))
    assert vevent.decoded("dtstart") == date(2026, 12, 20)
    assert vevent.decoded("dtend") == date(2026, 12, 23)  # the day after the last day
    assert vevent["dtstart"].params["VALUE"] == "DATE"


def test_repeating_event_round_trips_rrule_and_exdates(client, make):
    first = datetime(2026, 1, 3, 7, 0, tzinfo=JAKARTA)  # a Saturday
    market = make.event(
        slug="market",
        starts_at=first,
        ends_at=first + timedelta(hours=5),
        recurrence_rule="FREQ=WEEKLY;BYDAY=SA;UNTIL=20260228T235959",
        recurrence_exdates=["2026-01-17", "2026-02-07"],
    )
    vevent = _only_event(_calendar(client, "/en/events/market.ics"))
    rule = vevent["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["SA"]
    assert rule["UNTIL"] == [datetime(2026, 2, 28, 16, 59, 59, tzinfo=UTC)]  # UTC, as RFC 5545 asks
    exdates = [d.dt for d in vevent["exdate"].dts]
    assert exdates == [
        datetime(2026, 1, 17, 7, 0, tzinfo=JAKARTA),
        datetime(2026, 2, 7, 7, 0, tzinfo=JAKARTA),
    ]
    assert all(d.tzinfo.key == "Asia/Jakarta" for d in exdates)

    # Expanding the exported rule gives the dates the site shows.
    dtstart = vevent.decoded("dtstart")
    exported = [
        moment
        for moment in rrulestr(rule.to_ical().decode(), dtstart=dtstart)
        if moment not in exdates
    ]
    shown = expand(market, first, datetime(2026, 3, 31, tzinfo=UTC))
    assert exported == [o.starts_at for o in shown]
    assert [m.day for m in exported] == [3, 10, 24, 31, 14, 21, 28]


def test_all_day_series_keep_date_exdates_and_until(client, make):
    first = datetime(2026, 3, 1, 0, 0, tzinfo=JAKARTA)
    make.event(
        slug="monthly",
        all_day=True,
        starts_at=first,
        ends_at=first.replace(hour=23, minute=59),
        recurrence_rule="FREQ=MONTHLY;UNTIL=20261201T235959",
        recurrence_exdates=["2026-06-01"],
    )
    vevent = _only_event(_calendar(client, "/en/events/monthly.ics"))
    assert vevent["rrule"]["UNTIL"] == [date(2026, 12, 1)]
    assert [d.dt for d in vevent["exdate"].dts] == [date(2026, 6, 1)]
    assert vevent.decoded("dtend") == date(2026, 3, 2)


def test_cancelled_and_postponed_status(client, make):
    make.event(slug="off", event_status=EventStatus.CANCELLED)
    make.event(slug="later", event_status=EventStatus.POSTPONED)
    assert str(_only_event(_calendar(client, "/en/events/off.ics"))["status"]) == "CANCELLED"
    assert str(_only_event(_calendar(client, "/en/events/later.ics"))["status"]) == "TENTATIVE"


def test_uids_are_stable_and_unique(client, make):
    one, two = make.event(slug="one"), make.event(slug="two")
    first = _only_event(_calendar(client, "/en/events/one.ics"))["uid"]
    again = _only_event(_calendar(client, "/id/events/one.ics"))["uid"]
    other = _only_event(_calendar(client, "/en/events/two.ics"))["uid"]
    assert first == again == f"event-{one.id}@localhost"
    assert other == f"event-{two.id}@localhost" != first


def test_an_occurrence_downloads_as_its_own_dated_event(client, make):
    first = next_month()
    make.event(
        slug="weekly",
        starts_at=wib(first, "07:00"),
        ends_at=wib(first, "12:00"),
        recurrence_rule="FREQ=WEEKLY",
    )
    day = first + timedelta(days=14)
    response = client.get(f"/en/events/weekly/{day.isoformat()}.ics")
    assert f'filename="weekly-{day.isoformat()}.ics"' in response.headers["Content-Disposition"]
    vevent = _only_event(Calendar.from_ical(response.get_data()))
    assert vevent.decoded("dtstart") == wib(day, "07:00")
    assert "rrule" not in vevent
    assert str(vevent["uid"]).startswith("event-") and day.strftime("%Y%m%d") in str(vevent["uid"])
    assert (
        client.get(f"/en/events/weekly/{(day + timedelta(days=1)).isoformat()}.ics").status_code
        == 404
    )


def test_feed_has_upcoming_and_recent_events_not_drafts_nor_old_ones(client, make):
    make.event(slug="soon", starts_in=timedelta(days=5))
    make.event(slug="recent", starts_in=timedelta(days=-10))
    make.event(slug="long-ago", starts_in=timedelta(days=-400))
    make.event(slug="draft", status=PublicationStatus.DRAFT)
    make.event(slug="cancelled", event_status=EventStatus.CANCELLED)
    response = client.get("/en/events/calendar.ics")
    assert response.headers["Content-Disposition"].startswith("inline")
    calendar = Calendar.from_ical(response.get_data())
    urls = sorted(str(e["url"]).rsplit("/", 1)[1] for e in calendar.walk("VEVENT"))
    assert urls == ["cancelled", "recent", "soon"]
    assert str(calendar["x-wr-calname"]).endswith(": events")
    assert str(calendar["x-wr-timezone"]) == "Asia/Jakarta"


def test_feed_per_category(client, make):
    make.event(slug="market", category=EventCategory.MARKET)
    make.event(slug="festival", category=EventCategory.FESTIVAL)
    calendar = _calendar(client, "/en/events/calendar.ics?category=market")
    assert [str(e["url"]).rsplit("/", 1)[1] for e in calendar.walk("VEVENT")] == ["market"]
    assert "(Market)" in str(calendar["x-wr-calname"])


def test_event_page_links_to_ics_and_google_calendar(client, make):
    starts = datetime(2026, 12, 12, 13, 0, tzinfo=UTC)
    make.event(slug="show", starts_at=starts, ends_at=starts + timedelta(hours=2))
    html = followed(client, "/en/events/show")  # through the counting redirect
    assert 'href="/en/events/show.ics" download' in html
    google = html.split('href="https://calendar.google.com/calendar/render?')[1].split('"')[0]
    query = parse_qs(google.replace("&amp;", "&"))
    assert query["action"] == ["TEMPLATE"]
    assert query["dates"] == ["20261212T130000Z/20261212T150000Z"]
    assert query["ctz"] == ["Asia/Jakarta"]


def test_google_link_of_a_series_carries_its_rule(client, make):
    first = datetime(2026, 1, 3, 0, 0, tzinfo=UTC)
    make.event(
        slug="sat",
        starts_at=first,
        ends_at=first + timedelta(hours=5),
        recurrence_rule="FREQ=WEEKLY;BYDAY=SA",
    )
    html = followed(client, "/en/events/sat")
    google = html.split('href="https://calendar.google.com/calendar/render?')[1].split('"')[0]
    assert parse_qs(google.replace("&amp;", "&"))["recur"] == ["RRULE:FREQ=WEEKLY;BYDAY=SA"]


def test_subscription_links_on_the_calendar(client):
    html = client.get("/en/events/calendar").get_data(as_text=True)
    assert 'href="webcal://localhost/en/events/calendar.ics"' in html
    google = html.split('href="https://calendar.google.com/calendar/r?')[1].split('"')[0]
    assert parse_qs(urlsplit("?" + google.replace("&amp;", "&")).query)["cid"] == [
        "webcal://localhost/en/events/calendar.ics"
    ]


def test_ical_rule_rewrites_until_for_the_start_type():
    assert ical_rule("FREQ=DAILY;UNTIL=20261231T235959", all_day=False) == (
        "FREQ=DAILY;UNTIL=20261231T165959Z"
    )
    assert (
        ical_rule("FREQ=DAILY;UNTIL=20261231T235959", all_day=True) == "FREQ=DAILY;UNTIL=20261231"
    )
    assert ical_rule("FREQ=DAILY;UNTIL=20261231T100000Z", all_day=False).endswith("T100000Z")
    assert (
        ical_rule("FREQ=WEEKLY;BYDAY=SA;COUNT=4", all_day=False) == "FREQ=WEEKLY;BYDAY=SA;COUNT=4"
    )
