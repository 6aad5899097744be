"""The API's services: a page of a list, one item, the changes after a sync cursor."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from branding.api import cursors, queries
from branding.api import schemas as s
from branding.api.errors import InvalidParameter
from branding.api.http import note_modified
from branding.api.params import ChangesQuery, EventQuery, ListQuery, Query
from branding.api.resources import BY_KIND, Resource
from branding.api.serialise import Writer
from branding.api.sync import changes_after
from branding.core.content.publishing import utcnow


def page(resource: Resource, params: Query) -> s.Schema:
    """Return one page of a list, and the cursor of the next (or, to sync, its changes)."""
    cursor = getattr(params, "cursor", None)
    if getattr(params, "updated_since", None) is not None or cursors.is_sync_cursor(cursor):
        return _changes(params, resource.kind)
    after = cursors.read_list_cursor(resource.kind, getattr(params, "cursor", None))
    limit = getattr(params, "limit", 20)
    if isinstance(params, ListQuery):
        found = queries.list_items(resource.kind, params, after)
    else:
        found = queries.list_areas(after, limit)
    start, end = _window(params)
    writer = Writer(params.language)
    data = [resource.write(writer, item, start, end) for item in found.items]
    for item in found.items:
        note_modified(item.updated_at)
    next_cursor = cursors.list_cursor(resource.kind, found.after) if found.after else None
    meta = s.Meta(count=len(data), next_cursor=next_cursor, language=params.language)
    return resource.page.model_validate({"data": data, "meta": meta})


def one(
    resource: Resource, params: Query, item_id: int | None = None, slug: str | None = None
) -> s.Schema | None:
    """Return one public item by id or slug, or None."""
    if resource.kind == "area":
        item = queries.get_area_by(item_id, slug)
    else:
        item = queries.get_item(resource.kind, item_id, slug)
    if item is None:
        return None
    note_modified(item.updated_at)
    return resource.write(Writer(params.language), item, utcnow(), None)


def changes(params: ChangesQuery) -> s.Changes:
    """Return the items changed after the cursor (tombstones for those gone), and the next."""
    return _changes(params, None)


def _changes(params: Any, kind: str | None) -> s.Changes:
    """Return the changes after a sync cursor or a moment, of one kind or all, and the next."""
    if kind is not None and params.filtered():
        raise InvalidParameter(
            "invalid_parameter", "updated_since and a sync cursor take no filter but language."
        )
    position, epoch = cursors.read_sync_cursor(params.cursor, kind)
    since = getattr(params, "updated_since", None)
    if since is not None and params.cursor is not None:
        raise InvalidParameter("invalid_parameter", "Give updated_since or cursor, not both.")
    feed = changes_after(position, params.limit, since, epoch, kind)
    writer, now = Writer(params.language), utcnow()
    data = []
    for entry in feed.entries:
        if entry.kind == "all":
            data.append(s.Change(type="all", id=0, action="resync", item=None))
            continue
        item = None
        if entry.item is not None:
            item = BY_KIND[entry.kind].write(writer, entry.item, now, None)
        action = "upsert" if item is not None else "delete"
        data.append(s.Change(type=entry.kind, id=entry.item_id, action=action, item=item))  # type: ignore[arg-type]
    meta = s.ChangesMeta(
        count=len(data),
        next_cursor=cursors.sync_cursor(feed.after, feed.epoch, kind),
        more=feed.more,
        language=params.language,
    )
    return s.Changes(data=data, meta=meta)


def _window(params: Query) -> tuple[datetime, datetime | None]:
    """Return where events' occurrences are looked for: the date range, or from now."""
    window = queries.event_window(params) if isinstance(params, EventQuery) else None
    return window if window else (utcnow(), None)
