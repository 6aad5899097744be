"""Every route in the URL map with concrete arguments, for tests that walk them all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Flask
from werkzeug.routing import AnyConverter, Rule

from branding.accounts.models import Role, User
from branding.businesses.models import ModerationStatus
from branding.calendar.services import today_in_wib
from branding.workbench.strings import string_key
from tests.factories import Factories

_ARGUMENT = re.compile(r"<(?:[^:<>]+(?:\([^)]*\))?:)?([a-z_]+)>")


@dataclass
class World:
    """A small regency: one of everything, with the people who work on it."""

    editor: User
    admin: User
    owner: User
    values: dict


def make_world(make: Factories) -> World:
    """Create one item of each kind (published and approved), a photo, and the accounts."""
    area = make.area()
    destination = make.destination(area=area)
    event = make.event(area=area)
    owner = make.user(Role.OWNER)
    business = make.business(owner=owner, area=area)
    product = make.product(business, status=ModerationStatus.APPROVED)
    photo = make.photo(destination)
    values = {
        "lang": "en",
        "area_slug": area.slug,
        "destination_slug": destination.slug,
        "event_slug": event.slug,
        "business_slug": business.slug,
        "day": today_in_wib().isoformat(),
        "token": "not-a-token",
        "business_id": business.id,
        "product_id": product.id,
        "destination_id": destination.id,
        "event_id": event.id,
        "area_id": area.id,
        "photo_id": photo.id,
        "item_id": business.id,
        "name": photo.file_name(640, "jpg"),
        "filename": "css/site.css",
        "key": string_key("Featured destinations"),
        "content_id": destination.id,
    }
    editor, admin = make.user(Role.EDITOR), make.user(Role.ADMIN)
    values["user_id"] = editor.id
    return World(editor=editor, admin=admin, owner=owner, values=values)


def slug_for(endpoint: str) -> str:
    blueprint = endpoint.split(".", 1)[0]
    return {"areas": "area_slug", "businesses": "business_slug", "destinations":
            "destination_slug"}.get(blueprint, "event_slug")  # fmt: skip


def build_path(rule: Rule, values: dict) -> str:
    """Fill a rule's arguments from the world's values; ``any(…)`` takes its first choice."""

    def value(match: re.Match) -> str:
        name = match.group(1)
        converter = rule._converters[name]
        if name == "slug":
            return str(values[slug_for(rule.endpoint)])
        if isinstance(converter, AnyConverter):
            return sorted(converter.items)[0]
        return str(values.get(name, 1))  # an id the world has no row for: the view's 404

    return _ARGUMENT.sub(value, rule.rule)


def get_routes(app: Flask) -> list[Rule]:
    """Return every rule that answers GET, in a stable order."""
    rules = [r for r in app.url_map.iter_rules() if "GET" in (r.methods or ())]
    return sorted(rules, key=lambda r: r.rule)


def post_routes(app: Flask) -> list[Rule]:
    """Return every rule that answers POST, in a stable order."""
    rules = [r for r in app.url_map.iter_rules() if "POST" in (r.methods or ())]
    return sorted(rules, key=lambda r: r.rule)
