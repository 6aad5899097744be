"""Command-line tasks: setup, users, sample data, translations."""

from sqlalchemy import func, select

from branding.accounts.models import Role, User
from branding.accounts.services import check_password, find_user
from branding.destinations.models import Destination
from branding.extensions import db


def test_setup_loads_sample_into_an_empty_database_once(sample_site):
    # the first `flask setup`, on an empty database, is the one that built the shared sample
    assert sample_site.setup_exit_code == 0, sample_site.setup_output
    assert "sample data" in sample_site.setup_output
    with sample_site.app.app_context():
        count = db.session.scalar(select(func.count()).select_from(Destination))
        assert count >= 8
        second = sample_site.app.test_cli_runner().invoke(args=["setup"])
        assert second.exit_code == 0
        assert "no sample data was loaded" in second.output
        assert db.session.scalar(select(func.count()).select_from(Destination)) == count


def test_sample_load_refuses_a_database_with_content(runner, make):
    make.area()
    result = runner.invoke(args=["sample", "load"])
    assert result.exit_code != 0
    assert db.session.scalar(select(func.count()).select_from(Destination)) == 0


def test_create_user_hashes_the_password(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "Editor@Example.com",
            "--role",
            "editor",
            "--password",
            "long enough secret",
        ]
    )
    assert result.exit_code == 0, result.output
    user = find_user("editor@example.com")
    assert user.role == Role.EDITOR
    assert user.password_hash.startswith("$argon2id$")
    assert check_password(user, "long enough secret")
    assert not check_password(user, "wrong")


def test_create_user_refuses_duplicates_and_short_passwords(runner, make):
    make.user(email="owner@example.com")
    duplicate = runner.invoke(
        args=["users", "create", "OWNER@example.com", "--password", "long enough secret"]
    )
    assert duplicate.exit_code != 0 and "exists already" in duplicate.output
    short = runner.invoke(args=["users", "create", "new@example.com", "--password", "short"])
    assert short.exit_code != 0 and "at least" in short.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_translate_compile_reports_each_language(runner):
    result = runner.invoke(args=["translate", "compile"])
    assert result.exit_code == 0
    assert "id:" in result.output and "en:" in result.output and "btd:" in result.output
