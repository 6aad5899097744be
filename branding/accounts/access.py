"""Who may see what: the session user loader and role checks for views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, abort
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from branding.accounts.models import Role
from branding.accounts.services import load_session_user
from branding.extensions import login_manager


def roles_required(*roles: Role) -> Callable:
    """Let only logged-in users with one of these roles through; others get login or 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapped.requires_login = True  # type: ignore[attr-defined]  # core.web.security: no-store
        return wrapped

    return decorator


staff_required = roles_required(Role.ADMIN, Role.EDITOR)
admin_required = roles_required(Role.ADMIN)
owner_required = roles_required(Role.OWNER)
login_required = roles_required(Role.ADMIN, Role.EDITOR, Role.OWNER, Role.TRANSLATOR)
# The translation workbench: translators reach it and nothing else of the back office.
workbench_required = roles_required(Role.ADMIN, Role.EDITOR, Role.TRANSLATOR)


def init_app(app: Flask) -> None:
    """Configure Flask-Login: sessions carry ``id:version`` and end when it changes."""
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please log in to see that page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_session_user)
