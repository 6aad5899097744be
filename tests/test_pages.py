"""Every public page of the sample regency renders in all three languages."""

import pytest
from sqlalchemy import select

from branding.areas.models import Area
from branding.businesses.models import Business, ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from pakpak_sample.loader import load_sample_data

# A string each language's interface must show on every page (the main menu).
MENU = {"id": "Destinasi", "en": "Destinations", "btd": "Destinasi"}


@pytest.fixture
def sample(app):
    """The sample data of Pakpak Bharat, without its illustrations (test_sample_photos has them)."""
    load_sample_data(photos=False)


def _public_paths() -> list[str]:
    paths = ["/", "/destinations/", "/events/", "/events/past", "/businesses/", "/areas/"]
    published = PublicationStatus.PUBLISHED
    for slug in db.session.scalars(select(Destination.slug).where(Destination.status == published)):
        paths.append(f"/destinations/{slug}")
    for slug in db.session.scalars(select(Event.slug).where(Event.status == published)):
        paths.append(f"/events/{slug}")
    approved = ModerationStatus.APPROVED
    for slug in db.session.scalars(select(Business.slug).where(Business.status == approved)):
        paths.append(f"/businesses/{slug}")
    paths += [f"/areas/{slug}" for slug in db.session.scalars(select(Area.slug))]
    return paths


@pytest.mark.parametrize("lang", ["id", "en", "btd"])
def test_every_public_page_renders_in_each_language(client, sample, lang):
    paths = _public_paths()
    assert len(paths) > 40
    for path in paths:
        response = client.get(f"/{lang}{path}")
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in html, path
        assert MENU[lang] in html, path


def test_hidden_sample_items_are_404(client, sample):
    drafts = db.session.scalars(
        select(Destination.slug).where(Destination.status == PublicationStatus.DRAFT)
    ).all()
    pending = db.session.scalars(
        select(Business.slug).where(Business.status != ModerationStatus.APPROVED)
    ).all()
    assert drafts and pending
    for slug in drafts:
        assert client.get(f"/en/destinations/{slug}").status_code == 404
    for slug in pending:
        assert client.get(f"/en/businesses/{slug}").status_code == 404


def test_sample_home_has_events_products_and_the_pakpak_greeting(client, sample):
    html = client.get("/btd/").get_data(as_text=True)
    assert "Njuah-njuah" in html
    assert html.count("badge-sample") >= 8
    english = client.get("/en/").get_data(as_text=True)
    assert "Upcoming events" in english and "Local products" in english


def test_nothing_hands_btd_to_babel_as_a_locale(client, sample, monkeypatch):
    from babel import Locale

    asked = []
    original = Locale.parse.__func__

    def recording_parse(cls, identifier, *args, **kwargs):
        asked.append(str(identifier))
        return original(cls, identifier, *args, **kwargs)

    monkeypatch.setattr(Locale, "parse", classmethod(recording_parse))
    for path in _public_paths():
        assert client.get(f"/btd{path}").status_code == 200
    assert asked  # Babel was used, with Indonesian formats
    assert not [name for name in asked if name.startswith("btd")]
