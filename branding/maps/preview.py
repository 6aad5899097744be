"""A sketch of the map drawn by the server: the places' pins on the map's colours, as SVG.

The map page shows it in the map's box from the first paint, so a visitor on a slow phone sees
where the places are before Leaflet (150 KB) and the tiles arrive; Leaflet then draws over it.
The pins are placed in Web Mercator, as Leaflet places them, inside a square in the middle of
the drawing; the background and grid reach far beyond it, so the drawing fills a box of any
shape (``xMidYMid slice`` would crop the pins of a wide or a tall box).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol


class Spot(Protocol):
    """Anything with a kind and a place: a sketch's pin, or a place of the map's list."""

    @property
    def kind(self) -> str: ...
    @property
    def latitude(self) -> float: ...
    @property
    def longitude(self) -> float: ...


SIZE = 600  # the square the pins fit in, in drawing units
MARGIN = 60  # keeps pins off the square's edges
REACH = 2400  # how far the background and grid reach beyond the square, every way
GRID = 60
COLOURS = {"destination": "#1f5f3f", "business": "#7a4a1f", "event": "#b5412b"}


def _mercator(latitude: float, longitude: float) -> tuple[float, float]:
    """Return Web Mercator x and y (both grow east and south) of a point, in radians."""
    clamped = max(min(latitude, 85.0), -85.0)
    return math.radians(longitude), -math.log(math.tan(math.pi / 4 + math.radians(clamped) / 2))


def _positions(places: Sequence[Spot]) -> list[tuple[str, float, float]]:
    """Return each place's kind and position inside the square, at one scale for x and y."""
    points = [(p.kind, *_mercator(p.latitude, p.longitude)) for p in places]
    if not points:
        return []
    xs, ys = [x for _k, x, _y in points], [y for _k, _x, y in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = (SIZE - 2 * MARGIN) / span
    left = (SIZE - (max(xs) - min(xs)) * scale) / 2
    top = (SIZE - (max(ys) - min(ys)) * scale) / 2
    return [(k, left + (x - min(xs)) * scale, top + (y - min(ys)) * scale) for k, x, y in points]


CELL = 12  # one pin per cell of this many drawing units: a pin is about 17 wide


def _thinned(positions: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """Keep one pin per small cell, so that thousands of places make a drawing of a few KB
    (overlapping pins would hide each other anyway); at most (SIZE / CELL)² pins remain."""
    kept: dict[tuple[int, int], tuple[str, float, float]] = {}
    for kind, x, y in positions:
        kept.setdefault((int(x // CELL), int(y // CELL)), (kind, x, y))
    return list(kept.values())


def _pin(kind: str, x: float, y: float) -> str:
    """Return an SVG teardrop pin whose tip is at (x, y), like the map's markers."""
    colour = COLOURS.get(kind, COLOURS["destination"])
    return (
        f'<path d="M{x:.1f} {y:.1f}l-8.5-11.5a10.6 10.6 0 1 1 17 0z" fill="{colour}"/>'
        f'<circle cx="{x:.1f}" cy="{y - 18.5:.1f}" r="3.6" fill="#fff"/>'
    )


def preview_svg(places: Sequence[Spot]) -> str:
    """Return the sketch of the places on the map as an SVG document."""
    low, high = -REACH, SIZE + REACH
    lines = "".join(f"M{v} {low}V{high}M{low} {v}H{high}" for v in range(low, high + 1, GRID))
    ridges = "".join(  # soft hills, the regency's landscape, under the pins
        f'<path d="M{low} {y}C{SIZE * 0.2:.0f} {y - 70} {SIZE * 0.45:.0f} {y + 60} '
        f'{SIZE * 0.7:.0f} {y - 30}S{high} {y - 40} {high} {y}V{high}H{low}z" '
        f'fill="#{shade}" fill-opacity=".55"/>'
        for y, shade in ((SIZE * 0.35, "d3e1d5"), (SIZE * 0.62, "c8d9cb"), (SIZE * 0.86, "bdd1c1"))
    )
    pins = "".join(
        _pin(kind, x, y) for kind, x, y in sorted(_thinned(_positions(places)), key=lambda p: p[2])
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
        f'preserveAspectRatio="xMidYMid meet" overflow="visible">'
        f'<rect x="{low}" y="{low}" width="{high - low}" height="{high - low}" fill="#dfe8e1"/>'
        f"{ridges}"
        f'<path d="{lines}" stroke="#fff" stroke-opacity=".5" stroke-width="1.2" fill="none"/>'
        f"{pins}</svg>"
    )
