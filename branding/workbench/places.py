"""Where a string appears: its source files, and a page that shows it where one is simple."""

from __future__ import annotations

from flask import url_for

from branding.workbench.strings import InterfaceString

TEMPLATES = "branding/templates/"
# Templates shown by a page that needs nothing but the language; base templates show on all.
PAGES = {
    "base.html": "site.home",
    "_account_nav.html": "site.home",
    "site/home.html": "site.home",
    "areas/index.html": "areas.index",
    "businesses/index.html": "businesses.index",
    "destinations/index.html": "destinations.index",
    "events/index.html": "events.index",
    "calendar/month.html": "calendar.month",
    "calendar/agenda.html": "calendar.agenda",
    "maps/index.html": "maps.index",
    "search/results.html": "search.index",
    "insight/privacy.html": "insight.privacy",
    "accounts/login.html": "accounts.login",
    "accounts/register.html": "accounts.register",
    "accounts/reset_request.html": "accounts.reset_request",
    "site/offline.html": "offline.page",
}


def files(string: InterfaceString) -> list[str]:
    """Return the files a string appears in, with line numbers."""
    return [f"{name}:{line}" for name, line in string.locations]


def page_links(string: InterfaceString, lang: str) -> list[str]:
    """Return the URLs of public pages that show a string (in a language), without repeats."""
    found: list[str] = []
    for name, _line in string.locations:
        endpoint = PAGES.get(name.removeprefix(TEMPLATES))
        if endpoint:
            url = url_for(endpoint, lang=lang)
            if url not in found:
                found.append(url)
    return found
