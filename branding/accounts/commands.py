"""``flask users …``: manage accounts from the command line."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from branding.accounts.models import Role
from branding.accounts.services import AccountError, create_user

users_cli = AppGroup("users", help="Manage user accounts.")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.EDITOR.value)
@click.option("--name", "display_name", default="", help="Name shown to other users.")
@click.password_option(help="Asked for when not given.")
def create_user_command(email: str, role: str, display_name: str, password: str) -> None:
    """Create a user with a role (admin, editor or owner)."""
    try:
        user = create_user(email, password, Role(role), display_name)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role.value} {user.email}")
