"""The tourism office's insight: visits, contacts, languages, searches and posters."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

from babel.dates import format_date
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from branding.accounts.access import staff_required
from branding.businesses.models import Business
from branding.core.content.columns import MultilingualText
from branding.core.i18n import LANGUAGE_LABELS, babel_locale
from branding.core.i18n.formatting import number
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.identity.services import site_settings
from branding.insight import charts, reports
from branding.insight.contacts import item_name
from branding.insight.flush import flush_quietly
from branding.insight.forms import OfficePosterForm
from branding.insight.labels import ACTION_LABELS, SIZE_LABELS
from branding.insight.models import CONTACT_ACTIONS, VIEW, Poster
from branding.insight.posters import SIZES, create_poster, poster_texts, qr_svg, short_url
from branding.insight.visitors import today

bp = Blueprint("office_insight", __name__, url_prefix="/<lang:lang>/office/insight")
DATASETS = ("counts", "searches", "missed")
KINDS = ("destination", "event", "business")
WEEKLY_AFTER = 92  # days: longer periods are charted per week


def short_date(day: date) -> str:
    return format_date(day, "d MMM", locale=babel_locale())


def _language(code: str) -> str:
    return str(LANGUAGE_LABELS[code]) if code in LANGUAGE_LABELS else code


def _presets(end: date) -> list[tuple[str, date, date]]:
    year_start = end.replace(month=1, day=1)
    return [
        (_("Last 7 days"), end - timedelta(days=6), end),
        (_("Last 30 days"), end - timedelta(days=29), end),
        (_("Last 90 days"), end - timedelta(days=89), end),
        (_("This year"), year_start, end),
    ]


@bp.get("/")
@staff_required
def dashboard():
    """Show the period's visits, contacts, languages, searches and poster scans."""
    flush_quietly()  # this worker's waiting counts, so the figures are fresh
    now = today()
    period = reports.period_from(request.args.get("from"), request.args.get("to"), now)
    views = reports.daily(period, (VIEW,))
    contact_days = reports.daily(period, CONTACT_ACTIONS)
    weekly = len(period.days) > WEEKLY_AFTER
    if weekly:
        views, contact_days = charts.by_week(views), charts.by_week(contact_days)
    totals = reports.totals(period)
    langs = reports.languages(period)
    contact_kinds = [(str(ACTION_LABELS[a]), totals[a]) for a in CONTACT_ACTIONS]
    return render_template(
        "insight/dashboard.html",
        period=period,
        presets=_presets(now),
        weekly=weekly,
        views=views,
        contact_days=contact_days,
        views_chart=charts.columns(views, short_date, number),
        contacts_chart=charts.columns(contact_days, short_date, number),
        totals=totals,
        contacts_total=sum(totals[a] for a in CONTACT_ACTIONS),
        languages=langs,
        languages_chart=charts.bars([(_language(code), n) for code, n in langs], 160),
        contact_kinds=contact_kinds,
        contacts_kinds_chart=charts.bars(contact_kinds),
        top={kind: reports.top_items(period, kind) for kind in KINDS},
        searches=reports.top_searches(period),
        searches_total=reports.searches_total(period),
        missed=reports.missed_searches(period),
        posters=reports.poster_scans(period)[:20],
        sample=reports.includes_sample(period),
        item_name=item_name,
    )


def _csv_cell(value) -> str | int:
    """Keep a spreadsheet from reading a text as a formula (=, +, -, @ first)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@bp.get("/export.csv")
@staff_required
def export():
    """Download the period's counts (or searches, or searches that found nothing) as CSV."""
    period = reports.period_from(request.args.get("from"), request.args.get("to"), today())
    dataset = request.args.get("data", "counts")
    if dataset not in DATASETS:
        abort(404)
    out = io.StringIO()
    writer = csv.writer(out)
    for row in reports.export_rows(period, dataset):
        writer.writerow([_csv_cell(v) for v in row])
    name = f"{dataset}-{period.start.isoformat()}-{period.end.isoformat()}.csv"
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/posters/")
@staff_required
def posters():
    """List every poster with its scans."""
    return render_template(
        "insight/office_posters.html", rows=reports.poster_scans(None), item_name=item_name
    )


def _item_choices() -> dict[str, list[tuple[str, str]]]:
    destinations = db.session.scalars(select(Destination).where(Destination.is_public))
    events = db.session.scalars(select(Event).where(Event.is_public))
    businesses = db.session.scalars(
        select(Business).where(Business.is_public).order_by(Business.name)
    )
    return {
        _("Destinations"): sorted((f"destination:{d.id}", item_name(d)) for d in destinations),
        _("Events"): sorted((f"event:{e.id}", item_name(e)) for e in events),
        _("Local businesses"): [(f"business:{b.id}", b.name) for b in businesses],
    }


def _chosen_item(value: str):
    kind, _sep, item_id = value.partition(":")
    model: Any = {"destination": Destination, "event": Event, "business": Business}.get(kind)
    if model is None or not item_id.isdigit():
        return None
    item = db.session.get(model, int(item_id))
    return item if item is not None and item.is_public else None


@bp.route("/posters/new", methods=["GET", "POST"])
@staff_required
def new_poster():
    """Make a poster for a destination, event or business, then show it for printing."""
    form = OfficePosterForm()
    form.item.choices = _item_choices()
    if not form.is_submitted() and request.args.get("item"):
        form.item.data = request.args["item"]
    if form.validate_on_submit():
        item = _chosen_item(form.item.data)
        if item is None:
            form.item.errors = [_("Choose what the poster is for.")]
        else:
            poster = create_poster(
                item,
                form.languages.data or [],
                form.label.data or "",
                current_user._get_current_object(),
            )
            return redirect(url_for(".poster", poster_id=poster.id))
    return render_template("insight/poster_form.html", form=form, business=None)


@bp.get("/posters/<int:poster_id>")
@staff_required
def poster(poster_id: int):
    """Show a poster ready to print (A4 or A6)."""
    found = db.session.get(Poster, poster_id) or abort(404)
    return render_poster(found, url_for(".posters"))


def render_poster(poster: Poster, back: str):
    """Render the print page of a poster in the size asked for (``?size=a4|a6``)."""
    size = request.args.get("size", "a4")
    if size not in SIZES:
        size = "a4"
    settings, first = site_settings(), poster.languages[0]
    return render_template(
        "insight/poster.html",
        poster=poster,
        size=size,
        texts=poster_texts(poster),
        qr=qr_svg(poster),
        address=short_url(poster),
        back=back,
        brand={
            "site_name": MultilingualText(settings.site_name or {}).resolve(first),
            "office_name": MultilingualText(settings.office_name or {}).resolve(first),
        },
        SIZE_LABELS=SIZE_LABELS,
    )
