"""The tourism office's moderation of businesses and products: queue, review, decisions."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.businesses.labels import FIELD_LABELS, STATUS_LABELS
from branding.businesses.models import Business, ModerationStatus
from branding.businesses.review import WrongStatus
from branding.core.web.query_args import enum_arg, page_arg, require_page
from branding.extensions import db
from branding.media import services as photo_services
from branding.moderation import photos
from branding.moderation import queue as waiting
from branding.moderation import services as moderation
from branding.moderation.forms import ReasonForm

bp = Blueprint("moderation", __name__, url_prefix="/<lang:lang>/office/moderation")
KIND = "<any(businesses, products):kind>/<int:item_id>"


@bp.context_processor
def _labels() -> dict:
    return {"MODERATION_STATUSES": STATUS_LABELS, "FIELD_LABELS": FIELD_LABELS}


def _item(kind: str, item_id: int):
    getter = moderation.get_business if kind == "businesses" else moderation.get_product
    return getter(item_id) or abort(404)


def _detail_url(item) -> str:
    if isinstance(item, Business):
        return url_for(".item", kind="businesses", item_id=item.id)
    return url_for(".item", kind="products", item_id=item.id)


def _review_page(item, status: int = 200, **forms):
    forms = {
        "reject": ReasonForm(prefix="reject"),
        "suspend": ReasonForm(prefix="suspend"),
        **forms,
    }
    review = waiting.review_of(item)
    changeset = waiting.changeset_of(item) if isinstance(item, Business) else None
    if db.session.new:  # a listing submitted before revisions gets its baseline recorded
        db.session.commit()
    page = "moderation/business.html" if isinstance(item, Business) else "moderation/product.html"
    return render_template(page, review=review, changeset=changeset, forms=forms), status


def _revision_arg() -> int | None:
    value = request.form.get("revision", "")
    return int(value) if value.isdigit() else None


STALE = _l(
    "The owner changed it after this page was shown; nothing was done. Review the new version."
)


@bp.get("/")
@staff_required
def queue():
    """List the businesses and products waiting for review, oldest first, with what changed."""
    return render_template(
        "moderation/queue.html",
        queue=waiting.review_queue(),
        photos=photos.waiting_photos(),
    )


@bp.get("/businesses")
@staff_required
def businesses():
    """List every business, or those with one status, to find one to suspend or verify."""
    status = enum_arg(ModerationStatus, "status")
    page = moderation.list_businesses(status, page_arg(), 50)
    return render_template("moderation/businesses.html", page=require_page(page), status=status)


@bp.get(f"/{KIND}")
@staff_required
def item(kind: str, item_id: int):
    """Review a business or product: what changed since the last approval, and the decisions."""
    return _review_page(_item(kind, item_id))


@bp.get("/businesses/<int:item_id>/preview")
@staff_required
def preview(item_id: int):
    """Show a business as visitors would see it, with all its products, whatever its status."""
    business = _item("businesses", item_id)
    return render_template(
        "owner/preview.html", business=business, products=business.products, preview=True
    )


@bp.post(f"/{KIND}/<any(approve, reinstate):action>")
@staff_required
def approve(kind: str, item_id: int, action: str):
    """Approve a pending listing, or reinstate a suspended one, for visitors to see."""
    listing = _item(kind, item_id)
    try:
        if action == "approve":
            moderation.approve(current_user._get_current_object(), listing, _revision_arg())
        else:
            moderation.reinstate(current_user._get_current_object(), listing)
    except WrongStatus:
        flash(_("Its status has changed in the meantime; nothing was done."), "error")
        return redirect(_detail_url(listing))
    except moderation.Stale:
        flash(str(STALE), "error")
        return redirect(_detail_url(listing))
    flash(_("Approved: visitors can see it now."), "success")
    return redirect(url_for(".queue") if action == "approve" else _detail_url(listing))


@bp.post(f"/{KIND}/<any(reject, suspend):action>")
@staff_required
def refuse(kind: str, item_id: int, action: str):
    """Reject a pending listing, or suspend an approved one, with a reason for its owner."""
    listing = _item(kind, item_id)
    form = ReasonForm(prefix=action)
    if not form.validate_on_submit():
        return _review_page(listing, 400, **{action: form})
    me = current_user._get_current_object()
    try:
        if action == "reject":
            moderation.reject(me, listing, form.reason.data or "", _revision_arg())
        else:
            moderation.suspend(me, listing, form.reason.data or "")
    except WrongStatus:
        flash(_("Its status has changed in the meantime; nothing was done."), "error")
        return redirect(_detail_url(listing))
    except moderation.Stale:
        flash(str(STALE), "error")
        return redirect(_detail_url(listing))
    flash(_("Done. The owner sees your reason on their page."), "info")
    return redirect(url_for(".queue") if action == "reject" else _detail_url(listing))


@bp.post("/businesses/<int:item_id>/decide")
@staff_required
def decide(item_id: int):
    """Decide a business's change set exactly as the page showed it, per item or all at once."""
    business = _item("businesses", item_id)
    everything = request.form.get("all") == "approve"
    choices = {}
    for value in request.form.getlist("shown"):
        if value.isdigit():
            revision_id = int(value)
            decision = "approve" if everything else request.form.get(f"decision-{value}", "wait")
            choices[revision_id] = (decision, request.form.get(f"reason-{value}", ""))
    missing = [i for i, (d, reason) in choices.items() if d == "reject" and not reason.strip()]
    if missing:
        flash(_("Give the owner a reason for each item you reject."), "error")
        return _review_page(business, 400)
    photo_ids = [int(v) for v in request.form.getlist("photo") if v.isdigit()]
    if not everything:
        photo_ids = [i for i in photo_ids if request.form.get(f"photo-{i}") == "approve"]
    done = moderation.decide(current_user._get_current_object(), business, choices, photo_ids)
    if done.stale:
        flash(str(STALE), "error")
    if done.approved or done.rejected or done.photos:
        flash(
            _(
                "Done: %(approved)d approved, %(rejected)d not approved, %(photos)d photos "
                "approved. The owner has been told.",
                approved=len(done.approved),
                rejected=len(done.rejected),
                photos=len(done.photos),
            ),
            "success",
        )
    return redirect(url_for(".queue"))


@bp.post("/businesses/<int:item_id>/<any(verify, unverify):action>")
@staff_required
def verify(item_id: int, action: str):
    """Give a business the tourism office's verified badge, or take it away."""
    business = _item("businesses", item_id)
    moderation.set_verified(current_user._get_current_object(), business, action == "verify")
    flash(_("Saved."), "success")
    return redirect(_detail_url(business))


def _owner_photo(photo_id: int):
    return photos.get_owner_photo(photo_id) or abort(404)


@bp.post("/photos/<int:photo_id>/approve")
@staff_required
def approve_photo(photo_id: int):
    """Show an owner's new photo to visitors."""
    photo, _item = _owner_photo(photo_id)
    photo_services.approve_photo(current_user._get_current_object(), photo)
    flash(_("Approved: visitors can see it now."), "success")
    return redirect(url_for(".queue") + "#queue-photos")


@bp.post("/photos/<int:photo_id>/delete")
@staff_required
def delete_photo(photo_id: int):
    """Delete an owner's photo that should not be shown."""
    photo, item = _owner_photo(photo_id)
    photo_services.delete_photo(current_user._get_current_object(), item, photo)
    flash(_("The photo has been deleted."), "info")
    return redirect(url_for(".queue") + "#queue-photos")
