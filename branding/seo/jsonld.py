"""schema.org JSON-LD for detail pages, embedded safely in a script element."""

from __future__ import annotations

import json
from datetime import date, datetime

from markupsafe import Markup

from branding.core.content.opening_hours import has_hours
from branding.core.i18n.formatting import WEEKDAY_KEYS, to_wib

CONTEXT = "https://schema.org"
DAY_NAMES = dict(
    zip(
        WEEKDAY_KEYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
# Characters that could end the script element or confuse an HTML parser, as JSON escapes.
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def script(data: dict) -> Markup:
    """Return a ``<script type="application/ld+json">`` that no text inside can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for raw, escaped in _ESCAPES.items():
        text = text.replace(raw, escaped)
    return Markup('<script type="application/ld+json">%s</script>') % Markup(text)


def compact(data: dict) -> dict:
    """Drop empty values (None, "", [], {}) so the output only states what is known."""
    return {k: v for k, v in data.items() if v is not None and v != "" and v != [] and v != {}}


def postal_address(street: str, locality: str, region: str, country: str) -> dict:
    """Return a schema.org PostalAddress."""
    return compact(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "addressLocality": locality,
            "addressRegion": region,
            "addressCountry": country,
        }
    )


def geo(latitude: float | None, longitude: float | None) -> dict | None:
    """Return schema.org GeoCoordinates, or None without coordinates."""
    if latitude is None or longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}


def moment(value: datetime | date, all_day: bool = False) -> str:
    """Return an ISO 8601 date (all-day) or a date and time with the WIB offset."""
    if isinstance(value, datetime):
        value = to_wib(value)
        return value.date().isoformat() if all_day else value.isoformat()
    return value.isoformat()


def _closing(hhmm: str) -> str:
    return "23:59" if hhmm in ("00:00", "24:00") else hhmm


def opening_hours_specification(hours: dict | None) -> list[dict]:
    """Return OpeningHoursSpecification items, weekdays with the same hours grouped."""
    if not has_hours(hours):
        return []
    groups: dict[tuple[str, str], list[str]] = {}
    for key in WEEKDAY_KEYS:
        for opens, closes in hours["weekly"].get(key, []):
            groups.setdefault((opens, _closing(closes)), []).append(f"{CONTEXT}/{DAY_NAMES[key]}")
    return [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": o, "closes": c}
        for (o, c), days in groups.items()
    ]


def special_opening_hours(exceptions: list[dict]) -> list[dict]:
    """Return specialOpeningHoursSpecification items for dated exceptions (closed: 00:00–00:00)."""
    specs = []
    for exception in exceptions:
        day = exception["day"].isoformat()
        spans = [] if exception.get("closed") else exception.get("hours", [])
        for opens, closes in spans or [("00:00", "00:00")]:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": day,
                    "validThrough": day,
                    "opens": opens,
                    "closes": _closing(closes) if spans else "00:00",
                }
            )
    return specs


def offer(price: int | None, url: str, available: bool = True, high: int | None = None) -> dict:
    """Return an Offer in rupiah, or an AggregateOffer for a price range."""
    availability = f"{CONTEXT}/{'InStock' if available else 'OutOfStock'}"
    if high is not None and price is not None and high != price:
        return {
            "@type": "AggregateOffer",
            "lowPrice": price,
            "highPrice": high,
            "priceCurrency": "IDR",
            "offerCount": 1,
            "availability": availability,
            "url": url,
        }
    return {
        "@type": "Offer",
        "price": price if price is not None else high,
        "priceCurrency": "IDR",
        "availability": availability,
        "url": url,
    }
