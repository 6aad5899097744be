"""Scenes with people for the sample illustrations: festivals, stages, markets, stalls, shops."""

from __future__ import annotations

from pakpak_sample.illustrated_nature import FAR_HILLS, GREENS
from pakpak_sample.illustrated_places import WOOD, meadow
from pakpak_sample.illustration_kit import (
    CLOTHES,
    OLES,
    WHITE,
    Canvas,
    Color,
    bunting,
    crowd,
    height_at,
    hills,
    mix,
    path,
    person,
    round_tree,
    sky,
    vary,
)

AWNINGS = ((200, 50, 45), (40, 110, 170), (235, 170, 40), (50, 140, 90), (210, 90, 40))
PRODUCE = ((240, 140, 30), (120, 170, 60), (200, 40, 40), (240, 200, 60), (110, 60, 40))


def umbul_umbul(c: Canvas, x: float, ground: float, height: float) -> None:
    """Draw a tall bamboo pole bending at the top, with a long narrow banner hanging from it."""
    bend = height * 0.12
    pole = [(x, ground), (x + bend * 0.2, ground - height * 0.7), (x + bend, ground - height)]
    c.draw.line(pole, fill=(170, 140, 80), width=max(3, int(height * 0.012)))
    color, stripe = c.rng.sample(CLOTHES[:7], 2)
    top, width = ground - height * 0.92, height * 0.06
    banner = [
        (x + 4, top),
        (x + 4 + width, top),
        (x + 4 + width * 0.9, top + height * 0.55),
        (x + 4 + width * 0.45, top + height * 0.62),
        (x + 4, top + height * 0.55),
    ]
    c.draw.polygon(banner, fill=color)
    c.draw.rectangle(
        (x + 4 + width * 0.35, top, x + 4 + width * 0.6, top + height * 0.56), fill=stripe
    )


def stage(c: Canvas, cx: float, floor: float, half: float, night: bool) -> tuple[float, float]:
    """Draw a stage with a backdrop and a roof; return its floor's left and right edges."""
    rng = c.rng
    height = half * 0.75
    backdrop = (60, 40, 70) if night else vary(rng, rng.choice(AWNINGS), 10)
    c.draw.rectangle((cx - half, floor - height, cx + half, floor), fill=backdrop)
    red, black, white, gold = OLES
    for k in range(0, 12):  # a border of Pakpak colours round the backdrop
        x = cx - half + k * half * 2 / 12
        c.draw.rectangle(
            (x, floor - height, x + half / 6, floor - height + 18), fill=(red, black, white)[k % 3]
        )
    roof = (40, 40, 50) if night else (235, 235, 230)
    c.draw.polygon(
        [
            (cx - half * 1.15, floor - height),
            (cx, floor - height * 1.45),
            (cx + half * 1.15, floor - height),
        ],
        fill=roof,
    )
    c.draw.rectangle(
        (cx - half * 1.1, floor, cx + half * 1.1, floor + half * 0.12), fill=(90, 60, 40)
    )
    if night:
        lights = []
        for k in range(5):
            x = cx - half + k * half / 2
            lights.append(
                (
                    "polygon",
                    [(x, floor - height), (x - half * 0.25, floor), (x + half * 0.25, floor)],
                )
            )
            c.draw.ellipse((x - 10, floor - height - 10, x + 10, floor - height + 10), fill=gold)
        c.veil((255, 230, 160), lights, 55)
    return cx - half, cx + half


def festival(c: Canvas) -> None:
    """A festival ground: a stage, tall banners (umbul-umbul), bunting and a crowd."""
    rng = c.rng
    meadow(c, 0.6)
    cx, half = c.x(rng.uniform(0.42, 0.58)), min(c.x(0.22), c.s * 0.33)
    floor = c.y(0.66)
    stage(c, cx, floor, half, night=False)
    for _ in range(3):
        person(c, cx + rng.uniform(-0.7, 0.7) * half, floor, c.s * 0.12, rng.choice(CLOTHES))
    poles = sorted(c.x(rng.uniform(0.02, 0.3)) for _ in range(3)) + sorted(
        c.x(rng.uniform(0.7, 0.98)) for _ in range(3)
    )
    tops = []
    for x in poles:
        height = c.h * rng.uniform(0.55, 0.7)
        umbul_umbul(c, x, c.y(0.78), height)
        tops.append((x, c.y(0.78) - height * 0.9))
    bunting(c, tops[2], (cx - half, floor - half * 0.9), c.y(0.05), c.s * 0.03)
    bunting(c, (cx + half, floor - half * 0.9), tops[3], c.y(0.05), c.s * 0.03)
    crowd(c, 0.74, 0.92, rows=4)


def drum_night(c: Canvas) -> None:
    """An evening performance: drummers with a row of drums on a lit stage, an audience."""
    rng = c.rng
    c.fill((0, 0, c.w, c.h), (15, 20, 50), (60, 50, 80))
    for _ in range(60):  # stars
        x, y, r = rng.uniform(0, c.w), rng.uniform(0, c.y(0.35)), rng.uniform(1, 3)
        c.draw.ellipse((x - r, y - r, x + r, y + r), fill=(240, 240, 220))
    hills(c, 0.45, 0.55, (40, 45, 70), (25, 35, 40), layers=2)
    cx, half = c.x(0.5), min(c.x(0.3), c.s * 0.45)
    floor = c.y(0.7)
    stage(c, cx, floor, half, night=True)
    count = rng.randint(4, 6)
    for k in range(count):  # drums of falling size, as in a genderang set
        x = cx - half * 0.75 + k * half * 1.5 / (count - 1)
        r = half * (0.1 - 0.008 * k)
        body = vary(rng, (150, 60, 35), 10)
        c.draw.rectangle((x - r, floor - r * 3.2, x + r, floor - r * 0.6), fill=body)
        c.draw.ellipse((x - r, floor - r * 3.6, x + r, floor - r * 2.8), fill=(225, 205, 160))
        for band in (0.35, 0.55, 0.75):
            y = floor - r * 3.2 + r * 2.6 * band
            c.draw.line([(x - r, y), (x + r, y)], fill=OLES[2], width=3)
    for k in range(3):
        person(c, cx + (k - 1) * half * 0.55, floor - half * 0.02, half * 0.38, (30, 25, 25))
    crowd(c, 0.8, 0.95, rows=3)


def choir(c: Canvas) -> None:
    """A choir in matching clothes standing in rows on a stage, with an audience."""
    rng = c.rng
    c.fill((0, 0, c.w, c.h), (110, 40, 50), (60, 25, 30))
    cx, half = c.x(0.5), min(c.x(0.38), c.s * 0.6)
    floor = c.y(0.72)
    for k in range(8):  # curtain folds
        x = cx - half * 1.3 + k * half * 2.6 / 8
        c.draw.rectangle((x, 0, x + half * 0.12, floor), fill=(130, 50, 60))
    robe = rng.choice(((240, 240, 235), (40, 60, 120), (120, 30, 40)))
    for row in range(3):  # back row first, standing higher on risers
        size, y = c.s * (0.24 + 0.03 * row), floor - c.y(0.12 * (2 - row))
        count = 6 + row
        for k in range(count):
            x = cx + (k - (count - 1) / 2) * size * 0.42 + rng.uniform(-4, 4)
            person(c, x, y, size, robe)
    c.draw.rectangle((0, floor, c.w, floor + c.y(0.04)), fill=(100, 70, 45))
    crowd(c, 0.82, 0.95, rows=2)


def stall(c: Canvas, x0: float, x1: float, ground: float, goods: str) -> None:
    """Draw a market stall: a table of goods under a striped awning."""
    rng = c.rng
    width = x1 - x0
    top = ground - width * 0.9
    color = rng.choice(AWNINGS)
    for px in (x0 + 6, x1 - 6):
        c.draw.line([(px, top), (px, ground)], fill=(90, 70, 50), width=6)
    c.draw.rectangle((x0, ground - width * 0.35, x1, ground - width * 0.3), fill=(120, 85, 55))
    c.draw.rectangle((x0 + 8, ground - width * 0.3, x1 - 8, ground), fill=(150, 110, 70))
    for _ in range(40 if goods == "produce" else 5):
        gx = x0 + width * rng.uniform(0.08, 0.92)
        gy = ground - width * 0.35 - rng.uniform(0, width * 0.08)
        if goods == "produce":
            r = width * 0.04
            c.draw.ellipse((gx - r, gy - r, gx + r, gy + r), fill=vary(rng, rng.choice(PRODUCE), 8))
        else:  # pots and plates of food
            r = width * 0.07
            c.draw.rectangle((gx - r, gy - r * 1.1, gx + r, gy), fill=(170, 170, 175))
            c.draw.ellipse((gx - r, gy - r * 1.4, gx + r, gy - r * 0.8), fill=(230, 190, 90))
    stripes = 6
    for k in range(stripes):  # the awning
        a, b = x0 - 10 + (width + 20) * k / stripes, x0 - 10 + (width + 20) * (k + 1) / stripes
        fill = color if k % 2 == 0 else WHITE
        c.draw.polygon(
            [(a, top + width * 0.2), (b, top + width * 0.2), (b, top), (a, top)], fill=fill
        )
        c.draw.pieslice((a, top + width * 0.1, b, top + width * 0.3), 0, 180, fill=fill)


def market(c: Canvas, goods: str = "produce", people: bool = True) -> None:
    """A row of stalls selling fruit and vegetables, and shoppers among them."""
    rng = c.rng
    sky(c, 0.5)
    hills(c, 0.35, 0.45, rng.choice(FAR_HILLS), rng.choice(GREENS), layers=2)
    c.fill((0, c.y(0.45), c.w, c.h), (200, 190, 170), (160, 150, 135))
    count = 4 if c.w > c.h else 3
    width = c.w / count
    for k in range(count):
        x0 = k * width + width * 0.06
        stall(c, x0, x0 + width * 0.88, c.y(0.76) - (k % 2) * c.y(0.02), goods)
    if people:
        crowd(c, 0.8, 0.95, rows=2)


def food_stalls(c: Canvas) -> None:
    market(c, goods="food", people=False)


def exhibition(c: Canvas) -> None:
    """An exhibition ground: rows of white peaked tents, banners and visitors."""
    rng = c.rng
    meadow(c, 0.5)
    for row, scale in ((0.62, 0.7), (0.8, 1.0)):
        size = c.s * 0.2 * scale
        x = -rng.uniform(0, size)
        while x < c.w + size:
            ground = c.y(row)
            c.draw.rectangle(
                (x - size, ground - size * 0.7, x + size, ground), fill=(235, 235, 230)
            )
            c.draw.rectangle(
                (x - size * 0.8, ground - size * 0.5, x + size * 0.8, ground), fill=(90, 80, 75)
            )
            c.draw.polygon(
                [
                    (x - size * 1.1, ground - size * 0.7),
                    (x, ground - size * 1.5),
                    (x + size * 1.1, ground - size * 0.7),
                ],
                fill=WHITE,
            )
            c.draw.rectangle(
                (x - size, ground - size * 0.78, x + size, ground - size * 0.66),
                fill=rng.choice(AWNINGS),
            )
            for _ in range(5):  # goods on the tables
                gx, r = x + rng.uniform(-0.7, 0.7) * size, size * 0.06
                c.draw.rectangle(
                    (gx - r, ground - size * 0.5 - r * 2, gx + r, ground - size * 0.5),
                    fill=rng.choice(PRODUCE + OLES[:1]),
                )
            x += size * 2.3
    crowd(c, 0.84, 0.96, rows=2)


def race(c: Canvas) -> None:
    """A start arch over a road through the hills, with flags along the side."""
    rng = c.rng
    sky(c, 0.55)
    ridges = hills(c, 0.4, 0.6, rng.choice(FAR_HILLS), rng.choice(GREENS), layers=3)
    far_x = c.x(rng.uniform(0.35, 0.65))
    path(c, c.x(0.5), (far_x, height_at(ridges[-1], far_x) + 4), 0.2, (190, 165, 120), 0.08)
    cx, half, top = c.x(0.5), c.x(0.3), c.y(0.4)
    color = rng.choice(AWNINGS)
    for side in (-1, 1):
        c.draw.rectangle((cx + side * half - 15, top, cx + side * half + 15, c.y(0.9)), fill=color)
    c.draw.rectangle((cx - half - 25, top - c.y(0.1), cx + half + 25, top), fill=color)
    square = c.y(0.05)
    for k in range(int(half * 2 / square)):  # a chequered band
        for row in range(2):
            if (k + row) % 2 == 0:
                x, y = cx - half + k * square, top - c.y(0.1) + row * square
                c.draw.rectangle((x, y, x + square, y + square), fill=(25, 25, 25))
    for k in range(6):
        x = c.x(0.04 + 0.18 * k)
        if abs(x - cx) > half * 0.9:
            umbul_umbul(c, x, c.y(0.95), c.h * 0.5)
    for k in range(rng.randint(2, 4)):
        person(
            c,
            cx + rng.uniform(-0.5, 0.5) * half,
            c.y(0.8 + 0.04 * k),
            c.s * 0.12,
            rng.choice(CLOTHES),
        )


def shop(c: Canvas) -> None:
    """The front of a small shop (warung): a striped awning, an open counter, goods, plants."""
    rng = c.rng
    sky(c, 0.3)
    wall = vary(
        rng, rng.choice(((235, 215, 170), (200, 225, 210), (240, 205, 180), (215, 200, 230))), 8
    )
    c.draw.rectangle((0, c.y(0.12), c.w, c.y(0.85)), fill=wall)
    c.draw.rectangle((0, c.y(0.12), c.w, c.y(0.2)), fill=mix(wall, (80, 60, 50), 0.4))
    sign = rng.choice(AWNINGS)
    c.draw.rounded_rectangle((c.x(0.3), c.y(0.05), c.x(0.7), c.y(0.17)), radius=12, fill=sign)
    c.draw.rounded_rectangle(
        (c.x(0.33), c.y(0.08), c.x(0.67), c.y(0.14)), radius=8, outline=WHITE, width=5
    )
    counter_x0, counter_x1 = c.x(0.12), c.x(0.62)
    c.draw.rectangle((counter_x0, c.y(0.35), counter_x1, c.y(0.85)), fill=(70, 50, 40))
    for k in range(3):  # shelves of jars, bags and packets
        y = c.y(0.45 + 0.1 * k)
        c.draw.rectangle((counter_x0, y, counter_x1, y + 8), fill=rng.choice(WOOD))
        x = counter_x0 + 10
        while x < counter_x1 - 30:
            size = c.s * rng.uniform(0.03, 0.05)
            c.draw.rectangle((x, y - size * 1.4, x + size, y), fill=rng.choice(CLOTHES + AWNINGS))
            x += size * 1.3
    c.draw.rectangle((counter_x0 - 10, c.y(0.7), counter_x1 + 10, c.y(0.85)), fill=rng.choice(WOOD))
    door = (c.x(0.7), c.y(0.35), c.x(0.86), c.y(0.85))
    c.draw.rectangle(door, fill=rng.choice(WOOD))
    c.draw.rectangle((door[0] + 15, door[1] + 15, door[2] - 15, c.y(0.55)), fill=(190, 215, 230))
    _awning(c, rng.choice(AWNINGS), c.y(0.24), c.y(0.34))
    c.fill((0, c.y(0.85), c.w, c.h), (170, 165, 160), (130, 125, 120))
    for x in (c.x(0.05), c.x(0.94)):  # potted plants
        pot = c.s * 0.05
        c.draw.polygon(
            [
                (x - pot, c.y(0.8)),
                (x + pot, c.y(0.8)),
                (x + pot * 0.7, c.y(0.9)),
                (x - pot * 0.7, c.y(0.9)),
            ],
            fill=(180, 90, 50),
        )
        round_tree(c, x, c.y(0.8), pot * 1.3, rng.choice(GREENS))


def _awning(c: Canvas, color: Color, top: float, bottom: float) -> None:
    stripes = 14
    for k in range(stripes):
        a, b = c.w * k / stripes, c.w * (k + 1) / stripes
        fill = color if k % 2 == 0 else WHITE
        c.draw.polygon([(a, top), (b, top), (b + 8, bottom), (a - 8, bottom)], fill=fill)
        c.draw.pieslice(
            (a - 8, bottom - (b - a) / 2, b + 8, bottom + (b - a) / 2), 0, 180, fill=fill
        )
