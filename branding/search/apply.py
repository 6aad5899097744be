"""Applying changes to the index: which items a change touches, and fresh documents for them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from whoosh.writing import SegmentWriter

from branding.search.documents import Labels, documents
from branding.search.sources import KINDS, load_visible, visible_ids

AREA_KINDS = ("destination", "event", "business")


@dataclass
class Plan:
    """What a batch of outbox rows asks for: items to refresh, businesses, everything."""

    items: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    businesses: set[int] = field(default_factory=set)  # refresh all their products
    everything: bool = False


def plan_for(rows: list[tuple[str, int]]) -> Plan:
    """Turn outbox rows into the items whose documents must be refreshed."""
    plan = Plan()
    for kind, item_id in rows:
        if kind in KINDS:
            plan.items[kind].add(item_id)
        if kind == "business":
            plan.businesses.add(item_id)
        elif kind == "area":
            for area_kind in AREA_KINDS:
                plan.items[area_kind].update(visible_ids(area_kind, area_id=item_id))
            plan.businesses.update(visible_ids("business", area_id=item_id))
        elif kind == "all":
            plan.everything = True
    for business_id in plan.businesses:
        plan.items["product"].update(visible_ids("product", business_id=business_id))
    return plan


def refresh(writer: SegmentWriter, plan: Plan, labels: Labels) -> int:
    """Replace the planned items' documents with fresh ones; return how many were added."""
    for business_id in plan.businesses:
        writer.delete_by_term("business", str(business_id))
    staged = []
    for kind, ids in plan.items.items():
        found = load_visible(kind, ids)
        for item_id in ids:
            writer.delete_by_term("item", f"{kind}:{item_id}")
        staged += [doc for item in found.values() for doc in documents(kind, item, labels)]
    for doc in staged:
        writer.add_document(**doc)
    return len(staged)
