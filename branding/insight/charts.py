"""Charts drawn on the server as SVG geometry; ``insight/_charts.html`` writes the markup.

No script and no style attribute: shapes carry classes, colours come from the stylesheet. Each
chart has a title and a description for screen readers, and the page puts a table of the same
numbers beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 28
ROW = 26  # height of a horizontal bar's row


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    left: float
    bottom: float
    right: float

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def nice_ceiling(value: int) -> int:
    """Round up to 1, 2 or 5 times a power of ten (at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def by_week(points: list[tuple[date, int]]) -> list[tuple[date, int]]:
    """Add daily points up into weeks (Monday first) for long periods."""
    weeks: dict[date, int] = {}
    for day, value in points:
        start = day - timedelta(days=day.weekday())
        weeks[start] = weeks.get(start, 0) + value
    return sorted(weeks.items())


def columns(points: list[tuple[date, int]], label, number=str) -> Chart:
    """A column per day (or week): ``label(day)`` and ``number(n)`` write the axis labels."""
    top = nice_ceiling(max((v for _, v in points), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(points), 1)
    gap = min(2.0, step * 0.2)
    bars = []
    for n, (day, value) in enumerate(points):
        height = plot_h * value / top
        bars.append(Bar(LEFT + n * step + gap / 2, TOP + plot_h - height, step - gap, height,
                        label(day), value))  # fmt: skip
    marks = sorted({0, len(points) // 2, len(points) - 1}) if points else []
    x_ticks = [Tick(LEFT + (n + 0.5) * step, label(points[n][0])) for n in marks]
    y_ticks = [Tick(TOP + plot_h * (1 - f), number(round(top * f))) for f in (0, 0.5, 1)]
    return Chart(WIDTH, HEIGHT, bars, x_ticks, y_ticks, LEFT, TOP + plot_h, WIDTH - RIGHT)


def bars(items: list[tuple[str, int]], label_width: int = 200) -> Chart:
    """Horizontal bars, one row per labelled value, longest first as given."""
    top = nice_ceiling(max((v for _, v in items), default=0))
    height = TOP + ROW * max(len(items), 1) + 4
    plot_w = WIDTH - label_width - RIGHT - 48  # room for the value after the bar
    rows = []
    for n, (name, value) in enumerate(items):
        length = max(plot_w * value / top, 1 if value else 0)
        rows.append(Bar(label_width, TOP + n * ROW + 4, length, ROW - 8, name, value))
    return Chart(WIDTH, height, rows, [], [], label_width, height, WIDTH - RIGHT)
