"""A cached page as bytes: a line of JSON (status, headers, ETag, expiry, what it is about),
then the body. JSON, not pickle, so a shared store can never hand the server code to run."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """What a cached response needs to be answered again."""

    body: bytes
    headers: list[tuple[str, str]]
    etag: str
    expires: float  # Unix time
    subject: list | None = None  # (kind, id, day, shown) of ``core.web.visits``, for counting
    notes: dict | None = None  # what the view noted for the hooks of its hits (``serve.note``)

    def pack(self) -> bytes:
        """Return the entry as stored."""
        meta = {"h": self.headers, "e": self.etag, "x": self.expires, "s": self.subject,
                "n": self.notes}  # fmt: skip
        return json.dumps(meta, separators=(",", ":")).encode() + b"\n" + self.body

    @classmethod
    def unpack(cls, data: bytes) -> Entry | None:
        """Return a stored entry, or None if it is not one."""
        head, _, body = data.partition(b"\n")
        try:
            meta = json.loads(head)
            headers = [tuple(h) for h in meta["h"]]
            return cls(body, headers, meta["e"], meta["x"], meta["s"], meta.get("n"))
        except (ValueError, KeyError, TypeError):
            return None
