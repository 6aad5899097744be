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
_PADDING = b"\x00\r\n\t "


def image_end(data: bytes, image_format: str) -> int | None:
    """Return the offset just past the image in ``data``, or None when it never ends."""
    finder = {"JPEG": _jpeg_end, "MPO": _jpeg_end, "PNG": _png_end, "WEBP": _webp_end}
    return finder.get(image_format, _bmff_end)(data)


def foreign_after(data: bytes, end: int) -> bool:
    """Say whether anything but padding, whole JPEG frames or a whole MP4 follows ``end``.

    Each frame and the video must be well formed up to its own end, so that a page behind a
    JPEG marker or a fake ``ftyp`` is not let through.
    """
    stop = len(data.rstrip(_PADDING)) if end < len(data) else end
    trailer = samsung_trailer_start(data, end)
    if trailer is not None:  # what Samsung phones append: its blocks are accounted for
        stop = trailer
    pos: int | None = end
    while pos is not None and pos < stop:
        if data.startswith(b"\xff\xd8\xff", pos):  # another frame of an MPO
            pos = _jpeg_end(data, pos)
        elif data[pos + 4 : pos + 8] == b"ftyp":  # the video of a motion photo
            video_end = _bmff_end(data, pos)
            pos = video_end if video_end is not None and video_end >= stop else None
        else:
            return True
    return pos is None


def samsung_trailer_start(data: bytes, end: int) -> int | None:
    """Return where a well-formed Samsung "SEF" trailer begins after ``end``, or None.

    Galaxy phones append blocks (capture time, motion-photo video, depth map …) followed by
    a directory: ``SEFH``, version, count, then per block (padding, type, distance back from
    ``SEFH``, length), and finally the directory's length and ``SEFT``. The trailer is taken
    only if its blocks lie after the picture and cover every byte up to the directory.
    """
    if len(data) - end < 20 or data[-4:] != b"SEFT":
        return None
    (directory_length,) = struct.unpack("<I", data[-8:-4])
    head = len(data) - 8 - directory_length
    if head < end or data[head : head + 4] != b"SEFH":
        return None
    (count,) = struct.unpack("<I", data[head + 8 : head + 12])
    if count == 0 or head + 12 + 12 * count > len(data) - 8:
        return None
    blocks = []
    for n in range(count):
        _, _, back, length = struct.unpack("<HHII", data[head + 12 + 12 * n : head + 24 + 12 * n])
        blocks.append((head - back, head - back + length))
    blocks.sort()
    covered = blocks[0][0]
    for start, stop in blocks:
        if start < end or stop > head or start > covered:
            return None
        covered = max(covered, stop)
    return blocks[0][0] if covered == head else None


def _jpeg_end(data: bytes, start: int = 0) -> int | None:
    pos = start + 2  # after SOI
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


def _bmff_end(data: bytes, start: int = 0) -> int | None:
    """HEIF/HEIC: the top-level boxes of an ISO base media file, one after another."""
    pos = start
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
