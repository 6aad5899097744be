"""Contact and share links: WhatsApp click-to-chat, ``tel:`` and share-to links.

WhatsApp links are offered only for numbers that parse as Indonesian mobile numbers, so a
landline typed into a WhatsApp field never becomes a link that fails. No third-party script
is loaded: share links are plain URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

import phonenumbers
from flask_babel import gettext
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType

REGION = "ID"  # numbers written without a country code are Indonesian


def parse_phone(raw: str | None) -> PhoneNumber | None:
    """Parse a phone number as written (``0812…``, ``+62 812…``); None if it is not valid."""
    if not raw or not raw.strip():
        return None
    try:
        number = phonenumbers.parse(raw, REGION)
    except NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def e164(raw: str | None) -> str | None:
    """Return a valid number in E.164 form (``+6281234567890``), else None."""
    number = parse_phone(raw)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164) if number else None


def whatsapp_number(raw: str | None) -> str | None:
    """Return the E.164 form of an Indonesian mobile number, else None."""
    number = parse_phone(raw)
    if number is None or phonenumbers.region_code_for_number(number) != REGION:
        return None
    if phonenumbers.number_type(number) != PhoneNumberType.MOBILE:
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def whatsapp_url(raw: str | None, text: str = "") -> str | None:
    """Return a ``https://wa.me/62…?text=…`` click-to-chat link for a mobile number, else None."""
    number = whatsapp_number(raw)
    if number is None:
        return None
    url = f"https://wa.me/{number.removeprefix('+')}"
    return f"{url}?text={quote(text, safe='')}" if text else url


def tel_url(raw: str | None) -> str | None:
    """Return a ``tel:+62…`` link for a valid number, else None."""
    number = e164(raw)
    return f"tel:{number}" if number else None


def directions_url(latitude: float, longitude: float) -> str:
    """Return a Google Maps directions link to a point (any phone opens it)."""
    return f"https://www.google.com/maps/dir/?api=1&destination={latitude:.6f},{longitude:.6f}"


def display_phone(raw: str | None, lang: str = "id") -> str:
    """Write a number as a visitor dials it: ``0812-3450-0001`` at home, ``+62 812-…`` abroad."""
    number = parse_phone(raw)
    if number is None:
        return (raw or "").strip()
    style = PhoneNumberFormat.INTERNATIONAL if lang == "en" else PhoneNumberFormat.NATIONAL
    return phonenumbers.format_number(number, style)


def greeting(name: str | None, site_name: str) -> str:
    """Return the message prefilled in WhatsApp, in the visitor's language."""
    if not name:
        return gettext(
            "Hello! I found you on %(site)s and would like to ask a question.", site=site_name
        )
    return gettext(
        "Hello! I found %(name)s on %(site)s and would like to ask a question.",
        name=name,
        site=site_name,
    )


@dataclass(frozen=True)
class ShareLink:
    """A plain link that shares a page on a network."""

    network: str  # a CSS-friendly key
    label: str  # the network's name
    href: str


def share_links(url: str, title: str) -> list[ShareLink]:
    """Return share-to links for WhatsApp, Facebook and X for a page."""
    message, page = quote(f"{title} {url}", safe=""), quote(url, safe="")
    return [
        ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?text={message}"),
        ShareLink("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={page}"),
        ShareLink("x", "X", "https://x.com/intent/tweet?" + urlencode({"text": title, "url": url})),
    ]
