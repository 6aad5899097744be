"""The authorization matrix: every route of the URL map against every role.

Each rule has an access spec; each spec says what each role gets. A route added to the
application without a line here fails ``test_every_route_is_in_the_matrix``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta

import pytest
from werkzeug.routing import Rule

from branding import create_app
from branding.accounts.models import Role
from branding.businesses.models import ModerationStatus
from branding.core.i18n.formatting import WIB
from branding.editorial import revisions
from branding.extensions import db
from branding.identity.services import settings_row
from branding.insight.posters import add_poster
from branding.media.services import Upload, add_photos
from branding.workbench.glossary import add_term
from branding.workbench.services import suggest
from branding.workbench.strings import by_key, string_key
from tests.accounts_helpers import login
from tests.media.photo_files import photo_bytes

ROLES = ("anon", "owner_a", "owner_b", "editor", "admin", "translator")
OK, DONE, LOGIN, FORBIDDEN, NOT_FOUND, REDIRECT = "ok", "done", "login", 403, 404, "redirect"

# What each role gets, per access spec (GET for pages, POST for actions).
SPECS = {
    "public": dict.fromkeys(ROLES, OK),
    "redirect": dict.fromkeys(ROLES, REDIRECT),
    "signed-in": {"anon": LOGIN, "owner_a": OK, "owner_b": OK, "editor": OK, "admin": OK,
                  "translator": OK},
    "staff": {"anon": LOGIN, "owner_a": FORBIDDEN, "owner_b": FORBIDDEN, "editor": OK, "admin": OK,
              "translator": FORBIDDEN},
    "admin": {"anon": LOGIN, "owner_a": FORBIDDEN, "owner_b": FORBIDDEN, "editor": FORBIDDEN,
              "admin": OK, "translator": FORBIDDEN},
    "owner": {"anon": LOGIN, "owner_a": OK, "owner_b": OK, "editor": FORBIDDEN,
              "admin": FORBIDDEN, "translator": FORBIDDEN},
    "owned": {"anon": LOGIN, "owner_a": OK, "owner_b": NOT_FOUND, "editor": FORBIDDEN,
              "admin": FORBIDDEN, "translator": FORBIDDEN},
    # the translation workbench: the only back-office pages a translator reaches
    "workbench": {"anon": LOGIN, "owner_a": FORBIDDEN, "owner_b": FORBIDDEN, "editor": OK,
                  "admin": OK, "translator": OK},
}  # fmt: skip


def _photo_rules(item_rule: str, access: str) -> dict[str, str]:
    base = f"{item_rule}/photos"
    one = f"{base}/<int:photo_id>"
    tails = ("", "/cover", "/move/<any(up, down):direction>", "/delete")
    return {base: access, **{one + tail: access for tail in tails}}


MATRIX = {
    "/media/<path:name>": "public",
    "/healthz": "public",
    "/api/v1/<any(areas, destinations, events, businesses, products):plural>": "public",
    "/api/v1/<any(areas, destinations, events, businesses, products):plural>/<int:item_id>": (
        "public"
    ),
    "/api/v1/<any(areas, destinations, events, businesses):plural>/slug/<slug>": "public",
    "/api/v1/changes": "public",
    "/api/v1/openapi.json": "public",
    "/api/v1/docs": "public",
    "/readyz": "public",
    "/theme/<name>.css": "public",
    "/icons/<digest>/<what>": "public",
    "/favicon.ico": "redirect",
    "/apple-touch-icon.png": "redirect",
    "/apple-touch-icon-precomposed.png": "redirect",
    "/sw.js": "public",
    "/<lang:lang>/manifest.webmanifest": "public",
    "/<lang:lang>/offline": "public",
    "/<lang:lang>/businesses/<slug>/products/<int:product_id>": "public",
    "/<lang:lang>/office/admin/logo": "admin",
    "/<lang:lang>/office/admin/logo/delete": "admin",
    **_photo_rules("/<lang:lang>/office/admin/hero", "admin"),
    "/": "redirect",
    "/static/<path:filename>": "public",
    "/robots.txt": "public",
    "/sitemap.xml": "public",
    "/sitemap-<int:number>.xml": "public",
    "/<lang:lang>/": "public",
    "/<lang:lang>/areas/": "public",
    "/<lang:lang>/areas/<slug>": "public",
    "/<lang:lang>/destinations/": "public",
    "/<lang:lang>/destinations/<slug>": "public",
    "/<lang:lang>/businesses/": "public",
    "/<lang:lang>/businesses/<slug>": "public",
    "/<lang:lang>/events/": "public",
    "/<lang:lang>/events/past": "public",
    "/<lang:lang>/events/<slug>": "public",
    "/<lang:lang>/events/agenda": "public",
    "/<lang:lang>/events/calendar": "public",
    "/<lang:lang>/events/calendar.ics": "public",
    "/<lang:lang>/events/<slug>.ics": "public",
    "/<lang:lang>/events/<slug>/<isodate:day>": "public",
    "/<lang:lang>/events/<slug>/<isodate:day>.ics": "public",
    "/<lang:lang>/map/": "public",
    "/<lang:lang>/map/data.geojson": "public",
    "/<lang:lang>/map/preview.svg": "public",
    "/<lang:lang>/search": "public",
    "/<lang:lang>/search/suggest": "public",
    "/<lang:lang>/feeds/events.atom": "public",
    "/<lang:lang>/feeds/listings.atom": "public",
    "/<lang:lang>/account/login": "public",
    "/<lang:lang>/account/register": "public",
    "/<lang:lang>/account/reset": "public",
    "/<lang:lang>/account/reset/<token>": "redirect",  # a bad token goes back to the request form
    "/<lang:lang>/account/password": "signed-in",
    "/<lang:lang>/account/logout": "signed-in",
    "/<lang:lang>/office/": "staff",
    "/<lang:lang>/office/audit": "staff",
    "/<lang:lang>/office/translations": "staff",
    "/<lang:lang>/office/destinations/": "staff",
    "/<lang:lang>/office/destinations/new": "staff",
    "/<lang:lang>/office/destinations/<int:destination_id>/edit": "staff",
    "/<lang:lang>/office/destinations/<int:destination_id>/preview": "staff",
    "/<lang:lang>/office/destinations/<int:destination_id>/publish": "staff",
    "/<lang:lang>/office/destinations/<int:destination_id>/unpublish": "staff",
    "/<lang:lang>/office/destinations/<int:destination_id>/delete": "staff",
    "/<lang:lang>/office/events/": "staff",
    "/<lang:lang>/office/events/new": "staff",
    "/<lang:lang>/office/events/<int:event_id>/edit": "staff",
    "/<lang:lang>/office/events/<int:event_id>/preview": "staff",
    "/<lang:lang>/office/events/<int:event_id>/publish": "staff",
    "/<lang:lang>/office/events/<int:event_id>/unpublish": "staff",
    "/<lang:lang>/office/events/<int:event_id>/delete": "staff",
    "/<lang:lang>/office/areas/": "staff",
    "/<lang:lang>/office/areas/new": "staff",
    "/<lang:lang>/office/areas/<int:area_id>/edit": "staff",
    "/<lang:lang>/office/areas/<int:area_id>/delete": "staff",
    "/<lang:lang>/office/moderation/": "staff",
    "/<lang:lang>/office/moderation/businesses": "staff",
    "/<lang:lang>/office/moderation/<any(businesses, products):kind>/<int:item_id>": "staff",
    "/<lang:lang>/office/moderation/businesses/<int:item_id>/preview": "staff",
    "/<lang:lang>/office/moderation/<any(businesses, products):kind>/<int:item_id>/"
    "<any(approve, reinstate):action>": "staff",
    "/<lang:lang>/office/moderation/<any(businesses, products):kind>/<int:item_id>/"
    "<any(reject, suspend):action>": "staff",
    "/<lang:lang>/office/moderation/businesses/<int:item_id>/"
    "<any(verify, unverify):action>": "staff",
    "/<lang:lang>/office/admin/users": "admin",
    "/<lang:lang>/office/admin/users/<int:user_id>/role": "admin",
    "/<lang:lang>/office/admin/users/<int:user_id>/active": "admin",
    "/<lang:lang>/office/admin/settings": "admin",
    "/<lang:lang>/my/": "owner",
    "/<lang:lang>/my/businesses/new": "owner",
    "/<lang:lang>/my/businesses/<int:business_id>/edit": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/preview": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/submit": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/products": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/products/new": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/products/<int:product_id>/edit": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/products/<int:product_id>/delete": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/products/<int:product_id>/submit": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/products/<int:product_id>/move/"
    "<any(up, down):direction>": "owned",
    "/<lang:lang>/office/moderation/photos/<int:photo_id>/approve": "staff",
    "/<lang:lang>/office/moderation/businesses/<int:item_id>/decide": "staff",
    "/<lang:lang>/office/history/<any(destinations, events, areas, businesses, products):kind>/"
    "<int:item_id>": "staff",
    "/<lang:lang>/office/history/<any(destinations, events, areas, businesses, products):kind>/"
    "<int:item_id>/compare": "staff",
    "/<lang:lang>/office/history/<any(destinations, events, areas, businesses, products):kind>/"
    "<int:item_id>/revert/<int:revision_id>": "staff",
    "/<lang:lang>/office/admin/users/invite": "admin",
    "/<lang:lang>/office/admin/users/<int:user_id>/invite": "admin",
    "/<lang:lang>/account/invite/<token>": "redirect",  # a bad token: to the reset request
    "/<lang:lang>/my/businesses/<int:business_id>/delete": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/restore": "owned",
    "/<lang:lang>/office/moderation/photos/<int:photo_id>/delete": "staff",
    "/<lang:lang>/privacy": "public",
    "/<lang:lang>/go/<any(destination, event, business):kind>/<int:subject_id>/"
    "<any(whatsapp, phone, website, directions):action>": "redirect",
    "/<lang:lang>/go/<any(destination, event, business):kind>/<int:subject_id>/share/"
    "<any(whatsapp, facebook, x):network>": "redirect",
    "/<lang:lang>/go/event/<int:event_id>/calendar/<any(ics, google):via>": "redirect",
    "/q/<code>": "redirect",
    "/<lang:lang>/office/workbench/": "workbench",
    "/<lang:lang>/office/workbench/strings/<key>": "workbench",
    "/<lang:lang>/office/workbench/content/": "workbench",
    "/<lang:lang>/office/workbench/glossary": "workbench",
    "/<lang:lang>/office/workbench/glossary/<int:term_id>/delete": "workbench",
    "/<lang:lang>/office/workbench/content/<any(destination, event, area, business, product):kind>"
    "/<int:content_id>": "workbench",
    "/<lang:lang>/office/workbench/suggestions/<int:row_id>/<any(approve, reject):decision>": (
        "workbench"
    ),
    "/<lang:lang>/office/insight/": "staff",
    "/<lang:lang>/office/insight/export.csv": "staff",
    "/<lang:lang>/office/insight/posters/": "staff",
    "/<lang:lang>/office/insight/posters/new": "staff",
    "/<lang:lang>/office/insight/posters/<int:poster_id>": "staff",
    "/<lang:lang>/my/visits": "owner",
    "/<lang:lang>/my/businesses/<int:business_id>/posters": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/posters/new": "owned",
    "/<lang:lang>/my/businesses/<int:business_id>/posters/<int:poster_id>": "owned",
    **_photo_rules("/<lang:lang>/office/destinations/<int:destination_id>", "staff"),
    **_photo_rules("/<lang:lang>/office/events/<int:event_id>", "staff"),
    **_photo_rules("/<lang:lang>/my/businesses/<int:business_id>", "owned"),
    **_photo_rules(
        "/<lang:lang>/my/businesses/<int:business_id>/products/<int:product_id>", "owned"
    ),
}

# Form data that makes an allowed POST succeed.
POST_DATA = {
    "admin.logo": lambda: {"logo": (io.BytesIO(photo_bytes((200, 100), "PNG")), "logo.png")},
    "admin.set_role": {"role": "editor"},
    "admin.set_active": {"active": "0"},
    "moderation.refuse": {"reject-reason": "Foto kurang jelas."},
    "admin.invite": {
        "display_name": "Rekan",
        "email": "rekan@example.com",
        "role": "editor",
        "language": "id",
    },
    "owner_insight.new_poster": {"languages": ["id", "en"]},
}


@dataclass
class World:
    """A small regency: two owners with a business each, staff, and public content."""

    users: dict
    values: dict


def build_world(make) -> World:
    """Create the rows every route of the matrix can point at."""
    owner_a, owner_b = make.user(Role.OWNER), make.user(Role.OWNER)
    users = {"owner_a": owner_a, "owner_b": owner_b, "editor": make.user(Role.EDITOR),
             "admin": make.user(Role.ADMIN), "translator": make.user(Role.TRANSLATOR)}  # fmt: skip
    area = make.area()
    destination = make.destination(area=area)
    event = make.event(destination=destination, starts_in=timedelta(days=2))
    business = make.business(owner=owner_a, area=area, latitude=2.57, longitude=98.27)
    product = make.product(business)
    poster = add_poster(business, ["id", "en"])  # owner_a's, which editors may print too
    db.session.commit()
    make.product(business)  # a neighbour to move past
    pending = make.business(owner=owner_a, area=area, status=ModerationStatus.PENDING)
    values = {
        "destination": destination.slug,
        "event": event.slug,
        "business": business.slug,
        "area": area.slug,
        "day": event.starts_at.astimezone(WIB).date(),
        "destination_id": destination.id,
        "event_id": event.id,
        "area_id": make.area().id,  # an empty area, which can be deleted
        "user_id": owner_b.id,
        "business_id": business.id,
        "product_id": product.id,
        "item_id": pending.id,
        "revision_id": revisions.latest(pending).id,
        "subject_id": business.id,  # a contact redirect: the business's directions
        "poster_id": poster.id,
        "code": poster.code,
        "key": string_key("Featured destinations"),
        "content_id": destination.id,  # the queue's kind is "destination", the first choice
        "row_id": _suggestion(make).id,  # by a translator who is none of the roles above
        "term_id": add_term(owner_a, "btd", f"term {owner_a.id}", "BTD-TEST-1").id,
        "photos": _photos({"destination_id": destination, "event_id": event,
                           "business_id": business, "product_id": product,
                           "branding": settings_row()}),
    }  # fmt: skip
    # a public photo's file (a waiting one is served to staff and its owner only)
    values["name"] = values["photos"]["destination_id"].file_names()[0]
    return World(users, values)


def _suggestion(make):
    """A suggestion by someone else, which each workbench role may approve."""
    string = by_key(string_key("Featured destinations"))
    assert string is not None
    return suggest(make.user(Role.TRANSLATOR), "btd", string, ["BTD-TEST-1"])


def _photos(items: dict) -> dict:
    """Give each item two small photos (one to act on, one to move past); return the first."""
    photos = {}
    for key, item in items.items():
        uploads = [
            Upload(f"{key}-{n}.png", io.BytesIO(photo_bytes((64, 48), "PNG"))) for n in (1, 2)
        ]
        photos[key] = add_photos(None, item, uploads, approved=key != "business_id")[0]
    return photos


def _photo_of(rule: Rule, world: World):
    """The photo a rule acts on: the most specific item's (for moderation, the business's)."""
    if "/office/admin/hero" in rule.rule:
        return world.values["photos"]["branding"]
    for key in ("product_id", "business_id", "event_id", "destination_id"):
        if key in rule.arguments:
            return world.values["photos"][key]
    return world.values["photos"]["business_id"]


def _url(rule: Rule, world: World) -> str:
    values, v = {}, world.values
    for name in rule.arguments:
        if name == "lang":
            values[name] = "en"
        elif rule.endpoint.startswith("api."):  # a published destination, by id or by slug
            api = {"plural": "destinations", "item_id": v["destination_id"]}
            values[name] = api.get(name, v["destination"])
        elif name == "slug":
            kind = rule.endpoint.split(".")[0]
            kind = {"calendar": "events"}.get(kind, kind)
            values[name] = v[{"destinations": "destination", "events": "event",
                              "businesses": "business", "areas": "area"}[kind]]  # fmt: skip
        elif name == "kind" and rule.endpoint.startswith("history."):
            values[name] = "businesses"  # the item_id is a business's
        elif name == "filename":
            values[name] = "css/site.css"
        elif rule.endpoint.startswith("identity."):
            values[name] = {"name": "0123456789", "digest": "0123456789", "what": "icon192.png"}[
                name
            ]
        elif name == "photo_id":
            values[name] = _photo_of(rule, world).id
        elif name == "token":
            values[name] = "not-a-token"
        elif name == "number":  # a sitemap file
            values[name] = 1
        elif getattr(rule._converters[name], "items", None):
            values[name] = sorted(rule._converters[name].items)[0]
        else:
            values[name] = v[name]
    return rule.build(values, append_unknown=False)[1]


def _outcome(response) -> str | int:
    response.close()  # static files are streamed
    location = response.headers.get("Location", "")
    if response.status_code == 302 and "/account/login" in location:
        return LOGIN
    if response.status_code in (403, 404):
        return response.status_code
    if response.status_code == 302:
        return REDIRECT
    return OK if response.status_code == 200 else response.status_code


def _client(app, world: World, role: str):
    client = app.test_client()
    if role != "anon":
        assert login(client, world.users[role]).status_code == 302
    return client


def _rules():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SERVER_NAME": "localhost"})
    return sorted(app.url_map.iter_rules(), key=lambda r: r.rule)


def test_every_route_is_in_the_matrix():
    routes = {rule.rule for rule in _rules()}
    assert routes - set(MATRIX) == set(), "add the new routes to MATRIX"
    assert set(MATRIX) - routes == set(), "remove routes that no longer exist"


def _case_id(rule: Rule) -> str:
    return f"{rule.endpoint}:{'+'.join(sorted(rule.methods - {'HEAD', 'OPTIONS'}))}"


@pytest.mark.parametrize("rule", _rules(), ids=_case_id)
def test_each_role_gets_what_the_matrix_says(app, make, rule):
    spec = SPECS[MATRIX[rule.rule]]
    if "GET" in rule.methods:
        world = build_world(make)
        url = _url(rule, world)
        for role in ROLES:
            got = _outcome(_client(app, world, role).get(url))
            assert got == spec[role], f"GET {url} as {role}"
    if "POST" in rule.methods and "GET" not in rule.methods:
        for role in ROLES:  # a fresh world per role: allowed actions change things
            world = build_world(make)
            url = _url(rule, world)
            data = POST_DATA.get(rule.endpoint, {})
            response = _client(app, world, role).post(url, data=data() if callable(data) else data)
            got = _outcome(response)
            expected = REDIRECT if spec[role] == OK else spec[role]
            assert got == expected, f"POST {url} as {role}"
            db.session.rollback()
