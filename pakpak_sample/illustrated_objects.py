"""Things on a table for the sample illustrations: coffee, food, crafts, produce, souvenirs.

Each ``draw_*`` function draws one object centred on ``x`` and standing on ``y``, ``size``
across; the scene functions at the end arrange them on a table top.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import Image

from pakpak_sample.illustrated_places import WOOD
from pakpak_sample.illustration_kit import (
    OLES,
    WHITE,
    Canvas,
    Color,
    mix,
    oles_pattern,
    paste_shape,
    rotated_ellipse,
    vary,
    weave_pattern,
)

COFFEE = (72, 42, 28)
LEAF = (70, 140, 60)
PANDAN = (214, 190, 130)


def tabletop(c: Canvas, edge: float = 0.58) -> None:
    """Paint a wall and a wooden table top whose front edge is at ``edge`` of the height."""
    rng = c.rng
    wall = rng.choice(((236, 226, 206), (214, 228, 222), (238, 214, 196), (222, 218, 234)))
    c.fill((0, 0, c.w, c.y(edge)), mix(wall, WHITE, 0.3), wall)
    wood = rng.choice(WOOD)
    c.fill((0, c.y(edge), c.w, c.h), mix(wood, WHITE, 0.15), mix(wood, (40, 25, 15), 0.25))
    for _ in range(14):  # grain
        y = rng.uniform(c.y(edge) + 8, c.h)
        c.draw.line(
            [(0, y), (c.w, y + rng.uniform(-20, 20))], fill=mix(wood, (40, 25, 15), 0.35), width=2
        )


def draw_bean(c: Canvas, x: float, y: float, size: float, angle: float) -> None:
    color = vary(c.rng, COFFEE, 10)
    c.draw.polygon(rotated_ellipse(x, y, size, size * 0.68, angle), fill=color)
    dx, dy = size * 0.8 * math.cos(angle), size * 0.8 * math.sin(angle)
    c.draw.line(
        [(x - dx, y - dy), (x + dx, y + dy)],
        fill=mix(color, (0, 0, 0), 0.5),
        width=max(2, int(size * 0.12)),
    )


def draw_beans(c: Canvas, x: float, y: float, size: float, count: int = 40) -> None:
    """A heap of roasted coffee beans."""
    for k in range(count):
        t = k / count
        bx = x + c.rng.uniform(-0.5, 0.5) * size * (1 - 0.6 * t)
        by = y - c.rng.uniform(0, 0.3) * size * t - size * 0.05
        draw_bean(c, bx, by, size * 0.06, c.rng.uniform(0, 3.14))


def draw_powder(c: Canvas, x: float, y: float, size: float) -> None:
    """A small dish heaped with ground coffee, a wooden spoon resting on it."""
    c.draw.ellipse((x - size * 0.5, y - size * 0.2, x + size * 0.5, y + size * 0.05), fill=WHITE)
    c.draw.chord(
        (x - size * 0.4, y - size * 0.42, x + size * 0.4, y + size * 0.02), 180, 360, fill=COFFEE
    )
    c.draw.rectangle(
        (x - size * 0.4, y - size * 0.21, x + size * 0.4, y - size * 0.05), fill=COFFEE
    )
    spoon = mix(PANDAN, COFFEE, 0.3)
    c.draw.line(
        [(x + size * 0.05, y - size * 0.3), (x + size * 0.6, y - size * 0.5)],
        fill=spoon,
        width=max(3, int(size * 0.05)),
    )
    c.draw.ellipse((x - size * 0.08, y - size * 0.34, x + size * 0.12, y - size * 0.22), fill=spoon)


def draw_cup(c: Canvas, x: float, y: float, size: float) -> None:
    """A cup of coffee on a saucer, steaming."""
    cup = c.rng.choice((WHITE, (220, 235, 240), (180, 70, 50), (60, 90, 120)))
    c.draw.ellipse(
        (x - size * 0.5, y - size * 0.12, x + size * 0.5, y + size * 0.05),
        fill=mix(cup, (0, 0, 0), 0.1),
    )
    c.draw.ellipse(
        (x + size * 0.18, y - size * 0.48, x + size * 0.48, y - size * 0.2),
        outline=cup,
        width=int(size * 0.06),
    )
    c.draw.polygon(
        [
            (x - size * 0.3, y - size * 0.55),
            (x + size * 0.3, y - size * 0.55),
            (x + size * 0.22, y - size * 0.06),
            (x - size * 0.22, y - size * 0.06),
        ],
        fill=cup,
    )
    c.draw.ellipse((x - size * 0.3, y - size * 0.62, x + size * 0.3, y - size * 0.48), fill=cup)
    c.draw.ellipse((x - size * 0.26, y - size * 0.6, x + size * 0.26, y - size * 0.5), fill=COFFEE)
    for k in (-1, 0, 1):  # steam
        sx = x + k * size * 0.12
        points = [
            (sx + size * 0.04 * (1 if j % 2 else -1), y - size * (0.7 + 0.08 * j)) for j in range(6)
        ]
        c.draw.line(points, fill=(235, 235, 235), width=max(2, int(size * 0.02)), joint="curve")


def draw_pouch(c: Canvas, x: float, y: float, size: float, color: Color | None = None) -> None:
    """A standing pouch of coffee with a plain coloured label (no writing)."""
    color = color or c.rng.choice(((150, 110, 70), (40, 40, 40), (120, 40, 40), (60, 90, 60)))
    w, h = size * 0.35, size * 0.9
    c.draw.polygon([(x - w, y), (x - w * 0.9, y - h), (x + w * 0.9, y - h), (x + w, y)], fill=color)
    c.draw.rectangle(
        (x - w * 0.9, y - h, x + w * 0.9, y - h * 0.93), fill=mix(color, (0, 0, 0), 0.3)
    )
    c.draw.rounded_rectangle(
        (x - w * 0.6, y - h * 0.65, x + w * 0.6, y - h * 0.3), radius=size * 0.04, fill=OLES[2]
    )
    c.draw.rectangle((x - w * 0.6, y - h * 0.55, x + w * 0.6, y - h * 0.48), fill=OLES[0])
    c.draw.ellipse((x - w * 0.2, y - h * 0.44, x + w * 0.2, y - h * 0.36), fill=COFFEE)


def draw_plate(c: Canvas, x: float, y: float, size: float, food: str) -> None:
    """A plate on a banana leaf with yellow rice and chicken, or with small cakes."""
    c.draw.polygon(rotated_ellipse(x, y - size * 0.1, size * 0.62, size * 0.24, -0.15), fill=LEAF)
    c.draw.ellipse(
        (x - size * 0.5, y - size * 0.3, x + size * 0.5, y + size * 0.05), fill=(245, 245, 240)
    )
    c.draw.ellipse(
        (x - size * 0.42, y - size * 0.27, x + size * 0.42, y + size * 0.01), fill=(230, 230, 225)
    )
    if food == "rice":
        c.draw.chord(
            (x - size * 0.3, y - size * 0.42, x + size * 0.05, y - size * 0.02),
            180,
            360,
            fill=(235, 200, 80),
        )
        c.draw.rectangle(
            (x - size * 0.3, y - size * 0.22, x + size * 0.05, y - size * 0.12), fill=(235, 200, 80)
        )
        for dx in (0.15, 0.28):
            c.draw.polygon(
                rotated_ellipse(x + dx * size, y - size * 0.17, size * 0.1, size * 0.06, 0.5),
                fill=(150, 85, 40),
            )
        c.draw.ellipse(
            (x - size * 0.1, y - size * 0.08, x + size * 0.02, y - size * 0.02), fill=(200, 40, 30)
        )
    else:
        for k in range(5):
            cx = x + (k - 2) * size * 0.13
            color = c.rng.choice(((120, 170, 90), (230, 200, 150), (150, 90, 140), (240, 160, 60)))
            c.draw.rounded_rectangle(
                (cx - size * 0.06, y - size * 0.24, cx + size * 0.06, y - size * 0.1),
                radius=size * 0.02,
                fill=color,
            )


def draw_cloth(c: Canvas, x: float, y: float, size: float) -> None:
    """A folded striped cloth in Pakpak colours, its fringe hanging over the front."""
    w, h = size * 0.5, size * 0.3
    box = (round(x - w), round(y - h), round(x + w), round(y))
    c.image.paste(
        oles_pattern(c, (box[2] - box[0], box[3] - box[1]))
        .transpose(Image.Transpose.ROTATE_90)
        .resize((box[2] - box[0], box[3] - box[1])),
        box[:2],
    )
    for k in range(int(w * 2 / 8)):
        fx = x - w + k * 8 + 4
        c.draw.line([(fx, y), (fx, y + size * 0.05)], fill=OLES[2], width=2)


def draw_woven(c: Canvas, outline: list, cell: int) -> None:
    """Fill an outline with a plaited pandanus pattern."""
    light = vary(c.rng, PANDAN, 10)
    paste_shape(c, lambda size: weave_pattern(c, size, light, cell), outline)


def draw_bottle(c: Canvas, x: float, y: float, size: float, liquid: Color) -> None:
    """A small glass bottle with a cap and a plain label."""
    w = size * 0.16
    c.draw.rounded_rectangle((x - w, y - size * 0.6, x + w, y), radius=w * 0.4, fill=liquid)
    c.draw.polygon(
        [
            (x - w, y - size * 0.55),
            (x - w * 0.4, y - size * 0.72),
            (x + w * 0.4, y - size * 0.72),
            (x + w, y - size * 0.55),
        ],
        fill=liquid,
    )
    c.draw.rectangle(
        (x - w * 0.45, y - size * 0.82, x + w * 0.45, y - size * 0.72), fill=(40, 40, 40)
    )
    c.draw.rectangle((x - w, y - size * 0.4, x + w, y - size * 0.2), fill=(240, 235, 220))
    c.draw.line(
        [(x - w * 0.6, y - size * 0.55), (x - w * 0.6, y - size * 0.45)], fill=WHITE, width=4
    )


def draw_jar(c: Canvas, x: float, y: float, size: float) -> None:
    """A jar of golden honey with honeycomb beside it."""
    honey = vary(c.rng, (225, 150, 30), 10)
    w = size * 0.28
    c.draw.rounded_rectangle((x - w, y - size * 0.6, x + w, y), radius=w * 0.3, fill=honey)
    c.draw.rectangle(
        (x - w * 0.9, y - size * 0.72, x + w * 0.9, y - size * 0.6), fill=(180, 60, 40)
    )
    c.draw.line(
        [(x - w * 0.6, y - size * 0.5), (x - w * 0.6, y - size * 0.15)],
        fill=(250, 210, 120),
        width=6,
    )
    r = size * 0.07
    for row in range(2):  # honeycomb
        for col in range(3):
            hx = x + w * 1.5 + col * r * 1.8 + row * r * 0.9
            hy = y - r - row * r * 1.55
            hexagon = [
                (hx + r * dx, hy + r * dy)
                for dx, dy in (
                    (1, 0),
                    (0.5, 0.87),
                    (-0.5, 0.87),
                    (-1, 0),
                    (-0.5, -0.87),
                    (0.5, -0.87),
                )
            ]
            c.draw.polygon(hexagon, fill=(240, 190, 60), outline=(200, 130, 20), width=3)


def draw_fruit(c: Canvas, x: float, y: float, size: float, color: Color, count: int) -> None:
    """A heap of round fruit with a few leaves."""
    for k in range(count):
        row = 0 if k < count * 0.6 else 1
        fx = x + c.rng.uniform(-0.45, 0.45) * size * (1 - 0.4 * row)
        fy = y - size * 0.1 - row * size * 0.13 + c.rng.uniform(-0.02, 0.02) * size
        r = size * 0.1
        body = vary(c.rng, color, 12)
        c.draw.ellipse((fx - r, fy - r, fx + r, fy + r), fill=body)
        c.draw.ellipse(
            (fx - r * 0.5, fy - r * 0.6, fx - r * 0.1, fy - r * 0.2), fill=mix(body, WHITE, 0.4)
        )
    for _ in range(3):
        lx = x + c.rng.uniform(-0.4, 0.4) * size
        c.draw.polygon(
            rotated_ellipse(lx, y - size * 0.3, size * 0.1, size * 0.04, c.rng.uniform(0, 3)),
            fill=LEAF,
        )


def draw_resin(c: Canvas, x: float, y: float, size: float) -> None:
    """Lumps of pale benzoin resin in a wooden bowl."""
    c.draw.chord(
        (x - size * 0.5, y - size * 0.45, x + size * 0.5, y + size * 0.05),
        0,
        180,
        fill=(120, 75, 45),
    )
    c.draw.ellipse(
        (x - size * 0.5, y - size * 0.27, x + size * 0.5, y - size * 0.13), fill=(90, 55, 35)
    )
    for _ in range(16):
        rx, ry = x + c.rng.uniform(-0.38, 0.38) * size, y - size * c.rng.uniform(0.22, 0.34)
        r = size * c.rng.uniform(0.04, 0.08)
        lump = [
            (rx + r * c.rng.uniform(0.7, 1.2) * dx, ry + r * c.rng.uniform(0.7, 1.2) * dy)
            for dx, dy in ((1, 0), (0.6, 0.8), (-0.5, 0.9), (-1, 0), (-0.4, -0.9), (0.5, -0.8))
        ]
        c.draw.polygon(lump, fill=vary(c.rng, (230, 215, 180), 12))


def draw_shirt(c: Canvas, x: float, y: float, size: float) -> None:
    """A T-shirt laid flat with a band of Pakpak stripes across the chest."""
    color = c.rng.choice(((240, 240, 235), (60, 90, 120), (90, 120, 80)))
    w, h = size * 0.32, size * 0.8
    outline = [
        (x - w, y),
        (x - w, y - h * 0.75),
        (x - w * 1.7, y - h * 0.6),
        (x - w * 1.9, y - h * 0.8),
        (x - w * 0.9, y - h),
        (x - w * 0.35, y - h),
        (x, y - h * 0.92),
        (x + w * 0.35, y - h),
        (x + w * 0.9, y - h),
        (x + w * 1.9, y - h * 0.8),
        (x + w * 1.7, y - h * 0.6),
        (x + w, y - h * 0.75),
        (x + w, y),
    ]
    c.draw.polygon(outline, fill=color)
    band = (round(x - w), round(y - h * 0.62), round(x + w), round(y - h * 0.45))
    c.image.paste(oles_pattern(c, (band[2] - band[0], band[3] - band[1])), band[:2])


def draw_keyring(c: Canvas, x: float, y: float, size: float) -> None:
    """A key ring: a metal ring and a tag with a Pakpak pattern."""
    r = size * 0.12
    c.draw.ellipse(
        (x - r, y - size * 0.75 - r, x + r, y - size * 0.75 + r),
        outline=(170, 170, 175),
        width=int(r * 0.2),
    )
    c.draw.line(
        [(x, y - size * 0.63), (x, y - size * 0.55)], fill=(170, 170, 175), width=int(r * 0.15)
    )
    tag = (round(x - size * 0.2), round(y - size * 0.55), round(x + size * 0.2), round(y))
    c.draw.rounded_rectangle(tag, radius=size * 0.05, fill=(110, 70, 40))
    inner = (tag[0] + 12, tag[1] + 12, tag[2] - 12, tag[3] - 12)
    c.image.paste(oles_pattern(c, (inner[2] - inner[0], inner[3] - inner[1])), inner[:2])


def draw_box(c: Canvas, x: float, y: float, size: float) -> None:
    """A gift box with a ribbon."""
    color, ribbon = c.rng.sample((OLES[0], (40, 90, 60), (230, 170, 40), (40, 70, 130)), 2)
    w, h = size * 0.4, size * 0.45
    c.draw.rectangle((x - w, y - h, x + w, y), fill=color)
    c.draw.rectangle(
        (x - w * 1.05, y - h * 1.15, x + w * 1.05, y - h * 0.95), fill=mix(color, WHITE, 0.15)
    )
    c.draw.rectangle((x - w * 0.1, y - h * 1.15, x + w * 0.1, y), fill=ribbon)
    for side in (-1, 1):
        c.draw.polygon(
            rotated_ellipse(x + side * w * 0.25, y - h * 1.25, w * 0.25, w * 0.1, side * 0.4),
            fill=ribbon,
        )


def draw_basket(c: Canvas, x: float, y: float, size: float) -> None:
    w, h = size * 0.45, size * 0.55
    draw_woven(c, [(x - w, y - h), (x + w, y - h), (x + w * 0.75, y), (x - w * 0.75, y)], 22)
    c.draw.rectangle(
        (x - w * 1.03, y - h - size * 0.05, x + w * 1.03, y - h), fill=mix(PANDAN, COFFEE, 0.5)
    )


def draw_bag(c: Canvas, x: float, y: float, size: float) -> None:
    w, h = size * 0.42, size * 0.55
    c.draw.arc(
        (x - w * 0.6, y - h * 1.6, x + w * 0.6, y - h * 0.5),
        180,
        360,
        fill=mix(PANDAN, COFFEE, 0.5),
        width=int(size * 0.05),
    )
    draw_woven(c, [(x - w * 0.85, y - h), (x + w * 0.85, y - h), (x + w, y), (x - w, y)], 18)


def draw_mat(c: Canvas, x: float, y: float, size: float) -> None:
    """A pandanus mat laid on the table, seen in perspective, with its end rolled."""
    w, d = size * 0.7, size * 0.35
    draw_woven(c, [(x - w * 0.8, y - d), (x + w * 0.8, y - d), (x + w, y), (x - w, y)], 26)
    c.draw.rounded_rectangle(
        (x - w * 0.84, y - d - size * 0.09, x + w * 0.84, y - d + size * 0.02),
        radius=size * 0.05,
        fill=mix(PANDAN, COFFEE, 0.3),
    )


def draw_bed(c: Canvas, x: float, y: float, size: float) -> None:
    """A made bed with pillows and a striped blanket."""
    w = size * 0.5
    c.draw.rectangle((x - w, y - size * 0.55, x - w + size * 0.06, y), fill=(110, 70, 40))
    c.draw.rectangle((x - w, y - size * 0.25, x + w, y - size * 0.05), fill=(130, 85, 50))
    c.draw.rectangle((x - w + size * 0.06, y - size * 0.35, x + w, y - size * 0.22), fill=WHITE)
    c.draw.rounded_rectangle(
        (x - w + size * 0.08, y - size * 0.46, x - w + size * 0.3, y - size * 0.33),
        radius=size * 0.04,
        fill=(235, 235, 240),
    )
    blanket = (round(x - w * 0.3), round(y - size * 0.36), round(x + w), round(y - size * 0.16))
    c.image.paste(oles_pattern(c, (blanket[2] - blanket[0], blanket[3] - blanket[1])), blanket[:2])


def _bowls_and_glasses(c: Canvas, y: float, size: float) -> None:
    """A spread for a family meal: plates of rice and chicken, cakes and glasses of tea."""
    for k in range(2):  # the glasses stand behind the plates
        gx = c.w * (0.37 + 0.26 * k)
        c.draw.rectangle(
            (gx - size * 0.04, y - size * 0.36, gx + size * 0.04, y - size * 0.18),
            fill=(200, 140, 60),
        )
        c.draw.rectangle(
            (gx - size * 0.04, y - size * 0.36, gx + size * 0.04, y - size * 0.33), fill=WHITE
        )
    for k, food in enumerate(("rice", "cakes", "rice")):
        draw_plate(c, c.w * (0.25 + 0.25 * k), y + (k % 2) * size * 0.12, size * 0.55, food)


DRAWERS: dict[str, Callable[[Canvas, float, float, float], None]] = {
    "bag": draw_bag,
    "basket": draw_basket,
    "beans": draw_beans,
    "box": draw_box,
    "cakes": lambda c, x, y, size: draw_plate(c, x, y, size, "cakes"),
    "cloth": draw_cloth,
    "cup": draw_cup,
    "jar": draw_jar,
    "keyring": draw_keyring,
    "mat": draw_mat,
    "meal": lambda c, x, y, size: _bowls_and_glasses(c, y, size),
    "oil": lambda c, x, y, size: draw_bottle(c, x, y, size, (180, 110, 30)),
    "oranges": lambda c, x, y, size: draw_fruit(c, x, y, size, (240, 140, 30), 14),
    "pouch": draw_pouch,
    "powder": draw_powder,
    "resin": draw_resin,
    "rice": lambda c, x, y, size: draw_plate(c, x, y, size, "rice"),
    "shirt": draw_shirt,
}


def still_life(c: Canvas, items: list[tuple[str, float, float]], edge: float = 0.58) -> None:
    """Arrange things on a table: each as (name, x fraction, size fraction of the short side)."""
    tabletop(c, edge)
    y = c.y(edge + (1 - edge) * 0.55)
    for name, fx, fs in items:
        DRAWERS[name](c, c.x(fx), y, c.s * fs)


def object_scene(*items: tuple[str, float, float], edge: float = 0.58):
    """Return a scene function that draws a still life of the given things."""

    def scene(c: Canvas) -> None:
        still_life(c, list(items), edge)

    return scene


def room(c: Canvas, beds: int = 1) -> None:
    """A simple guest room: a window onto the hills, one or two beds, a lamp."""
    tabletop(c, 0.62)
    window = (c.x(0.35), c.y(0.12), c.x(0.65), c.y(0.42))
    c.fill(window, (120, 175, 220), (200, 230, 210))
    c.draw.polygon(
        [
            (window[0], window[3]),
            (window[0], c.y(0.33)),
            (c.x(0.5), c.y(0.3)),
            (window[2], c.y(0.35)),
            (window[2], window[3]),
        ],
        fill=(90, 150, 90),
    )
    c.draw.rectangle(window, outline=WHITE, width=12)
    c.draw.line([(c.x(0.5), window[1]), (c.x(0.5), window[3])], fill=WHITE, width=8)
    size = c.s * (0.75 if beds == 1 else 0.45)
    for k in range(beds):
        draw_bed(c, c.x(0.5 if beds == 1 else 0.25 + 0.5 * k), c.y(0.92), size)
    lamp = c.x(0.9 if beds == 1 else 0.5)
    c.draw.rectangle((lamp - 30, c.y(0.72), lamp + 30, c.y(0.9)), fill=(120, 80, 50))
    c.draw.polygon(
        [
            (lamp - 40, c.y(0.66)),
            (lamp - 25, c.y(0.58)),
            (lamp + 25, c.y(0.58)),
            (lamp + 40, c.y(0.66)),
        ],
        fill=(250, 235, 180),
    )
    c.draw.line([(lamp, c.y(0.66)), (lamp, c.y(0.72))], fill=(60, 60, 60), width=5)


def single_room(c: Canvas) -> None:
    room(c, 1)


def family_room(c: Canvas) -> None:
    room(c, 2)
