"""QR posters: a short language-neutral address per poster, its QR code and its texts.

The address is ``/q/<code>``: the code names the poster, the poster its item, and the
redirect picks the visitor's language (cookie, then Accept-Language), so one printed code
serves every visitor. Each scan is counted against its poster.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import segno
from flask import current_app, url_for
from markupsafe import Markup
from sqlalchemy import select

from branding.accounts.models import User
from branding.businesses.models import Business
from branding.core.content.columns import MultilingualText
from branding.core.i18n import LANGUAGES
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import babel, db
from branding.insight.models import Poster

CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to type from paper
CODE_LENGTH = 6
SIZES = ("a4", "a6")


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated later, per poster language."""
    return message


# One line per language on a poster, by the kind of item (translated in each chosen language).
SCAN_LINES = {
    "destination": N_("Scan for directions, opening hours and tickets, in your language."),
    "event": N_("Scan for the dates, the place and how to get there, in your language."),
    "business": N_("Scan to see our products, our opening hours and how to reach us."),
}


def new_code() -> str:
    """Return a poster code that no poster has yet."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.session.scalar(select(Poster.id).where(Poster.code == code)) is None:
            return code


def add_poster(
    item: Destination | Event | Business,
    languages: list[str],
    label: str = "",
    created_by: User | None = None,
    is_sample: bool = False,
) -> Poster:
    """Stage a poster for an item, in the given languages (in the order given)."""
    chosen = [code for code in dict.fromkeys(languages) if code in LANGUAGES] or ["id"]
    poster = Poster(
        code=new_code(),
        label=label.strip()[:120],
        languages=chosen,
        created_by=created_by,
        is_sample=is_sample,
        **{_kind(item): item},
    )
    db.session.add(poster)
    return poster


def create_poster(item, languages: list[str], label: str, created_by: User) -> Poster:
    """Add a poster and commit it."""
    poster = add_poster(item, languages, label, created_by)
    db.session.commit()
    return poster


def _kind(item) -> str:
    if isinstance(item, Destination):
        return "destination"
    if isinstance(item, Event):
        return "event"
    return "business"


def poster_by_code(code: str) -> Poster | None:
    """Return the poster with this code (codes are written in lower case)."""
    return db.session.scalar(select(Poster).where(Poster.code == code.lower()))


def posters_of(business_ids: list[int] | None = None) -> list[Poster]:
    """Return every poster, or those of these businesses, newest first."""
    query = select(Poster).order_by(Poster.created_at.desc(), Poster.id.desc())
    if business_ids is not None:
        query = query.where(Poster.business_id.in_(business_ids or [-1]))
    return list(db.session.scalars(query))


def short_url(poster: Poster) -> str:
    """Return the poster's printed address: the public site's (SITE_URL) when it is set."""
    path = url_for("insight.scan", code=poster.code)
    site = current_app.config.get("SITE_URL")
    return site + path if site else url_for("insight.scan", code=poster.code, _external=True)


def qr_code(poster: Poster) -> segno.QRCode:
    """Return the poster's QR code, which holds its short address."""
    return segno.make(short_url(poster), error="m")


def qr_svg(poster: Poster) -> Markup:
    """Return the QR code as inline SVG (scales to any print size; no style attributes)."""
    svg = qr_code(poster).svg_inline(
        scale=1, border=4, omitsize=True, svgclass="poster-qr", dark="#000", light="#fff"
    )
    return Markup(svg.replace("<svg ", '<svg role="img" aria-hidden="true" ', 1))


@dataclass(frozen=True)
class PosterText:
    """The texts of a poster in one of its languages."""

    lang: str  # the language the line is written in (Pakpak may fall back to Indonesian)
    name: str
    name_lang: str
    line: str


def poster_texts(poster: Poster) -> list[PosterText]:
    """Return the item's name and the scan line in each of the poster's languages.

    A language whose catalog lacks the line (Pakpak, often) is left out when the language it
    falls back to is on the poster too, so no line is printed twice.
    """
    texts: list[PosterText] = []
    for code in poster.languages:
        translations = babel.domain_instance.catalog(code)
        line_msg = SCAN_LINES[poster.kind]
        own = getattr(translations, "_catalog", {}).get(line_msg)
        line_lang = code if own or code == "en" else "id"
        if line_lang != code and line_lang in poster.languages:
            continue
        name, name_lang = _name(poster.item, code)
        texts.append(PosterText(line_lang, name, name_lang, translations.gettext(line_msg)))
    return texts


def _name(item, code: str) -> tuple[str, str]:
    if isinstance(item, Business):
        return item.name, code
    value = item.title if isinstance(item, Event) else item.name
    resolved = MultilingualText(value).resolve(code)
    return str(resolved), resolved.lang
