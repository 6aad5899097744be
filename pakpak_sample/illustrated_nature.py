"""Landscape scenes for the sample illustrations: waterfalls, a lake, hills, forest, farms."""

from __future__ import annotations

from PIL import Image

from pakpak_sample.illustration_kit import (
    WHITE,
    Canvas,
    fruit_on,
    height_at,
    hill,
    hills,
    mix,
    path,
    round_tree,
    shrub,
    sky,
    sun,
    tall_tree,
    vary,
)

GREENS = ((70, 140, 70), (60, 125, 85), (85, 150, 60), (50, 115, 70))
FAR_HILLS = ((150, 180, 185), (160, 185, 170), (140, 170, 190))
PATH = (205, 175, 125)


def waterfall(c: Canvas) -> None:
    """A waterfall falling from a green-topped cliff into a round pool."""
    rng = c.rng
    sky(c, 0.45)
    hills(c, 0.3, 0.38, rng.choice(FAR_HILLS), (100, 150, 110), layers=2)
    rock = vary(rng, (95, 100, 92), 10)
    top, pool_y = c.y(rng.uniform(0.2, 0.3)), c.y(rng.uniform(0.68, 0.74))
    cliff: list[tuple[float, float]] = [(0, top + c.y(0.06))]
    for i in range(1, 12):
        cliff.append((c.w * i / 12, top + rng.uniform(-0.03, 0.04) * c.h))
    c.draw.polygon([*cliff, (c.w, top + c.y(0.05)), (c.w, pool_y), (0, pool_y)], fill=rock)
    for _ in range(14):  # darker rock seams
        x = rng.uniform(0, c.w)
        c.draw.polygon(
            [
                (x, top + c.y(0.05)),
                (x + c.x(0.02), top + c.y(0.05)),
                (x + rng.uniform(-0.05, 0.05) * c.w, pool_y),
                (x - c.x(0.015), pool_y),
            ],
            fill=mix(rock, (40, 45, 40), rng.uniform(0.2, 0.5)),
        )
    green = rng.choice(GREENS)
    for x, y in cliff:  # vegetation along the cliff edge
        r = c.s * rng.uniform(0.05, 0.09)
        c.draw.ellipse((x - r * 1.5, y - r, x + r * 1.5, y + r * 0.9), fill=vary(rng, green, 12))
    centre, width = c.x(rng.uniform(0.4, 0.6)), c.x(rng.uniform(0.07, 0.12))
    tiers = rng.choice((1, 2))
    ledge = top + (pool_y - top) * 0.5
    water = (214, 234, 244)
    segments = (
        [(top, pool_y, centre, width)]
        if tiers == 1
        else [(top, ledge, centre, width * 0.8), (ledge, pool_y, centre + c.x(0.03), width * 1.2)]
    )
    for upper, lower, x, half in segments:
        c.draw.polygon(
            [
                (x - half, upper),
                (x + half, upper),
                (x + half * 1.3, lower),
                (x - half * 1.3, lower),
            ],
            fill=water,
        )
        for _ in range(18):  # streaks of falling water
            sx = x + rng.uniform(-1.1, 1.1) * half
            shade = mix(WHITE, (160, 200, 225), rng.random() * 0.7)
            c.draw.line([(sx, upper), (sx * 1.0 + rng.uniform(-6, 6), lower)], fill=shade, width=4)
    if tiers == 2:
        c.draw.rectangle(
            (centre - width * 1.4, ledge - c.y(0.01), centre + width * 1.6, ledge + c.y(0.02)),
            fill=mix(rock, (40, 40, 40), 0.3),
        )
    _pool(c, centre, pool_y, green)


def _pool(c: Canvas, centre: float, y: float, green: tuple[int, int, int]) -> None:
    rng = c.rng
    c.draw.rectangle((0, y, c.w, c.h), fill=mix(green, (40, 60, 40), 0.3))
    half = c.x(rng.uniform(0.32, 0.42))
    c.draw.ellipse((centre - half, y - c.y(0.04), centre + half, c.y(0.97)), fill=(70, 150, 160))
    c.draw.ellipse((centre - half * 0.8, y, centre + half * 0.8, c.y(0.9)), fill=(95, 175, 180))
    for k in range(3):  # ripples
        r = half * (0.3 + 0.18 * k)
        c.draw.ellipse(
            (centre - r, y + c.y(0.06) - r * 0.12, centre + r, y + c.y(0.06) + r * 0.12),
            outline=(190, 225, 230),
            width=3,
        )
    spray = [
        ("ellipse", [centre - half * 0.35, y - c.y(0.08), centre + half * 0.35, y + c.y(0.05)])
    ]
    c.veil(WHITE, spray, 150)
    for side in (-1, 1):  # boulders and plants at the pool's edge
        for _ in range(3):
            x = centre + side * half * rng.uniform(0.8, 1.3)
            r = c.s * rng.uniform(0.03, 0.07)
            gy = y + c.y(rng.uniform(0.05, 0.2))
            c.draw.ellipse((x - r * 1.4, gy - r, x + r * 1.4, gy + r * 0.6), fill=(110, 110, 100))
        shrub(c, c.w * (0.5 + side * 0.47), c.h, c.s * 0.14, vary(rng, green, 10))


def lake(c: Canvas) -> None:
    """A calm lake below green hills, the hills mirrored in the water."""
    rng = c.rng
    water_y = rng.uniform(0.56, 0.62)
    sky(c, water_y)
    sun(c, c.x(rng.uniform(0.15, 0.85)), c.y(rng.uniform(0.12, 0.22)), c.s * 0.05)
    hills(c, water_y - 0.14, water_y - 0.02, rng.choice(FAR_HILLS), rng.choice(GREENS))
    line = round(c.y(water_y))
    above = c.image.crop((0, max(0, 2 * line - c.h), c.w, line)).transpose(
        Image.Transpose.FLIP_TOP_BOTTOM
    )
    c.fill((0, line, c.w, c.h), (120, 175, 200), (60, 120, 150))
    tint = c.image.crop((0, line, c.w, line + above.height))
    c.image.paste(Image.blend(above, tint, 0.55), (0, line))
    c.fill((0, line + above.height, c.w, c.h), (70, 130, 160), (60, 120, 150))
    for _ in range(40):  # light on the ripples
        x, y = rng.uniform(0, c.w), rng.uniform(line + 10, c.h)
        length = c.w * rng.uniform(0.02, 0.06) * (y / c.h)
        c.draw.line([(x, y), (x + length, y)], fill=(200, 225, 235), width=2)
    green = rng.choice(GREENS)
    for side in (-1, 1):  # a grassy bank with trees in the foreground corners
        x0 = c.w * (0.5 + side * 0.5)
        bank = [(x0, c.y(0.78)), (x0 - side * c.x(0.3), c.h), (x0, c.h)]
        c.draw.polygon(bank, fill=mix(green, (30, 60, 30), 0.2))
        round_tree(c, x0 - side * c.x(0.07), c.y(0.9), c.s * 0.16, vary(rng, green, 10))


def hills_path(c: Canvas) -> None:
    """Green hills and farms with a footpath winding into the distance."""
    rng = c.rng
    sky(c, 0.6)
    sun(c, c.x(rng.uniform(0.1, 0.9)), c.y(rng.uniform(0.1, 0.2)), c.s * 0.045)
    ridges = hills(c, 0.42, 0.62, rng.choice(FAR_HILLS), rng.choice(GREENS), layers=4)
    near = ridges[-1]
    green = rng.choice(GREENS)
    for row in range(5):  # rows of low shrubs on the nearest hill
        t = row / 4
        y = height_at(near, c.w / 2) + c.y(0.05 + 0.3 * t)
        size = c.s * (0.015 + 0.03 * t)
        for x in range(-20, c.w + 40, max(8, int(size * 3))):
            shrub(c, x + rng.uniform(-5, 5), y, size, mix(green, (20, 60, 30), 0.35))
    far_x = c.x(rng.uniform(0.35, 0.65))
    path(c, c.x(rng.uniform(0.4, 0.6)), (far_x, height_at(near, far_x) + 4), 0.12, PATH)
    for _ in range(rng.randint(2, 4)):
        tree_x = c.x(rng.choice((rng.uniform(0.02, 0.3), rng.uniform(0.7, 0.98))))
        ground = height_at(near, tree_x) + c.y(0.12)
        round_tree(c, tree_x, ground, c.s * rng.uniform(0.1, 0.16), green)


def valley(c: Canvas) -> None:
    """Layers of hills and valleys at sunrise, with mist between them."""
    rng = c.rng
    sky(c, 0.7, ((120, 140, 190), (252, 205, 150)))
    sun(c, c.x(rng.uniform(0.25, 0.75)), c.y(rng.uniform(0.38, 0.46)), c.s * 0.07, (255, 225, 150))
    far, near = (170, 165, 190), rng.choice(GREENS)
    layers = 5
    for i in range(layers):
        t = i / (layers - 1)
        line = hill(c, 0.48 + 0.36 * t, 0.1 + 0.06 * t, mix(far, near, t**0.8))
        if i < layers - 1:
            band = [*line, *[(x, y + c.y(0.05)) for x, y in reversed(line)]]
            c.veil((250, 230, 210), [("polygon", band)], 90)
    for x in (c.x(rng.uniform(0.03, 0.2)), c.x(rng.uniform(0.8, 0.97))):
        round_tree(c, x, c.h, c.s * 0.2, mix(near, (20, 40, 30), 0.5))


def forest(c: Canvas) -> None:
    """A footpath through tall tropical forest, with light falling between the trees."""
    rng = c.rng
    leaf = rng.choice(GREENS)
    c.fill((0, 0, c.w, c.h), mix(leaf, (220, 235, 200), 0.55), mix(leaf, (20, 50, 30), 0.4))
    for depth, count in ((0.0, 9), (0.5, 6), (1.0, 4)):  # far trees pale, near trees dark
        color = mix(mix(leaf, (200, 220, 190), 0.5), mix(leaf, (15, 40, 20), 0.5), depth)
        ground = c.y(0.62 + 0.3 * depth)
        for _ in range(count):
            height = c.h * (0.55 + 0.45 * depth) * rng.uniform(0.9, 1.2)
            tall_tree(c, rng.uniform(-0.05, 1.05) * c.w, ground, height, vary(rng, color, 8))
    c.draw.rectangle((0, c.y(0.8), c.w, c.h), fill=mix(leaf, (40, 55, 30), 0.5))
    path(c, c.x(0.5), (c.x(rng.uniform(0.42, 0.58)), c.y(0.64)), 0.16, mix(PATH, (90, 80, 60), 0.3))
    rays = []
    for _ in range(3):
        x = c.x(rng.uniform(0.1, 0.8))
        rays.append(
            ("polygon", [(x, 0), (x + c.x(0.05), 0), (x + c.x(0.2), c.h), (x + c.x(0.1), c.h)])
        )
    c.veil((255, 245, 200), rays, 45)
    for _ in range(10):  # ferns in the foreground
        x = rng.uniform(0, c.w)
        if abs(x - c.w / 2) > c.w * 0.12:
            shrub(c, x, c.h, c.s * rng.uniform(0.05, 0.09), mix(leaf, (10, 40, 20), 0.3))


def orchard(c: Canvas, fruit: tuple[int, int, int], round_trees: bool) -> None:
    """Rows of fruiting plants on a hillside: coffee bushes or orange trees."""
    rng = c.rng
    sky(c, 0.5)
    ridges = hills(c, 0.38, 0.5, rng.choice(FAR_HILLS), (110, 160, 90), layers=3)
    green = rng.choice(GREENS)
    slope = ridges[-1]
    for row in range(6):
        t = row / 5
        size = c.s * (0.03 + 0.11 * t)
        y = height_at(slope, c.w / 2) + c.y(0.06 + 0.5 * t**1.3)
        step = size * (2.4 if round_trees else 2.0)
        x = -rng.uniform(0, step)
        while x < c.w + step:
            if round_trees:
                round_tree(c, x, y, size, vary(rng, green, 10))
                fruit_on(c, x, y, size, fruit, 10 if t > 0.3 else 5)
            else:
                bush = vary(rng, mix(green, (20, 70, 30), 0.3), 10)
                shrub(c, x, y, size * 0.8, bush)
                for _ in range(8 if t > 0.3 else 3):  # clusters of coffee cherries
                    fx, fy = x + rng.uniform(-0.8, 0.8) * size, y - rng.uniform(0.2, 0.9) * size
                    r = max(2, size * 0.05)
                    c.draw.ellipse((fx - r, fy - r, fx + r, fy + r), fill=vary(rng, fruit, 12))
            x += step * rng.uniform(0.9, 1.1)


def coffee_farm(c: Canvas) -> None:
    orchard(c, (185, 30, 35), round_trees=False)


def citrus_farm(c: Canvas) -> None:
    orchard(c, (240, 140, 30), round_trees=True)
