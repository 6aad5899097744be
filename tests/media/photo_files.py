"""Photo files made by the tests: real JPEG, PNG and WebP bytes, with or without metadata."""

from __future__ import annotations

import io
import struct

from PIL import Image

from branding.media.decoding import formats

GPS_IFD = 0x8825
formats()  # lets Pillow write HEIF too, as the upload checks read it


def photo_bytes(
    size: tuple[int, int] = (1200, 800),
    image_format: str = "JPEG",
    color: tuple[int, int, int] = (40, 120, 80),
    exif=None,
    **options,
) -> bytes:
    """Return an encoded picture: a gradient with a block, so renditions differ visibly."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste(color, (size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2))
    buffer = io.BytesIO()
    if exif is not None:
        options["exif"] = exif
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def gps_exif(orientation: int = 1) -> Image.Exif:
    """Return EXIF with a camera, a date and a GPS position (Salak, Pakpak Bharat)."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 12"  # Model
    exif[0x0132] = "2026:11:01 09:30:00"  # DateTime
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (2.0, 34.0, 12.0), 3: "E", 4: (98.0, 17.0, 30.0)}
    return exif


def samsung_trailer(*blocks: tuple[int, bytes]) -> bytes:
    """What Galaxy phones append after a JPEG: (type, data) blocks, then the SEF directory."""
    body = b"".join(data for _, data in blocks)
    entries, offset = b"", 0
    for kind, data in blocks:
        back = len(body) - offset  # from the directory back to the block's first byte
        entries += struct.pack("<HHII", 0, kind, back, len(data))
        offset += len(data)
    directory = b"SEFH" + struct.pack("<II", 106, len(blocks)) + entries
    return body + directory + struct.pack("<I", len(directory)) + b"SEFT"


CAPTURE_TIME = (0x0A01, b"\x00\x00\x01\x0a\x0e\x00\x00\x00Image_UTC_Data1764300000000")
