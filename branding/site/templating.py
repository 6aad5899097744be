"""What every page's frame needs: the main menu, and whether it is a workspace page."""

from __future__ import annotations

import re

from flask import request
from flask_babel import lazy_gettext as _l

MAIN_MENU = (
    ("destinations.index", _l("Destinations")),
    ("events.index", _l("Events")),
    ("calendar.month", _l("Calendar")),
    ("businesses.index", _l("Local businesses")),
    ("areas.index", _l("Areas")),
    ("maps.index", _l("Map")),
)


def main_menu() -> tuple:
    """Return the main menu's endpoints and labels, in order."""
    return MAIN_MENU


_WORKSPACE = re.compile(r"^/[a-z]+/(office|my)(/|$)")


def workspace_page() -> bool:
    """Say whether this is a back-office or owner's page (they load office.css as well)."""
    return bool(_WORKSPACE.match(request.path))
