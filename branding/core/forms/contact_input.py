"""Contact details as owners type them: phone numbers, e-mail, social media and web addresses.

Phone and WhatsApp numbers are stored in international form (``+6281234567890``), so a
click-to-chat link works whatever way the owner wrote them. Web addresses must be http(s):
a ``javascript:`` link must never reach a visitor's page.
"""

from __future__ import annotations

import re

import phonenumbers
from flask_babel import lazy_gettext as _l
from wtforms.validators import Regexp, ValidationError

from branding.core.web.urls import is_safe_link

SOCIAL_NETWORKS = {
    "instagram": "https://www.instagram.com/",
    "facebook": "https://www.facebook.com/",
    "website": "",
}
EMAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Invalid email address."))
_HANDLE = re.compile(r"@?([A-Za-z0-9._]{1,50})")
_WEB = re.compile(r"https?://[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)
_DOMAIN = re.compile(r"[^\s/:@]+\.[a-z]{2,}(?:[/?#]\S*)?", re.IGNORECASE)


def phone_number(text: str | None) -> str:
    """Return a phone number in international form, or "" for none; raise ValueError if bad."""
    text = (text or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        raise ValueError(text) from None
    if not phonenumbers.is_possible_number(number):
        raise ValueError(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def web_address(text: str | None, network: str = "website") -> str:
    """Return a full http(s) address, or "" for none; ``@name`` means a profile on a network."""
    text = (text or "").strip()
    if not text:
        return ""
    profile = SOCIAL_NETWORKS.get(network, "")
    handle = _HANDLE.fullmatch(text)
    if profile and handle and text.startswith("@"):
        return profile + handle.group(1)
    if _WEB.fullmatch(text):
        address = text
    elif _DOMAIN.fullmatch(text):
        address = "https://" + text
    else:
        raise ValueError(text)
    if not is_safe_link(address):  # the one rule every stored link follows
        raise ValueError(text)
    return address


def check_phone(form, field) -> None:
    """Validate a phone or WhatsApp number."""
    try:
        phone_number(field.data)
    except ValueError:
        message = _l("Write a phone number like 0812 3456 7890 or +62 812 3456 7890.")
        raise ValidationError(str(message)) from None


def check_web_address(form, field) -> None:
    """Validate a web address (or an @name on a social network)."""
    try:
        web_address(field.data, field.short_name)
    except ValueError:
        message = _l("Write a web address like https://example.com (or @name for a profile).")
        raise ValidationError(str(message)) from None
