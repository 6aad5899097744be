"""Compound segments read from their mmap, not copied into memory by every searcher.

Whoosh (whoosh-reloaded 2.7) maps a compound segment file and opens each file inside it as a
``BufferFile`` over a slice of the map, but that class also copies the slice into a
``BytesIO``, for sequential reads: every searcher (one per thread) held a copy of the whole
index (60 MB a thread at a national scale, about a quarter of a search's memory).
``MappedFile`` reads in order from the map itself, through ``View``, copying only what each
read returns; random reads (``get``, ``get_array`` and the ``get_*`` built on them) were
already read from the map.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile

LINE_CHUNK = 256  # bytes looked at a time for the end of a line (pickles read lines)


class View:
    """A read-only file over a buffer: ``read``, ``readline``, ``seek`` and ``tell``."""

    __slots__ = ("_buf", "_pos")

    def __init__(self, buf) -> None:
        self._buf = memoryview(buf)
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._buf) if size is None or size < 0 else min(start + size, len(self._buf))
        self._pos = max(start, end)
        return bytes(self._buf[start:end])

    def readline(self, size: int | None = -1) -> bytes:
        start, end, limit = self._pos, self._pos, len(self._buf)
        if size is not None and size >= 0:
            limit = min(limit, start + size)
        while end < limit:
            chunk = bytes(self._buf[end : min(end + LINE_CHUNK, limit)])
            newline = chunk.find(b"\n")
            if newline >= 0:
                end += newline + 1
                break
            end += len(chunk)
        self._pos = end
        return bytes(self._buf[start:end])

    def seek(self, where: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: len(self._buf)}[whence]
        self._pos = max(0, base + where)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._buf.release()

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line


class MappedFile(BufferFile):
    """A ``BufferFile`` that reads in order from its buffer instead of a copy of it."""

    def __init__(self, buf, name=None, onclose=None) -> None:
        self._buf = buf
        self._name = name
        self.file = View(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False


def install() -> None:
    """Have compound segments open their files as ``MappedFile``."""
    compound.BufferFile = MappedFile
