"""Where an image file's own structure says it ends, to refuse data smuggled after it.

A JPEG with an HTML page appended decodes as a photo; browsers and other tools may read
the tail. We never serve the upload itself, but a file that carries more than a picture is
refused all the same. Allowed after the end: nothing, zero padding, another JPEG (the
second frame of a multi-picture MPO) and an MP4 (the video of a phone's "motion photo").
"""

from __future__ import annotations

import struct

_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and RST0–7 carry no length
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_end(data: bytes, image_format: str) -> int | None:
    """Return the offset just past the image in ``data``, or None when it never ends."""
    finder = {"JPEG": _jpeg_end, "MPO": _jpeg_end, "PNG": _png_end, "WEBP": _webp_end}
    return finder.get(image_format, _bmff_end)(data)


def has_foreign_tail(data: bytes, image_format: str) -> bool:
    """Say whether bytes other than padding, an MPO frame or a motion-photo video follow."""
    end = image_end(data, image_format)
    if end is None:
        return True
    tail = data[end:]
    if not tail.strip(b"\x00\r\n\t "):
        return False
    return not (tail.startswith(b"\xff\xd8\xff") or tail[4:8] == b"ftyp")


def _jpeg_end(data: bytes) -> int | None:
    pos = 2  # after SOI
    while pos + 2 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            return pos + 2
        if marker in _JPEG_STANDALONE:
            pos += 2
            continue
        if pos + 4 > len(data):
            return None
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next real marker
            pos = _after_scan(data, pos)
    return None


def _after_scan(data: bytes, pos: int) -> int:
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            return len(data)
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def _png_end(data: bytes) -> int | None:
    pos = len(_PNG_SIGNATURE)
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        pos += 12 + length
        if kind == b"IEND":
            return pos if pos <= len(data) else None
    return None


def _webp_end(data: bytes) -> int | None:
    if len(data) < 12 or data[:4] != b"RIFF":
        return None
    (size,) = struct.unpack("<I", data[4:8])
    end = 8 + size + (size & 1)
    return end if end <= len(data) else None


def _bmff_end(data: bytes) -> int | None:
    """HEIF/HEIC: the top-level boxes of an ISO base media file, one after another."""
    pos = 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if size == 1 and pos + 16 <= len(data):
            (size,) = struct.unpack(">Q", data[pos + 8 : pos + 16])
        elif size == 0:
            return len(data)
        if size < 8 or not kind.isascii():
            return pos
        pos += size
    return pos if pos == len(data) else None
