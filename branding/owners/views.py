"""UMKM self-service pages: a business owner's own businesses and products."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.exceptions import NotFound as HTTPNotFound

from branding.accounts.access import owner_required
from branding.businesses.labels import STATUS_LABELS
from branding.businesses.models import ModerationStatus
from branding.businesses.review import WrongStatus
from branding.core.content.publishing import utcnow
from branding.core.i18n.formatting import long_date
from branding.core.web.errors import render_http_error
from branding.editorial import revisions
from branding.media.photo_routes import OWNERS, Gallery, add_photo_routes
from branding.owners import deletion
from branding.owners import services as ownership
from branding.owners.forms import BusinessForm, ProductForm

bp = Blueprint("owner", __name__, url_prefix="/<lang:lang>/my")

SAVED = {
    ModerationStatus.DRAFT: _l("Saved as a draft. Submit it for review when it is ready."),
    ModerationStatus.PENDING: _l(
        "Saved. The tourism office will review it; visitors see it once it is approved."
    ),
    ModerationStatus.APPROVED: _l("Saved. Visitors see the change now."),
    "proposed": _l(
        "Saved. The tourism office will review your change; visitors see the approved version "
        "until then."
    ),
    ModerationStatus.REJECTED: _l("Saved. Submit it again when you have dealt with the reason."),
    ModerationStatus.SUSPENDED: _l(
        "Saved. It stays hidden until the tourism office reinstates it."
    ),
}
NOT_SUBMITTABLE = _l("Only a draft or a rejected listing can be submitted for review.")


@bp.errorhandler(ownership.NotFound)
def _not_yours(error: ownership.NotFound):
    return render_http_error(HTTPNotFound())


@bp.context_processor
def _labels() -> dict:
    return {"MODERATION_STATUSES": STATUS_LABELS}


def _me():
    return current_user._get_current_object()


def _business(business_id: int):
    return ownership.get_own_business(_me(), business_id)


def _product(business_id: int, product_id: int):
    return ownership.get_own_product(_me(), business_id, product_id)


@bp.get("/")
@owner_required
def dashboard():
    """List my businesses with their review status, any reason, and their products."""
    return render_template(
        "owner/dashboard.html", rows=ownership.my_businesses(_me()), grace=deletion.grace_period()
    )


@bp.route("/businesses/new", methods=["GET", "POST"])
@owner_required
def new_business():
    """Describe a new business, kept as a draft until I submit it."""
    form = BusinessForm()
    if form.validate_on_submit():
        business = ownership.create_business(_me(), form.values())
        flash(_("Saved as a draft. Add your products, then submit it for review."), "success")
        return redirect(url_for(".products", business_id=business.id))
    return render_template("owner/business_form.html", form=form, business=None)


@bp.route("/businesses/<int:business_id>/edit", methods=["GET", "POST"])
@owner_required
def edit_business(business_id: int):
    """Change my business; an approved one goes back to review."""
    business = _business(business_id)
    form = BusinessForm()
    if form.validate_on_submit():
        ownership.update_business(_me(), business, form.values())
        flash(_saved(business), "success")
        return redirect(url_for(".dashboard"))
    proposal = ownership.showing_proposal(business)
    if not form.is_submitted():
        _fill(form, business, proposal)
    return render_template(
        "owner/business_form.html", form=form, business=business, proposal=proposal
    )


def _saved(item) -> str:
    """Say what a save did, in the owner's words."""
    if ownership.showing_proposal(item) is not None:
        return str(SAVED["proposed"])
    return str(SAVED[item.status])


def _fill(form, item, proposal) -> None:
    """Show the item in the form: with the owner's change waiting for review, if any."""
    if proposal is None:
        form.fill(item)
        return
    with revisions.showing(item, proposal.data):
        if hasattr(item, "area_id"):
            item.area = ownership.area_of(item.area_id)
        form.fill(item)


@bp.post("/businesses/<int:business_id>/submit")
@owner_required
def submit_business(business_id: int):
    """Send my business and its draft products to the tourism office for review."""
    business = _business(business_id)
    if business.status == ModerationStatus.APPROVED:
        if ownership.submit_products(_me(), business):
            flash(_("Submitted. The tourism office will review it soon."), "success")
        else:
            flash(_("Nothing new to submit: changes to an approved listing are sent for review "
                    "when you save them."), "info")  # fmt: skip
        return redirect(url_for(".dashboard"))
    try:
        ownership.submit_business(_me(), business)
    except WrongStatus:
        flash(str(NOT_SUBMITTABLE), "error")
    else:
        flash(_("Submitted. The tourism office will review it soon."), "success")
    return redirect(url_for(".dashboard"))


@bp.post("/businesses/<int:business_id>/delete")
@owner_required
def delete_business(business_id: int):
    """Delete my business: hidden at once, removed for good after the grace period."""
    business = deletion.delete_business(_me(), _business(business_id))
    removal = (business.deleted_at or utcnow()) + deletion.grace_period()
    flash(
        _("Deleted. Visitors no longer see it. You can restore it until %(date)s; after that "
          "it is removed for good, with its products and photos.", date=long_date(removal)),
        "info",
    )  # fmt: skip
    return redirect(url_for(".dashboard"))


@bp.post("/businesses/<int:business_id>/restore")
@owner_required
def restore_business(business_id: int):
    """Bring back my deleted business before it is removed for good."""
    deletion.restore_business(_me(), _business(business_id))
    flash(_("Restored. It is shown again as it was before you deleted it."), "success")
    return redirect(url_for(".dashboard"))


@bp.get("/businesses/<int:business_id>/preview")
@owner_required
def preview(business_id: int):
    """Show my business as visitors would see it, with all my products, whatever its status."""
    business = _business(business_id)
    products = ownership.own_products(_me(), business)
    return render_template("owner/preview.html", business=business, products=products, preview=True)


@bp.get("/businesses/<int:business_id>/products")
@owner_required
def products(business_id: int):
    """List my business's products with their review status."""
    business = _business(business_id)
    items = ownership.own_products(_me(), business)
    return render_template("owner/products.html", business=business, products=items)


@bp.route("/businesses/<int:business_id>/products/new", methods=["GET", "POST"])
@owner_required
def new_product(business_id: int):
    """Add a product to my business, kept as a draft until I submit it."""
    business = _business(business_id)
    form = ProductForm()
    if form.validate_on_submit():
        ownership.create_product(_me(), business, form.values())
        flash(str(SAVED[ModerationStatus.DRAFT]), "success")
        return redirect(url_for(".products", business_id=business.id))
    return render_template("owner/product_form.html", form=form, business=business, product=None)


@bp.route("/businesses/<int:business_id>/products/<int:product_id>/edit", methods=["GET", "POST"])
@owner_required
def edit_product(business_id: int, product_id: int):
    """Change one of my products; an approved one goes back to review."""
    product = _product(business_id, product_id)
    form = ProductForm()
    if form.validate_on_submit():
        ownership.update_product(_me(), product, form.values())
        flash(_saved(product), "success")
        return redirect(url_for(".products", business_id=business_id))
    proposal = ownership.showing_proposal(product)
    if not form.is_submitted():
        _fill(form, product, proposal)
    product = _product(business_id, product_id)
    return render_template(
        "owner/product_form.html",
        form=form,
        business=product.business,
        product=product,
        proposal=proposal,
    )


@bp.post("/businesses/<int:business_id>/products/<int:product_id>/submit")
@owner_required
def submit_product(business_id: int, product_id: int):
    """Send one of my products to the tourism office for review."""
    try:
        ownership.submit_product(_me(), _product(business_id, product_id))
    except WrongStatus:
        flash(str(NOT_SUBMITTABLE), "error")
    else:
        flash(_("Submitted. The tourism office will review it soon."), "success")
    return redirect(url_for(".products", business_id=business_id))


@bp.post("/businesses/<int:business_id>/products/<int:product_id>/delete")
@owner_required
def delete_product(business_id: int, product_id: int):
    """Delete one of my products for good."""
    ownership.delete_product(_me(), _product(business_id, product_id))
    flash(_("The product has been deleted."), "info")
    return redirect(url_for(".products", business_id=business_id))


@bp.post("/businesses/<int:business_id>/products/<int:product_id>/move/<any(up, down):direction>")
@owner_required
def move_product(business_id: int, product_id: int, direction: str):
    """Move one of my products up or down the list visitors see."""
    step = -1 if direction == "up" else 1
    ownership.move_product(_me(), _product(business_id, product_id), step)
    return redirect(url_for(".products", business_id=business_id))


add_photo_routes(
    bp,
    Gallery("business_photos", "/businesses/<int:business_id>", _business, owner_required,
            "owner/photos.html", OWNERS, needs_review=True),
)  # fmt: skip
add_photo_routes(
    bp,
    Gallery("product_photos", "/businesses/<int:business_id>/products/<int:product_id>",
            _product, owner_required, "owner/photos.html", OWNERS, needs_review=True),
)  # fmt: skip
