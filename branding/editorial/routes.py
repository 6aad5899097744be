"""The publish, unpublish and delete actions every publishable item has in the back office."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import staff_required
from branding.editorial import editing


def add_publishing_routes(
    bp: Blueprint, get_item: Callable, id_name: str, delete: Callable
) -> None:
    """Register ``publish``, ``unpublish`` and ``delete`` POST routes on a blueprint."""

    def publish(**ids):
        """Publish an item."""
        editing.set_published(current_user, get_item(ids[id_name]), True)
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
