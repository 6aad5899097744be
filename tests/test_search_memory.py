"""What a search keeps in memory: the index read from its map, one set of filters a process."""

from __future__ import annotations

import threading
from io import BytesIO

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.filedb.structfile import BufferFile

from branding.search import storage
from branding.search.mapped import MappedFile, View
from branding.search.matching import filter_docs, state_cache
from tests import search_fixtures
from tests.search_fixtures import found, search

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture

READS = st.lists(
    st.one_of(
        st.tuples(st.just("read"), st.integers(-1, 40)),
        st.tuples(st.just("readline"), st.integers(-1, 40)),
        st.tuples(st.just("seek"), st.integers(0, 80)),
        st.tuples(st.just("tell"), st.just(0)),
    ),
    max_size=20,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(data=st.binary(max_size=60).map(lambda b: b.replace(b"\x07", b"\n")), steps=READS)
def test_a_view_reads_as_a_bytes_file_does(data, steps):
    view, copy = View(memoryview(data)), BytesIO(data)
    for name, number in steps:
        args = () if name == "tell" else (number,)
        assert getattr(view, name)(*args) == getattr(copy, name)(*args), (name, number)
    assert list(View(data)) == list(BytesIO(data))


def test_the_index_is_read_from_its_map_not_copied(app, make, index_dir, indexed):
    place = make.destination(name={"id": "Danau Peta"})
    indexed()
    assert found(search(app, "peta")) == [("destination", place.slug)]
    with app.app_context():
        reader = storage.searcher(index_dir).reader()
        files = [
            f
            for leaf, _ in reader.leaf_readers()
            for f in vars(leaf._terms).values()
            if isinstance(f, BufferFile)
        ]
    assert files and all(isinstance(f, MappedFile) for f in files)
    assert not any(isinstance(f.file, BytesIO) for f in files)


def test_threads_share_what_is_worked_out_from_one_version_of_the_index(
    app, make, index_dir, indexed
):
    make.destination(name={"id": "Danau Bersama"})
    indexed()
    seen = []

    def look() -> None:
        with app.app_context():
            searcher = storage.searcher(index_dir)
            seen.append((id(searcher), state_cache(searcher), filter_docs(searcher, "lang", "id")))

    threads = [threading.Thread(target=look) for _ in range(3)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert len({searcher for searcher, _, _ in seen}) == 3  # a searcher a thread
    assert all(cache is seen[0][1] for _, cache, _ in seen)  # one cache for the version
    assert all(docs is seen[0][2] for _, _, docs in seen)
    make.destination(name={"id": "Danau Baru"})
    indexed()
    with app.app_context():
        assert state_cache(storage.searcher(index_dir)) is not seen[0][1]  # a new version
