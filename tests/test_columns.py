"""Column types: UTC timestamps and multilingual text."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from branding.core.content.columns import MultilingualText, clean_translations
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db


def test_event_time_round_trips_as_the_same_instant_in_utc(app, make):
    wib = timezone(timedelta(hours=7))
    event = make.event(
        starts_at=datetime(2026, 12, 12, 19, 30, tzinfo=wib),
        ends_at=datetime(2026, 12, 12, 22, 0, tzinfo=wib),
    )
    event_id = event.id
    db.session.expunge_all()
    loaded = db.session.get(Event, event_id)
    assert loaded.starts_at == datetime(2026, 12, 12, 12, 30, tzinfo=UTC)
    assert loaded.starts_at.utcoffset() == timedelta(0)


def test_naive_datetime_is_refused(app, make):
    with pytest.raises(Exception, match="aware"):
        make.event(starts_at=datetime(2026, 1, 1, 10, 0), ends_at=datetime(2026, 1, 1, 12, 0))
    db.session.rollback()


def test_fallback_order_is_btd_then_id_then_en():
    text = MultilingualText({"id": "Air terjun", "en": "Waterfall"})
    assert (text.resolve("btd"), text.resolve("btd").lang) == ("Air terjun", "id")
    assert text.resolve("btd").is_fallback
    assert not text.resolve("en").is_fallback
    only_en = MultilingualText({"en": "Waterfall"})
    assert only_en.resolve("btd").lang == "en"
    assert only_en.resolve("id") == "Waterfall"
    assert MultilingualText({}).resolve("id") == ""


def test_missing_lists_languages_without_text():
    assert MultilingualText({"id": "Salak"}).missing() == ["en", "btd"]


def test_blank_texts_are_dropped_and_unknown_languages_refused():
    assert clean_translations({"id": "  Salak ", "en": "  "}) == {"id": "Salak"}
    with pytest.raises(ValueError, match="unknown language"):
        clean_translations({"de": "Wasserfall"})


def test_translated_text_is_stored_per_language(app, make):
    destination = make.destination(name={"id": "Lae Une", "en": "Lae Une Falls", "btd": ""})
    destination_id = destination.id
    db.session.expunge_all()
    stored = db.session.scalar(select(Destination).where(Destination.id == destination_id))
    assert stored.name == {"id": "Lae Une", "en": "Lae Une Falls"}
