"""``flask translate export|import|status``: approved translations as standard .po files."""

from __future__ import annotations

from babel.messages.pofile import read_po

from branding.accounts.models import Role
from branding.extensions import db
from branding.workbench import services
from branding.workbench.models import InterfaceTranslation
from branding.workbench.strings import by_key, string_key
from tests.workbench.helpers import MARKERS

PLURAL = "%(num)d business"


def _approve(make, msgid: str, *forms: str) -> None:
    author, reviewer = make.user(Role.TRANSLATOR), make.user(Role.TRANSLATOR)
    string = by_key(string_key(msgid))
    services.approve(reviewer, services.suggest(author, "btd", string, list(forms)))


def _messages(path) -> dict:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {(m.id, m.context): m.string for m in catalog if m.id}


def test_export_then_import_into_an_empty_workbench_is_lossless(app, make, runner, tmp_path):
    _approve(make, "Upcoming events", MARKERS[0])
    _approve(make, PLURAL, f"%(num)d {MARKERS[1]}")
    first = tmp_path / "first.po"
    assert (
        runner.invoke(args=["translate", "export", "--lang", "btd", "-o", str(first)]).exit_code
        == 0
    )
    exported = _messages(first)
    assert exported[("Upcoming events", None)] == MARKERS[0]
    assert exported[((PLURAL, "%(num)d businesses"), None)] == (f"%(num)d {MARKERS[1]}",)
    assert exported[("Local products", None)] == ""  # untranslated strings stay, empty

    db.session.execute(db.delete(InterfaceTranslation))
    db.session.commit()
    result = runner.invoke(args=["translate", "import", str(first)])
    assert result.exit_code == 0, result.output
    assert "btd: 2 approved, 0 unchanged, 0 conflicts" in result.output
    second = tmp_path / "second.po"
    runner.invoke(args=["translate", "export", "-o", str(second)])
    assert _messages(second) == exported
    assert MARKERS[0] in app.test_client().get("/btd/").get_data(as_text=True)


def test_import_reports_conflicts_unknown_and_refused_strings(app, make, runner, tmp_path):
    _approve(make, "Upcoming events", MARKERS[0])
    path = tmp_path / "theirs.po"
    runner.invoke(args=["translate", "export", "-o", str(path)])
    text = path.read_text()
    text = text.replace(f'msgstr "{MARKERS[0]}"', f'msgstr "{MARKERS[1]}"')  # a conflict
    text = text.replace(
        'msgid "Role changed for %(email)s."\nmsgstr ""',
        'msgid "Role changed for %(email)s."\nmsgstr "BTD-TEST-3"',  # drops the placeholder
    )
    text += '\nmsgid "No such string anywhere"\nmsgstr "BTD-TEST-3"\n'
    path.write_text(text)
    result = runner.invoke(args=["translate", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "conflict (another translation is approved; kept): Upcoming events" in result.output
    assert "unknown (not an interface string): No such string anywhere" in result.output
    assert "refused: Role changed for %(email)s.: The translation must keep %(email)s." in (
        result.output
    )
    assert "0 approved, 1 unchanged" not in result.output
    assert MARKERS[0] in app.test_client().get("/btd/").get_data(as_text=True)  # kept


def test_import_refuses_a_file_of_another_language(runner, tmp_path):
    path = tmp_path / "en.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Events"\nmsgstr "X"\n')
    result = runner.invoke(args=["translate", "import", str(path)])
    assert result.exit_code != 0 and "not one the workbench translates" in result.output


def test_status_counts_approved_translations_and_waiting_suggestions(make, runner):
    _approve(make, "Upcoming events", MARKERS[0])
    string = by_key(string_key("Local products"))
    services.suggest(make.user(Role.TRANSLATOR), "btd", string, [MARKERS[1]])
    result = runner.invoke(args=["translate", "status"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("btd:"))
    assert "with the workbench's approved translations" in line
    assert "(1 of " in line and "1 waiting for review" in line
    assert "btd content: 0 of 0 items (destinations, events, areas, businesses, products)" in (
        result.output
    )
    assert "btd over time (interface/content): " in result.output  # the approval was recorded
