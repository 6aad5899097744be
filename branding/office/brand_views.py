"""Administration of the regency's brand: names and colours, the logo, the hero photographs."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from branding.accounts.access import admin_required
from branding.identity import logo
from branding.identity.services import settings_row, site_settings, update_settings
from branding.media.decoding import PhotoRejected
from branding.media.photo_routes import Gallery, add_photo_routes
from branding.media.services import Upload
from branding.media.uploads import accepts_photos
from branding.office.admin_views import bp
from branding.office.settings_form import LogoForm, SettingsForm


def _page(form: SettingsForm, logo_form: LogoForm, status: int = 200):
    page = render_template(
        "office/admin/settings.html", form=form, logo_form=logo_form, settings=site_settings()
    )
    return page, status


@bp.route("/settings", methods=["GET", "POST"])
@admin_required
def settings():
    """Edit the regency's name, tagline, colours and the tourism office's contact."""
    form = SettingsForm()
    if form.validate_on_submit():
        update_settings(current_user, form.values())
        flash(_("Saved."), "success")
        return redirect(url_for(".settings"))
    if not form.is_submitted():
        form.fill(site_settings())
    return _page(form, LogoForm(formdata=None), 400 if form.is_submitted() else 200)


def upload_logo():
    """Replace the logo; the favicon and icons are made from it."""
    form = LogoForm()
    if form.validate_on_submit():
        chosen = form.logo.data
        try:
            logo.set_logo(current_user, Upload(chosen.filename or "", chosen.stream))
        except PhotoRejected as refused:
            form.logo.errors = [str(refused.message)]
        else:
            flash(_("The new logo is in place."), "success")
            return redirect(url_for(".settings"))
    settings_form = SettingsForm(formdata=None)
    settings_form.fill(site_settings())
    return _page(settings_form, form, 400)


@admin_required
def delete_logo():
    """Remove the logo: the platform's default mark is shown instead."""
    if site_settings().logo_key:
        logo.remove_logo(current_user)
        flash(_("The logo has been removed."), "info")
    return redirect(url_for(".settings"))


bp.add_url_rule(
    "/logo", "logo", accepts_photos(admin_required(upload_logo), ("admin",)), methods=["POST"]
)
bp.add_url_rule("/logo/delete", "logo_delete", delete_logo, methods=["POST"])
add_photo_routes(
    bp,
    Gallery("hero_photos", "/hero", lambda: settings_row(), admin_required,
            "office/admin/hero_photos.html", ("admin",)),
)  # fmt: skip
