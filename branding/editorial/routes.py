"""The publish, unpublish and delete actions every publishable item has in the back office."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.core.content.publishing import PublicationStatus
from branding.core.web.query_args import enum_arg
from branding.editorial import editing
from branding.editorial.listing import MAX_WORDS, OfficeFilter
from branding.editorial.models import Revision


def office_filter() -> OfficeFilter:
    """Read a back-office list's filter from the query string (junk means no filter)."""
    words = " ".join(request.args.get("q", "").split())[:MAX_WORDS]
    return OfficeFilter(words, enum_arg(PublicationStatus, "status"))


def saved_message(item: Any, as_draft: bool) -> str:
    """Say what a save did: changed the item, or kept a draft of a published one."""
    if as_draft and editing.is_live(item):
        return _("Saved as a draft. Visitors see the published version until you publish it.")
    return _("Saved.")


def preview_actions(item: Any, draft: Revision | None, id_name: str) -> dict:
    """The preview's Edit link and Publish button (for a draft item or a waiting draft)."""
    ids = {id_name: item.id}
    publish = draft is not None or not editing.is_live(item)
    return {
        "edit": url_for(".edit", **ids),
        "publish": url_for(".publish", **ids) if publish else None,
        "draft": draft,
    }


def add_publishing_routes(
    bp: Blueprint, get_item: Callable, id_name: str, delete: Callable
) -> None:
    """Register ``publish``, ``unpublish`` and ``delete`` POST routes on a blueprint."""

    def publish(**ids):
        """Publish an item."""
        editing.set_published(current_user._get_current_object(), get_item(ids[id_name]), True)
        flash(_("Published: visitors can see it now."), "success")
        return redirect(url_for(".edit", **ids))

    def unpublish(**ids):
        """Take an item back to draft."""
        editing.set_published(current_user, get_item(ids[id_name]), False)
        flash(_("Unpublished: visitors no longer see it."), "info")
        return redirect(url_for(".edit", **ids))

    def remove(**ids):
        """Delete an item for good."""
        delete(current_user, get_item(ids[id_name]))
        flash(_("Deleted."), "info")
        return redirect(url_for(".index"))

    for name, view in (("publish", publish), ("unpublish", unpublish), ("delete", remove)):
        rule = f"/<int:{id_name}>/{name}"
        bp.add_url_rule(rule, endpoint=name, view_func=staff_required(view), methods=["POST"])
