"""Opening hours with exceptions, and the "open now" badge computed in WIB."""

from datetime import UTC, date, datetime, timedelta

import pytest

from branding.core.content import opening_hours
from branding.core.i18n.formatting import WIB

WEEKDAYS_8_TO_17 = {
    "weekly": {day: [["08:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")},
    "exceptions": [
        {"date": "2026-12-25", "closed": True},
        {"date": "2026-12-24", "hours": [["08:00", "12:00"]]},
        {"date": "2026-12-27", "hours": [["10:00", "14:00"]]},  # a Sunday, normally closed
    ],
}


def at(day: str, hhmm: str) -> datetime:
    """Return a WIB moment as UTC, as the database hands them over."""
    hour, minute = (int(p) for p in hhmm.split(":"))
    wib = datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=WIB)
    return (wib + timedelta(hours=hour, minutes=minute)).astimezone(UTC)


@pytest.mark.parametrize(
    ("moment", "is_open", "changes"),
    [
        (("2026-12-21", "07:59"), False, "2026-12-21 08:00"),  # Monday before opening
        (("2026-12-21", "08:00"), True, "2026-12-21 17:00"),
        (("2026-12-21", "16:59"), True, "2026-12-21 17:00"),
        (("2026-12-21", "17:00"), False, "2026-12-22 08:00"),
        (("2026-12-24", "12:30"), False, "2026-12-27 10:00"),  # short day, holiday, weekend
        (("2026-12-25", "10:00"), False, "2026-12-27 10:00"),  # closed on the holiday
        (("2026-12-27", "11:00"), True, "2026-12-27 14:00"),  # open on a special Sunday
    ],
)
def test_open_state_follows_weekly_hours_and_exceptions(moment, is_open, changes):
    state = opening_hours.open_state(WEEKDAYS_8_TO_17, at(*moment))
    assert state.is_open is is_open
    assert state.changes_at.strftime("%Y-%m-%d %H:%M") == changes
    assert state.changes_at.utcoffset() == timedelta(hours=7)


def test_the_badge_is_computed_in_wib_not_utc():
    # 23:30 UTC on Sunday is 06:30 WIB on Monday: not yet open, opens at 08.00 the same day.
    state = opening_hours.open_state(WEEKDAYS_8_TO_17, datetime(2026, 12, 20, 23, 30, tzinfo=UTC))
    assert state.is_open is False
    assert state.changes_at == datetime(2026, 12, 21, 8, 0, tzinfo=WIB)
    # 01:30 UTC on Monday is 08:30 WIB: open.
    assert opening_hours.open_state(WEEKDAYS_8_TO_17, at("2026-12-21", "08:30")).is_open


def test_hours_past_midnight_and_around_the_clock():
    night = {"weekly": {"fri": [["18:00", "02:00"]], "sat": [["18:00", "00:00"]]}}
    assert opening_hours.open_state(night, at("2026-12-19", "01:00")).is_open  # Saturday 1 am
    closing = opening_hours.open_state(night, at("2026-12-19", "19:00")).changes_at
    assert closing == datetime(2026, 12, 20, 0, 0, tzinfo=WIB)  # "00:00" closes at midnight
    always = {"weekly": {d: [["00:00", "24:00"]] for d in ("mon", "tue", "wed")}}
    state = opening_hours.open_state(always, at("2026-12-21", "12:00"))
    assert state.is_open and state.changes_at == datetime(2026, 12, 24, 0, 0, tzinfo=WIB)


def test_unknown_hours_give_no_badge():
    assert opening_hours.open_state({}, at("2026-12-21", "12:00")) is None
    assert opening_hours.open_state({"weekly": {}, "exceptions": []}, datetime.now(UTC)) is None


def _describe(state, now) -> str:
    return opening_hours.describe_state(state, now, "en").replace("\u202f", " ")


def test_describe_state_says_when_it_changes(app):
    with app.test_request_context("/en/"):
        from flask import g

        g.lang = "en"
        now = at("2026-12-21", "12:00")
        state = opening_hours.open_state(WEEKDAYS_8_TO_17, now)
        assert _describe(state, now) == "Open now · closes 5:00 PM"
        evening = at("2026-12-21", "18:00")
        state = opening_hours.open_state(WEEKDAYS_8_TO_17, evening)
        text = _describe(state, evening)
        assert text == "Closed now · opens tomorrow at 8:00 AM"
        saturday = at("2026-12-26", "09:00")  # next opening: Sunday's special hours
        state = opening_hours.open_state(WEEKDAYS_8_TO_17, saturday)
        text = _describe(state, saturday)
        assert text == "Closed now · opens tomorrow at 10:00 AM"
        christmas_eve = at("2026-12-24", "13:00")
        state = opening_hours.open_state(WEEKDAYS_8_TO_17, christmas_eve)
        text = _describe(state, christmas_eve)
        assert text == "Closed now · opens Sunday at 10:00 AM"


def test_upcoming_exceptions_are_sorted_and_bounded():
    found = opening_hours.upcoming_exceptions(WEEKDAYS_8_TO_17, date(2026, 12, 24), days=2)
    assert [e["day"] for e in found] == [date(2026, 12, 24), date(2026, 12, 25)]


def test_detail_pages_show_the_badge_and_the_exceptions(client, make):
    today = datetime.now(WIB).date()
    hours = {
        "weekly": {d: [["00:00", "24:00"]] for d in opening_hours.WEEKDAY_KEYS},
        "exceptions": [{"date": (today + timedelta(days=3)).isoformat(), "closed": True}],
    }
    destination = make.destination(opening_hours=hours)
    business = make.business(opening_hours={"weekly": {}, "exceptions": []})
    html = client.get(f"/en/destinations/{destination.slug}").get_data(as_text=True)
    assert 'class="badge badge-open"' in html and "Open now" in html
    assert "Special opening hours" in html
    assert (today + timedelta(days=3)).isoformat() in html
    html = client.get(f"/en/businesses/{business.slug}").get_data(as_text=True)
    assert "badge-open" not in html and "badge-closed" not in html  # hours unknown: no badge


def test_closed_badge_on_a_holiday(client, make):
    today = datetime.now(WIB).date()
    hours = {
        "weekly": {d: [["00:00", "24:00"]] for d in opening_hours.WEEKDAY_KEYS},
        "exceptions": [{"date": today.isoformat(), "closed": True}],
    }
    business = make.business(opening_hours=hours)
    html = client.get(f"/id/businesses/{business.slug}").get_data(as_text=True)
    assert 'class="badge badge-closed"' in html
