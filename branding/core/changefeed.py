"""Reading an append-only log table at one's own pace, never skipping a row.

The contract, for any table with an integer primary key ``id`` that writers only
ever insert into (on SQLite declared AUTOINCREMENT, so that ids are never reused
after the newest rows are deleted), each writer calling ``claim_xid`` first:

- A reader keeps a ``Position``: every id up to ``high`` has been read, except
  the ids in ``gaps``, which were missing when the reader went past them.
- ``read(connection, table, position, limit)`` returns a ``Batch``: the rows
  the reader has not had yet (those above ``high`` and any gap that has since
  appeared), in id order, and the position after them. Apply the rows, *then*
  store ``batch.after``: a crash in between only delivers the rows again
  (at least once; consumers must be idempotent).
- ``advance(connection, table, position)`` is the position after every row
  visible now, without the rows: for a reader that catches up another way
  (a rebuild from the tables the log describes).

Why gaps: ids are handed out in insert order but committed in any order. On
PostgreSQL a transaction holding id 6 may commit after the one holding id 7;
a reader that saw 7 and moved on would lose 6 for ever. And a rolled-back
insert leaves an id that never appears. So a missing id stays a gap until it
cannot commit any more:

- PostgreSQL: writers take a transaction id before they take a log id
  (``claim_xid``). A gap first seen in a snapshot whose ``xmax`` is X was taken
  by a transaction whose id is below X; once the oldest running transaction
  (``xmin`` of a later snapshot) is at or past X, that transaction has ended,
  and a row it committed is visible to the same statement. Exact, no clock.
- SQLite: one writer at a time, holding the write lock from its first insert
  to its commit, so ids commit in order: a missing id below a visible one
  belongs to a transaction that has ended. Gaps close at once. Exact.
- Any other database: a gap closes ``GRACE`` seconds after it was first seen.

Gaps are kept as ranges, so a reader starting from nothing over a pruned log
holds one range, not a million ids. Pruning (deleting rows every reader has
passed) is the log owner's business: nothing here deletes.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    Table,
    and_,
    cast,
    func,
    literal_column,
    or_,
    select,
    text,
)

GRACE = 60.0  # seconds a gap may stay in flight where the database cannot say (not PostgreSQL)


@dataclass(frozen=True)
class Gap:
    """Ids ``low``..``high`` missing when first seen, at ``seen`` (epoch s) below ``horizon``."""

    low: int
    high: int
    seen: float
    horizon: int | None = None  # PostgreSQL: the xmax of the snapshot that first missed them

    def ids(self) -> range:
        return range(self.low, self.high + 1)


@dataclass(frozen=True)
class Position:
    """Where a reader stands: all ids up to ``high`` read, except those in ``gaps``."""

    high: int = 0
    gaps: tuple[Gap, ...] = ()

    @property
    def low(self) -> int:
        """Return the highest id up to which *every* row has been read (for pruning)."""
        return min([self.high, *(g.low - 1 for g in self.gaps)])

    def covers(self, row_id: int) -> bool:
        """Tell whether the row with this id has been read (or can no longer appear)."""
        return row_id <= self.high and not any(row_id in g.ids() for g in self.gaps)

    def to_json(self) -> str:
        gaps = [[g.low, g.high, round(g.seen, 3), g.horizon] for g in self.gaps]
        return json.dumps({"high": self.high, "gaps": gaps}, separators=(",", ":"))

    @classmethod
    def from_json(cls, value: str | None) -> Position:
        if not value:
            return cls()
        data = json.loads(value)
        return cls(int(data["high"]), tuple(Gap(*g) for g in data.get("gaps", [])))


@dataclass
class Batch:
    """Rows not read yet, in id order, and the position once they are applied."""

    rows: list[Any] = field(default_factory=list)
    after: Position = field(default_factory=Position)
    more: bool = False  # the limit cut the batch short: read again
    start: Position | None = None  # where it was read from
    snapshot: tuple[int | None, int | None, float] | None = None  # xmin, xmax, when

    def cut(self, count: int) -> Batch:
        """Return the first ``count`` rows and the position after them: what a read of the
        same snapshot with ``limit=count`` returns."""
        if count >= len(self.rows) or self.start is None or self.snapshot is None:
            return self
        rows = self.rows[:count]
        after = _after(self.start, [r.id for r in rows], True, *self.snapshot)
        return Batch(rows, after, True, self.start, self.snapshot)


def claim_xid(connection: Connection) -> None:
    """Give the writer's transaction its id before it inserts log rows (PostgreSQL only).

    Call it in the transaction that inserts, before the insert. Elsewhere a no-op.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_current_xact_id()"))


def _snapshot_columns(connection: Connection) -> list:
    """Return the reading snapshot's xmin and xmax (PostgreSQL), as text, or NULLs."""
    if connection.dialect.name != "postgresql":
        return [literal_column("NULL").label("_xmin"), literal_column("NULL").label("_xmax")]
    snapshot = func.pg_current_snapshot()
    return [
        cast(func.pg_snapshot_xmin(snapshot), String).label("_xmin"),
        cast(func.pg_snapshot_xmax(snapshot), String).label("_xmax"),
    ]


SINGLE_WRITER = {"sqlite"}  # databases whose transactions commit their log ids in order


def _closed(gap: Gap, xmin: int | None, now: float) -> bool:
    """Tell whether no row can appear in the gap any more (where the database cannot say)."""
    if gap.horizon is not None and xmin is not None:
        return xmin >= gap.horizon
    return now - gap.seen >= GRACE


def read(
    connection: Connection,
    table: Table,
    position: Position,
    limit: int | None = None,
    columns: list | None = None,
    now: float | None = None,
) -> Batch:
    """Return the rows after ``position`` (gaps that appeared included) and the position after.

    One statement reads the rows and, on PostgreSQL, the snapshot they were read
    in, so the decision to close a gap and the rows it looked for agree.
    """
    now = time.time() if now is None else now
    ids = table.c.id
    wanted = [ids > position.high]
    wanted += [and_(ids >= g.low, ids <= g.high) for g in position.gaps]
    rows_query = select(*(columns or table.c)).where(or_(*wanted)).order_by(ids)
    if limit is not None:
        rows_query = rows_query.limit(limit)
    rows_sub = rows_query.subquery("log")
    snap = select(*_snapshot_columns(connection)).subquery("snap")
    statement = (
        select(snap, rows_sub)
        .select_from(snap.outerjoin(rows_sub, literal_column("1") == 1))
        # keep the order of the rows subquery
        .order_by(rows_sub.c.id)
    )
    result = connection.execute(statement).all()
    xmin = int(result[0]._xmin) if result and result[0]._xmin is not None else None
    xmax = int(result[0]._xmax) if result and result[0]._xmax is not None else None
    rows = [r for r in result if r.id is not None]
    more = limit is not None and len(rows) >= limit
    after = _after(position, [r.id for r in rows], more, xmin, xmax, now)
    if connection.dialect.name in SINGLE_WRITER and not more:
        after = Position(after.high)  # nothing below a visible id can still commit
    return Batch(rows, after, more, position, (xmin, xmax, now))


def _after(
    position: Position,
    got: list[int],
    more: bool,
    xmin: int | None,
    xmax: int | None,
    now: float,
) -> Position:
    """Return the position once the rows with ids ``got`` (ascending) are read."""
    above = [i for i in got if i > position.high]
    gaps: list[Gap] = []
    for gap in position.gaps:  # drop what appeared; the rest stays until it cannot appear
        if not more and _closed(gap, xmin, now):
            continue
        start = gap.low
        for row_id in (i for i in got if gap.low <= i <= gap.high):
            if row_id > start:
                gaps.append(Gap(start, row_id - 1, gap.seen, gap.horizon))
            start = row_id + 1
        if start <= gap.high:
            gaps.append(Gap(start, gap.high, gap.seen, gap.horizon))
    high = max(above) if above else position.high
    # New gaps: ids between the old high and the new one that were not there.
    expected = position.high + 1
    for row_id in above:
        if row_id > expected:
            gaps.append(Gap(expected, row_id - 1, now, xmax))
        expected = row_id + 1
    return Position(high, tuple(sorted(gaps, key=lambda g: g.low)))


def advance(connection: Connection, table: Table, position: Position) -> Position:
    """Return the position after every row visible now, reading ids only."""
    return read(connection, table, position, columns=[table.c.id]).after
