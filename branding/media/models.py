"""The photo model: one row per photo, attached to exactly one item (or to the branding)."""

from __future__ import annotations

from datetime import datetime

from flask import g, has_request_context, url_for
from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from branding.core.content.columns import MultilingualText, TranslatedText, UTCDateTime
from branding.core.content.publishing import utcnow
from branding.extensions import Model

OWNER_COLUMNS = ("destination_id", "event_id", "business_id", "product_id", "branding_id")
_ONE_OWNER = " + ".join(f"(CASE WHEN {col} IS NULL THEN 0 ELSE 1 END)" for col in OWNER_COLUMNS)


PROCESSING, READY, FAILED = "processing", "ready", "failed"


def original_name(key: str) -> str:
    """Return the stored name of an uploaded original while its renditions are being made."""
    return f"photos/{key[:2]}/{key}-original.bin"


def rendition_names(key: str, widths: list[int]) -> list[str]:
    """Return the stored names of every rendition of the photo with this key and widths."""
    return [f"photos/{key[:2]}/{key}-{w}.{ext}" for w in widths for ext in ("webp", "jpg")]


class Photo(Model):
    """A stored photo and its renditions; the first approved one by position is the cover.

    Files are named ``photos/<key[:2]>/<key>-<width>.<webp|jpg>``, one per width in
    ``widths``. ``width``/``height`` are those of the largest rendition. A photo uploaded by a
    business owner waits (``approved`` false) until the tourism office approves it.

    An upload is stored as it came (``original_name``) and ``state`` is ``processing`` until
    the job (``media.processing``) has made its renditions (``ready``), or found the picture
    unusable (``failed``, with ``failure`` saying why, in English: the catalogue translates it).
    """

    __tablename__ = "photos"
    __table_args__ = (CheckConstraint(f"{_ONE_OWNER} = 1", name="one_owner"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    storage_key: Mapped[str] = mapped_column(String(200), unique=True)
    width: Mapped[int]
    height: Mapped[int]
    widths: Mapped[list[int]] = mapped_column(JSON, default=list)
    alt: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    caption: Mapped[MultilingualText] = mapped_column(TranslatedText, default=dict)
    position: Mapped[int] = mapped_column(default=0)
    approved: Mapped[bool] = mapped_column(default=True)
    is_sample: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(12), default=READY, server_default=READY, index=True)
    failure: Mapped[str] = mapped_column(String(500), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    destination_id: Mapped[int | None] = mapped_column(
        ForeignKey("destinations.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    business_id: Mapped[int | None] = mapped_column(
        ForeignKey("businesses.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    branding_id: Mapped[int | None] = mapped_column(  # a hero photograph of the regency
        ForeignKey("branding_settings.id", ondelete="CASCADE"), index=True
    )

    def file_name(self, width: int, extension: str) -> str:
        """Return the stored name of one rendition."""
        return f"photos/{self.storage_key[:2]}/{self.storage_key}-{width}.{extension}"

    def file_names(self) -> list[str]:
        """Return the stored names of every rendition of this photo."""
        return rendition_names(self.storage_key, self.widths)

    def stored_names(self) -> list[str]:
        """Return every name stored for this photo: its renditions and a waiting original."""
        waiting = [original_name(self.storage_key)] if self.state == PROCESSING else []
        return self.file_names() + waiting

    @property
    def is_ready(self) -> bool:
        """Tell whether the renditions exist (pages can show the photo)."""
        return self.state == READY and bool(self.widths)

    def url(self, width: int | None = None, extension: str = "jpg", external: bool = False) -> str:
        """Return the address of a rendition (the largest when no width is given)."""
        name = self.file_name(width or self.width, extension)
        if external or not has_request_context():
            return url_for("media.file", name=name, _external=external)
        return media_prefix() + name  # a card's srcset names several: built once a request

    def srcset(self, extension: str, up_to: int | None = None) -> str:
        """Return the ``srcset`` of one format: each rendition (up to a width) with its width."""
        widths = [w for w in self.widths if up_to is None or w <= up_to] or self.widths[:1]
        return ", ".join(f"{self.url(w, extension)} {w}w" for w in widths)

    def fallback_width(self, wanted: int = 1024) -> int:
        """Return the rendition width closest above ``wanted`` (for a plain ``src``)."""
        return next((w for w in self.widths if w >= wanted), self.width)


def media_prefix() -> str:
    """Return the path stored files are served under (``/media/``), built once a request.

    Stored names are ``photos/<hex>/<hex>-<width>.<ext>``: nothing in them needs quoting.
    """
    if "media_prefix" not in g:
        g.media_prefix = url_for("media.file", name="_")[:-1]
    return g.media_prefix


class HasPhotos:
    """What items with a ``photos`` relationship share: the visible gallery and its cover."""

    photos: list[Photo]

    @property
    def gallery(self) -> list[Photo]:
        """Return the photos visitors see, in order (approved, their renditions made)."""
        return [photo for photo in self.photos if photo.approved and photo.is_ready]

    @property
    def ready_photos(self) -> list[Photo]:
        """Return every photo whose renditions exist, approved or not (an owner's preview)."""
        return [photo for photo in self.photos if photo.is_ready]

    @property
    def cover(self) -> Photo | None:
        """Return the cover photo: the first the visitors see."""
        return next((photo for photo in self.photos if photo.approved and photo.is_ready), None)
