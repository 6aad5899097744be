"""Signing in the workbench's people and translating through its pages."""

from __future__ import annotations

import re

from branding.workbench.strings import string_key

# Obvious test markers, never presented as Pakpak words.
MARKERS = ("BTD-TEST-1", "BTD-TEST-2", "BTD-TEST-3")


def suggest(client, msgid: str, *forms: str, lang: str = "en"):
    """Post a suggestion for an interface string through the editor; return the response."""
    data = {f"form-{n}": text for n, text in enumerate(forms)}
    return client.post(f"/{lang}/office/workbench/strings/{string_key(msgid)}", data=data)


def suggestion_ids(client, msgid: str) -> list[int]:
    """Return the ids of the suggestions the editor offers to approve."""
    html = client.get(f"/en/office/workbench/strings/{string_key(msgid)}").get_data(as_text=True)
    return [int(n) for n in re.findall(r"/suggestions/(\d+)/approve", html)]


def approve(client, row_id: int):
    """Approve a suggestion through its button; return the response."""
    return client.post(f"/en/office/workbench/suggestions/{row_id}/approve")
