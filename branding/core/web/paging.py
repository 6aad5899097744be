"""What the pager macro asks of a page of anything: whether there is a page before or after."""

from __future__ import annotations

from typing import Protocol


class Numbered(Protocol):
    @property
    def page(self) -> int: ...

    @property
    def pages(self) -> int: ...


class Pager:
    """The navigation of a numbered page, shaped like Flask-SQLAlchemy's pagination; a class
    mixing it in gives ``page`` and ``pages`` (how many pages in all)."""

    @property
    def has_prev(self: Numbered) -> bool:
        return self.page > 1

    @property
    def has_next(self: Numbered) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self: Numbered) -> int:
        return self.page - 1

    @property
    def next_num(self: Numbered) -> int:
        return self.page + 1
