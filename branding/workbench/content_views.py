"""The content translation queue: items lacking Pakpak texts, and a side-by-side editor."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import workbench_required
from branding.workbench import content_queue
from branding.workbench.labels import KIND_LABELS, TEXT_FIELD_LABELS
from branding.workbench.views import TARGET, bp

KIND = "<any(destination, event, area, business, product):kind>"


@bp.get("/content/")
@workbench_required
def content():
    """List the content whose texts lack Pakpak, the most visited first."""
    return render_template(
        "workbench/content.html", entries=content_queue.queue(TARGET), target=TARGET,
        labels=TEXT_FIELD_LABELS, kinds=KIND_LABELS, title=content_queue.title,
    )  # fmt: skip


@bp.route(f"/content/{KIND}/<int:content_id>", methods=["GET", "POST"])
@workbench_required
def content_edit(kind: str, content_id: int):
    """Show an item's Indonesian and English texts beside its Pakpak fields; save a revision."""
    item = content_queue.get_item(kind, content_id) or abort(404)
    shown = content_queue.shown_texts(kind, item)
    typed = {name: request.form.get(name, shown[name].get(TARGET, "")) for name in shown}
    error = ""
    if request.method == "POST":
        try:
            content_queue.save_texts(current_user._get_current_object(), kind, item, TARGET, typed)
        except content_queue.TooLong:
            error = _("A text can have at most %(num)d characters.", num=content_queue.MAX_TEXT)
        else:
            if kind in content_queue.LISTINGS:
                flash(_("Saved: the tourism office reviews the change before visitors see it."),
                      "success")  # fmt: skip
            else:
                flash(_("Saved: the item's history has a new revision."), "success")
            return redirect(url_for(".content"))
    return render_template(
        "workbench/content_edit.html", kind=kind, item=item, shown=shown, typed=typed,
        error=error, target=TARGET, labels=TEXT_FIELD_LABELS, kinds=KIND_LABELS,
        title=content_queue.title,
    ), (422 if error else 200)  # fmt: skip
