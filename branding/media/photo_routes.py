"""The photo pages every item with a gallery has: upload, describe, reorder, cover, delete.

``add_photo_routes`` registers them on a feature's blueprint, below the item's own URL,
with that blueprint's guard (staff, or the owning business owner) and item lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from branding.core.forms.base import fill_language_fields
from branding.media import services
from branding.media.forms import PhotoTextForm, PhotoUploadForm
from branding.media.uploads import accepts_photos

STAFF, OWNERS = ("editor", "admin"), ("owner",)


@dataclass(frozen=True)
class Gallery:
    """How one blueprint's items keep photos."""

    name: str  # endpoint prefix, e.g. "photos" or "product_photos"
    rule: str  # the item's rule below the blueprint, e.g. "/<int:destination_id>"
    get_item: Callable[..., Any]
    guard: Callable
    template: str
    roles: tuple[str, ...]  # who may post photos (the guard checks again after parsing)
    needs_review: bool = False  # owner uploads wait for the office


def _photo(item: Any, photo_id: int):
    return next((p for p in item.photos if p.id == photo_id), None) or abort(404)


def _page(gallery: Gallery, item: Any, ids: dict, form: PhotoUploadForm, status: int = 200):
    forms = {}
    for photo in item.photos:
        text_form = PhotoTextForm(formdata=None, prefix=f"p{photo.id}")
        fill_language_fields(text_form, "alt", photo.alt)
        fill_language_fields(text_form, "caption", photo.caption)
        forms[photo.id] = text_form
    page = render_template(
        gallery.template, item=item, ids=ids, form=form, text_forms=forms, gallery=gallery.name
    )
    return page, status


def add_photo_routes(bp: Blueprint, gallery: Gallery) -> None:
    """Register the photo pages of one kind of item on a blueprint."""
    base = f"{gallery.rule}/photos"

    def manage(**ids):
        """Show an item's photos, and add new ones."""
        item = gallery.get_item(**ids)
        form = PhotoUploadForm()  # a request over the limits is a 413 before this (error page)
        if form.validate_on_submit():
            try:
                added = services.add_photos(
                    current_user, item, form.uploads(), form.texts(), not gallery.needs_review
                )
            except services.UploadRefused as refused:
                form.photos.errors = [_refusal(r) for r in refused.refusals]
                return _page(gallery, item, ids, form, 400)
            flash(ngettext("%(num)s photo added.", "%(num)s photos added.", len(added)), "success")
            return redirect(url_for(f".{gallery.name}", **ids))
        return _page(gallery, item, ids, form, 400 if form.is_submitted() else 200)

    def describe(photo_id: int, **ids):
        """Change a photo's alt text and caption."""
        item = gallery.get_item(**ids)
        form = PhotoTextForm(prefix=f"p{photo_id}")
        photo = _photo(item, photo_id)
        if not form.validate_on_submit():
            flash(_("The texts are too long; nothing was changed."), "error")
        else:
            texts = form.texts()
            services.describe_photo(
                current_user, photo, texts["alt"], texts["caption"], gallery.needs_review
            )
            flash(_("Saved."), "success")
        return redirect(url_for(f".{gallery.name}", **ids) + f"#photo-{photo_id}")

    def cover(photo_id: int, **ids):
        """Make a photo the cover."""
        item = gallery.get_item(**ids)
        services.make_cover(current_user, item, _photo(item, photo_id))
        flash(_("This photo is the cover now."), "success")
        return redirect(url_for(f".{gallery.name}", **ids))

    def move(photo_id: int, direction: str, **ids):
        """Move a photo earlier or later in the gallery."""
        item = gallery.get_item(**ids)
        offset = -1 if direction == "up" else 1
        services.move_photo(current_user, item, _photo(item, photo_id), offset)
        return redirect(url_for(f".{gallery.name}", **ids) + f"#photo-{photo_id}")

    def delete(photo_id: int, **ids):
        """Delete a photo and its files."""
        item = gallery.get_item(**ids)
        services.delete_photo(current_user, item, _photo(item, photo_id))
        flash(_("The photo has been deleted."), "info")
        return redirect(url_for(f".{gallery.name}", **ids))

    one = f"{base}/<int:photo_id>"
    step = "<any(up, down):direction>"
    routes = (
        (base, gallery.name, accepts_photos(gallery.guard(manage), gallery.roles), ["GET", "POST"]),
        (one, f"{gallery.name}_describe", gallery.guard(describe), ["POST"]),
        (f"{one}/cover", f"{gallery.name}_cover", gallery.guard(cover), ["POST"]),
        (f"{one}/move/{step}", f"{gallery.name}_move", gallery.guard(move), ["POST"]),
        (f"{one}/delete", f"{gallery.name}_delete", gallery.guard(delete), ["POST"]),
    )  # fmt: skip
    for rule, endpoint, view, methods in routes:
        bp.add_url_rule(rule, endpoint=endpoint, view_func=view, methods=methods)


def _refusal(refusal: services.Refusal) -> str:
    return (
        f"{refusal.filename[:80]}: {refusal.message}" if refusal.filename else str(refusal.message)
    )
