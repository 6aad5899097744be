"""Open an uploaded file as a photo, or refuse it with a reason the uploader can act on.

The format is decided by decoding with an allow-list, never by the file's name or declared
type; the pixel count is checked from the header before any pixel is decoded; a truncated or
damaged file fails the full decode; anything smuggled after the picture is refused
(``container``). The result is an RGB image, turned upright, with no metadata left on it.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import cache
from typing import cast

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageCms, UnidentifiedImageError

from branding.media.container import foreign_after, image_end


@cache
def formats() -> tuple[str, ...]:
    """Return the formats an upload may be in, with HEIC/HEIF from phones.

    pillow-heif (libheif, 7 MB a process) is loaded on the first photo decoded, not by
    every web worker at start.
    """
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # pragma: no cover - pillow-heif is a dependency
        return ("JPEG", "PNG", "WEBP")
    register_heif_opener(thumbnails=False)
    return ("JPEG", "PNG", "WEBP", "HEIF")


WEBP_MAX_SIDE = 16383
SMALLEST_WIDTH = 320  # the smallest rendition (media.renditions)
_SWAPS_AXES = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter
_UPRIGHT = {  # what turns a picture with each EXIF orientation upright
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SRGB = ImageCms.createProfile("sRGB")


class PhotoRejected(ValueError):
    """An upload that is not a photo we accept; ``message`` says why, in the user's language."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class PhotoLimits:
    max_bytes: int
    max_pixels: int  # a JPEG: decoded at a reduced scale when it is large
    largest_width: int  # decode no bigger than this needs (JPEG draft mode)
    max_pixels_whole: int = 25_000_000  # PNG, WebP, HEIC: always decoded whole, so fewer


def read_limited(stream, limits: PhotoLimits) -> bytes:
    """Read an upload, refusing an empty one or one over the size limit."""
    data = stream.read(limits.max_bytes + 1)
    if not data:
        raise PhotoRejected(_l("The file is empty."))
    if len(data) > limits.max_bytes:
        raise PhotoRejected(
            _l(
                "The file is too large: a photo may be at most %(mb)s MB.",
                mb=megabytes(limits.max_bytes),
            )
        )
    return data


def megabytes(size: int) -> str:
    """Return a byte count as megabytes for a message: 15000000 → "15"."""
    return f"{size / 1_000_000:g}"


def check_photo(data: bytes, limits: PhotoLimits) -> tuple[int, int]:
    """Check an upload from its header and structure, without decoding a pixel; return the
    upright width and height, or raise PhotoRejected (the upload request's share of the work).
    """
    image = _open(data, limits)
    _check_structure(data, image)
    orientation = _orientation(image)
    _check_proportions(*image.size, limits.largest_width, orientation)
    width, height = image.size
    image.close()
    return (height, width) if orientation in _SWAPS_AXES else (width, height)


def _check_structure(data: bytes, image: Image.Image) -> None:
    end = image_end(data, image.format or "")
    if end is None:  # cut short: the picture's own structure never ends
        raise _truncated()
    if foreign_after(data, end):
        raise PhotoRejected(
            _l(
                "The file has extra data after the picture. Save the photo again as JPEG, "
                "PNG or WebP, then upload it."
            )
        )


def decode_photo(data: bytes, limits: PhotoLimits, keep_alpha: bool = False) -> Image.Image:
    """Return the upload as an upright RGB image without metadata, or raise PhotoRejected.

    With ``keep_alpha`` (a logo), transparency is kept: the image is RGBA.
    """
    image = _open(data, limits)
    _check_structure(data, image)
    orientation = _orientation(image)
    _check_proportions(*image.size, limits.largest_width, orientation)
    _draft(image, limits.largest_width, orientation)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except Exception as error:  # Pillow raises many kinds for damaged files
        raise (_truncated() if "truncated" in str(error) else _damaged()) from error
    return _clean(_shrink(image, limits.largest_width, orientation), orientation, keep_alpha)


def _damaged() -> PhotoRejected:
    return PhotoRejected(
        _l("The photo is damaged: its picture data cannot be read. Please try another photo.")
    )


def _truncated() -> PhotoRejected:
    return PhotoRejected(
        _l(
            "The file is incomplete: it ends before the picture does (it was cut short while "
            "copying or uploading). Upload the whole file again."
        )
    )


# How each format we accept begins: a file that starts like one but cannot be opened was cut.
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def _starts_like_a_photo(data: bytes) -> bool:
    if data.startswith(_SIGNATURES):
        return True
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return True
    return data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif")


def _open(data: bytes, limits: PhotoLimits) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=formats())
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        looks_like = "JPEG" if data.startswith(b"\xff\xd8") else None  # Pillow stopped early
        raise _too_many_pixels(_max_pixels(limits, looks_like)) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        if _starts_like_a_photo(data):
            raise _truncated() from error
        raise PhotoRejected(
            _l("This is not a photo we accept. Please upload a JPEG, PNG, WebP or HEIC photo.")
        ) from error
    width, height = image.size
    most = _max_pixels(limits, image.format)
    if width < 1 or height < 1 or width * height > most:
        raise _too_many_pixels(most)
    return image


def _check_proportions(width: int, height: int, largest_width: int, orientation: int) -> None:
    """Refuse a picture whose largest rendition would be taller than WebP allows."""
    if orientation in _SWAPS_AXES:
        width, height = height, width
    if height * min(width, largest_width) / width > WEBP_MAX_SIDE:
        raise PhotoRejected(
            _l("The photo is too tall for its width. Crop it, then upload it again.")
        )
    if height * min(width, SMALLEST_WIDTH) / width < 1:
        raise PhotoRejected(
            _l("The photo is too wide for its height. Crop it, then upload it again.")
        )


def _max_pixels(limits: PhotoLimits, image_format: str | None) -> int:
    scaled = image_format in ("JPEG", "MPO")
    return limits.max_pixels if scaled else min(limits.max_pixels, limits.max_pixels_whole)


def _too_many_pixels(most: int) -> PhotoRejected:
    megapixels = f"{most / 1_000_000:g}"
    return PhotoRejected(
        _l("The photo has too many pixels: at most %(mp)s megapixels.", mp=megapixels)
    )


def _orientation(image: Image.Image) -> int:
    if image.format == "PNG" and "exif" not in image.info:
        return 1  # Pillow would decode the whole picture to look for EXIF after it (and a
        # damaged one would then pass the real decode with blank pixels)
    try:
        return int(image.getexif().get(0x0112, 1))
    except Exception:  # unreadable EXIF: treat the photo as upright
        return 1


def _draft(image: Image.Image, largest_width: int, orientation: int) -> None:
    """Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the largest rendition allows it."""
    if image.format in ("JPEG", "MPO"):
        wanted = (1, largest_width) if orientation in _SWAPS_AXES else (largest_width, 1)
        image.draft("RGB", wanted)


def _shrink(image: Image.Image, largest_width: int, orientation: int) -> Image.Image:
    """Reduce a large decoded picture by a whole factor first, so later copies are small.

    Only JPEG can be decoded at a smaller scale (``_draft``); a 48-megapixel PNG, WebP or
    HEIC is decoded whole, and every conversion after it would copy it whole again.
    """
    side = image.height if orientation in _SWAPS_AXES else image.width
    factor = side // largest_width
    if factor < 2 or image.mode not in ("RGB", "RGBA", "L", "LA", "CMYK", "I", "F"):
        return image
    return image.reduce(factor)  # keeps .info, and with it any colour profile


def _clean(image: Image.Image, orientation: int, keep_alpha: bool = False) -> Image.Image:
    icc = image.info.get("icc_profile")
    if orientation in _UPRIGHT:
        image = image.transpose(_UPRIGHT[orientation])
    image = _to_srgb(image, icc) if icc else image
    image = _with_alpha(image) if keep_alpha else _flatten(image)
    image.info = {}
    return image


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert colours from the photo's own profile (Display P3 on many phones) to sRGB."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGB" if image.mode not in ("RGBA", "LA", "PA") else "RGBA"
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
        return cast(Image.Image, converted)  # None only with inPlace=True
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _with_alpha(image: Image.Image) -> Image.Image:
    """Return an RGBA image (a logo keeps its transparency)."""
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    return image.convert("RGBA")


def _flatten(image: Image.Image) -> Image.Image:
    """Return an RGB image; transparency is put on white."""
    if image.mode == "RGB":
        return image
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    return image.convert("RGB")
