"""Offline reading: the service worker that keeps what a visitor opened, and the page that
lists it.

The worker (``/sw.js``, a template so that it names the current fingerprinted files) keeps
pages network-first and pictures cache-first, each cache bounded in entries and bytes; the
back office, owners' pages and account pages are never kept, and logging out forgets the
kept pages. ``/<lang>/offline`` is stored when the worker installs and shown for a page
that was never opened; its script lists the pages kept on this device.
"""

from __future__ import annotations

import hashlib
import json

from flask import Blueprint, Response, render_template, url_for

from branding.core.i18n import LANGUAGES
from branding.identity.templating import theme_url

bp = Blueprint("offline", __name__)

ASSETS = ("css/site.css", "css/nojs.css", "js/site.js", "js/offline.js", "js/search.js")
LIMITS = {"pages": {"entries": 60, "bytes": 6_000_000},
          "pictures": {"entries": 150, "bytes": 25_000_000},
          "assets": {"entries": 60, "bytes": 4_000_000}}  # fmt: skip
PRIVATE = r"^/(id|en|btd)/(office|my|account)(/|$)"


def worker_settings() -> dict:
    """Return what the service worker needs: the files to store first, the offline pages."""
    offline = {code: url_for("offline.page", lang=code) for code in LANGUAGES}
    precache = [url_for("static", filename=name) for name in ASSETS]
    precache += [theme_url(), *offline.values()]
    return {
        "precache": precache,
        "offline": offline,
        "limits": LIMITS,
        "private": PRIVATE,
        "logout": [url_for("accounts.logout", lang=code) for code in LANGUAGES],
    }


@bp.get("/sw.js")
def service_worker():
    """Send the service worker; its version changes with the files it stores first."""
    settings = worker_settings()
    version = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:10]
    body = render_template("site/sw.js", version=version, settings=settings)
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get("/<lang:lang>/offline")
def page():
    """List the pages kept on this device for reading without a connection."""
    return render_template("site/offline.html")
