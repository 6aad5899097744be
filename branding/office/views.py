"""The back office's start page, audit log and translation status."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask import Blueprint, render_template, request

from branding.accounts import audit
from branding.accounts.access import staff_required
from branding.accounts.audit import AuditFilter, recent_entries
from branding.core import jobs
from branding.core.i18n import LANGUAGES
from branding.core.i18n.formatting import WIB
from branding.core.web.query_args import page_arg, require_page
from branding.office.content_status import translation_gaps
from branding.office.overview import office_overview
from branding.office.translation_links import FIELD_LABELS, GAP_KINDS, gap_editor_url
from branding.search import health as search_health
from branding.workbench.coverage import all_coverage
from branding.workbench.history import over_time

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
        job_failures=jobs.recent_failures(),
    )


@bp.get("/audit")
@staff_required
def audit_log():
    """List who changed what, most recent first: filtered by who, what and when, in pages."""
    args = request.args
    actor = args.get("who", "")
    wanted = AuditFilter(
        actor_id=int(actor) if actor.isdigit() else None,
        target_type=args.get("what", "")[:40],
        action=args.get("action", "")[:60],
        since=_day(args.get("from", "")),
        until=_day(args.get("to", ""), 1),
    )
    page = require_page(audit.search(wanted, page_arg()))
    people, kinds, actions = audit.choices()
    return render_template(
        "office/audit.html",
        entries=page.items,
        page=page,
        people=people,
        kinds=kinds,
        actions=actions,
        args={k: v for k, v in args.items() if k != "page"},
    )


def _day(value: str, offset: int = 0) -> datetime | None:
    """The start of a WIB day given as YYYY-MM-DD (plus ``offset`` days), or None."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return datetime.combine(day + timedelta(days=offset), time(), WIB)


@bp.get("/translations")
@staff_required
def translations():
    """List the content fields that still need a translation, per language."""
    lang = request.args.get("language")
    gaps = translation_gaps(lang if lang in LANGUAGES else None)
    return render_template(
        "office/translations.html", gaps=gaps, language=lang, editor_url=gap_editor_url,
        kinds=GAP_KINDS, fields=FIELD_LABELS, coverage=all_coverage(), history=over_time(),
    )  # fmt: skip
