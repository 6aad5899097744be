"""Filters and globals every template can use."""

from __future__ import annotations

from flask import Flask, g, request, url_for
from markupsafe import Markup

from branding import formatting
from branding.columns import Localized, MultilingualText
from branding.i18n import LANGUAGE_LABELS, LANGUAGES, current_language
from branding.richtext import render_markdown


def tr(value: MultilingualText | dict | None) -> Localized:
    """Resolve a multilingual text for the visitor's language."""
    return MultilingualText(value or {}).resolve(current_language())


def lang_attr(text: Localized) -> Markup:
    """Return ` lang="xx"` when a text is shown in a language other than the page's."""
    if isinstance(text, Localized) and text.is_fallback:
        return Markup(' lang="%s" data-fallback') % text.lang
    return Markup("")


def missing_languages(item, *fields: str) -> list[str]:
    """Return the languages in which any of these fields of an item has no text."""
    missing = {code for name in fields for code in MultilingualText(getattr(item, name)).missing()}
    return [code for code in LANGUAGES if code in missing]


def language_urls(external: bool = False) -> dict[str, str]:
    """Return this page's URL in each language, keeping its query string."""
    endpoint = request.endpoint if request.url_rule else None
    args = dict(request.view_args or {}) if endpoint else {}
    if not endpoint or "lang" not in request.url_rule.arguments:
        endpoint, args = "site.home", {}
    else:
        args.update(request.args.to_dict(flat=True))
    return {
        code: url_for(endpoint, **{**args, "lang": code}, _external=external) for code in LANGUAGES
    }


def _label_globals() -> dict:
    from branding.areas.labels import KIND_LABELS
    from branding.businesses.labels import CATEGORY_LABELS as BUSINESS
    from branding.destinations.labels import CATEGORY_LABELS as DESTINATION
    from branding.destinations.labels import FACILITY_LABELS
    from branding.events.labels import CATEGORY_LABELS as EVENT
    from branding.events.labels import STATUS_LABELS
    from branding.status_labels import ROLE_NAMES, STATUS_NAMES

    return {
        "AREA_KINDS": KIND_LABELS,
        "BUSINESS_CATEGORIES": BUSINESS,
        "DESTINATION_CATEGORIES": DESTINATION,
        "FACILITIES": FACILITY_LABELS,
        "EVENT_CATEGORIES": EVENT,
        "EVENT_STATUSES": STATUS_LABELS,
        "STATUS_NAMES": STATUS_NAMES,
        "ROLE_NAMES": ROLE_NAMES,
    }


def init_app(app: Flask) -> None:
    """Install the filters and globals on the application's Jinja environment."""
    app.jinja_env.filters.update(
        tr=tr,
        lang_attr=lang_attr,
        markdown=render_markdown,
        rupiah=formatting.rupiah,
        rupiah_range=formatting.rupiah_range,
        long_date=formatting.long_date,
        short_time=formatting.short_time,
        number=formatting.number,
    )
    app.jinja_env.globals.update(
        LANGUAGES=LANGUAGES,
        LANGUAGE_NAMES=LANGUAGE_LABELS,
        current_language=current_language,
        language_urls=language_urls,
        missing_languages=missing_languages,
        event_when=formatting.event_when,
        weekday_names=formatting.weekday_names,
        clock=formatting.clock,
        **_label_globals(),
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def inject_site() -> dict:
        from branding.site.services import site_settings

        return {"site": site_settings(), "lang": g.get("lang", current_language())}
