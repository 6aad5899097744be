"""The changes feed: what changed after a client's position, as items or tombstones.

The log is read through ``branding.core.changefeed``, which never skips a row, even one
whose transaction commits after a later one (its id stays a gap in the position until no
transaction can still hold it). Each item appears once per answer, at its latest change,
with its state when read: an item no longer public is a tombstone, if it was ever public
(``api_exposures``), else it is left out. A business's change brings the items that show
its fields: a business its products, a destination the events it hosts, an area its
destinations, events and businesses.

A position older than the log's compaction (``retention``) is refused (``ResyncRequired``);
gaps below the compacted range are dropped, since no row can appear there any more.
``updated_since`` starts a position at a moment: see ``start_at``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, and_, func, or_, select

from branding.api.errors import ResyncRequired
from branding.api.models import ApiChange, ApiExposure, ApiLogHorizon
from branding.areas.models import Area
from branding.businesses.models import Business, Product
from branding.core import changefeed
from branding.destinations.models import Destination
from branding.events.models import Event
from branding.extensions import db
from branding.search.sources import load_visible

LOG = cast(Table, ApiChange.__table__)
# How far apart a log row's time and its id may be taken (clocks of several servers, a slow
# insert): updated_since starts reading this much earlier, and drops rows up to the moment.
CLOCK_MARGIN = timedelta(seconds=changefeed.GRACE)


@dataclass
class Entry:
    kind: str
    item_id: int
    item: Any  # the public row, or None: a tombstone (or, for "all", a resync)


@dataclass
class Feed:
    entries: list[Entry]
    after: changefeed.Position
    more: bool
    epoch: int  # the compaction epoch it was read in (for the next cursor)


def changes_after(
    position: changefeed.Position | None,
    limit: int,
    since: datetime | None = None,
    epoch: int = 0,
    kind: str | None = None,
) -> Feed:
    """Return the items (of a kind, or all) changed after a position (None: from the start;
    or after a moment) read in a compaction epoch, deduplicated, in log order, and the
    position after them."""
    horizon = db.session.get(ApiLogHorizon, 1)
    skipped = 0
    if since is not None:
        position, skipped = start_at(since, horizon)
    elif position is None:
        position = changefeed.Position()
    elif horizon is not None and _missed(position, epoch, horizon):
        raise ResyncRequired()
    if kind is None:
        batch = changefeed.read(db.session.connection(), LOG, position, limit + skipped)
    else:  # read further, then keep the rows up to the limit-th that bears on the kind
        reach = max(limit, LIST_READS) + skipped
        batch = changefeed.read(db.session.connection(), LOG, position, reach)
        batch = batch.cut(_rows_for(batch.rows, kind, limit, since))
    after = batch.after if horizon is None else _trimmed(batch.after, horizon.compacted_through)
    latest = {
        (row.item_type, row.item_id): row.id
        for row in batch.rows
        if since is None or row.created_at > since
    }
    shown_only = _add_dependants(latest, batch.after.high)
    ordered = sorted(latest, key=lambda key: (latest[key], key))
    if kind is not None:
        ordered = [key for key in ordered if key[0] in (kind, "all")]
    loaded = _load(ordered)
    gone = {(k, i) for k, i in ordered if k != "all" and i not in loaded.get(k, {})}
    told = _exposed(sorted(gone - shown_only))
    entries = [
        Entry(k, i, loaded.get(k, {}).get(i))
        for k, i in ordered
        if (k, i) not in gone or (k, i) in told
    ]
    return Feed(entries, after, batch.more, horizon.epoch if horizon else 0)


LIST_READS = 1000  # log rows a list's sync reads at most (four small columns each)


def _rows_for(rows: list[Any], kind: str, limit: int, since: datetime | None) -> int:
    """Return how many of the rows hold ``limit`` changes of the kind's own items (or
    resyncs), all of them if fewer; the items a changed parent brings come on top."""
    keys: set[tuple[str, int]] = set()
    for index, row in enumerate(rows):
        if row.item_type in (kind, "all") and (since is None or row.created_at > since):
            keys.add((row.item_type, row.item_id))
            if len(keys) >= limit:
                return index + 1
    return len(rows)


def _add_dependants(latest: dict[tuple[str, int], int], high: int) -> set[tuple[str, int]]:
    """Add the items that show the changed rows' fields, at their parent's row; return
    those whose visibility the parent does not decide (no tombstone is due for them)."""
    children = _dependants(list(latest))
    later = _logged_after(high, {(kind, child) for _, kind, child, _ in children})
    own = set(latest)
    shown_only = set()
    for parent, kind, child_id, parent_id in children:
        if (kind, child_id) in later and (kind, child_id) not in own:
            continue  # its own later row brings it: no need to send it twice
        at = latest[(parent, parent_id)]
        latest[(kind, child_id)] = max(latest.get((kind, child_id), 0), at)
        if parent not in VISIBILITY_PARENTS and (kind, child_id) not in own:
            shown_only.add((kind, child_id))
    return shown_only - {(k, c) for p, k, c, _ in children if p in VISIBILITY_PARENTS}


def start_at(since: datetime, horizon: ApiLogHorizon | None) -> tuple[changefeed.Position, int]:
    """Return the position to read from for the changes logged after a moment, and how many
    rows logged up to it lie after that position (to read past, not to deliver).

    Ids and times are taken together (``changelog.write_rows``), so every row logged after
    the moment has an id above the last row logged ``CLOCK_MARGIN`` before it; the rows in
    between logged up to the moment are read and dropped. A row still in flight becomes a
    gap of the position, delivered when it commits, whatever its time.
    """
    if horizon is not None and since < horizon.cutoff:
        raise ResyncRequired()
    ids, times = ApiChange.id, ApiChange.created_at
    start = db.session.scalar(select(func.max(ids)).where(times <= since - CLOCK_MARGIN)) or 0
    skipped = db.session.scalar(select(func.count()).where(ids > start, times <= since))
    return changefeed.Position(start), skipped or 0


def _missed(position: changefeed.Position, epoch: int, horizon: ApiLogHorizon) -> bool:
    """Tell whether a position read before the last removal of tombstones had not read them."""
    return epoch != horizon.epoch and position.low < horizon.resync_below


def _trimmed(position: changefeed.Position, through: int) -> changefeed.Position:
    """Return the position without the gaps' ids up to ``through``: none can appear."""
    gaps = tuple(
        changefeed.Gap(max(g.low, through + 1), g.high, g.seen, g.horizon)
        for g in position.gaps
        if g.high > through
    )
    return changefeed.Position(position.high, gaps)


def _exposed(keys: list[tuple[str, int]]) -> set[tuple[str, int]]:
    """Return those of the keys that were ever public (the only ones given a tombstone)."""
    if not keys:
        return set()
    by_kind: dict[str, list[int]] = {}
    for kind, item_id in keys:
        by_kind.setdefault(kind, []).append(item_id)
    type_, id_ = ApiExposure.item_type, ApiExposure.item_id
    wanted = [and_(type_ == kind, id_.in_(ids)) for kind, ids in by_kind.items()]
    return {(k, i) for k, i in db.session.execute(select(type_, id_).where(or_(*wanted)))}


# What shows a parent's fields (its slug, its visibility, a venue's place): (child, column).
DEPENDANTS: dict[str, list[tuple[Any, str, str]]] = {
    "business": [(Product, "product", "business_id")],
    "destination": [(Event, "event", "destination_id")],
    "area": [
        (Destination, "destination", "area_id"),
        (Event, "event", "area_id"),
        (Business, "business", "area_id"),
    ],
}


VISIBILITY_PARENTS = {"business"}  # a product is public only with its business


def _dependants(keys: list[tuple[str, int]]) -> list[tuple[str, str, int, int]]:
    """Return (parent kind, child kind, child id, parent id) for the changed parents' children."""
    found = []
    for parent, children in DEPENDANTS.items():
        ids = [i for k, i in keys if k == parent]
        for model, kind, column in children if ids else []:
            query = select(model.id, getattr(model, column)).where(getattr(model, column).in_(ids))
            found += [(parent, kind, c, p) for c, p in db.session.execute(query.order_by(model.id))]
    return found


def _logged_after(high: int, keys: set[tuple[str, int]]) -> set[tuple[str, int]]:
    """Return those of the keys that have a log row above ``high`` (read later)."""
    if not keys:
        return set()
    kinds, ids = {k for k, _ in keys}, {i for _, i in keys}
    query = select(ApiChange.item_type, ApiChange.item_id).where(
        ApiChange.id > high, ApiChange.item_type.in_(kinds), ApiChange.item_id.in_(ids)
    )
    return {(k, i) for k, i in db.session.execute(query)} & keys


def _load(keys: list[tuple[str, int]]) -> dict[str, dict[int, Any]]:
    """Load the public rows among the keys: one query per kind (and its eager loads)."""
    by_kind: dict[str, list[int]] = {}
    for kind, item_id in keys:
        by_kind.setdefault(kind, []).append(item_id)
    loaded: dict[str, dict[int, Any]] = {}
    for kind, ids in by_kind.items():
        if kind == "area":
            rows = db.session.scalars(select(Area).where(Area.id.in_(ids)))
            loaded[kind] = {a.id: a for a in rows}
        elif kind != "all":
            loaded[kind] = load_visible(kind, ids)
    return loaded
