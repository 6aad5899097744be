"""Drawing helpers for the sample illustrations: skies, hills, trees, people and patterns.

Everything is drawn with Pillow shapes on a canvas sized by the caller; positions are
fractions of the canvas, so a scene works landscape or square. Randomness comes only from
the canvas's own ``random.Random``, seeded from a text, so a picture is the same every time.
"""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageOps

Color = tuple[int, int, int]
Point = tuple[float, float]

WHITE: Color = (250, 250, 246)
SKIN: tuple[Color, ...] = ((120, 80, 55), (150, 105, 70), (96, 64, 44), (170, 125, 90))
CLOTHES: tuple[Color, ...] = (
    (190, 40, 40),
    (240, 240, 235),
    (30, 30, 35),
    (230, 170, 40),
    (40, 90, 160),
    (60, 130, 80),
    (200, 90, 140),
    (120, 70, 150),
    (235, 120, 50),
)
# Pakpak cloth and ornament colours: red, black and white, with gold.
OLES: tuple[Color, ...] = ((150, 30, 35), (28, 24, 24), (238, 232, 220), (205, 160, 60))


def rng_for(seed: str) -> random.Random:
    """Return a random generator that gives the same numbers for the same seed text."""
    return random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))


def mix(a: Color, b: Color, t: float) -> Color:
    """Return the colour ``t`` of the way from ``a`` to ``b``."""
    red, green, blue = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return red, green, blue


def vary(rng: random.Random, color: Color, amount: int = 14) -> Color:
    """Return a colour nudged a little, each channel on its own."""
    red, green, blue = (max(0, min(255, c + rng.randint(-amount, amount))) for c in color)
    return red, green, blue


def gradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    """Return an image that fades from ``top`` to ``bottom`` (a resized 1×256 ramp: fast)."""
    ramp = Image.linear_gradient("L").resize((1, 256))
    return ImageOps.colorize(ramp, black=top, white=bottom).resize(size, Image.Resampling.BILINEAR)


@dataclass
class Canvas:
    """An image being drawn, its drawing context and its seeded randomness."""

    image: Image.Image
    rng: random.Random
    draw: ImageDraw.ImageDraw = field(init=False)

    def __post_init__(self) -> None:
        self.draw = ImageDraw.Draw(self.image)

    @property
    def w(self) -> int:
        return self.image.width

    @property
    def h(self) -> int:
        return self.image.height

    @property
    def s(self) -> int:
        """The shorter side: the unit for things that should keep their shape."""
        return min(self.w, self.h)

    def x(self, fraction: float) -> float:
        return fraction * self.w

    def y(self, fraction: float) -> float:
        return fraction * self.h

    def fill(self, box: tuple[float, float, float, float], top: Color, bottom: Color) -> None:
        """Fill a box with a vertical gradient."""
        left, upper, right, lower = (round(v) for v in box)
        if right > left and lower > upper:
            self.image.paste(gradient((right - left, lower - upper), top, bottom), (left, upper))

    def veil(self, color: Color, shapes: list[tuple[str, list]], strength: int) -> None:
        """Lay a see-through colour over ellipses and polygons (mist, spray, light)."""
        mask = Image.new("L", self.image.size, 0)
        pen = ImageDraw.Draw(mask)
        for kind, coords in shapes:
            (pen.ellipse if kind == "ellipse" else pen.polygon)(coords, fill=strength)
        self.image.paste(color, (0, 0), mask)


def new_canvas(size: tuple[int, int], seed: str) -> Canvas:
    return Canvas(Image.new("RGB", size, WHITE), rng_for(seed))


SKIES: tuple[tuple[Color, Color], ...] = (
    ((92, 154, 214), (214, 232, 240)),  # clear morning
    ((120, 170, 220), (238, 226, 200)),  # hazy warm
    ((70, 140, 205), (190, 225, 235)),  # bright noon
    ((150, 170, 205), (250, 214, 170)),  # golden hour
)


def sky(c: Canvas, horizon: float = 1.0, colors: tuple[Color, Color] | None = None) -> None:
    """Paint a sky down to ``horizon`` (a fraction of the height), with a few clouds."""
    top, bottom = colors or c.rng.choice(SKIES)
    c.fill((0, 0, c.w, c.y(horizon)), top, bottom)
    for _ in range(c.rng.randint(2, 4)):
        cloud(c, c.rng.uniform(0.05, 0.95) * c.w, c.rng.uniform(0.06, 0.3) * c.h * horizon)


def cloud(c: Canvas, x: float, y: float) -> None:
    """Draw a soft cloud of overlapping white ellipses."""
    size = c.s * c.rng.uniform(0.05, 0.09)
    color = mix(WHITE, (225, 232, 240), c.rng.random() * 0.5)
    for _ in range(5):
        dx, dy = c.rng.uniform(-2.2, 2.2) * size, c.rng.uniform(-0.4, 0.3) * size
        r = size * c.rng.uniform(0.6, 1.1)
        c.draw.ellipse((x + dx - r * 1.4, y + dy - r, x + dx + r * 1.4, y + dy + r), fill=color)


def sun(c: Canvas, x: float, y: float, radius: float, color: Color = (255, 236, 170)) -> None:
    """Draw a sun with a faint halo."""
    halo = radius * 2.2
    c.veil(color, [("ellipse", [x - halo, y - halo, x + halo, y + halo])], 70)
    c.draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=color)


def ridge(c: Canvas, base: float, height: float, waves: int = 3, steps: int = 48) -> list[Point]:
    """Return the top line of a hill range: a sum of gentle waves across the canvas."""
    parts = [
        (c.rng.uniform(0.5, 1.0) / (k + 1), c.rng.uniform(0.6, 1.6) * (k + 1), c.rng.random() * 6.3)
        for k in range(waves)
    ]
    total = sum(a for a, _, _ in parts)
    points = []
    for i in range(steps + 1):
        t = i / steps
        wave = sum(a * math.sin(math.tau * f * t + p) for a, f, p in parts) / total
        points.append((t * c.w, c.y(base) - c.y(height) * (0.5 + 0.5 * wave)))
    return points


def hill(c: Canvas, base: float, height: float, color: Color, waves: int = 3) -> list[Point]:
    """Draw a hill range down to the bottom edge and return its ridge."""
    line = ridge(c, base, height, waves)
    c.draw.polygon([*line, (c.w, c.h), (0, c.h)], fill=color)
    return line


def hills(
    c: Canvas, start: float, end: float, far: Color, near: Color, layers: int = 3
) -> list[list[Point]]:
    """Draw hill ranges from far (pale, high) to near (rich, low); return their ridges."""
    ridges = []
    for i in range(layers):
        t = i / max(1, layers - 1)
        base = start + (end - start) * t
        ridges.append(hill(c, base, 0.08 + 0.08 * t, vary(c.rng, mix(far, near, t), 8)))
    return ridges


def height_at(line: list[Point], x: float) -> float:
    """Return the ridge's y at ``x`` (the nearest sampled point)."""
    return min(line, key=lambda p: abs(p[0] - x))[1]


def round_tree(c: Canvas, x: float, ground: float, size: float, leaf: Color) -> None:
    """Draw a broad tree: a trunk and a crown of overlapping ellipses."""
    trunk = mix(leaf, (70, 45, 30), 0.7)
    c.draw.rectangle((x - size * 0.08, ground - size * 0.9, x + size * 0.08, ground), fill=trunk)
    for dx, dy, r, shade in (
        (-0.35, -1.0, 0.45, 0.15),
        (0.35, -1.05, 0.45, 0.0),
        (0.0, -1.35, 0.55, -0.12),
        (0.0, -0.95, 0.5, 0.05),
    ):
        color = mix(leaf, (0, 0, 0), shade) if shade > 0 else mix(leaf, WHITE, -shade)
        cx, cy, rr = x + dx * size, ground + dy * size, r * size
        c.draw.ellipse((cx - rr, cy - rr * 0.85, cx + rr, cy + rr * 0.85), fill=color)


def fruit_on(c: Canvas, x: float, ground: float, size: float, color: Color, count: int) -> None:
    """Dot fruit over a round tree's crown."""
    for _ in range(count):
        fx = x + c.rng.uniform(-0.65, 0.65) * size
        fy = ground + c.rng.uniform(-1.65, -0.65) * size
        r = size * 0.06
        c.draw.ellipse((fx - r, fy - r, fx + r, fy + r), fill=vary(c.rng, color, 10))


def tall_tree(c: Canvas, x: float, ground: float, height: float, leaf: Color) -> None:
    """Draw a tall forest tree: a slim trunk and a high, layered crown."""
    trunk = mix(leaf, (60, 40, 30), 0.75)
    width = height * 0.035
    c.draw.polygon(
        [
            (x - width, ground),
            (x - width * 0.6, ground - height),
            (x + width * 0.6, ground - height),
            (x + width, ground),
        ],
        fill=trunk,
    )
    for k in range(3):
        r = height * (0.24 - 0.05 * k)
        cy = ground - height * (0.8 + 0.12 * k)
        color = mix(leaf, WHITE, 0.06 * k)
        c.draw.ellipse((x - r * 1.3, cy - r * 0.6, x + r * 1.3, cy + r * 0.6), fill=color)


def shrub(c: Canvas, x: float, ground: float, size: float, leaf: Color) -> None:
    """Draw a low bush of three ellipses."""
    for dx, r, shade in ((-0.5, 0.55, 0.1), (0.5, 0.55, 0.1), (0.0, 0.7, 0.0)):
        cx, rr = x + dx * size, r * size
        c.draw.ellipse(
            (cx - rr, ground - rr * 1.5, cx + rr, ground + rr * 0.1),
            fill=mix(leaf, (0, 0, 0), shade),
        )


def person(c: Canvas, x: float, ground: float, height: float, cloth: Color) -> None:
    """Draw a simple standing person: a body shape and a round head."""
    head = height * 0.13
    skin = c.rng.choice(SKIN)
    c.draw.polygon(
        [
            (x - height * 0.16, ground),
            (x - height * 0.12, ground - height * 0.72),
            (x + height * 0.12, ground - height * 0.72),
            (x + height * 0.16, ground),
        ],
        fill=cloth,
    )
    cy = ground - height * 0.72 - head * 0.95
    c.draw.ellipse((x - head, cy - head, x + head, cy + head), fill=skin)
    c.draw.chord(
        (x - head, cy - head * 1.05, x + head, cy + head * 0.6), 180, 360, fill=(30, 25, 25)
    )


def crowd(c: Canvas, top: float, bottom: float, rows: int = 4) -> None:
    """Draw rows of people seen from behind, smaller towards the back."""
    for row in range(rows):
        t = row / max(1, rows - 1)
        y = c.y(top + (bottom - top) * t)
        size = c.s * (0.035 + 0.05 * t)
        x = -c.rng.uniform(0, size)
        while x < c.w + size:
            cloth, skin = c.rng.choice(CLOTHES), c.rng.choice(SKIN)
            dy = c.rng.uniform(-0.15, 0.15) * size
            c.draw.ellipse(
                (x - size * 0.9, y + dy, x + size * 0.9, y + dy + size * 2.6), fill=cloth
            )
            hair = (30, 25, 25) if c.rng.random() < 0.8 else skin
            r = size * 0.42
            c.draw.ellipse((x - r, y + dy - r * 1.6, x + r, y + dy + r * 0.3), fill=hair)
            x += size * c.rng.uniform(1.3, 1.9)


def path(
    c: Canvas, start_x: float, end: Point, width: float, color: Color, bends: float = 0.12
) -> list[Point]:
    """Draw a path from the bottom edge to a far point, narrowing; return its centre line."""
    steps, left, right, middle = 30, [], [], []
    phase = c.rng.random() * 6.3
    for i in range(steps + 1):
        t = i / steps
        centre = start_x + (end[0] - start_x) * t + c.w * bends * math.sin(phase + t * 5) * (1 - t)
        y = c.h + (end[1] - c.h) * (t**0.7)
        half = c.w * width * (1 - t) ** 1.3 + 2
        left.append((centre - half, y))
        right.append((centre + half, y))
        middle.append((centre, y))
    c.draw.polygon(left + right[::-1], fill=color)
    return middle


def bunting(c: Canvas, a: Point, b: Point, sag: float, size: float) -> None:
    """Draw a string of small triangular flags hanging between two points."""
    count = max(3, int(abs(b[0] - a[0]) / (size * 1.5)))
    points = []
    for i in range(count + 1):
        t = i / count
        points.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t)))
    c.draw.line(points, fill=(60, 50, 40), width=max(1, int(size * 0.08)))
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        color = c.rng.choice(CLOTHES)
        c.draw.polygon([(x1, y1), (x2, y2), ((x1 + x2) / 2, (y1 + y2) / 2 + size)], fill=color)


def rotated_ellipse(cx: float, cy: float, rx: float, ry: float, angle: float) -> list[Point]:
    """Return a polygon for an ellipse turned by ``angle`` radians."""
    cos, sin = math.cos(angle), math.sin(angle)
    points = []
    for i in range(20):
        t = math.tau * i / 20
        x, y = rx * math.cos(t), ry * math.sin(t)
        points.append((cx + x * cos - y * sin, cy + x * sin + y * cos))
    return points


def oles_pattern(c: Canvas, size: tuple[int, int], base: Color | None = None) -> Image.Image:
    """Return a striped cloth in Pakpak colours: bands, thin lines and rows of diamonds."""
    red, black, white, gold = OLES
    width, height = size
    cloth = Image.new("RGB", size, base or c.rng.choice((red, black, mix(red, black, 0.4))))
    pen = ImageDraw.Draw(cloth)
    y, unit = 0.0, height / c.rng.randint(9, 14)
    while y < height:
        kind = c.rng.random()
        if kind < 0.35:  # thin lines
            for k in range(3):
                pen.rectangle(
                    (0, y + k * unit * 0.16, width, y + k * unit * 0.16 + unit * 0.06),
                    fill=c.rng.choice((white, gold)),
                )
        elif kind < 0.7:  # a row of diamonds
            d, color = unit * 0.35, c.rng.choice((white, gold, red))
            for x in range(0, width + int(d * 2), max(1, int(d * 2.2))):
                pen.polygon(
                    [
                        (x, y + unit * 0.1),
                        (x + d, y + unit * 0.45),
                        (x, y + unit * 0.8),
                        (x - d, y + unit * 0.45),
                    ],
                    fill=color,
                )
        else:  # a solid band
            pen.rectangle((0, y + unit * 0.15, width, y + unit * 0.75), fill=c.rng.choice(OLES))
        y += unit
    return cloth


def weave_pattern(c: Canvas, size: tuple[int, int], light: Color, cell: int) -> Image.Image:
    """Return a plaited-pandanus look: cells alternately lighter and darker, with a band."""
    dark = mix(light, (90, 60, 30), 0.35)
    cols, rows = size[0] // cell + 2, size[1] // cell + 2
    small = Image.new("RGB", (cols * 4, rows * 4), light)
    pen = ImageDraw.Draw(small)
    band = c.rng.choice(OLES[:2] + ((40, 110, 70), (170, 90, 40)))
    band_row = c.rng.randint(2, max(2, rows - 3))
    for i in range(cols):
        for j in range(rows):
            color = band if abs(j - band_row) <= (i + j) % 2 else (light if (i + j) % 2 else dark)
            if (i + j) % 2:
                pen.rectangle((i * 4, j * 4 + 1, i * 4 + 3, j * 4 + 2), fill=mix(color, WHITE, 0.1))
            else:
                pen.rectangle((i * 4 + 1, j * 4, i * 4 + 2, j * 4 + 3), fill=color)
                pen.point([(i * 4, j * 4), (i * 4 + 3, j * 4 + 3)], fill=mix(color, dark, 0.5))
    grown = small.resize((cols * cell, rows * cell), Image.Resampling.NEAREST)
    return grown.crop((0, 0, *size))


def paste_shape(c: Canvas, make_pattern, polygon: list[Point]) -> None:
    """Fill a polygon with a pattern made just big enough: ``make_pattern((width, height))``."""
    left, top = int(min(x for x, _ in polygon)), int(min(y for _, y in polygon))
    right, bottom = int(max(x for x, _ in polygon)) + 1, int(max(y for _, y in polygon)) + 1
    mask = Image.new("L", (right - left, bottom - top), 0)
    ImageDraw.Draw(mask).polygon([(x - left, y - top) for x, y in polygon], fill=255)
    c.image.paste(make_pattern(mask.size), (left, top), mask)
