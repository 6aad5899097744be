"""Illustrations for the sample content, added through the photo pipeline like any upload.

The sample branding gets three landscapes for the home page's hero; each sample destination
gets a cover and one or two more pictures, each event one, each
business a cover and one more, each product one. Pictures are drawn (``illustrations``),
so their alt texts say "Illustration:"; they are marked ``is_sample`` and pages badge them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from branding.businesses.models import Business, Product
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.identity.models import BrandingSettings
from branding.media.services import Upload, add_photos
from pakpak_sample.illustrations import LANDSCAPE, SQUARE, alt_text, illustration_bytes

# The home page's hero photographs: the regency's landscape (the first is shown).
HERO = ("valley", "waterfall", "hills_path")
# By category (cover first), unless the slug has its own pictures below.
DESTINATIONS = {
    "waterfall": ("waterfall", "forest"),
    "lake": ("lake", "citrus_farm"),
    "nature": ("valley", "hills_path"),
    "adventure": ("forest", "hills_path"),
    "agro": ("coffee_farm", "citrus_farm", "coffee_table"),
    "culture": ("pakpak_house", "stone_statues"),
    "religious": ("prayer_hill", "valley"),
    "landmark": ("park", "festival"),
    "culinary": ("food_stalls", "meal"),
}
DESTINATION_SLUGS = {
    "air-terjun-lae-tinada": ("waterfall", "hills_path"),
    "bukit-panorama-kerajaan": ("valley", "hills_path", "coffee_farm"),
    "situs-mejan-kerajaan": ("stone_statues", "pakpak_house"),
    "rumah-adat-pakpak-salak": ("pakpak_house", "drum_night"),
}
EVENTS = {
    "festival": "festival",
    "culture": "drum_night",
    "religious": "choir",
    "sport": "race",
    "market": "market",
    "exhibition": "exhibition",
}
EVENT_SLUGS = {
    "doa-bersama-lintas-iman": "prayer_gathering",
    "jelajah-air-terjun-lae-une": "forest",  # a guided walk: its alt need not outrank the falls
}
BUSINESSES = {
    "coffee": ("coffee_table", "coffee_farm"),
    "culinary": ("shop", "meal"),
    "crafts": ("crafts", "shop"),
    "produce": ("produce", "citrus_farm"),
    "homestay": ("homestay", "valley"),
    "guide": ("forest", "waterfall"),
    "transport": ("road_car", "road_motorbike"),
    "souvenirs": ("souvenirs", "shop"),
}
# A product's picture, by the first of these words its English name has (order matters).
PRODUCT_WORDS = (
    ("gift", "gift"), ("bean", "beans"), ("ground", "ground_coffee"), ("coffee", "cup"),
    ("pelleng", "rice"), ("dinner", "meal"), ("cake", "cakes"), ("mat", "mat"), ("bag", "bag"),
    ("basket", "basket"), ("shawl", "cloth"), ("resin", "resin"), ("oil", "oil"),
    ("honey", "honey"), ("orange", "oranges"), ("family", "family_room"), ("room", "single_room"),
    ("waterfall", "waterfall"), ("forest", "forest"), ("village", "pakpak_house"),
    ("motorbike", "road_motorbike"), ("car", "road_car"), ("transfer", "road_car"),
    ("key ring", "keyring"), ("t-shirt", "shirt"),
)  # fmt: skip


def add_sample_photos(slugs: Collection[str] | None = None) -> int:
    """Illustrate every sample item that has no photo yet; return how many photos were added.

    ``slugs`` limits it to the destinations with those slugs (a demo or a test that needs one
    illustrated page, without the whole minute of renditions). ``add_photos`` commits each
    photo, so call this once the sample content is committed.
    """
    if slugs is not None:
        return sum(_illustrate_destination(d) for d in _sample(Destination) if d.slug in slugs)
    added = 0
    for settings in _sample(BrandingSettings):
        if not settings.photos:
            added += _illustrate(settings, "pakpak-bharat", HERO, LANDSCAPE)
    for destination in _sample(Destination):
        if not destination.photos:
            added += _illustrate_destination(destination)
    for event in _sample(Event):
        if not event.photos:
            scene = EVENT_SLUGS.get(event.slug) or EVENTS[event.category]
            added += _illustrate(event, event.slug, (scene,), LANDSCAPE)
    products = selectinload(Business.products).selectinload(Product.photos)
    for business in _sample(Business, products):
        scenes = BUSINESSES[business.category]
        if not business.photos:
            added += _illustrate(business, business.slug, scenes, LANDSCAPE)
        for product in business.products:
            if product.is_sample and not product.photos:
                seed = f"{business.slug}/{product.position}"
                added += _illustrate(product, seed, (product_scene(product, scenes),), SQUARE)
    return added


def _illustrate_destination(destination: Destination) -> int:
    scenes = DESTINATION_SLUGS.get(destination.slug) or DESTINATIONS[destination.category]
    return _illustrate(destination, destination.slug, scenes, LANDSCAPE)


def product_scene(product: Product, fallback: tuple[str, ...]) -> str:
    """Return the picture for a product: by a word of its English name, else its business's."""
    name = (product.name.get("en") or product.name.get("id") or "").lower()
    found = (scene for word, scene in PRODUCT_WORDS if re.search(rf"\b{re.escape(word)}", name))
    return next(found, fallback[0])


def _sample(model, *options) -> list:
    query = select(model).where(model.is_sample).order_by(model.id)
    return list(db.session.scalars(query.options(selectinload(model.photos), *options)))


def _illustrate(item, seed: str, scenes: tuple[str, ...], size: tuple[int, int]) -> int:
    """Add one photo per scene to an item, each as its own upload with that scene's alt text."""
    for scene in scenes:
        upload = Upload(f"{scene}.jpg", io.BytesIO(illustration_bytes(scene, seed, size)))
        add_photos(None, item, [upload], {"alt": alt_text(scene)}, approved=True, is_sample=True)
    return len(scenes)
