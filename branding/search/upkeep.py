"""The search index's share of the workers: each server keeps its own index current.

Every server has its own index folder, so applying the outbox is not queue work (a shared
queue would give it to any one server): each server's worker does it every five seconds,
besides the drain after a request that changed content. Pruning
the outbox and forgetting old missed searches are shared, and run on the queue's schedule.
"""

from __future__ import annotations

from branding.core import jobs
from branding.extensions import db


@jobs.on_each_server("this server's search index", seconds=5.0)
def keep_index_current() -> None:
    """Build this server's index if it has none, then apply the changes waiting for it."""
    from branding.search.indexer import drain
    from branding.search.rebuild import ensure_index

    ensure_index()
    drain(timeout=5.0, prune=False)


@jobs.every("search outbox pruned", minutes="7")
def prune() -> int:
    """Forget outbox rows every live index has applied, and missed searches over a year old."""
    from branding.search.indexer import prune_outbox
    from branding.search.missed import prune_missed

    pruned = prune_outbox() + prune_missed()
    db.session.commit()
    return pruned
