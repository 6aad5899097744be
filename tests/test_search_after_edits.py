"""After an edit, a search reads only what the edit wrote: the untouched segments stay read."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from whoosh.columns import VarBytesColumn
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Term

from branding.extensions import db
from branding.search import offsets, storage, vocabulary
from branding.search.matching import date_docs, filter_docs, segment_docs
from tests import search_fixtures
from tests.search_fixtures import found, search

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture


def _place(slug: str):
    return db.session.scalar(select(search_fixtures.Destination).filter_by(slug=slug))


def _build(make) -> None:
    for n in range(6):
        make.destination(slug=f"tempat-{n}", name={"id": f"Danau Tempat {n}", "en": f"Lake {n}"})
    make.event(title={"id": "Pesta Danau"})
    search_fixtures.rebuild()


def test_an_edit_leaves_what_was_read_from_the_other_segments_in_place(
    app, make, index_dir, indexed
):
    _build(make)
    before = storage.searcher(index_dir)
    first, _ = before.reader().leaf_readers()[0]
    words, docs = vocabulary.of(first, "lang"), segment_docs(first, "lang", "id")
    _place("tempat-2").summary = {"id": "Diperbarui."}
    db.session.commit()
    indexed()
    after = storage.searcher(index_dir)
    assert after is not before and len(after.reader().leaf_readers()) == 2
    same, _ = after.reader().leaf_readers()[0]
    assert same is not first  # a new reader of the same segment ...
    assert vocabulary.segment_key(same) == vocabulary.segment_key(first)
    assert vocabulary.of(same, "lang") is words  # ... that did not read its terms again
    assert segment_docs(same, "lang", "id") is docs


def test_filters_after_edits_and_a_deletion_are_the_live_documents(app, make, index_dir, indexed):
    _build(make)
    for n, slug in enumerate(("tempat-1", "tempat-4", "tempat-1")):
        _place(slug).summary = {"id": f"Diperbarui {n}."}
        db.session.commit()
        indexed()
    db.session.delete(_place("tempat-5"))
    db.session.commit()
    indexed()
    searcher = storage.searcher(index_dir)
    assert len(searcher.reader().leaf_readers()) > 1
    assert searcher.reader().has_deletions()
    for field, value in (
        ("type", "destination"),
        ("lang", "id"),
        ("lang", "en"),
        ("type", "event"),
    ):
        live = set(searcher.docs_for_query(Term(field, value)))
        assert filter_docs(searcher, field, value) == live, (field, value)
    events = set(searcher.docs_for_query(Term("type", "event")))
    assert date_docs(searcher, datetime(2000, 1, 1), None) == events
    names = {slug for _, slug in found(search(app, "danau tempat"))}
    assert names == {f"tempat-{n}" for n in range(5)}  # each once, the deleted one gone


VALUES = st.lists(st.binary(max_size=12), max_size=80)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(values=VALUES, write_offsets=st.booleans())
def test_a_column_opens_to_the_same_offsets_as_whoosh_derives(values, write_offsets):
    store = RamStorage()
    column = VarBytesColumn(allow_offsets=write_offsets, write_offsets_cutoff=0)
    out = store.create_file("column")
    writer = column.writer(out)
    for docnum, value in enumerate(values):
        writer.add(docnum, value)
    writer.finish(len(values))
    length = out.tell()
    out.close()
    readers = []
    for method in (offsets.ORIGINAL, offsets.read_offsets_and_lengths):
        VarBytesColumn.Reader._read_offsets_and_lengths = method
        try:
            readers.append(column.reader(store.open_file("column"), 0, length, len(values)))
        finally:
            offsets.install()
    whooshs, ours = readers
    assert list(ours._offsets) == list(whooshs._offsets)
    assert list(ours._lengths) == list(whooshs._lengths)
    assert ours.had_stored_offsets == whooshs.had_stored_offsets == (write_offsets and bool(values))
    assert [ours[n] for n in range(len(values))] == values
