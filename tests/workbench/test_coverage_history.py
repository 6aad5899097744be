"""Coverage over time: recorded once per language and day, shown to the office and translators."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from branding.accounts.models import Role
from branding.core import jobs
from branding.extensions import db
from branding.workbench import history
from branding.workbench.models import CoverageRecord
from tests.accounts_helpers import login
from tests.workbench.helpers import MARKERS, approve, suggest, suggestion_ids


def _rows(lang: str | None = None) -> list[CoverageRecord]:
    db.session.expire_all()  # the rows are written by an upsert, not through these objects
    query = select(CoverageRecord).order_by(CoverageRecord.day, CoverageRecord.lang)
    if lang:
        query = query.where(CoverageRecord.lang == lang)
    return list(db.session.scalars(query))


def test_the_daily_record_is_one_row_per_language_and_day_however_often_it_runs(app, make):
    make.destination()
    history.record_today()
    history.record_today()
    rows = _rows()
    assert sorted(r.lang for r in rows) == ["btd", "en", "id"]
    assert {r.day for r in rows} == {history.today()}
    btd = next(r for r in rows if r.lang == "btd")
    assert btd.interface_done == 0 and btd.interface_total > 500
    assert btd.content_done == 0 and btd.content_total == 2  # the destination and its area
    yesterday = history.today() - timedelta(days=1)
    history.stage_record(yesterday)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(CoverageRecord)) == 6


def test_the_worker_records_coverage_every_hour(make_app, tmp_path):
    queued = make_app(JOBS_BACKEND="sqlite", JOBS_SQLITE_PATH=str(tmp_path / "jobs.sqlite3"))
    assert jobs.SCHEDULES["translation coverage recorded"].at_start
    with queued.app_context():
        runner = queued.extensions["jobs"]
        runner.consumer(1)
        due = {t.name for t in runner.huey.read_periodic(datetime(2026, 12, 1, 9, 41))}
        assert "translation coverage recorded" in due


def test_an_approval_records_the_days_coverage_at_once(app, make):
    author, reviewer = app.test_client(), app.test_client()
    login(author, make.user(Role.TRANSLATOR))
    login(reviewer, make.user(Role.TRANSLATOR))
    suggest(author, "Featured destinations", MARKERS[0])
    assert _rows("btd") == []  # a suggestion changes nothing
    approve(reviewer, suggestion_ids(reviewer, "Featured destinations")[0])
    (row,) = _rows("btd")
    assert row.day == history.today() and row.interface_done == 1
    suggest(author, "Upcoming events", MARKERS[1])
    approve(reviewer, suggestion_ids(reviewer, "Upcoming events")[0])
    (row,) = _rows("btd")
    assert row.interface_done == 2


def test_the_workbench_and_the_office_show_the_days_as_a_table(app, make):
    for days, done in ((2, 3), (0, 10)):
        db.session.add(CoverageRecord(day=history.today() - timedelta(days=days), lang="btd",
                                      interface_done=done, interface_total=100, content_done=1,
                                      content_total=4))  # fmt: skip
    db.session.add(CoverageRecord(day=date(2020, 1, 1), lang="btd", interface_total=100))
    db.session.commit()
    for role, path in ((Role.TRANSLATOR, "/en/office/workbench/"),
                       (Role.EDITOR, "/en/office/translations")):  # fmt: skip
        client = app.test_client()
        login(client, make.user(role))
        html = client.get(path).get_data(as_text=True)
        assert "<caption>Pakpak</caption>" in html, path
        newest, older = html.index("10 of 100 (10.0%)"), html.index("3 of 100 (3.0%)")
        assert newest < older  # the newest day first
        assert '<progress max="100" value="10.0" aria-hidden="true"></progress>' in html
        assert "1 of 4 (25.0%)" in html
        assert 'datetime="2020-01-01"' not in html  # older than the days shown


def test_translate_status_prints_the_recorded_days(app, make, runner):
    row = CoverageRecord(day=history.today(), lang="btd", interface_done=5, interface_total=100,
                         content_done=1, content_total=4)  # fmt: skip
    db.session.add(row)
    db.session.commit()
    result = runner.invoke(args=["translate", "status"])
    assert f"btd over time (interface/content): {history.today().isoformat()} 5.0%/25.0%" in (
        result.output
    )
