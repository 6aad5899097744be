"""Languages: the URL prefix, the interface catalogs and the content fallback order.

Pakpak (``btd``) has no Babel locale data. Its interface strings come from the
``btd`` catalog, falling back string by string to Indonesian, while dates,
numbers and rupiah are formatted with the Indonesian locale. Nothing here hands
``btd`` to Babel as a locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from babel.support import NullTranslations, Translations
from flask import Flask, Response, current_app, g, has_app_context, has_request_context, request
from flask_babel import Babel, Domain
from flask_babel import lazy_gettext as _l
from werkzeug.routing import BaseConverter

from branding.core.i18n import marking


@dataclass(frozen=True)
class Language:
    code: str  # URL prefix, catalog folder and HTML lang attribute
    native_name: str  # as speakers of the language write it
    babel_locale: str  # the locale whose formats the language uses


LANGUAGES: dict[str, Language] = {
    "id": Language("id", "Bahasa Indonesia", "id"),
    "en": Language("en", "English", "en"),
    "btd": Language("btd", "Pakpak", "id"),
}
# Each language's name in the visitor's language, for notes about fallback text.
LANGUAGE_LABELS = {"id": _l("Indonesian"), "en": _l("English"), "btd": _l("Pakpak")}
DEFAULT_LANGUAGE = "id"
# What a visitor reads when their language lacks a text: btd → id → en.
CONTENT_FALLBACK: dict[str, tuple[str, ...]] = {
    "id": ("id", "en", "btd"),
    "en": ("en", "id", "btd"),
    "btd": ("btd", "id", "en"),
}
CATALOG_FALLBACK = {"btd": "id"}
LANGUAGE_COOKIE = "lang"


class LanguageConverter(BaseConverter):
    """Match only a supported language code as a URL segment."""

    regex = "|".join(sorted(LANGUAGES, key=len, reverse=True))


def current_language() -> str:
    """Return the language of the current request (the default outside one)."""
    if has_request_context():
        return g.get("lang", DEFAULT_LANGUAGE)
    return DEFAULT_LANGUAGE


def babel_locale(lang: str | None = None) -> str:
    """Return the Babel locale used to format dates and numbers for a language."""
    return LANGUAGES[lang or current_language()].babel_locale


class CatalogOverrides(Protocol):
    """Translations kept outside the compiled catalogs (the workbench's, in the database)."""

    def version(self, code: str) -> int | None:
        """Return the version of a language's overrides (None: it has none)."""

    def messages(self, code: str) -> dict:
        """Return a language's overrides, keyed as gettext keys its catalog."""


class FallbackAwareTranslations(Translations):
    """A catalog that notes, per request, the texts it had to take from its fallback."""

    def gettext(self, message: str) -> str:
        if message in self._catalog or (message, self.plural(1)) in self._catalog:
            return super().gettext(message)
        return self._fell_back(self._fallback.gettext(message) if self._fallback else message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if (msgid1, self.plural(n)) in self._catalog:
            return super().ngettext(msgid1, msgid2, n)
        if self._fallback:
            return self._fell_back(self._fallback.ngettext(msgid1, msgid2, n))
        return self._fell_back(msgid1 if n == 1 else msgid2)

    ugettext = gettext
    ungettext = ngettext

    @staticmethod
    def _fell_back(text: str) -> str:
        if has_request_context():
            g.setdefault("ui_fallbacks", set()).add(text)
        return marking.wrap(text)  # marked lang="id" when a page is rendered (``marking``)


def fell_back(text: str) -> bool:
    """Whether this request's interface text came from the fallback language's catalog."""
    return has_request_context() and str(text) in g.get("ui_fallbacks", ())


def fallback_text(text: str) -> bool:
    """Whether a text is one the page's catalog lacks and takes from its fallback as it is.

    For messages made in an earlier request (a flash after a redirect), which this request's
    catalog did not note; a text with its placeholders filled in is not recognised.
    """
    code = current_language()
    domain = current_app.extensions.get("catalog_domain") if has_request_context() else None
    if code not in CATALOG_FALLBACK or domain is None:
        return False
    catalog = domain.catalog(code)
    texts = getattr(catalog, "_fallback_texts", None)
    if texts is None:  # once per merged catalog (a new one comes with each approval)
        own, fallback = catalog._catalog, domain.catalog(CATALOG_FALLBACK[code])._catalog
        texts = {text for key, text in fallback.items() if key and key not in own}
        catalog._fallback_texts = texts
    return str(text) in texts


class CatalogDomain(Domain):
    """Load the interface catalog by language code, Pakpak falling back to Indonesian.

    A language with overrides (``app.extensions["catalog_overrides"]``) is rebuilt when
    their version changes: the version is read once per request, the catalog kept per process.
    """

    def get_translations(self) -> NullTranslations:
        if not has_request_context():
            return NullTranslations()
        code = current_language()
        memo = g.get("catalogs")  # every gettext of a page asks: look it up once a request
        if memo is None:
            memo = g.catalogs = {}
        key = (code, self.domain[0])
        if key not in memo:
            memo[key] = self.catalog(code)
        return memo[key]

    def catalog(self, code: str) -> NullTranslations:
        """Return the merged catalog for a language code, cached per process and version."""
        key, version = (code, self.domain[0]), self._version(code)
        cached = self.cache.get(key)
        if cached is None or cached[0] != version:
            cached = (version, self._load(code, version))
            self.cache[key] = cached
        return cached[1]

    @staticmethod
    def _overrides() -> CatalogOverrides | None:
        return current_app.extensions.get("catalog_overrides") if has_app_context() else None

    def _version(self, code: str) -> int | None:
        source = self._overrides()
        if source is None:
            return None
        if not has_request_context():
            return source.version(code)
        seen = g.setdefault("catalog_versions", {})
        if code not in seen:
            seen[code] = source.version(code)
        return seen[code]

    def _load(self, code: str, version: int | None) -> NullTranslations:
        translations = FallbackAwareTranslations() if code in CATALOG_FALLBACK else Translations()
        for dirname in self.translation_directories:
            catalog = Translations.load(dirname, [code], self.domain[0])
            if isinstance(catalog, Translations):  # no catalog file: an empty NullTranslations
                translations.merge(catalog)
                translations.plural = catalog.plural  # merge() does not copy the plural rule
        source = self._overrides()
        if version and source is not None:
            translations._catalog.update(source.messages(code))
        if code in CATALOG_FALLBACK:
            translations.add_fallback(self.catalog(CATALOG_FALLBACK[code]))
        return translations


class CatalogBabel(Babel):
    """Flask-Babel whose default domain is the catalog-by-code domain."""

    @property
    def domain_instance(self) -> CatalogDomain:
        app = current_app._get_current_object()  # type: ignore[attr-defined]  # a proxy
        domain = app.extensions.get("catalog_domain")
        if domain is None:
            domain = CatalogDomain(domain=self.domain)
            app.extensions["catalog_domain"] = domain
        return domain


def select_babel_locale() -> str:
    """Tell Flask-Babel which locale formats this request (never ``btd``)."""
    return babel_locale()


# Browser languages read as one of ours: Malay readers read Indonesian; "in" is its old code.
_READ_AS = {"in": "id", "ms": "id"}
FOREIGN_LANGUAGE = "en"  # what a visitor whose browser asks for none of ours reads best


def preferred_language() -> str:
    """Pick a language for a URL without one: cookie, then Accept-Language, else Indonesian.

    A browser that asks only for languages the site does not have (German, Japanese…) belongs
    to a foreign visitor, who is better served in English than in Indonesian.
    """
    cookie = request.cookies.get(LANGUAGE_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    asked = [value for value, quality in request.accept_languages if quality > 0]
    for value in asked:
        primary = value.split("-", 1)[0].lower()
        primary = _READ_AS.get(primary, primary)
        if primary in LANGUAGES:
            return primary
    if any(value != "*" for value in asked):
        return FOREIGN_LANGUAGE
    return DEFAULT_LANGUAGE


def _pull_language(endpoint: str | None, values: dict | None) -> None:
    if values is not None and "lang" in values:
        g.lang = values.pop("lang")


def _add_language(endpoint: str, values: dict) -> None:
    if "lang" in values or not has_request_context():
        return
    if current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = current_language()


def _remember_language(response: Response) -> Response:
    lang = g.get("lang")
    if lang and response.status_code == 200 and request.cookies.get(LANGUAGE_COOKIE) != lang:
        response.set_cookie(
            LANGUAGE_COOKIE,
            lang,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            httponly=True,
            secure=current_app.config.get("PRODUCTION", False),
        )
    return response


def init_app(app: Flask) -> None:
    """Route language prefixes into ``g.lang`` and back into generated URLs."""
    app.url_map.converters["lang"] = LanguageConverter
    app.url_value_preprocessor(_pull_language)
    app.url_defaults(_add_language)
    app.after_request(_remember_language)
