"""The events calendar: month view, agenda, repeating events and dated occurrences."""

import re
from datetime import timedelta

from branding.core.content.publishing import PublicationStatus
from branding.events.models import EventStatus
from tests.calendar_helpers import cells, days_showing, next_month, wib
from tests.insight.helpers import followed


def _month_html(client, first, lang="en", **args) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"month": first.strftime("%Y-%m"), **args}.items())
    response = client.get(f"/{lang}/events/calendar?{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_an_event_crossing_midnight_shows_on_the_evening_it_starts(client, make):
    first = next_month()
    night = first.replace(day=9)
    make.event(  # 20.00 WIB to 01.00 WIB: in UTC, all of it falls on the 9th
        slug="oang-oang-night",
        title={"en": "Oang-oang night"},
        starts_at=wib(night, "20:00"),
        ends_at=wib(night + timedelta(days=1), "01:00"),
    )
    html = _month_html(client, first)
    assert days_showing(html, "Oang-oang night") == [night.isoformat()]
    assert f'href="/en/events/oang-oang-night/{night.isoformat()}"' in html


def test_an_event_starting_after_midnight_wib_is_on_the_wib_day(client, make):
    first = next_month()
    day = first.replace(day=12)
    make.event(  # 05.30 WIB is 22.30 UTC the day before
        title={"en": "Sunrise walk"}, starts_at=wib(day, "05:30"), ends_at=wib(day, "08:00")
    )
    assert days_showing(_month_html(client, first), "Sunrise walk") == [day.isoformat()]


def test_multi_day_events_show_on_every_day_they_cover(client, make):
    first = next_month()
    make.event(
        slug="festival",
        title={"en": "Cultural festival"},
        all_day=True,
        starts_at=wib(first.replace(day=20), "00:00"),
        ends_at=wib(first.replace(day=22), "23:59"),
    )
    make.event(
        title={"en": "Two-day fair"},
        starts_at=wib(first.replace(day=3), "09:00"),
        ends_at=wib(first.replace(day=4), "16:00"),
    )
    html = _month_html(client, first)
    assert days_showing(html, "Cultural festival") == [
        first.replace(day=d).isoformat() for d in (20, 21, 22)
    ]
    assert "day 2 of 3" in html
    # every day links to the occurrence, which is keyed by its first day
    assert html.count(f'href="/en/events/festival/{first.replace(day=20).isoformat()}"') == 3
    assert days_showing(html, "Two-day fair") == [
        first.replace(day=3).isoformat(),
        first.replace(day=4).isoformat(),
    ]


def test_repeating_events_expand_into_occurrences_skipping_exceptions(client, make):
    first = next_month()
    start = first - timedelta(days=60)
    saturday = start + timedelta(days=(5 - start.weekday()) % 7)
    skipped = first + timedelta(days=(5 - first.weekday()) % 7)  # the month's first Saturday
    make.event(
        slug="saturday-market",
        title={"en": "Saturday market"},
        starts_at=wib(saturday, "07:00"),
        ends_at=wib(saturday, "12:00"),
        recurrence_rule="FREQ=WEEKLY;BYDAY=SA",
        recurrence_exdates=[skipped.isoformat()],
    )
    html = _month_html(client, first)
    shown = days_showing(html, "Saturday market")
    month_saturdays = [
        d.isoformat()
        for d in (first + timedelta(days=n) for n in range(31))
        if d.month == first.month and d.weekday() == 5 and d != skipped
    ]
    in_month = [d for d in shown if d[:7] == first.strftime("%Y-%m")]
    assert in_month == month_saturdays
    assert skipped.isoformat() not in shown


def test_counted_series_stops(client, make):
    first = next_month()
    make.event(
        title={"en": "Three-day course"},
        starts_at=wib(first.replace(day=5), "09:00"),
        ends_at=wib(first.replace(day=5), "11:00"),
        recurrence_rule="FREQ=DAILY;COUNT=3",
    )
    assert days_showing(_month_html(client, first), "Three-day course") == [
        first.replace(day=d).isoformat() for d in (5, 6, 7)
    ]


def test_cancelled_and_postponed_events_are_shown_with_their_status(client, make):
    first = next_month()
    make.event(
        title={"en": "Trail run"},
        event_status=EventStatus.CANCELLED,
        starts_at=wib(first.replace(day=14), "06:30"),
        ends_at=wib(first.replace(day=14), "12:00"),
    )
    make.event(
        title={"en": "Coffee show"},
        event_status=EventStatus.POSTPONED,
        starts_at=wib(first.replace(day=15), "09:00"),
        ends_at=wib(first.replace(day=15), "16:00"),
    )
    html = _month_html(client, first)
    assert 'class="cal-entry is-cancelled"' in html
    assert 'badge badge-cancelled">Cancelled' in html
    assert 'badge badge-postponed">Postponed' in html


def test_drafts_and_other_categories_stay_out(client, make):
    first = next_month()
    when = {
        "starts_at": wib(first.replace(day=8), "10:00"),
        "ends_at": wib(first.replace(day=8), "12:00"),
    }
    make.event(title={"en": "Draft show"}, status=PublicationStatus.DRAFT, **when)
    make.event(title={"en": "Market day"}, category="market", **when)
    make.event(title={"en": "Festival day"}, category="festival", **when)
    html = _month_html(client, first, category="market")
    assert "Market day" in html and "Festival day" not in html and "Draft show" not in html
    assert 'name="month" value="' + first.strftime("%Y-%m") in html  # filter keeps the month


def test_month_navigation_and_its_bounds(client):
    first = next_month()
    html = _month_html(client, first, lang="id")
    following = first.replace(year=first.year + (first.month == 12), month=first.month % 12 + 1)
    assert f'rel="next" href="/id/events/calendar?month={following.strftime("%Y-%m")}"' in html
    assert client.get("/id/events/calendar?month=2999-01").status_code == 404
    assert client.get("/id/events/calendar?month=nonsense").status_code == 200  # this month
    assert client.get("/id/events/calendar?month=2026-13").status_code == 404  # no such month


def test_the_week_starts_as_the_language_counts_and_names_are_translated(client):
    html = _month_html(client, next_month(), lang="id")
    head = html.split('<ol class="month-head" aria-hidden="true">')[1].split("</ol>")[0]
    assert head.split("<li>")[1].startswith("Sen")  # Indonesian weeks start on Monday
    first_day = html.split('<li class="month-day ')[1]
    assert '<span class="dayname"><time' in first_day and "Senin" in first_day
    assert '<html lang="id">' in html


def test_occurrence_pages_have_their_own_urls(client, make):
    first = next_month()
    start = first - timedelta(days=14)
    make.event(
        slug="weekly",
        title={"en": "Weekly market"},
        starts_at=wib(start, "07:00"),
        ends_at=wib(start, "12:00"),
        recurrence_rule="FREQ=WEEKLY",
    )
    date_on = start + timedelta(days=21)
    response = client.get(f"/en/events/weekly/{date_on.isoformat()}")
    assert response.status_code == 200
    html = followed(client, f"/en/events/weekly/{date_on.isoformat()}")  # counted links followed
    assert f'<time datetime="{wib(date_on, "07:00").isoformat()}">' in html
    assert f'href="/en/events/weekly/{date_on.isoformat()}.ics"' in html
    assert f'<link rel="canonical" href="http://localhost/en/events/weekly/{date_on}">' in html
    assert (
        client.get(f"/en/events/weekly/{(date_on + timedelta(days=1)).isoformat()}").status_code
        == 404
    )
    assert client.get("/en/events/weekly/2026-02-30").status_code == 404
    assert client.get("/en/events/nothing/2026-02-03").status_code == 404


def test_a_one_off_event_has_one_occurrence_page(client, make):
    event = make.event(starts_at=wib(next_month(), "19:00"), ends_at=wib(next_month(), "22:00"))
    assert client.get(f"/id/events/{event.slug}/{next_month().isoformat()}").status_code == 200
    other = next_month() + timedelta(days=1)
    assert client.get(f"/id/events/{event.slug}/{other.isoformat()}").status_code == 404


def test_agenda_lists_days_with_events_in_order(client, make):
    make.event(title={"en": "Later thing"}, starts_in=timedelta(days=10))
    make.event(title={"en": "Sooner thing"}, starts_in=timedelta(days=2))
    make.event(title={"en": "Far thing"}, starts_in=timedelta(days=60))
    html = client.get("/en/events/agenda").get_data(as_text=True)
    assert html.index("Sooner thing") < html.index("Later thing")
    assert "Far thing" not in html
    assert 'rel="next"' in html


def test_events_pages_link_to_the_calendar_and_the_agenda(client):
    for path in ("/en/events/", "/en/events/past", "/en/events/calendar", "/en/events/agenda"):
        html = client.get(path).get_data(as_text=True)
        assert 'href="/en/events/calendar"' in html or 'aria-current="page">Calendar' in html
        assert "/en/events/agenda" in html or 'aria-current="page">Agenda' in html


def _fill_month(make, first, count: int) -> None:
    for n in range(count):
        day = first.replace(day=n % 28 + 1)
        area = make.area()
        destination = make.destination(area=area)
        make.event(destination=destination, starts_at=wib(day, "09:00"), ends_at=wib(day, "11:00"))
        make.event(
            area=area,
            starts_at=wib(day, "18:00") - timedelta(days=70),
            ends_at=wib(day, "20:00") - timedelta(days=70),
            recurrence_rule="FREQ=WEEKLY",
        )


def test_calendar_pages_run_a_fixed_number_of_queries(client, make, count_queries):
    first = next_month()
    paths = [f"/en/events/calendar?month={first:%Y-%m}", f"/en/events/agenda?from={first}"]
    _fill_month(make, first, 3)
    few = {}
    for path in paths:
        client.get(path)  # a process works out repeating events' dates once after a change
        with count_queries() as n:
            assert client.get(path).status_code == 200
        few[path] = n[0]
    _fill_month(make, first, 30)
    for path in paths:
        client.get(path)
        with count_queries() as n:
            assert client.get(path).status_code == 200
        assert n[0] == few[path], path
        assert n[0] <= 8, f"{path} ran {n[0]} queries"


def test_a_changed_series_shows_its_new_dates_on_the_next_request(client, make, app):
    from branding.extensions import db

    first = next_month()
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    series = make.event(
        title={"en": "Market day"},
        starts_at=wib(monday, "08:00") - timedelta(weeks=8),
        ends_at=wib(monday, "10:00") - timedelta(weeks=8),
        recurrence_rule="FREQ=WEEKLY",
    )
    assert len(days_showing(_month_html(client, first), "Market day")) in (4, 5)
    series.recurrence_rule = "FREQ=DAILY"
    db.session.commit()
    assert len(days_showing(_month_html(client, first), "Market day")) >= 28
    series.status = PublicationStatus.DRAFT
    db.session.commit()
    assert days_showing(_month_html(client, first), "Market day") == []


def test_a_busy_day_shows_a_few_events_and_links_to_the_rest_in_the_agenda(client, make):
    first = next_month()
    day = first.replace(day=10)
    for n in range(6):
        make.event(title={"en": f"Busy {n}"}, starts_at=wib(day, f"0{n + 1}:00"),
                   ends_at=wib(day, f"0{n + 1}:30"))  # fmt: skip
    html = _month_html(client, first)
    assert cells(html)[day.isoformat()].count("Busy ") == 4
    assert f'href="/en/events/agenda?from={day.isoformat()}">2 more</a>' in html
    agenda = client.get(f"/en/events/agenda?from={day.isoformat()}").get_data(as_text=True)
    assert all(f"Busy {n}" in agenda for n in range(6))


def test_the_agenda_is_paged_when_many_things_are_on(client, make, monkeypatch):
    from branding.calendar import services

    monkeypatch.setattr(services, "AGENDA_PER_PAGE", 3)
    first = next_month()
    for n in range(5):
        day = first.replace(day=n + 2)
        make.event(title={"en": f"Show {n}"}, starts_at=wib(day, "10:00"),
                   ends_at=wib(day, "12:00"))  # fmt: skip
    base = f"/en/events/agenda?from={first.isoformat()}"
    one = client.get(base).get_data(as_text=True)
    two = client.get(base + "&page=2").get_data(as_text=True)
    assert [n for n in range(5) if f"Show {n}" in one] == [0, 1, 2]
    assert [n for n in range(5) if f"Show {n}" in two] == [3, 4]
    assert "Page 1 of 2" in one and 'rel="next"' in one
    assert client.get(base + "&page=3").status_code == 404


def test_series_and_one_off_events_share_a_busy_day_in_time_order(client, make, monkeypatch):
    from branding.calendar import services

    first = next_month()
    day = first.replace(day=10)
    weeks_before = timedelta(weeks=3)
    make.event(title={"en": "Weekly 07"}, starts_at=wib(day, "07:00") - weeks_before,
               ends_at=wib(day, "07:30") - weeks_before, recurrence_rule="FREQ=WEEKLY")  # fmt: skip
    for hour in ("06", "08", "09", "10"):
        make.event(title={"en": f"Once {hour}"}, starts_at=wib(day, f"{hour}:00"),
                   ends_at=wib(day, f"{hour}:30"))  # fmt: skip
    cell = cells(_month_html(client, first))[day.isoformat()]
    shown = re.findall(r"(Once \d\d|Weekly 07)", cell)
    assert shown == ["Once 06", "Weekly 07", "Once 08", "Once 09"]
    assert "1 more" in cell

    monkeypatch.setattr(services, "AGENDA_PER_PAGE", 3)
    base = f"/en/events/agenda?from={day.isoformat()}"
    one = re.findall(r"(Once \d\d|Weekly 07)", client.get(base).get_data(as_text=True))
    two = re.findall(r"(Once \d\d|Weekly 07)", client.get(base + "&page=2").get_data(as_text=True))
    assert one == ["Once 06", "Weekly 07", "Once 08"]
    assert two == ["Once 09", "Once 10", "Weekly 07"]  # the next week's market ends the page
