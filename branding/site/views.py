"""The home page and the language choice at the site's root."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

from branding.businesses.services import featured_products
from branding.core.content.publishing import utcnow
from branding.core.i18n import preferred_language
from branding.destinations.services import home_destinations
from branding.events.services import upcoming_highlights

bp = Blueprint("site", __name__)


@bp.get("/")
def choose_language():
    """Send the visitor to the home page in their language."""
    response = redirect(url_for("site.home", lang=preferred_language()), code=302)
    response.vary.update(("Accept-Language", "Cookie"))
    return response


@bp.get("/<lang:lang>/")
def home():
    """Show the regency's identity, featured destinations, events and products."""
    return render_template(
        "site/home.html",
        destinations=home_destinations(limit=6),
        events=upcoming_highlights(utcnow(), limit=4),
        products=featured_products(limit=6),
    )
