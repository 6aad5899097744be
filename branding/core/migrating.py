"""Schema migrations (Alembic through Flask-Migrate), set up when a command needs them.

Alembic and Mako cost every process 11 MB and serve no web request, so a web worker never
imports them: ``flask db …`` loads Flask-Migrate when the group is used, and ``upgrade()``
and ``head_revision()`` set it up on the application first.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app, g
from flask.cli import ScriptInfo, with_appcontext

from branding.extensions import db

DIRECTORY = Path(__file__).resolve().parents[1] / "migrations"


def set_up(app: Flask) -> None:
    """Give the application Flask-Migrate's settings (and its real ``db`` commands)."""
    if "migrate" not in app.extensions:
        from flask_migrate import Migrate

        Migrate(app, db, directory=str(DIRECTORY), render_as_batch=True)


def upgrade(revision: str = "head") -> None:
    """Upgrade the current application's database to a revision (the latest by default)."""
    from flask_migrate import upgrade as run_upgrade

    set_up(current_app._get_current_object())  # type: ignore[attr-defined]
    run_upgrade(revision=revision)


def head_revision() -> str | None:
    """Return the latest revision of the migrations in this release."""
    from alembic.script import ScriptDirectory

    set_up(current_app._get_current_object())  # type: ignore[attr-defined]
    config = current_app.extensions["migrate"].migrate.get_config()
    return ScriptDirectory.from_config(config).get_current_head()


@with_appcontext
def _remember_options(directory: str | None, x_arg: tuple[str, ...]) -> None:
    g.directory, g.x_arg = directory, x_arg  # where Flask-Migrate's commands read them


class _DatabaseCommands(click.Group):
    """Flask-Migrate's ``db`` group, imported only when one of its commands is asked for.

    It takes the real group's options and keeps them where its commands look.
    """

    def __init__(self) -> None:
        super().__init__(
            "db",
            help="Perform database migrations.",
            callback=_remember_options,
            params=[
                click.Option(["-d", "--directory"], help="Migration script directory."),
                click.Option(["-x", "--x-arg"], multiple=True, help="Arguments for env.py."),
            ],
        )

    def _real(self, ctx: click.Context) -> click.Group:
        set_up(ctx.ensure_object(ScriptInfo).load_app())
        from flask_migrate.cli import db as commands

        return commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return self._real(ctx).list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._real(ctx).get_command(ctx, cmd_name)


def init_app(app: Flask) -> None:
    """Offer ``flask db …`` without loading Alembic until it is used."""
    app.cli.add_command(_DatabaseCommands())
