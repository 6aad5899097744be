"""Running bulk statements in the session."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Executable

from branding.extensions import db


def affected_rows(statement: Executable) -> int:
    """Run an UPDATE or DELETE in the current session and return how many rows it changed."""
    result = cast(CursorResult[Any], db.session.execute(statement))  # DML gives a cursor result
    return result.rowcount or 0
