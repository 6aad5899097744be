"""Compare the index with the database, and repair what differs.

Every document stores a fingerprint of its fields, so comparing the documents
the database calls for with the stored ones finds documents that are missing,
stale (the item changed), extra (the item is gone or no longer public) or
duplicated (a crash between a delete and an add).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from branding.extensions import db
from branding.search import storage
from branding.search.apply import Plan, refresh
from branding.search.documents import Labels, category_labels, documents
from branding.search.rebuild import rebuild
from branding.search.sources import KINDS, iter_visible


@dataclass
class CheckReport:
    """The differences between the database and the index."""

    expected: int = 0
    indexed: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    unreadable: str = ""  # why the index could not be read, if it could not
    repaired: bool = False

    @property
    def clean(self) -> bool:
        """Tell whether the index matches the database exactly."""
        return not (self.missing or self.stale or self.extra or self.duplicates or self.unreadable)


def expected_documents(labels: Labels) -> dict[str, str]:
    """Return the fingerprint of every document the database calls for, by key."""
    found: dict[str, str] = {}
    for kind in KINDS:
        for item in iter_visible(kind):
            found.update((d["key"], d["fingerprint"]) for d in documents(kind, item, labels))
    return found


def indexed_documents(searcher: Searcher) -> tuple[dict[str, str], Counter[str]]:
    """Return the stored fingerprint of every document by key, and how often each key is."""
    seen: Counter[str] = Counter()
    found = {}
    for stored in searcher.all_stored_fields():
        seen[stored["key"]] += 1
        found[stored["key"]] = stored.get("fingerprint", "")
    return found, seen


def compare(searcher: Searcher, labels: Labels) -> CheckReport:
    """Compare the documents the database calls for with those in the index."""
    expected = expected_documents(labels)
    indexed, seen = indexed_documents(searcher)
    return CheckReport(
        expected=len(expected),
        indexed=sum(seen.values()),
        missing=sorted(set(expected) - set(indexed)),
        stale=sorted(k for k in expected.keys() & indexed.keys() if expected[k] != indexed[k]),
        extra=sorted(set(indexed) - set(expected)),
        duplicates=sorted(key for key, count in seen.items() if count > 1),
    )


def reconcile(writer: SegmentWriter, labels: Labels) -> int:
    """Make the index equal the database within an open writer; return documents added."""
    with writer.searcher() as searcher:
        report = compare(searcher, labels)
    plan = Plan()
    for key in report.missing + report.stale + report.extra + report.duplicates:
        kind, item_id, _lang = key.split(":")
        plan.items[kind].add(int(item_id))
    return refresh(writer, plan, labels)


def check(repair: bool = False, timeout: float = 30.0) -> CheckReport:
    """Report how the index differs from the database; with ``repair``, fix it."""
    root, labels = storage.index_root(), category_labels()
    try:
        with storage.open_current(root)[1].searcher() as searcher:
            report = compare(searcher, labels)
    except storage.IndexMissing:
        report = CheckReport(unreadable="there is no index yet")
    except Exception as error:  # a damaged index can fail in many ways
        report = CheckReport(unreadable=f"the index cannot be read ({error!r})")
    db.session.rollback()
    if repair and not report.clean:
        if report.unreadable:
            rebuild(timeout)
        else:
            with storage.writer(root, timeout) as writer:
                reconcile(writer, labels)
                db.session.rollback()
                writer.commit()
        report.repaired = True
    return report
