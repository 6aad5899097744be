"""The outbox as a log: positions that never skip a row, several indexes, pruning, freshness."""

from __future__ import annotations

import gc
import warnings

import pytest
from sqlalchemy import insert, select

from branding.core import changefeed
from branding.core.changefeed import Gap, Position
from branding.core.content.publishing import PublicationStatus, utcnow
from branding.destinations.models import Destination
from branding.extensions import db
from branding.search import indexer, positions
from branding.search.indexer import drain, prune_outbox
from branding.search.models import SearchIndexState, SearchOutbox
from branding.search.rebuild import rebuild
from tests import search_fixtures
from tests.search_fixtures import found, search

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture

LOG = SearchOutbox.__table__


def _row(kind: str = "destination", item_id: int = 1) -> dict:
    return {"item_type": kind, "item_id": item_id, "created_at": utcnow()}


def _insert(connection) -> int:
    changefeed.claim_xid(connection)
    return connection.execute(insert(SearchOutbox).returning(SearchOutbox.id), [_row()]).scalar()


def _read(position: Position) -> changefeed.Batch:
    with db.engine.connect() as reader:
        return changefeed.read(reader, LOG, position)


def test_a_reader_gets_every_row_once_in_order(app):
    with db.engine.begin() as writer:
        first = [_insert(writer) for _ in range(5)]
    batch = _read(Position())
    assert [r.id for r in batch.rows] == first
    assert batch.after.covers(first[-1]) and batch.after.low == first[-1]
    again = _read(batch.after)
    assert again.rows == [] and again.after.high == first[-1]


def test_a_limited_read_continues_where_it_stopped(app):
    with db.engine.begin() as writer:
        ids = [_insert(writer) for _ in range(7)]
    position, seen = Position(), []
    while True:
        with db.engine.connect() as reader:
            batch = changefeed.read(reader, LOG, position, limit=3)
        seen += [r.id for r in batch.rows]
        position = batch.after
        if not batch.more:
            break
    assert seen == ids


def test_a_row_that_commits_after_a_later_one_is_not_skipped(app):
    """Two real connections: row 6 is taken first, row 7 commits first, 6 commits last."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: its ids commit in order")
    with db.engine.begin() as writer:
        _insert(writer)
    start = _read(Position()).after
    slow, fast = db.engine.connect(), db.engine.connect()
    try:
        slow.begin()
        late = _insert(slow)  # taken first, still in flight
        with fast.begin():
            early = _insert(fast)
        assert late < early
        seen = _read(start)
        assert [r.id for r in seen.rows] == [early]
        assert not seen.after.covers(late) and seen.after.low == late - 1
        still = _read(seen.after)
        assert still.rows == [] and not still.after.covers(late)  # still in flight: kept open
        slow.commit()
        caught = _read(still.after)
        assert [r.id for r in caught.rows] == [late]
        assert caught.after.covers(late) and caught.after.gaps == ()
    finally:
        slow.close()
        fast.close()


def test_a_rolled_back_row_leaves_a_gap_that_closes(app):
    """Two real connections: one rolls back while the other commits after it."""
    with db.engine.begin() as writer:
        _insert(writer)
    start = _read(Position()).after
    lost = db.engine.connect()
    try:
        lost.begin()
        _insert(lost)
        lost.rollback()  # on SQLite the id is free again; on PostgreSQL it stays a hole
    finally:
        lost.close()
    with db.engine.begin() as writer:
        kept = _insert(writer)
    first = _read(start)
    assert [r.id for r in first.rows] == [kept]
    closed = _read(first.after).after  # the rolled-back transaction is over: nothing to wait for
    assert closed.gaps == () and closed.low == kept


def test_where_the_database_cannot_tell_a_gap_waits_for_the_grace_period():
    position = Position(5)
    after = changefeed._after(position, [7], False, None, None, now=1000.0)
    assert after.high == 7 and after.gaps == (Gap(6, 6, 1000.0, None),) and after.low == 5
    kept = changefeed._after(after, [], False, None, None, now=1000.0 + changefeed.GRACE / 2)
    assert not kept.covers(6)
    late = changefeed._after(kept, [6], False, None, None, now=1001.0)
    assert late.covers(6) and late.gaps == ()
    gone = changefeed._after(kept, [], False, None, None, now=1000.0 + changefeed.GRACE)
    assert gone.gaps == () and gone.low == 7


def test_a_postgresql_gap_closes_when_every_older_transaction_has_ended():
    after = changefeed._after(Position(5), [7], False, xmin=90, xmax=100, now=0.0)
    assert after.gaps == (Gap(6, 6, 0.0, 100),)
    assert changefeed._after(after, [], False, xmin=99, xmax=120, now=1e9).gaps  # 99 may hold it
    assert changefeed._after(after, [], False, xmin=100, xmax=120, now=0.0).gaps == ()


def test_positions_survive_their_json():
    position = Position(12, (Gap(3, 4, 1.5, 77), Gap(9, 9, 2.0, None)))
    assert Position.from_json(position.to_json()) == position
    assert Position.from_json("") == Position()


def two_servers(make_app, tmp_path):
    """Two app instances on one database, each with its own index folder, both built."""
    servers = [make_app(SEARCH_INDEX_DIR=str(tmp_path / f"server-{n}")) for n in (1, 2)]
    for server in servers:
        with server.app_context():
            rebuild()
    return servers


@pytest.fixture(autouse=True)
def _collect_connections():
    """Collect the extra apps' connections here, not in a later test's setup.

    On PostgreSQL a connection of an extra app (``make_app``) can outlive its test
    until the garbage collector meets it; pytest would blame whichever test runs then.
    """
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def on(server, q: str, lang: str = "id"):
    with server.app_context():
        return found(search(server, q, lang))


def test_two_servers_each_find_the_changes_made_through_either(app, make, make_app, tmp_path):
    one, two = two_servers(make_app, tmp_path)
    area = make.area()
    for server, word in ((one, "Merpati"), (two, "Elang")):
        with server.app_context():
            db.session.add(
                Destination(
                    slug=word.lower(), area_id=area.id, category="lake",
                    name={"id": f"Danau {word}"},
                    status=PublicationStatus.PUBLISHED,
                )
            )  # fmt: skip
            db.session.commit()
    for server in (one, two):  # the documented step: `flask search index` on each server
        with server.app_context():
            assert drain().rows > 0
    for server in (one, two):
        assert on(server, "merpati") == [("destination", "merpati")]
        assert on(server, "elang") == [("destination", "elang")]
    assert db.session.scalar(select(SearchIndexState.name).limit(1))
    assert len(positions.everyone()) >= 2


def test_rows_are_pruned_only_once_every_live_index_has_applied_them(app, make, make_app, tmp_path):
    one, two = two_servers(make_app, tmp_path)
    make.destination(name={"id": "Danau Pruning"})
    with one.app_context():
        drain()
    assert db.session.scalar(select(db.func.count(SearchOutbox.id)))  # two has not read them
    with two.app_context():
        drain()
    db.session.rollback()
    assert db.session.scalar(select(db.func.count(SearchOutbox.id))) == 0
    assert on(two, "pruning") and on(one, "pruning")


def test_an_index_that_fell_behind_the_retention_rebuilds_itself(app, make, make_app, tmp_path):
    one, two = two_servers(make_app, tmp_path)
    place = make.destination(slug="lambat", name={"id": "Danau Lambat"})
    with one.app_context():
        drain()
        pruned = prune_outbox(retention_days=-1)  # everything is past the retention period
        assert pruned > 0
    with two.app_context():
        name = positions.index_name()
        assert positions.load(name).rebuild_needed
        report = drain()
        assert report.rebuilt and not positions.load(name).rebuild_needed
    assert on(two, "lambat") == [("destination", place.slug)]


def test_an_index_away_longer_than_the_live_period_does_not_hold_rows_back(
    app, make, make_app, tmp_path
):
    one, two = two_servers(make_app, tmp_path)
    with two.app_context():
        away = positions.load(positions.index_name())
        away.last_seen = utcnow().replace(year=2000)
        db.session.commit()
    make.destination(slug="jauh", name={"id": "Danau Jauh"})
    with one.app_context():
        drain()
    db.session.rollback()
    assert db.session.scalar(select(db.func.count(SearchOutbox.id))) == 0
    with two.app_context():  # back again: it missed pruned rows, so it rebuilds
        assert drain().rebuilt
    assert on(two, "jauh") == [("destination", "jauh")]


def test_a_rebuild_keeps_changes_made_while_it_read_the_database(app, make, index_dir, monkeypatch):
    from branding.search import rebuild as rebuilding

    real = rebuilding._add_everything

    def meanwhile(writer):
        count = real(writer)
        with app.app_context():  # another request commits while the rebuild runs
            other = db.session
            other.add(
                Destination(
                    slug="sela",
                    area_id=make.area().id,
                    category="lake",
                    name={"id": "Danau Sela"},
                    status=PublicationStatus.PUBLISHED,
                )
            )
            other.commit()  # fmt: skip
        return count

    monkeypatch.setattr(rebuilding, "_add_everything", meanwhile)
    rebuild()
    monkeypatch.undo()
    assert found(search(app, "sela")) == []  # not in what the rebuild read
    assert drain().rows >= 1  # but its row is after the rebuild's position
    assert found(search(app, "sela")) == [("destination", "sela")]


def publish_route(server):
    @server.post("/test/publish/<int:place_id>")
    def publish(place_id: int):
        db.session.get(Destination, place_id).status = PublicationStatus.PUBLISHED
        db.session.commit()
        return "ok"


def test_the_writer_sees_the_change_on_the_next_page_on_either_server(
    app, make, make_app, tmp_path
):
    one, two = two_servers(make_app, tmp_path)
    for server in (one, two):
        server.config["SEARCH_DRAIN_AFTER_REQUEST"] = False  # nothing drains behind our back
        publish_route(server)
    place = make.destination(slug="segar", name={"id": "Danau Segar"}, status="draft")
    for server in (one, two):
        with server.app_context():
            drain()
    writer = one.test_client()
    writer.post(f"/test/publish/{place.id}").close()
    html = writer.get("/id/search?q=segar").get_data(as_text=True)
    assert "/id/destinations/segar" in html  # this server caught up before searching
    other = two.test_client()  # the next page is answered by the other server
    other.set_cookie("session", writer.get_cookie("session").value, domain="localhost")
    html = other.get("/id/search?q=segar").get_data(as_text=True)
    assert "/id/destinations/segar" in html
    stranger = two.test_client()
    assert stranger.get("/id/search?q=segar").status_code == 200


def test_a_search_after_an_edit_does_not_show_a_count_over_an_empty_list(app, make, index_dir):
    app.config["SEARCH_DRAIN_AFTER_REQUEST"] = False
    publish_route(app)
    place = make.destination(slug="hilang", name={"id": "Danau Hilang"})
    drain()

    @app.post("/test/withdraw/<int:place_id>")
    def withdraw(place_id: int):
        db.session.get(Destination, place_id).status = PublicationStatus.DRAFT
        db.session.commit()
        return "ok"

    client = app.test_client()
    client.post(f"/test/withdraw/{place.id}").close()
    page = client.get("/id/search?q=hilang").get_data(as_text=True)
    assert 'class="results"' not in page and "/id/destinations/hilang" not in page


def test_the_backlog_counts_what_this_index_has_not_applied(app, make, index_dir):
    make.destination()
    assert indexer.backlog() > 0
    drain()
    assert indexer.backlog() == 0


def test_outbox_ids_are_never_handed_out_twice_after_pruning(app, index_dir):
    with db.engine.begin() as writer:
        top = _insert(writer)
    drain()  # applied and pruned: the log is empty
    db.session.rollback()
    assert db.session.scalar(select(db.func.count(SearchOutbox.id))) == 0
    with db.engine.begin() as writer:
        assert _insert(writer) > top
