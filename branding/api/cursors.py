"""Opaque cursors: a list's last id, or a sync position, as URL-safe base64 of JSON.

A sync position handed out by a list (``?updated_since=``) names its kind (``k``), so it
continues only that list; one from ``/changes`` names none.
"""

from __future__ import annotations

import base64
import binascii
import json

from branding.api.errors import InvalidParameter
from branding.core.changefeed import Gap, Position


def _encode(data: object) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> object:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise InvalidParameter("invalid_cursor", "The cursor is not one this API gave.") from error


def list_cursor(kind: str, after: int) -> str:
    """Return the cursor of the page after the item with id ``after``."""
    return _encode({"k": kind, "a": after})


def read_list_cursor(kind: str, cursor: str | None) -> int:
    """Return the id a list cursor continues after (0 without one)."""
    if cursor is None:
        return 0
    data = _decode(cursor)
    if not isinstance(data, dict) or data.get("k") != kind or not _whole(data.get("a")):
        raise InvalidParameter("invalid_cursor", "The cursor is not one of this list's.")
    return data["a"]


def sync_cursor(position: Position, epoch: int, kind: str | None = None) -> str:
    """Return the cursor of a sync position read in a compaction epoch (of one list's kind,
    or of every kind)."""
    data = {**json.loads(position.to_json()), "e": epoch}
    return _encode(data if kind is None else {"k": kind, **data})


def is_sync_cursor(cursor: str | None) -> bool:
    """Tell whether a list's cursor is a sync position (from ``updated_since``)."""
    if cursor is None:
        return False
    data = _decode(cursor)
    return isinstance(data, dict) and "high" in data


def read_sync_cursor(cursor: str | None, kind: str | None = None) -> tuple[Position | None, int]:
    """Return the sync position and epoch a cursor holds (None, 0 without one: the start)."""
    if cursor is None:
        return None, 0
    data = _decode(cursor)
    try:
        if not isinstance(data, dict) or not _whole(data["high"]):
            raise ValueError("no high")
        if data.get("k") != kind:
            raise ValueError("another list's")
        if not _whole(data.get("e", 0)):
            raise ValueError("bad epoch")
        gaps = tuple(_gap(g) for g in data.get("gaps", []))
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidParameter("invalid_cursor", "The cursor is not a sync cursor.") from error
    return Position(data["high"], gaps), data.get("e", 0)


def _gap(value: object) -> Gap:
    if not isinstance(value, list) or len(value) != 4:
        raise ValueError("a gap is [low, high, seen, horizon]")
    low, high, seen, horizon = value
    if not (_whole(low) and _whole(high) and low <= high and isinstance(seen, int | float)):
        raise ValueError("bad gap")
    if horizon is not None and not _whole(horizon):
        raise ValueError("bad horizon")
    return Gap(low, high, float(seen), horizon)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63
