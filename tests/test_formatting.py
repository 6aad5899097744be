"""Dates in WIB and rupiah, per language; Pakpak formats like Indonesian."""

from datetime import UTC, datetime

import pytest

from branding.core.i18n.formatting import clock, event_when, rupiah, rupiah_range


@pytest.mark.parametrize(
    ("lang", "expected"), [("id", "Rp25.000"), ("btd", "Rp25.000"), ("en", "Rp 25,000")]
)
def test_rupiah_has_no_decimals_and_local_grouping(lang, expected):
    assert rupiah(25000, lang) == expected


def test_price_range():
    assert rupiah_range(15000, 30000, "id") == "Rp15.000–Rp30.000"
    assert rupiah_range(15000, None, "id") == "Rp15.000"
    assert rupiah_range(None, None, "id") == ""


def test_timed_event_is_shown_in_wib_with_local_separator():
    start = datetime(2026, 12, 12, 12, 30, tzinfo=UTC)  # 19.30 WIB
    end = datetime(2026, 12, 12, 15, 0, tzinfo=UTC)
    assert event_when(start, end, False, "id") == "Sabtu, 12 Desember 2026, 19.30–22.00 WIB"
    assert event_when(start, end, False, "btd") == "Sabtu, 12 Desember 2026, 19.30–22.00 WIB"
    assert "7:30" in event_when(start, end, False, "en")
    assert "Saturday, December 12, 2026" in event_when(start, end, False, "en")


def test_event_crossing_midnight_keeps_its_start_date():
    start = datetime(2026, 12, 12, 13, 0, tzinfo=UTC)  # 20.00 WIB Saturday
    end = datetime(2026, 12, 12, 18, 0, tzinfo=UTC)  # 01.00 WIB Sunday
    assert (
        event_when(start, end, False, "id")
        == "Sabtu, 12 Desember 2026, 20.00–01.00 WIB (ends the next day)"
    )


def test_multi_day_all_day_event_is_a_date_range():
    start = datetime(2026, 12, 9, 17, 0, tzinfo=UTC)  # 10 December 00.00 WIB
    end = datetime(2026, 12, 12, 16, 59, tzinfo=UTC)  # 12 December 23.59 WIB
    assert event_when(start, end, True, "id") == "10–12 Des 2026"
    assert event_when(start, end, True, "en") == "Dec 10\u2009–\u200912, 2026"


def test_clock_follows_language():
    assert clock("08:00", "id") == "08.00"
    assert clock("08:00", "en") == "8:00\u202fAM"
