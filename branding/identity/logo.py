"""The regency's logo, through the photo pipeline's checks, and the icons made from it.

An uploaded logo is decoded like any photo (format allow-list, pixel limits, nothing smuggled
after the picture, metadata removed) but keeps its transparency. From it are made, once: the
header logo (PNG and WebP, 96 px high), the favicon (ICO and a 32 px PNG), the touch icon
(180 px on white) and the web manifest's icons (192 and 512 px, and a maskable 512 px one with
the logo inside the safe zone). Files are named ``photos/<key[:2]>/<key>-<what>.<ext>`` like
renditions, written before the commit, removed on a rollback, and a replaced logo's files
are removed once the change is committed.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from PIL import Image

from branding.accounts import audit
from branding.accounts.models import User
from branding.extensions import db
from branding.identity.models import BrandingSettings
from branding.identity.services import settings_row, stored_settings
from branding.media import cleanup
from branding.media.decoding import PhotoLimits, PhotoRejected, decode_photo, read_limited
from branding.media.services import Upload
from branding.media.storage import storage
from branding.media.uploads import check_file_name

HEADER_HEIGHT = 96  # shown 40 px high: sharp on screens up to 2.4 device pixels per px
HEADER_MAX_WIDTH = 480
SMALLEST_SIDE = 64
ICONS = {"icon32": (32, 0.0, None), "icon180": (180, 0.1, "white"),
         "icon192": (192, 0.08, None), "icon512": (512, 0.08, None),
         "maskable512": (512, 0.22, "white")}  # fmt: skip  # size, margin, background
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]


@dataclass(frozen=True)
class LogoFiles:
    width: int  # of the header logo
    height: int
    files: dict[str, bytes]  # "<what>.<ext>" → bytes


def file_name(key: str, what: str) -> str:
    """Return the stored name of one of a logo's files (``what`` like ``icon192.png``)."""
    return f"photos/{key[:2]}/{key}-{what}"


def header_names(width: int) -> tuple[str, str]:
    """Return the header logo's file suffixes: WebP and PNG."""
    return f"{width}.webp", f"{width}.png"


def logo_suffixes(width: int) -> list[str]:
    """Return the suffixes of every file of a logo whose header rendition is this wide."""
    icons = [f"{what}.png" for what in ICONS]
    return [*header_names(width), *icons, "favicon.ico"]


def logo_file_names(settings: BrandingSettings | None = None) -> list[str]:
    """Return the stored names of the current logo's files (none without a logo)."""
    settings = settings or stored_settings()
    if settings is None or not settings.logo_key:
        return []
    return [file_name(settings.logo_key, s) for s in logo_suffixes(settings.logo_width)]


def logo_url(what: str, settings: BrandingSettings) -> str:
    """Return the address of one of the logo's files."""
    return url_for("media.file", name=file_name(settings.logo_key, what))


def _limits() -> PhotoLimits:
    config = current_app.config
    return PhotoLimits(config["PHOTO_MAX_FILE_BYTES"], config["PHOTO_MAX_PIXELS"], 1600,
                       config["PHOTO_MAX_PIXELS_WHOLE"])  # fmt: skip


def decode_logo(upload: Upload) -> Image.Image:
    """Check an uploaded logo and return it as RGBA, cropped to what is not transparent."""
    check_file_name(upload.filename)
    image = decode_photo(read_limited(upload.stream, _limits()), _limits(), keep_alpha=True)
    box = image.getchannel("A").getbbox()
    if box is None:
        raise PhotoRejected(_l("The logo is fully transparent: there is nothing to show."))
    image = image.crop(box)
    if min(image.size) < SMALLEST_SIDE:
        raise PhotoRejected(
            _l("The logo is too small: at least %(px)s pixels on each side.", px=SMALLEST_SIDE)
        )
    return image


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _header(image: Image.Image) -> tuple[Image.Image, dict[str, bytes]]:
    scale = min(HEADER_HEIGHT / image.height, HEADER_MAX_WIDTH / image.width, 1.0)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    header = image.resize(size, Image.Resampling.LANCZOS) if scale < 1 else image
    webp = io.BytesIO()
    header.save(webp, format="WEBP", quality=90, method=4)
    webp_name, png_name = header_names(header.width)
    return header, {webp_name: webp.getvalue(), png_name: _png(header)}


def square_icon(image: Image.Image, size: int, margin: float, background: str | None):
    """Return the logo fitted into a square icon, with a margin (a share of the side)."""
    canvas = Image.new("RGBA", (size, size), background or (0, 0, 0, 0))
    room = max(1, round(size * (1 - 2 * margin)))
    scale = room / max(image.size)
    fitted = image.resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))),
        Image.Resampling.LANCZOS,
    )
    canvas.alpha_composite(fitted, ((size - fitted.width) // 2, (size - fitted.height) // 2))
    return canvas if background is None else canvas.convert("RGB")


def make_logo_files(image: Image.Image) -> LogoFiles:
    """Make the header logo, the favicon and the icons from a decoded logo."""
    header, files = _header(image)
    for what, (size, margin, background) in ICONS.items():
        files[f"{what}.png"] = _png(square_icon(image, size, margin, background))
    ico = io.BytesIO()
    square_icon(image, 48, 0.0, None).save(ico, format="ICO", sizes=FAVICON_SIZES)
    files["favicon.ico"] = ico.getvalue()
    return LogoFiles(header.width, header.height, files)


def set_logo(actor: User, upload: Upload) -> BrandingSettings:
    """Replace the logo (or add the first) with an upload, or raise PhotoRejected."""
    try:
        made = make_logo_files(decode_logo(upload))
    except (OSError, ValueError) as error:
        if isinstance(error, PhotoRejected):
            raise
        raise PhotoRejected(_l("The logo could not be processed. Please try another.")) from error
    settings = settings_row()
    old = logo_file_names(settings)
    key = secrets.token_hex(12)
    try:
        for what, data in made.files.items():
            cleanup.written(db.session, file_name(key, what))
            storage().save(file_name(key, what), data)
        settings.logo_key, settings.logo_width, settings.logo_height = key, made.width, made.height
        cleanup.doomed(db.session, old)
        audit.record(actor, "change logo", settings, {"logo": [bool(old), True]})
        db.session.commit()
    except BaseException:
        db.session.rollback()  # removes the files written so far
        raise
    return settings


def remove_logo(actor: User) -> BrandingSettings:
    """Remove the logo: pages and icons go back to the platform's defaults."""
    settings = settings_row()
    cleanup.doomed(db.session, logo_file_names(settings))
    settings.logo_key, settings.logo_width, settings.logo_height = "", 0, 0
    audit.record(actor, "remove logo", settings, {"logo": [True, False]})
    db.session.commit()
    return settings
