"""Owners' counts and posters: their own businesses and products, and nobody else's."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from branding.accounts.access import owner_required
from branding.businesses.models import Business
from branding.extensions import db
from branding.insight import reports
from branding.insight.contacts import item_name
from branding.insight.forms import PosterForm
from branding.insight.labels import ACTION_LABELS
from branding.insight.models import CONTACT_ACTIONS, Poster
from branding.insight.office_views import render_poster
from branding.insight.posters import create_poster
from branding.insight.visitors import today

bp = Blueprint("owner_insight", __name__, url_prefix="/<lang:lang>/my")


def _me():
    return current_user._get_current_object()


def _own_business(business_id: int) -> Business:
    """Return one of my businesses; anyone else's does not exist (404)."""
    business = db.session.scalar(
        select(Business).where(Business.id == business_id, Business.owner_id == _me().id)
    )
    return business or abort(404)


@bp.get("/visits")
@owner_required
def visits():
    """Show the views and contacts of my businesses and products, week by week."""
    return render_template(
        "insight/owner_visits.html",
        rows=reports.owner_weeks(_me(), today()),
        actions=CONTACT_ACTIONS,
        ACTION_LABELS=ACTION_LABELS,
    )


@bp.get("/businesses/<int:business_id>/posters")
@owner_required
def posters(business_id: int):
    """List my business's posters with their scans, and offer a new one."""
    business = _own_business(business_id)
    return render_template(
        "insight/owner_posters.html",
        business=business,
        rows=reports.poster_scans(None, [business.id]),
        form=PosterForm(),
        item_name=item_name,
    )


@bp.post("/businesses/<int:business_id>/posters/new")
@owner_required
def new_poster(business_id: int):
    """Make a poster for my approved business, then show it for printing."""
    business = _own_business(business_id)
    form = PosterForm()
    if not business.is_public:
        flash(_("A poster can be made once the tourism office has approved your business."))
        return redirect(url_for(".posters", business_id=business.id))
    if not form.validate_on_submit():
        return render_template(
            "insight/owner_posters.html",
            business=business,
            rows=reports.poster_scans(None, [business.id]),
            form=form,
            item_name=item_name,
        ), 400
    poster = create_poster(business, form.languages.data or [], form.label.data or "", _me())
    return redirect(url_for(".poster", business_id=business.id, poster_id=poster.id))


@bp.get("/businesses/<int:business_id>/posters/<int:poster_id>")
@owner_required
def poster(business_id: int, poster_id: int):
    """Show my business's poster ready to print."""
    business = _own_business(business_id)
    found = db.session.get(Poster, poster_id)
    if found is None or found.business_id != business.id:
        abort(404)
    return render_poster(found, url_for(".posters", business_id=business.id))
