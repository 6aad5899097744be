"""The page cache: anonymous visitors' public pages, kept until the content changes.

Keys are the content version (``version``: raised in the transaction of every visible change,
on every server's database), the full URL with its query sorted, and the language (``keys``);
a feature may add a part for an endpoint (``key_part``: search adds its index's position).
Every entry ends at the next minute and at most ``PAGE_CACHE_SECONDS`` after it was made, so
"open now", "today" and lists of what is upcoming are never more than a minute behind the
clock, and a page's time-dependent text changes at the minute it would without the cache.
Entries live in Redis when ``REDIS_URL`` is set (shared by every server), else in a bounded
per-process store (``store``). ``PAGE_CACHE=0`` turns the cache off (the version still rises).

Features choose which blueprints are public pages (``public``) and which tables no public page
shows (``unseen``); ``serve`` says who may be answered from the cache and what may be kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from flask import Flask, Response

from branding.core.pagecache import serve, version
from branding.core.pagecache.store import MemoryStore, RedisStore, Store

unseen = version.unseen
note = serve.note
noted = serve.noted


@dataclass
class PageCache:
    """One application's cache: its store, limits and what its features registered."""

    store: Store
    enabled: bool
    seconds: float
    max_entry_bytes: int
    sources: tuple[Path, ...] = ()  # what pages are made with (``build``)
    blueprints: set[str] = field(default_factory=set)
    key_parts: dict[str, Callable[[], str]] = field(default_factory=dict)
    after_hit: dict[str, Callable[[Response], None]] = field(default_factory=dict)

    @cached_property
    def build(self) -> str:
        """The digest of this server's release (``build_id``), taken at the first request."""
        return build_id(self.sources)


def _store(app: Flask) -> Store:
    if app.config.get("REDIS_URL"):
        import redis

        client = redis.Redis.from_url(
            app.config["REDIS_URL"], socket_timeout=0.5, socket_connect_timeout=0.5
        )
        return RedisStore(client)
    return MemoryStore(int(app.config["PAGE_CACHE_MAX_BYTES"]))


BUILD_FILES = ("*.py", "*.html", "*.mo", "*.css", "*.js")


def build_id(roots: tuple[Path, ...]) -> str:
    """Return a digest of the code, templates, catalogs and static files pages are made with,
    so that after a deploy no server answers with a page the old code made, and servers
    running the same release share their entries."""
    digest = hashlib.blake2b(digest_size=8)
    for root in roots:
        files = sorted({f for pattern in BUILD_FILES for f in root.rglob(pattern)})
        for path in files:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def init_app(app: Flask) -> None:
    """Choose the store and raise the content version with every visible change."""
    app.config.setdefault("PAGE_CACHE", True)
    app.config.setdefault("PAGE_CACHE_SECONDS", 60)
    app.config.setdefault("PAGE_CACHE_MAX_BYTES", 16 * 1024 * 1024)
    app.config.setdefault("PAGE_CACHE_MAX_ENTRY_BYTES", 2 * 1024 * 1024)
    app.extensions["page_cache"] = PageCache(
        store=_store(app),
        enabled=bool(app.config["PAGE_CACHE"]),
        seconds=float(app.config["PAGE_CACHE_SECONDS"]),
        max_entry_bytes=int(app.config["PAGE_CACHE_MAX_ENTRY_BYTES"]),
        sources=(Path(app.root_path), Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])),
    )
    version.install()


def install_hooks(app: Flask) -> None:
    """Answer from the cache after every other ``before_request`` hook, keep pages before
    every other ``after_request`` hook (the factory calls it last)."""
    app.before_request(serve.serve)
    app.after_request(serve.keep)


def public(app: Flask, *blueprints: str) -> None:
    """Say that a feature's blueprints are public pages, the same for every anonymous visitor."""
    app.extensions["page_cache"].blueprints.update(blueprints)


def key_part(app: Flask, endpoint: str, part: Callable[[], str]) -> None:
    """Add what else an endpoint's page depends on to its key (read on every request)."""
    app.extensions["page_cache"].key_parts[endpoint] = part


def after_hit(app: Flask, endpoint: str, hook: Callable[[Response], None]) -> None:
    """Run a hook on an endpoint's responses answered from the cache (its view did not run)."""
    app.extensions["page_cache"].after_hit[endpoint] = hook
