"""The glossary's page: the terms, a form to add one, and removing one."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import workbench_required
from branding.workbench import glossary
from branding.workbench.views import TARGET, bp


@bp.route("/glossary", methods=["GET", "POST"])
@workbench_required
def glossary_page():
    """List the glossary's terms; add one."""
    typed = {name: request.form.get(name, "")[:2000] for name in ("term", "rendering", "note")}
    error = ""
    if request.method == "POST":
        try:
            glossary.add_term(current_user._get_current_object(), TARGET, **typed)
        except glossary.Refused as refused:
            error = str(refused)
        else:
            flash(_("Added to the glossary."), "success")
            return redirect(url_for(".glossary_page"))
    return render_template(
        "workbench/glossary.html", terms=glossary.terms(TARGET), typed=typed, error=error,
        target=TARGET,
    ), (422 if error else 200)  # fmt: skip


@bp.post("/glossary/<int:term_id>/delete")
@workbench_required
def glossary_delete(term_id: int):
    """Remove a term from the glossary."""
    row = glossary.get(term_id) or abort(404)
    glossary.delete_term(row)
    flash(_("Removed from the glossary."), "success")
    return redirect(url_for(".glossary_page"))
