"""HTTP error pages in the visitor's language."""

from __future__ import annotations

from flask import g, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from branding.core.i18n import LANGUAGES, preferred_language
from branding.extensions import db


def render_http_error(error: Exception):
    """Render an error page; a URL without a known language uses the visitor's choice."""
    if not isinstance(error, HTTPException):
        error = InternalServerError()
    code = error.code or 500  # every handled error has one (a bare HTTPException has not)
    if code >= 500:
        db.session.rollback()
    if request.url_rule is None or "lang" not in g:  # no route matched: read the path
        first = request.path.strip("/").split("/", 1)[0]
        g.lang = first if first in LANGUAGES else preferred_language()
    csrf_failed = isinstance(error, CSRFError)
    return render_template("site/error.html", error=error, csrf_failed=csrf_failed), code
