"""The translation workbench: the list of interface strings, one string's editor, review."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import workbench_required
from branding.core.web.query_args import page_arg
from branding.workbench import glossary, listing, places, services
from branding.workbench.coverage import all_coverage, content_coverage
from branding.workbench.history import over_time
from branding.workbench.strings import TARGET_LANGUAGES, InterfaceString, by_key

bp = Blueprint("workbench", __name__, url_prefix="/<lang:lang>/office/workbench")
TARGET = TARGET_LANGUAGES[0]


def _filters() -> tuple[str, str]:
    show = request.values.get("show", "all")
    return (show if show in listing.FILTERS else "all"), request.values.get("q", "")[:100].strip()


def _string(key: str) -> InterfaceString:
    return by_key(key) or abort(404)


@bp.get("/")
@workbench_required
def index():
    """List the interface strings with their translations, filtered and searched."""
    show, query = _filters()
    page = listing.page_of(listing.rows(TARGET, show, query), page_arg())
    if page.page > page.pages:
        abort(404)
    return render_template(
        "workbench/index.html", page=page, show=show, q=query, coverage=all_coverage(),
        content=content_coverage(TARGET), target=TARGET, history=over_time(),
    )  # fmt: skip


@bp.route("/strings/<key>", methods=["GET", "POST"])
@workbench_required
def edit(key: str):
    """Show one string with its sources, history and suggestions; save a suggestion."""
    string, (show, query) = _string(key), _filters()
    count, current = services.form_count(string, TARGET), services.current_forms(TARGET, string)
    if request.method == "POST":
        forms = [request.form.get(f"form-{n}", "")[:2000] for n in range(count)]
    else:  # start from the live translation
        forms = (current + [""] * count)[:count]
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.suggest(current_user._get_current_object(), TARGET, string, forms)
        except services.Refused as refused:
            errors = refused.problems
        else:
            flash(
                _("Saved as a suggestion: it shows on the site once someone approves it."),
                "success",
            )
            return redirect(_after_save(string, show, query))
    return render_template(
        "workbench/edit.html", string=string, forms=forms, errors=errors, show=show, q=query,
        target=TARGET, history=services.history(TARGET, key), files=places.files(string),
        pages=places.page_links(string, TARGET), may_review=services.may_review,
        glossary=glossary.terms_in(string, TARGET),
    ), (422 if errors else 200)  # fmt: skip


def _after_save(string: InterfaceString, show: str, query: str) -> str:
    if "next" not in request.form:
        return url_for(".edit", key=string.key, show=show, q=query)
    following = listing.next_after(listing.rows(TARGET, show, query), string.key)
    if following is None:
        return url_for(".index", show=show, q=query)
    return url_for(".edit", key=following.string.key, show=show, q=query)


@bp.post("/suggestions/<int:row_id>/<any(approve, reject):decision>")
@workbench_required
def decide(row_id: int, decision: str):
    """Approve or reject a suggestion (someone other than its author, or an admin)."""
    row = services.get(row_id) or abort(404)
    if row.lang != TARGET:
        abort(404)
    try:
        if decision == "approve":
            services.approve(current_user._get_current_object(), row)
            flash(_("Approved: the translation shows on the site now."), "success")
        else:
            services.reject(current_user._get_current_object(), row)
            flash(_("Rejected: the suggestion stays in the history."), "success")
    except services.NotAllowed:
        abort(403)
    show, query = _filters()
    return redirect(url_for(".edit", key=row.string_key, show=show, q=query))
