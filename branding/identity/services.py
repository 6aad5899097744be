"""The regency's branding settings."""

from __future__ import annotations

from flask import g, has_request_context
from sqlalchemy import select

from branding.extensions import db
from branding.identity.models import BrandingSettings

DEFAULT_SETTINGS = {
    "site_name": {"id": "Pesona Pakpak Bharat", "en": "Wonderful Pakpak Bharat"},
    "regency_name": "Kabupaten Pakpak Bharat",
    "color_primary": "#1f5f3f",
    "color_secondary": "#b5412b",
    "color_accent": "#e0a526",
}


def site_settings() -> BrandingSettings:
    """Return the branding settings, once per request; unsaved defaults if none exist."""
    if has_request_context() and "site_settings" in g:
        return g.site_settings
    settings = db.session.scalar(select(BrandingSettings).order_by(BrandingSettings.id).limit(1))
    if settings is None:
        settings = BrandingSettings(**DEFAULT_SETTINGS)
    if has_request_context():
        g.site_settings = settings
    return settings


def stored_settings() -> BrandingSettings | None:
    """Return the stored settings row, if there is one."""
    return db.session.scalar(select(BrandingSettings).order_by(BrandingSettings.id).limit(1))


def settings_row() -> BrandingSettings:
    """Return the stored settings row, adding one with the defaults (uncommitted) if none."""
    settings = stored_settings()
    if settings is None:
        settings = BrandingSettings(**DEFAULT_SETTINGS)
        db.session.add(settings)
        db.session.flush()
    return settings


def save_settings(**fields) -> BrandingSettings:
    """Create or update the single branding settings row and commit it."""
    settings = db.session.scalar(select(BrandingSettings).order_by(BrandingSettings.id).limit(1))
    if settings is None:
        settings = BrandingSettings(**{**DEFAULT_SETTINGS, **fields})
        db.session.add(settings)
    else:
        for name, value in fields.items():
            setattr(settings, name, value)
    db.session.commit()
    return settings


SETTINGS_FIELDS = (
    "site_name", "regency_name", "tagline", "welcome", "color_primary", "color_secondary",
    "color_accent", "office_name", "office_address", "office_phone", "office_email",
    "office_whatsapp",
)  # fmt: skip


def update_settings(actor, values: dict) -> BrandingSettings:
    """Change the branding settings as an administrator, and log the change."""
    from branding.accounts import audit

    settings = settings_row()
    before = {name: getattr(settings, name) for name in SETTINGS_FIELDS}
    for name in SETTINGS_FIELDS:
        setattr(settings, name, values[name])
    db.session.flush()
    after = {name: getattr(settings, name) for name in SETTINGS_FIELDS}
    audit.record(actor, "update", settings, audit.diff(before, after))
    db.session.commit()
    return settings
