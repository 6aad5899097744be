"""Rich text: Markdown written by editors and owners, rendered to sanitized HTML."""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# CommonMark without raw HTML; nh3 then keeps only these tags whatever the parser made.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.disable("image")  # photos go through the media pipeline, not Markdown
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code",
    "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text: str) -> Markup:
    """Render Markdown to HTML that is safe to put in a page."""
    return Markup(_render(str(text or "")))


@lru_cache(maxsize=1024)  # the same texts are shown again and again; bounded, so is memory
def _render(text: str) -> str:
    html = _markdown.render(text)
    # Headings written as # or ## become h3/h4 so they sit under the page's own headings.
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>")
    html = html.replace("<h2>", "<h4>").replace("</h2>", "</h4>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener",
    )
    return clean
