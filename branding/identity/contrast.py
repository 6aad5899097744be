"""Brand colours that people can read: WCAG 2.2 contrast, and the tones derived from a colour.

Each brand colour carries text somewhere: the main and second colours are backgrounds of white
text (the header, buttons) and the colour of links and prices on the light page; the accent is
the background of dark text (the preview banner, highlights). A colour is refused unless that
text meets WCAG AA for normal text (4.5:1).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

AA_TEXT = 4.5
WHITE, PAPER, INK = "#ffffff", "#fbfaf6", "#1d1d1b"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def rgb(colour: str) -> tuple[int, int, int]:
    """Return the red, green and blue of a ``#rrggbb`` colour."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str) -> float:
    """Return a colour's relative luminance (WCAG 2.2)."""
    r, g, b = (_channel(v) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """Return the contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """Return ``colour`` with ``share`` (0–1) of ``other`` mixed in, as ``#rrggbb``."""
    mixed = (round(a + (b - a) * share) for a, b in zip(rgb(colour), rgb(other), strict=True))
    return "#" + "".join(f"{v:02x}" for v in mixed)


@dataclass(frozen=True)
class Use:
    """Text a brand colour carries: its colour, what the admin reads, and what to do."""

    text: str  # the text's colour, or the background's when the brand colour is the text
    backgrounds: tuple[str, ...]
    problem: object  # a lazy message taking colour, ratio and needed
    advice: object


LIGHT_TEXT = Use(
    WHITE,
    (WHITE, PAPER),
    _l("White text on %(colour)s, and %(colour)s text on the light page, have a contrast of "
       "%(ratio)s:1; WCAG AA needs at least %(needed)s:1."),
    _l("Choose a darker colour."),
)  # fmt: skip
DARK_TEXT = Use(
    INK,
    (INK,),
    _l("Dark text on %(colour)s has a contrast of %(ratio)s:1; WCAG AA needs at least "
       "%(needed)s:1."),
    _l("Choose a lighter colour."),
)  # fmt: skip
USES = {"color_primary": LIGHT_TEXT, "color_secondary": LIGHT_TEXT, "color_accent": DARK_TEXT}


def worst_contrast(colour: str, use: Use) -> float:
    """Return the lowest contrast between a brand colour and the text it carries."""
    return min(contrast(colour, other) for other in use.backgrounds)


def refusal(field: str, colour: str) -> str | None:
    """Return why a colour cannot be used for a field, in the admin's language, or None."""
    use = USES[field]
    ratio = worst_contrast(colour, use)
    if ratio >= AA_TEXT:
        return None
    shown = f"{int(ratio * 100) / 100:.2f}"  # rounded down: 4.499 is not 4.5
    details = use.problem % {"colour": colour, "ratio": shown, "needed": AA_TEXT}  # type: ignore[operator]
    return f"{details} {use.advice}"
