"""Businesses (UMKM) and their products, as visitors see them.

``views`` and ``services`` are the public directory; ``editing`` stages rows (the sample and
the tests) with the same derived fields as the owners' and the office's changes; ``review``
says which fields the tourism office reviews. Owners keep their listings in
``branding.owners``; the office reviews them in ``branding.moderation``.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the business directory and the names of business categories."""
    from branding.businesses.labels import CATEGORY_LABELS
    from branding.businesses.views import bp

    app.register_blueprint(bp)
    app.jinja_env.globals.update(BUSINESS_CATEGORIES=CATEGORY_LABELS)
