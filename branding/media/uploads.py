"""The request side of uploads: limits enforced while the request is read, and file names.

The whole request is limited before parsing (``MAX_CONTENT_LENGTH``, raised for upload
routes only); each file part is limited while it is being read (``PhotoRequest``), so a
file over the limit is refused without being kept. The name a browser sends is never used
for storage; a name that only a crafted request would carry is refused all the same.
"""

from __future__ import annotations

import tempfile
from typing import IO, Any

from flask import Flask, Request, current_app, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from branding.accounts import limits
from branding.media.decoding import PhotoRejected, megabytes

MAX_NAME_BYTES = 255


class FileTooLarge(RequestEntityTooLarge):
    """One file of an upload is over the per-file limit."""


class _LimitedSpool(tempfile.SpooledTemporaryFile):
    """A spooled file that stops being written past its limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(max_size=500 * 1024, mode="rb+")
        self._limit, self._written = limit, 0

    def write(self, data: Any) -> int:
        self._written += len(data)
        if self._written > self._limit:
            self.close()  # the parser drops this file: release its temporary file now
            raise FileTooLarge()
        return super().write(data)


class PhotoRequest(Request):
    """A request whose file parts are limited to one photo's size each, plus a margin."""

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        limit = current_app.config["PHOTO_MAX_FILE_BYTES"]
        spool = _LimitedSpool(limit + 1)  # one byte more, so that the reader can tell
        self._spools = [*getattr(self, "_spools", []), spool]
        return spool

    def close(self) -> None:
        """Close every file part, also those of a request refused halfway through parsing."""
        super().close()
        for spool in getattr(self, "_spools", []):
            spool.close()


def photo_limits() -> dict[str, str | int]:
    """Return the upload limits for messages: megabytes per photo, photos per upload."""
    config = current_app.config
    return {"mb": megabytes(config["PHOTO_MAX_FILE_BYTES"]), "count": config["PHOTO_MAX_FILES"]}


def accepts_photos(view, roles: tuple[str, ...]):
    """Mark a view as one that receives a batch of photos from users with these roles."""
    view.accepts_photos = roles
    return view


def _allow_photo_batch() -> None:
    """Raise the request limits for a user allowed to post photos to this view, before parsing."""
    view = current_app.view_functions.get(request.endpoint or "")
    roles = getattr(view, "accepts_photos", ())
    if request.method == "POST" and roles and current_user.is_authenticated:
        if current_user.role.value in roles:
            config = current_app.config
            # uploads per user, counted before the body is read: a 429 costs nothing
            per_user = config["UPLOADS_PER_USER"]
            limits.limit("upload", limits.key_of(str(current_user.id)), *per_user)
            limit = config["PHOTO_MAX_FILES"] * (config["PHOTO_MAX_FILE_BYTES"] + 64 * 1024)
            request.max_content_length = limit
            request.max_form_parts = config["PHOTO_MAX_FILES"] + 20  # the texts, and a margin


def init_app(app: Flask) -> None:
    """Limit file parts as they are read; raise the request limit on photo views only.

    Call before CSRF protection is set up: its check reads the form, so the limit must be
    in place first.
    """
    app.request_class = PhotoRequest
    app.before_request(_allow_photo_batch)
    app.add_template_global(photo_limits)


def check_file_name(name: str) -> None:
    """Refuse a file name with a path, control characters, or of unreasonable length."""
    if not name:
        return
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        raise PhotoRejected(_l("The file name is too long. Rename the file and try again."))
    if any(ord(c) < 32 or c in "/\\\x7f" for c in name) or name in (".", ".."):
        raise PhotoRejected(_l("The file name is not acceptable. Rename the file and try again."))
