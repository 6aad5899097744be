"""Scenes with buildings for the sample illustrations: a Pakpak house, statues, a park, roads."""

from __future__ import annotations

from pakpak_sample.illustrated_nature import FAR_HILLS, GREENS, PATH
from pakpak_sample.illustration_kit import (
    CLOTHES,
    OLES,
    WHITE,
    Canvas,
    Color,
    crowd,
    height_at,
    hills,
    mix,
    path,
    person,
    round_tree,
    shrub,
    sky,
    sun,
    vary,
)

WOOD = ((120, 75, 45), (140, 90, 50), (105, 65, 40))
THATCH = ((48, 42, 38), (62, 52, 44), (40, 36, 34))  # black sugar-palm fibre (ijuk)


def meadow(c: Canvas, horizon: float) -> Color:
    """Paint sky, distant hills and a grassy foreground; return the grass colour."""
    sky(c, horizon + 0.05)
    hills(c, horizon - 0.12, horizon, c.rng.choice(FAR_HILLS), (110, 160, 100), layers=2)
    grass = c.rng.choice(GREENS)
    c.fill((0, c.y(horizon), c.w, c.h), mix(grass, WHITE, 0.15), mix(grass, (30, 60, 30), 0.2))
    return grass


def pakpak_house(c: Canvas) -> None:
    """A house on stilts with a steep saddle roof whose ends rise into points."""
    rng = c.rng
    grass = meadow(c, 0.62)
    for _ in range(2):
        x = c.x(rng.choice((rng.uniform(0.03, 0.15), rng.uniform(0.85, 0.97))))
        round_tree(c, x, c.y(0.7), c.s * rng.uniform(0.13, 0.18), vary(rng, grass, 12))
    wood, thatch = rng.choice(WOOD), rng.choice(THATCH)
    cx = c.x(rng.uniform(0.42, 0.58))
    half = min(c.x(0.2), c.s * 0.3) * rng.uniform(0.85, 1.0)
    ground, floor, eave = c.y(0.84), c.y(0.68), c.y(0.53)
    for k in range(7):  # stilts
        x = cx - half + k * half * 2 / 6
        c.draw.rectangle((x - 8, floor, x + 8, ground), fill=mix(wood, (30, 20, 15), 0.4))
    c.draw.polygon(  # the walls lean outwards towards the roof
        [
            (cx - half, floor),
            (cx - half * 1.08, eave),
            (cx + half * 1.08, eave),
            (cx + half, floor),
        ],
        fill=wood,
    )
    for k in range(1, 6):  # planks
        y = eave + (floor - eave) * k / 6
        c.draw.line([(cx - half * 1.06, y), (cx + half * 1.06, y)], fill=mix(wood, (0, 0, 0), 0.25))
    door = half * 0.16
    c.draw.rectangle((cx - door, eave + (floor - eave) * 0.3, cx + door, floor), fill=(50, 32, 22))
    for k in range(5):  # the ladder up to the door
        y = floor + (ground - floor) * (k + 0.5) / 5
        c.draw.line([(cx - door * 0.8, y), (cx + door * 0.8, y)], fill=(70, 45, 30), width=6)
    _saddle_roof(c, cx, half, eave, thatch, rng.uniform(0.35, 0.55))
    _ornament_band(c, cx - half * 1.08, cx + half * 1.08, eave, c.s * 0.025)


def _saddle_roof(c: Canvas, cx: float, half: float, eave: float, color: Color, sag: float) -> None:
    """Draw the roof: its ridge sags in the middle and sweeps up to points at both ends."""
    rise = half * 1.15
    overhang = half * 0.35
    left, right = cx - half - overhang, cx + half + overhang
    tips = (cx - half - overhang * 2.2, eave - rise), (cx + half + overhang * 2.2, eave - rise)
    ridge = []
    for i in range(21):
        t = i / 20
        x = tips[0][0] + (tips[1][0] - tips[0][0]) * t
        ridge.append((x, eave - rise + rise * sag * (1 - (2 * t - 1) ** 2)))
    c.draw.polygon([(left, eave), *ridge, (right, eave)], fill=color)
    for k in range(1, 12):  # lines of the thatch
        x = left + (right - left) * k / 12
        top = ridge[round(k / 12 * 20)][1]
        c.draw.line([(x, eave), (x + (x - c.w / 2) * 0.05, top + 6)], fill=mix(color, WHITE, 0.12))
    for (tx, ty), x_base in ((tips[0], cx - half), (tips[1], cx + half)):  # gable triangles
        mid = (tx + x_base) / 2
        c.draw.polygon(
            [
                (x_base, eave),
                ((mid + x_base) / 2, ty + rise * 0.35),
                (x_base + (x_base - cx) * 0.15, eave),
            ],
            fill=OLES[0],
        )


def _ornament_band(c: Canvas, x0: float, x1: float, y: float, height: float) -> None:
    """Draw a band of red, white and black triangles under the eaves."""
    red, black, white, _ = OLES
    c.draw.rectangle((x0, y, x1, y + height), fill=black)
    step, x, flip = height, x0, False
    while x < x1 - step:
        color = white if flip else red
        c.draw.polygon([(x, y + height), (x + step / 2, y + 2), (x + step, y + height)], fill=color)
        x, flip = x + step, not flip


def stone_statues(c: Canvas) -> None:
    """Carved stone figures, one riding an animal, in a village yard under trees."""
    rng = c.rng
    grass = meadow(c, 0.58)
    for x in (c.x(rng.uniform(0.05, 0.2)), c.x(rng.uniform(0.8, 0.95))):
        round_tree(c, x, c.y(0.72), c.s * rng.uniform(0.18, 0.24), vary(rng, grass, 10))
    stone = vary(rng, (128, 126, 118), 8)
    shadow = mix(stone, (40, 40, 40), 0.35)
    base = c.y(0.84)
    unit = c.s * 0.11
    cx = c.x(rng.uniform(0.45, 0.55))
    # the animal and its rider
    c.draw.rectangle((cx - unit * 2, base - unit * 0.3, cx + unit * 2, base), fill=shadow)
    c.draw.ellipse(
        (cx - unit * 1.6, base - unit * 1.8, cx + unit * 1.3, base - unit * 0.6), fill=stone
    )
    for lx in (-1.2, -0.6, 0.5, 1.0):
        c.draw.rectangle(
            (
                cx + lx * unit - unit * 0.15,
                base - unit,
                cx + lx * unit + unit * 0.15,
                base - unit * 0.3,
            ),
            fill=stone,
        )
    c.draw.ellipse((cx + unit, base - unit * 2.4, cx + unit * 2, base - unit * 1.4), fill=stone)
    c.draw.polygon(
        [
            (cx - unit * 0.5, base - unit * 1.7),
            (cx - unit * 0.3, base - unit * 2.8),
            (cx + unit * 0.3, base - unit * 2.8),
            (cx + unit * 0.4, base - unit * 1.7),
        ],
        fill=shadow,
    )
    c.draw.ellipse(
        (cx - unit * 0.35, base - unit * 3.5, cx + unit * 0.35, base - unit * 2.75), fill=stone
    )
    for side in (-1, 1):  # standing figures on each side
        x = cx + side * unit * rng.uniform(3.4, 4.2)
        c.draw.rectangle((x - unit * 0.7, base - unit * 0.25, x + unit * 0.7, base), fill=shadow)
        c.draw.rounded_rectangle(
            (x - unit * 0.45, base - unit * 1.9, x + unit * 0.45, base - unit * 0.25),
            radius=unit * 0.3,
            fill=stone,
        )
        c.draw.ellipse(
            (x - unit * 0.35, base - unit * 2.6, x + unit * 0.35, base - unit * 1.85), fill=stone
        )
    for _ in range(4):
        shrub(
            c,
            c.x(rng.uniform(0, 1)),
            c.h,
            c.s * rng.uniform(0.05, 0.08),
            mix(grass, (0, 0, 0), 0.2),
        )


def pavilion(c: Canvas, x: float, ground: float, size: float, roof: Color) -> None:
    """Draw a small open pavilion: posts, a floor and a pointed roof."""
    post = (230, 225, 215)
    c.draw.rectangle((x - size, ground - size * 0.12, x + size, ground), fill=(200, 195, 185))
    for dx in (-0.85, -0.3, 0.3, 0.85):
        c.draw.rectangle((x + dx * size - 5, ground - size, x + dx * size + 5, ground), fill=post)
    c.draw.polygon(
        [
            (x - size * 1.25, ground - size),
            (x, ground - size * 1.9),
            (x + size * 1.25, ground - size),
        ],
        fill=roof,
    )


def prayer_hill(c: Canvas, gathering: bool = False) -> None:
    """A green hilltop with a small pavilion, a path up to it and trees around."""
    rng = c.rng
    sky(c, 0.6)
    sun(c, c.x(rng.uniform(0.1, 0.3)), c.y(0.15), c.s * 0.045)
    ridges = hills(c, 0.45, 0.5, rng.choice(FAR_HILLS), rng.choice(GREENS), layers=2)
    top_x = c.x(rng.uniform(0.45, 0.6))
    top_y = height_at(ridges[-1], top_x) + c.y(0.03)
    path(c, c.x(0.4), (top_x, top_y + c.y(0.04)), 0.08, PATH, bends=0.08)
    pavilion(c, top_x, top_y + c.y(0.04), c.s * 0.12, rng.choice(((150, 60, 45), (70, 90, 120))))
    for side in (-1, 1):
        x = top_x + side * c.x(rng.uniform(0.18, 0.3))
        round_tree(c, x, height_at(ridges[-1], x) + c.y(0.12), c.s * 0.13, rng.choice(GREENS))
    if gathering:
        crowd(c, 0.74, 0.9, rows=3)


def prayer_gathering(c: Canvas) -> None:
    prayer_hill(c, gathering=True)


def park(c: Canvas) -> None:
    """A town park: lawn, crossing paths, shady trees, benches and lamps."""
    rng = c.rng
    grass = meadow(c, 0.5)
    paving = (215, 205, 185)
    c.draw.polygon(
        [(c.x(0.46), c.y(0.5)), (c.x(0.54), c.y(0.5)), (c.x(0.8), c.h), (c.x(0.2), c.h)],
        fill=paving,
    )
    c.draw.polygon([(0, c.y(0.66)), (c.w, c.y(0.62)), (c.w, c.y(0.7)), (0, c.y(0.75))], fill=paving)
    for row, scale in ((0.52, 0.09), (0.6, 0.13), (0.98, 0.2)):
        for x in (c.x(rng.uniform(0.05, 0.3)), c.x(rng.uniform(0.7, 0.95))):
            round_tree(c, x, c.y(row), c.s * scale, vary(rng, grass, 14))
    for side in (-1, 1):  # benches and lamp posts beside the path
        x = c.x(0.5 + side * 0.22)
        y = c.y(0.86)
        seat = c.s * 0.08
        c.draw.rectangle((x - seat, y - seat * 0.35, x + seat, y - seat * 0.2), fill=(130, 80, 45))
        c.draw.rectangle((x - seat, y - seat * 0.75, x + seat, y - seat * 0.6), fill=(130, 80, 45))
        for leg in (-0.85, 0.85):
            c.draw.rectangle(
                (x + leg * seat - 4, y - seat * 0.35, x + leg * seat + 4, y), fill=(60, 60, 60)
            )
        lamp = c.x(0.5 + side * 0.12)
        c.draw.rectangle((lamp - 4, c.y(0.55), lamp + 4, c.y(0.8)), fill=(50, 55, 60))
        c.draw.ellipse((lamp - 14, c.y(0.55) - 18, lamp + 14, c.y(0.55) + 6), fill=(250, 235, 180))
    for _ in range(rng.randint(2, 4)):  # a few strollers
        person(
            c,
            c.x(rng.uniform(0.4, 0.6)),
            c.y(rng.uniform(0.58, 0.66)),
            c.s * 0.08,
            rng.choice(CLOTHES),
        )


def homestay(c: Canvas) -> None:
    """A wooden house with a veranda and a garden below green hills."""
    rng = c.rng
    grass = meadow(c, 0.6)
    wood = rng.choice(WOOD)
    cx, half = c.x(rng.uniform(0.42, 0.58)), min(c.x(0.22), c.s * 0.32)
    floor, eave = c.y(0.8), c.y(0.52)
    c.draw.rectangle((cx - half, eave, cx + half, floor), fill=wood)
    for k in range(1, 8):
        y = eave + (floor - eave) * k / 8
        c.draw.line([(cx - half, y), (cx + half, y)], fill=mix(wood, (0, 0, 0), 0.2), width=2)
    roof = rng.choice(((150, 60, 45), (90, 95, 100), (60, 80, 110)))
    c.draw.polygon([(cx - half * 1.15, eave), (cx, c.y(0.3)), (cx + half * 1.15, eave)], fill=roof)
    for wx in (-0.6, 0.6):  # windows with shutters
        x = cx + wx * half
        c.draw.rectangle(
            (x - half * 0.15, c.y(0.58), x + half * 0.15, c.y(0.68)), fill=(250, 230, 170)
        )
        c.draw.rectangle(
            (x - half * 0.15, c.y(0.58), x + half * 0.15, c.y(0.68)), outline=WHITE, width=5
        )
    c.draw.rectangle((cx - half * 0.12, c.y(0.6), cx + half * 0.12, floor), fill=(70, 45, 30))
    c.draw.rectangle(
        (cx - half * 1.05, floor, cx + half * 1.05, floor + c.y(0.03)), fill=(90, 60, 40)
    )
    for _ in range(8):  # a flower garden
        x, y = c.x(rng.uniform(0.02, 0.98)), c.y(rng.uniform(0.86, 0.98))
        shrub(c, x, y, c.s * 0.035, mix(grass, (20, 60, 20), 0.3))
        for _ in range(4):
            fx, fy, r = x + rng.uniform(-30, 30), y - rng.uniform(10, 40), c.s * 0.008
            c.draw.ellipse((fx - r, fy - r, fx + r, fy + r), fill=rng.choice(CLOTHES[:5]))


def car(c: Canvas, x: float, ground: float, length: float, body: Color) -> None:
    """Draw a small car seen from the side."""
    h = length * 0.28
    c.draw.rounded_rectangle(
        (x - length / 2, ground - h * 1.15, x + length / 2, ground - h * 0.25),
        radius=h * 0.3,
        fill=body,
    )
    c.draw.polygon(
        [
            (x - length * 0.28, ground - h * 1.1),
            (x - length * 0.16, ground - h * 1.9),
            (x + length * 0.2, ground - h * 1.9),
            (x + length * 0.34, ground - h * 1.1),
        ],
        fill=body,
    )
    glass = (190, 215, 230)
    c.draw.polygon(
        [
            (x - length * 0.22, ground - h * 1.15),
            (x - length * 0.13, ground - h * 1.75),
            (x - length * 0.01, ground - h * 1.75),
            (x - length * 0.01, ground - h * 1.15),
        ],
        fill=glass,
    )
    c.draw.polygon(
        [
            (x + length * 0.03, ground - h * 1.15),
            (x + length * 0.03, ground - h * 1.75),
            (x + length * 0.17, ground - h * 1.75),
            (x + length * 0.28, ground - h * 1.15),
        ],
        fill=glass,
    )
    for wx in (-0.3, 0.3):
        r = h * 0.42
        c.draw.ellipse(
            (x + wx * length - r, ground - r * 2, x + wx * length + r, ground), fill=(35, 35, 35)
        )
        c.draw.ellipse(
            (
                x + wx * length - r * 0.45,
                ground - r * 1.45,
                x + wx * length + r * 0.45,
                ground - r * 0.55,
            ),
            fill=(180, 180, 180),
        )


def motorbike(c: Canvas, x: float, y: float, size: float) -> None:
    """A small motorbike seen from the side."""
    body = c.rng.choice(((200, 40, 40), (40, 90, 160), (30, 30, 30)))
    r = size * 0.17
    for wx in (-0.33, 0.33):
        c.draw.ellipse(
            (x + wx * size - r, y - r * 2, x + wx * size + r, y),
            outline=(30, 30, 30),
            width=int(r * 0.35),
        )
    c.draw.polygon(
        [
            (x - size * 0.3, y - r * 1.3),
            (x - size * 0.05, y - r * 2.1),
            (x + size * 0.25, y - r * 2.3),
            (x + size * 0.3, y - r * 1.2),
            (x, y - r * 0.9),
        ],
        fill=body,
    )
    c.draw.rounded_rectangle(
        (x - size * 0.32, y - r * 2.5, x - size * 0.02, y - r * 2.1), radius=8, fill=(40, 35, 35)
    )
    c.draw.line(
        [(x + size * 0.25, y - r * 2.3), (x + size * 0.33, y - r), (x + size * 0.2, y - r * 3)],
        fill=(60, 60, 60),
        width=int(r * 0.15),
    )
    c.draw.line(
        [(x + size * 0.12, y - r * 3), (x + size * 0.28, y - r * 3)],
        fill=(40, 40, 40),
        width=int(r * 0.15),
    )


def road(c: Canvas, vehicle: str = "car") -> None:
    """A car or a motorbike on a winding road through green hills."""
    rng = c.rng
    sky(c, 0.55)
    ridges = hills(c, 0.4, 0.58, rng.choice(FAR_HILLS), rng.choice(GREENS), layers=3)
    far_x = c.x(rng.uniform(0.3, 0.7))
    asphalt = (95, 95, 100)
    middle = path(c, c.x(0.5), (far_x, height_at(ridges[-1], far_x) + 3), 0.22, asphalt, 0.1)
    for k in range(0, len(middle) - 8, 2):  # the dashed centre line
        c.draw.line(middle[k : k + 2], fill=WHITE, width=max(1, round(6 * (1 - k / len(middle)))))
    for x in (c.x(rng.uniform(0.02, 0.15)), c.x(rng.uniform(0.85, 0.98))):
        round_tree(c, x, c.y(0.95), c.s * 0.17, rng.choice(GREENS))
    x = c.x(rng.uniform(0.4, 0.6))
    if vehicle == "car":
        body = rng.choice(((200, 40, 40), (240, 240, 235), (40, 90, 160), (230, 170, 40)))
        car(c, x, c.y(0.93), c.s * 0.5, body)
    else:
        motorbike(c, x, c.y(0.93), c.s * 0.45)


def road_car(c: Canvas) -> None:
    road(c, "car")


def road_motorbike(c: Canvas) -> None:
    road(c, "motorbike")
