"""The reference page every page benchmark is measured against, in the same run.

A minimal Flask application: one SQLAlchemy ORM query of 20 rows from a SQLite file, rendered
by a Jinja template. Serve it with ``gunicorn 'reference_app:create_app()'`` from ``bench/``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flask import Flask, render_template_string
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1><ul>
{% for row in rows %}<li><a href="/items/{{ row.id }}">{{ row.name }}</a> {{ row.note }}</li>
{% endfor %}</ul></body></html>"""


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(String(200))


def create_app() -> Flask:
    """Create the reference app on a SQLite file of 20 rows (made once)."""
    path = Path(os.environ.get("REFERENCE_DB", Path(tempfile.gettempdir()) / "reference.sqlite3"))
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        if session.scalar(select(Item.id).limit(1)) is None:
            rows = (Item(name=f"Item {n}", note=f"A note about item {n}") for n in range(20))
            session.add_all(rows)
            session.commit()
    app = Flask(__name__)

    @app.get("/")
    def index():
        """List the 20 rows."""
        with Session(engine) as session:
            rows = list(session.scalars(select(Item).order_by(Item.id)))
            return render_template_string(PAGE, title="Reference", rows=rows)

    return app
