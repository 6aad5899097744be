"""Compare the search with PostgreSQL full-text search on the relevance table's queries.

The baseline of issue 12: PostgreSQL's ``indonesian`` text search configuration
over every text of an item (all languages), ranked by ``ts_rank``, and when it
finds nothing, ``pg_trgm`` similarity on the names. Both answer the rows of
``tests/test_search_table.py`` on the same items; a row counts when its item is
among the first three. Needs an empty PostgreSQL database it may fill:

    TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test \\
        .venv/bin/python bench/search_baseline.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask import g  # noqa: E402
from sqlalchemy import text  # noqa: E402
from werkzeug.datastructures import MultiDict  # noqa: E402

from branding import create_app  # noqa: E402
from branding.core.migrating import upgrade  # noqa: E402
from branding.extensions import db  # noqa: E402
from branding.search.params import read_params  # noqa: E402
from branding.search.services import search_page  # noqa: E402
from tests import test_search_table as table  # noqa: E402

DOCUMENTS = """
CREATE TEMP TABLE baseline AS
SELECT slug, name, body FROM (
  SELECT d.slug, d.name::text AS name, d.name::text || ' ' || d.summary::text AS body
  FROM destinations d
  UNION ALL SELECT e.slug, e.title::text, e.title::text || ' ' || e.summary::text FROM events e
  UNION ALL SELECT b.slug, b.name, b.name || ' ' || b.summary::text || ' ' || coalesce((
      SELECT string_agg(p.name::text || ' ' || p.description::text, ' ')
      FROM products p WHERE p.business_id = b.id), '')
  FROM businesses b
) AS items
"""
FULL_TEXT = """
SELECT slug FROM baseline
WHERE to_tsvector('indonesian', body) @@ plainto_tsquery('indonesian', :q)
ORDER BY ts_rank(to_tsvector('indonesian', body), plainto_tsquery('indonesian', :q)) DESC, slug
LIMIT 3
"""
TRIGRAM = """
SELECT slug FROM baseline WHERE similarity(name, :q) > 0.1
ORDER BY similarity(name, :q) DESC, slug LIMIT 3
"""


def main() -> None:
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        raise SystemExit("set TEST_DATABASE_URL to an empty PostgreSQL database")
    url = "postgresql+psycopg://" + url.split("://", 1)[1]
    with tempfile.TemporaryDirectory() as folder:
        config = {
            "SQLALCHEMY_DATABASE_URI": url,
            "SEARCH_INDEX_DIR": folder,
            "SECRET_KEY": "x",
            "SERVER_NAME": "localhost",
            "TESTING": True,
        }
        app = create_app(config)
        with app.app_context():
            from tests.conftest import _drop_everything

            _drop_everything()
            upgrade()
        fill = table.regency.__wrapped__ if hasattr(table.regency, "__wrapped__") else None
        fixture = (fill or table.regency.__pytest_wrapped__.obj)(config, _Folders(folder))
        app = next(fixture)
        ours = baseline = 0
        with app.app_context():
            db.session.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            db.session.execute(text(DOCUMENTS))
            for lang, q, expected in table.ROWS:
                found = [r[0] for r in db.session.execute(text(FULL_TEXT), {"q": q})]
                found = found or [r[0] for r in db.session.execute(text(TRIGRAM), {"q": q})]
                with app.test_request_context(f"/{lang}/search"):
                    g.lang = lang
                    page = search_page(read_params(MultiDict({"q": q}), lang), record=False)
                    mine = [
                        r.item.slug if r.kind != "product" else r.item.business.slug
                        for r in page.results[:3]
                    ]
                ours += expected in mine
                baseline += expected in found
                mark = ("ok  " if expected in mine else "MISS") + (
                    " ok  " if expected in found else " miss"
                )
                print(f"{mark}  {lang:3s} {q!r:28s} → {expected}")
            db.session.rollback()
        print(f"\nthis search: {ours} of {len(table.ROWS)}; PostgreSQL baseline: {baseline}")
        next(fixture, None)


class _Folders:
    """What the table fixture asks pytest for: a folder."""

    def __init__(self, root: str) -> None:
        self.root = Path(root)

    def mktemp(self, name: str) -> Path:
        path = self.root / name
        path.mkdir()
        return path


if __name__ == "__main__":
    main()
