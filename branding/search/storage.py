"""Where the index lives: generations, the pointer to the current one, locks, searchers.

``SEARCH_INDEX_DIR`` holds whole indexes in ``gen-…`` folders and a ``CURRENT``
file naming the one in use. A rebuild writes a new generation beside the old one
and swaps the pointer with an atomic rename, so readers see the old index or
the new one, never half of either. Writers take Whoosh's lock on the current
generation and check afterwards that it is still current.
"""

from __future__ import annotations

import gc
import os
import secrets
import shutil
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from whoosh import index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.util.filelock import try_for
from whoosh.writing import SegmentWriter

from branding.search import mapped, offsets
from branding.search.schema import build_schema

mapped.install()  # compound segments are read from their mmap, not copied per searcher
offsets.install()  # stored fields' offsets summed in C when a searcher opens

POINTER = "CURRENT"
PREFIX = "gen-"
REBUILD_LOCK = "REBUILD_LOCK"
CACHED_ROOTS = 4  # searchers kept open per thread
BLOCK = 1024  # postings per block: few, large blocks read fastest when whole lists are read


class SearchCodec(W3Codec):
    """Whoosh's codec without per-block length statistics, about 20% faster to write.

    Those statistics only tighten Whoosh's own top-N shortcuts; results are
    ranked with exact field lengths (see ``matching.rank``).
    """

    length_stats = False


def writer_options() -> dict:
    """Return the options every index writer uses.

    Segments stay compound: one file each, assembled before the table of contents names it,
    read through one mmap (which ``search.mapped`` keeps from being copied per searcher).
    """
    return {"codec": SearchCodec(blocklimit=BLOCK), "limitmb": 128}


class IndexMissing(Exception):
    """There is no index yet: search falls back to the database."""


class IndexBusy(Exception):
    """Another process holds the index's write lock."""


class IndexDamaged(Exception):
    """The index cannot be read: search falls back to the database until a rebuild."""


def open_index(path: Path) -> FileIndex:
    """Open the index in a generation folder; raise IndexDamaged if it cannot be read."""
    with warnings.catch_warnings():
        # Whoosh leaves a damaged table of contents open when it fails to read it:
        # let the error close it here, quietly.
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return index.open_dir(str(path))
        except Exception as error:  # a damaged index fails in many ways
            message = f"{path.name}: {error!r}"
        gc.collect()
    raise IndexDamaged(message)


def index_root() -> Path:
    """Return the folder of this application's search index."""
    return Path(current_app.config["SEARCH_INDEX_DIR"])


def current_generation(root: Path) -> Path | None:
    """Return the folder of the index in use, if there is one."""
    try:
        name = (root / POINTER).read_text().strip()
    except OSError:
        return None
    path = root / name
    if not name.startswith(PREFIX) or "/" in name or not path.is_dir():
        return None
    return path


def open_current(root: Path) -> tuple[Path, FileIndex]:
    """Open the index in use; raise IndexMissing when there is none."""
    path = current_generation(root)
    if path is None:
        raise IndexMissing(str(root))
    return path, open_index(path)


def new_generation(root: Path) -> tuple[Path, FileIndex]:
    """Create an empty index in a new generation folder beside the current one."""
    name = f"{PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"
    path = root / name
    path.mkdir(parents=True)
    return path, index.create_in(str(path), build_schema())


def point_to(root: Path, path: Path) -> None:
    """Make ``path`` the index in use, atomically."""
    temporary = root / f"{POINTER}.{os.getpid()}.{secrets.token_hex(3)}"
    with open(temporary, "w") as handle:
        handle.write(path.name)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, root / POINTER)


def remove_other_generations(root: Path, keep: Path) -> None:
    """Delete the generation folders other than ``keep`` (call under the rebuild lock)."""
    for path in root.glob(f"{PREFIX}*"):
        if path != keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def writer(root: Path, timeout: float) -> Iterator[SegmentWriter]:
    """Lock the current index for writing; raise IndexBusy if it stays locked."""
    for _ in range(3):
        path, ix = open_current(root)
        try:
            found = ix.writer(timeout=timeout, delay=0.05, **writer_options())
        except LockError as error:
            raise IndexBusy(str(path)) from error
        if current_generation(root) == path:
            break
        found.cancel()  # swapped while we waited: lock the new one
    else:
        raise IndexBusy(str(root))
    try:
        yield found
    finally:
        if not found.is_closed:
            found.cancel()


@contextmanager
def lock(root: Path, name: str, timeout: float) -> Iterator[None]:
    """Hold a named lock file in the index folder; raise IndexBusy on timeout."""
    root.mkdir(parents=True, exist_ok=True)
    held = FileStorage(str(root)).lock(name)
    if not try_for(held.acquire, timeout=timeout, delay=0.05):
        raise IndexBusy(f"{root}/{name}")
    try:
        yield
    finally:
        held.release()


@contextmanager
def current_write_lock(root: Path, timeout: float) -> Iterator[None]:
    """Hold the current index's write lock, if there is an index, so no drain writes."""
    try:
        _, ix = open_current(root)
    except (IndexMissing, IndexDamaged):  # nothing to protect: it is about to be replaced
        yield
        return
    held = ix.lock("WRITELOCK")
    if not try_for(held.acquire, timeout=timeout, delay=0.05):
        raise IndexBusy(str(root))
    try:
        yield
    finally:
        held.release()


_local = threading.local()


def searcher(root: Path) -> Searcher:
    """Return this thread's searcher on the current index, reopened when it changed."""
    cache: dict[str, tuple[Path, Searcher]] = _local.__dict__.setdefault("searchers", {})
    path = current_generation(root)
    if path is None:
        raise IndexMissing(str(root))
    cached = cache.pop(str(root), None)
    if cached is not None and cached[0] == path and cached[1].up_to_date():
        found = cached[1]
    else:
        if cached is not None:
            cached[1].close()  # Searcher.refresh() fails on a searcher of an empty index
        found = open_index(path).searcher()
    cache[str(root)] = (path, found)
    while len(cache) > CACHED_ROOTS:
        cache.pop(next(iter(cache)))[1].close()
    return found


def forget_searcher(root: Path) -> None:
    """Drop this thread's searcher after an error, so the next search reopens it."""
    cached = _local.__dict__.get("searchers", {}).pop(str(root), None)
    if cached is not None:
        try:
            cached[1].close()
        except Exception:  # a broken index may fail to close, too
            pass
