"""The back office's start page, audit log and translation status."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from branding.accounts.access import staff_required
from branding.accounts.audit import recent_entries
from branding.core.i18n import LANGUAGES
from branding.office.content_status import translation_gaps
from branding.office.overview import office_overview
from branding.search import health as search_health

bp = Blueprint("office", __name__, url_prefix="/<lang:lang>/office")


@bp.get("/")
@staff_required
def dashboard():
    """Show what waits for the tourism office."""
    return render_template(
        "office/dashboard.html",
        overview=office_overview(),
        entries=recent_entries(limit=10),
        search_notices=search_health.notices(),
    )


@bp.get("/audit")
@staff_required
def audit_log():
    """List who changed what, most recent first."""
    return render_template("office/audit.html", entries=recent_entries(limit=300))


@bp.get("/translations")
@staff_required
def translations():
    """List the content fields that still need a translation, per language."""
    lang = request.args.get("language")
    gaps = translation_gaps(lang if lang in LANGUAGES else None)
    return render_template("office/translations.html", gaps=gaps, language=lang)
