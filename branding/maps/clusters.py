"""Bounding boxes and server-side clustering for the map's GeoJSON."""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_ZOOM = 18
CELLS_PER_TILE = 4  # a cluster gathers the points of a quarter of a 256-pixel tile: 64 pixels


@dataclass(frozen=True)
class Box:
    """A bounding box in degrees: west, south, east, north (GeoJSON's order)."""

    west: float
    south: float
    east: float
    north: float


def parse_bbox(text: str | None) -> Box | None:
    """Read ``west,south,east,north``; None when absent; ValueError when it is not a box."""
    if not text:
        return None
    parts = [float(p) for p in text.split(",")]
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise ValueError("a box is four numbers: west,south,east,north")
    west, south, east, north = parts
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError("a box is west,south,east,north in degrees")
    return Box(west, south, east, north)


def parse_zoom(text: str | None) -> int | None:
    """Read a zoom level 0–18; None when absent; ValueError otherwise."""
    if not text:
        return None
    zoom = int(text)
    if not 0 <= zoom <= MAX_ZOOM:
        raise ValueError("zoom is 0 to 18")
    return zoom


def _cell(latitude: float, longitude: float, zoom: int) -> tuple[int, int]:
    """Return the grid cell of a point at a zoom level, in Web Mercator (as the map draws)."""
    scale = (2**zoom) * CELLS_PER_TILE
    x = (longitude + 180) / 360
    sine = math.sin(math.radians(max(-85.0, min(85.0, latitude))))
    y = 0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi)
    return int(x * scale), int(y * scale)


@dataclass
class Cluster:
    """Points gathered in one cell: how many, where their middle is, the first one's key."""

    count: int
    latitude: float
    longitude: float
    first: tuple


def cluster(points: list[tuple], zoom: int) -> list[Cluster]:
    """Gather ``(key, latitude, longitude)`` points by grid cell; a cell of one is a point."""
    cells: dict[tuple[int, int], Cluster] = {}
    for key, latitude, longitude in points:
        cell = _cell(latitude, longitude, zoom)
        found = cells.get(cell)
        if found is None:
            cells[cell] = Cluster(1, latitude, longitude, key)
        else:
            found.count += 1
            found.latitude += latitude
            found.longitude += longitude
    for found in cells.values():
        found.latitude /= found.count
        found.longitude /= found.count
    return list(cells.values())
