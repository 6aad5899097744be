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


def cluster_within(points: list[tuple], zoom: int, most: int) -> tuple[list[Cluster], int]:
    """Gather ``(key, latitude, longitude)`` points by grid cell (a cell of one is a point)
    at the finest level up to ``zoom`` that makes at most ``most`` clusters (level 0 if
    none does); return the clusters and the level.

    Each point's cell is worked out once, at the finest level: a coarser level's cell is that
    cell's coordinates shifted right, so trying a level costs a pass of integer shifts, and
    the levels are tried by halving (cells only get fewer as the level drops).
    """
    fine = _finest(points)

    def cells(level: int) -> int:
        shift = MAX_ZOOM - level
        return len({(x >> shift, y >> shift) for _k, _lat, _lon, x, y in fine})

    if cells(zoom) <= most:
        return _gather(fine, zoom), zoom
    low, high = 0, zoom  # cells(high) > most; find the finest level with few enough
    while high - low > 1:
        middle = (low + high) // 2
        if cells(middle) <= most:
            low = middle
        else:
            high = middle
    return _gather(fine, low), low


def _finest(points: list[tuple]) -> list[tuple]:
    return [(key, lat, lon, *_cell(lat, lon, MAX_ZOOM)) for key, lat, lon in points]


def _gather(fine: list[tuple], zoom: int) -> list[Cluster]:
    shift, cells = MAX_ZOOM - zoom, dict[tuple[int, int], Cluster]()
    for key, latitude, longitude, x, y in fine:
        cell = (x >> shift, y >> shift)
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
