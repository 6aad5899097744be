"""Visiting pages as a person would, and reading what was counted."""

from __future__ import annotations

import re

from markupsafe import escape
from sqlalchemy import select

from branding.extensions import db
from branding.insight.flush import flush
from branding.insight.models import DailyCount, SearchCount

PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
PHONE += "Chrome/126.0 Mobile Safari/537.36"
LAPTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def visit(client, url: str, agent: str = PHONE, address: str = "198.51.100.7", **headers):
    """GET a page as a visitor; the response is closed, so its counts are recorded."""
    with client.get(
        url, headers={"User-Agent": agent, **headers}, environ_base={"REMOTE_ADDR": address}
    ) as response:
        response.get_data()
    return response


def counted() -> dict[tuple, int]:
    """Flush, then return the real (not sample) counts by (type, id, action, language)."""
    flush()
    rows = db.session.scalars(select(DailyCount).where(DailyCount.is_sample.is_(False)))
    return {(r.subject_type, r.subject_id, r.action, r.lang): r.count for r in rows}


def searched() -> dict[tuple, int]:
    flush()
    rows = db.session.scalars(select(SearchCount).where(SearchCount.is_sample.is_(False)))
    return {(r.lang, r.query): r.count for r in rows}


GO = re.compile(r'href="(/[a-z]+/go/[^"]+)"')


def followed(client, url: str) -> str:
    """A page's HTML with each counted link replaced by where its redirect leads.

    For tests about where a page's links go: with counting on, a contact link is the counting
    redirect, which must lead exactly where the plain link would.
    """
    html = client.get(url).get_data(as_text=True)

    def target(match: re.Match) -> str:
        response = client.get(match.group(1).replace("&amp;", "&"))
        assert response.status_code == 302, match.group(1)
        return f'href="{escape(response.headers["Location"])}"'

    return GO.sub(target, html)
