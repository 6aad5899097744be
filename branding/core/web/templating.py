"""Filters and globals every template can use."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Flask, g, has_request_context, request, url_for
from flask_wtf import FlaskForm
from jinja2 import Template, pass_context
from markupsafe import Markup

from branding.core.content import opening_hours
from branding.core.content.columns import Localized, MultilingualText
from branding.core.content.labels import STATUS_NAMES
from branding.core.content.publishing import utcnow
from branding.core.content.richtext import render_markdown
from branding.core.i18n import (
    CATALOG_FALLBACK,
    LANGUAGE_LABELS,
    LANGUAGES,
    current_language,
    fallback_text,
    fell_back,
    formatting,
    marking,
)
from branding.core.web import contact, urls
from branding.core.web.urls import safe_link

OG_LOCALES = {"id": "id_ID", "en": "en_US"}  # Facebook knows no Pakpak locale


FALLBACKS = "fallback_languages"


def tr(value: MultilingualText | dict | None) -> Localized:
    """Resolve a multilingual text for the visitor's language."""
    return MultilingualText(value or {}).resolve(current_language())


def start_fallbacks() -> str:
    """Forget the fallback texts shown so far (the page's own content starts here)."""
    g.pop(FALLBACKS, None)
    return ""


def fallbacks_seen() -> list[str]:
    """Return the languages of the fallback texts shown since ``start_fallbacks``, in order."""
    seen = g.get(FALLBACKS, set())
    return [code for code in LANGUAGES if code in seen]


@pass_context
def has_form_errors(context) -> bool:
    """Say whether a form on the page was submitted with errors (the title says so)."""
    return any(isinstance(v, FlaskForm) and v.errors for v in context.values())


def lang_attr(text: Localized) -> Markup:
    """Return ` lang="xx"` when a text is shown in a language other than the page's."""
    if isinstance(text, Localized) and text.is_fallback:
        if has_request_context():  # the page says once that some texts fall back
            g.setdefault(FALLBACKS, set()).add(text.lang)
        return Markup(' lang="%s" data-fallback') % text.lang
    return Markup("")


def missing_languages(item, *fields: str) -> list[str]:
    """Return the languages in which any of these fields of an item has no text."""
    missing = {code for name in fields for code in MultilingualText(getattr(item, name)).missing()}
    return [code for code in LANGUAGES if code in missing]


def language_urls(external: bool = False) -> dict[str, str]:
    """Return this page's URL in each language, keeping its query string."""
    rule, endpoint = request.url_rule, request.endpoint
    args: dict[str, Any] = dict(request.view_args or {}) if endpoint else {}
    if rule is None or not endpoint or "lang" not in rule.arguments:
        endpoint, args = "site.home", {}
    else:
        args.update(request.args.to_dict(flat=True))
    return {
        code: url_for(endpoint, **{**args, "lang": code}, _external=external) for code in LANGUAGES
    }


def open_now(hours: dict | None) -> dict | None:
    """Return whether a place is open now (WIB) and a sentence saying so; None if unknown."""
    now = utcnow()
    state = opening_hours.open_state(hours, now)
    if state is None:
        return None
    return {"state": state, "text": opening_hours.describe_state(state, now, current_language())}


def hours_exceptions(hours: dict | None) -> list[dict]:
    """Return the coming exceptions to the weekly hours (holidays, closed days)."""
    return opening_hours.upcoming_exceptions(hours, datetime.now(formatting.WIB).date())


def website_link(url: str, link: str = "website") -> str:
    """Return an item's own web link if it is safe to show (``branding.insight`` may count it)."""
    return urls.safe_link(url)


class MarkingTemplate(Template):
    """A template whose HTML pages mark interface text that fell back (``i18n.marking``)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        fallback = CATALOG_FALLBACK.get(current_language()) if has_request_context() else None
        if not fallback or g.get(marking.RENDERING) or not (self.name or "").endswith(".html"):
            return super().render(*args, **kwargs)
        setattr(g, marking.RENDERING, True)
        try:
            with marking.marked():
                html = super().render(*args, **kwargs)
        finally:
            g.pop(marking.RENDERING, None)
        return marking.finish(html, fallback)


def ui(text: Any) -> Any:
    """Mark a text made before the page (a form's error, a flash) that came from the fallback."""
    return marking.wrap(str(text)) if fell_back(text) or fallback_text(text) else text


def capitalize(text: str) -> str:
    """Capitalize like Jinja's filter, looking past a fallback's marker."""
    text = str(text)
    if text.startswith(marking.START):
        return marking.START + text[1:].capitalize()
    return text.capitalize()


def upper_first(text: object) -> str:
    """Capitalise the first letter only (``bahasa Inggris`` → ``Bahasa Inggris``).

    Jinja's ``capitalize`` lowercases the rest, which breaks names inside a label.
    """
    value = str(text)
    if value.startswith(marking.START):  # a fallback's marker first: the letter after it
        return value[:2].upper() + value[2:]
    return value[:1].upper() + value[1:]


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
        phone=contact.display_phone,
        safe_link=safe_link,
        language_name=lambda code: LANGUAGE_LABELS[code],
        capitalize=capitalize,
        ui=ui,
        upper_first=upper_first,
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
        day_name=formatting.day_name,
        open_now=open_now,
        hours_exceptions=hours_exceptions,
        tel_link=contact.tel_url,
        share_links=contact.share_links,
        directions_link=contact.directions_url,
        website_link=website_link,
        OG_LOCALES=OG_LOCALES,
        start_fallbacks=start_fallbacks,
        fallbacks_seen=fallbacks_seen,
        has_form_errors=has_form_errors,
        STATUS_NAMES=STATUS_NAMES,
    )
    app.jinja_env.template_class = MarkingTemplate
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.context_processor(_inject_language)


def _inject_language() -> dict:
    return {"lang": g.get("lang", current_language())}
