"""Businesses (UMKM) and their products, as visitors see them.

``views`` and ``services`` are the public directory; ``editing`` stages rows (the sample and
the tests) with the same derived fields as the owners' and the office's changes; ``review``
says which fields the tourism office reviews. Owners keep their listings in
``branding.owners``; the office reviews them in ``branding.moderation``.
"""

from __future__ import annotations

from flask import Flask

from branding.core import pagecache


def init_app(app: Flask) -> None:
    """Register the business directory and the names of business categories."""
    from branding.businesses.labels import CATEGORY_LABELS
    from branding.businesses.models import Business, Product
    from branding.businesses.views import bp
    from branding.media.access import register_item_kind

    register_item_kind("business_id", Business, lambda business: business.owner_id)
    register_item_kind("product_id", Product, lambda product: product.business.owner_id)
    app.register_blueprint(bp)
    pagecache.public(app, "businesses")
    app.jinja_env.globals.update(BUSINESS_CATEGORIES=CATEGORY_LABELS)
