"""Hostile uploads: every one is refused with a 4xx and a message, and nothing is stored.

The corpus is built here, in memory: a real PNG decompression bomb (its IDAT inflates to
2.5 GB), files of other formats named ``.jpg`` and sent as ``image/jpeg``, a JPEG with a
page smuggled after it, an empty file, files and requests over the limits, and crafted
file names carrying an otherwise good JPEG.
"""

from __future__ import annotations

import html
import io
import resource
import struct
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from branding.accounts.models import Role
from branding.extensions import db
from branding.media import uploads
from branding.media.decoding import PhotoLimits, PhotoRejected, decode_photo
from branding.media.models import Photo
from tests.accounts_helpers import login
from tests.media.photo_files import CAPTURE_TIME, photo_bytes, samsung_trailer
from tests.media.test_pipeline import mp4_video

# What the uploader reads, in English and in Indonesian.
EMPTY = ("The file is empty.", "Berkas ini kosong.")
NOT_A_PHOTO = (
    "This is not a photo we accept. Please upload a JPEG, PNG, WebP or HEIC photo.",
    "Berkas ini bukan foto yang kami terima. Unggah foto JPEG, PNG, WebP, atau HEIC.",
)
MORE_THAN_A_PHOTO = (  # what the uploader can act on: something is stuck behind the picture
    "The file has extra data after the picture. Save the photo again as JPEG, PNG or WebP, "
    "then upload it.",
    "Berkas ini berisi data tambahan setelah gambarnya. Simpan ulang foto sebagai JPEG, PNG, "
    "atau WebP, lalu unggah.",
)
TRUNCATED = (
    "The file is incomplete: it ends before the picture does (it was cut short while copying "
    "or uploading). Upload the whole file again.",
    "Berkas ini tidak lengkap: berakhir sebelum gambarnya selesai (terpotong saat disalin atau "
    "diunggah). Unggah lagi berkas yang utuh.",
)
TOO_WIDE = (
    "The photo is too wide for its height. Crop it, then upload it again.",
    "Foto ini terlalu lebar dibanding tingginya. Potong fotonya, lalu unggah lagi.",
)
TOO_MANY_PIXELS = (
    "The photo has too many pixels: at most 50 megapixels.",
    "Foto ini terlalu banyak pikselnya: paling banyak 50 megapiksel.",
)
TOO_MANY_PIXELS_WHOLE = (  # PNG, WebP and HEIC are decoded whole: a lower limit
    "The photo has too many pixels: at most 25 megapixels.",
    "Foto ini terlalu banyak pikselnya: paling banyak 25 megapiksel.",
)
NAME_TOO_LONG = (
    "The file name is too long. Rename the file and try again.",
    "Nama berkas terlalu panjang. Ganti nama berkas lalu coba lagi.",
)
NAME_NOT_ACCEPTABLE = (
    "The file name is not acceptable. Rename the file and try again.",
    "Nama berkas tidak dapat diterima. Ganti nama berkas lalu coba lagi.",
)
FILE_TOO_LARGE = (
    "The file is too large: a photo may be at most 0.1 MB.",
    "Berkas terlalu besar: satu foto paling besar 0.1 MB.",
)
TOO_MUCH_AT_ONCE = (
    "Too much at once: each photo may be at most 0.1 MB, and at most 2 photos at a time.",
    "Terlalu banyak sekaligus: satu foto paling besar 0.1 MB, dan paling banyak 2 foto sekaligus.",
)
# 100 kB a photo, two at a time: the request limit is 2 × (100,000 + 65,536) = 331,072 bytes
TOO_TALL = (
    "The photo is too tall for its width. Crop it, then upload it again.",
    "Foto ini terlalu tinggi dibanding lebarnya. Potong fotonya, lalu unggah lagi.",
)
SMALL_LIMITS = {"PHOTO_MAX_FILE_BYTES": 100_000, "PHOTO_MAX_FILES": 2}


# --- the corpus -------------------------------------------------------------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _raw_deflate(data: bytes, final: bool) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    )


def png_of_zeros(width: int, height: int) -> bytes:
    """Return a grayscale PNG whose IDAT really inflates to ``height`` rows of black pixels.

    A full flush resets the compressor, so one compressed MiB of zeros can be repeated as it
    is: the file stays about 1/1000 of what it inflates to, and is built in milliseconds.
    """
    inflated = height * (width + 1)  # each row starts with its filter byte
    unit = 1 << 20
    whole, rest = divmod(inflated, unit)
    adler = (inflated % 65521) << 16 | 1  # Adler-32 of zeros: a stays 1, b counts the bytes
    idat = (
        b"\x78\xda"  # zlib header, best compression
        + _raw_deflate(bytes(unit), final=False) * whole
        + _raw_deflate(bytes(rest), final=True)
        + struct.pack(">I", adler)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grayscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def _saved(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def _picture(mode: str = "RGB") -> Image.Image:
    return Image.linear_gradient("L").resize((64, 48)).convert(mode)


def jpeg() -> bytes:
    """A small photo the pipeline accepts."""
    return photo_bytes((640, 480))


def truncated_jpeg() -> bytes:
    data = jpeg()
    return data[: len(data) // 2]


HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>Hello</title></head>"
    b"<body><script>fetch('/en/account/').then(r => r.text()).then(alert)</script></body></html>"
)
SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48" onload="alert(1)">'
    b'<rect width="64" height="48" fill="#2a7"/><script>alert(document.domain)</script></svg>'
)


def psd() -> bytes:
    """A minimal Photoshop document: 4×4 RGB, raw planar pixels, no layers."""
    width, height = 4, 4
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height, width, 8, 3)
    sections = struct.pack(">III", 0, 0, 0)  # colour mode data, image resources, layers
    return header + sections + struct.pack(">H", 0) + bytes(range(3 * width * height))


def pdf() -> bytes:
    return _saved(_picture(), "PDF")


def tiff() -> bytes:
    return _saved(_picture(), "TIFF")


def gif() -> bytes:
    return _saved(_picture("P"), "GIF")


def bmp() -> bytes:
    return _saved(_picture(), "BMP")


def jpeg_with_page() -> bytes:
    return jpeg() + HTML_PAGE


def jpeg_with_page_behind_fake_video() -> bytes:
    """A page whose first bytes pass for an MP4 box header (``<!--ftyp-->``)."""
    return jpeg() + b"<!--ftyp-->" + HTML_PAGE


def jpeg_with_page_behind_fake_frame() -> bytes:
    """A page behind the start-of-image marker of a second JPEG that never comes."""
    return jpeg() + b"\xff\xd8\xff" + HTML_PAGE


def jpeg_with_video_then_page() -> bytes:
    return jpeg() + mp4_video() + HTML_PAGE


def jpeg_with_page_before_samsung_trailer() -> bytes:
    """A page between the picture and a genuine-looking Samsung trailer that does not list it."""
    return jpeg() + HTML_PAGE + samsung_trailer(CAPTURE_TIME)


def jpeg_with_cut_video() -> bytes:
    """A video whose ``mdat`` claims more bytes than follow: what comes after is unknown."""
    return jpeg() + mp4_video()[:-100]


def png_bomb() -> bytes:
    return png_of_zeros(50_000, 50_000)


def png_64_megapixels() -> bytes:
    """Over our 50-megapixel limit, below Pillow's own decompression-bomb limit."""
    return png_of_zeros(8_000, 8_000)


def png_30_megapixels() -> bytes:
    """Within the JPEG limit, over the limit of pictures that are decoded whole."""
    return png_of_zeros(6_000, 5_000)


def png_1x20000() -> bytes:
    """A thread of a picture: within every pixel limit, taller than WebP can encode."""
    return png_of_zeros(1, 20_000)


def jpeg_claiming_65500_square() -> bytes:
    """A JPEG whose frame header claims 65,500 × 65,500 pixels."""
    data = bytearray(jpeg())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65_500, 65_500)
    return bytes(data)


def _case(build: Callable[[], bytes], message, case_id: str, name: str = "photo.jpg"):
    return pytest.param(build, name, message, id=case_id)


HOSTILE = [
    _case(png_bomb, TOO_MANY_PIXELS_WHOLE, "png-bomb-50000x50000"),
    _case(png_64_megapixels, TOO_MANY_PIXELS_WHOLE, "png-64-megapixels"),
    _case(png_30_megapixels, TOO_MANY_PIXELS_WHOLE, "png-30-megapixels"),
    _case(jpeg_claiming_65500_square, TOO_MANY_PIXELS, "jpeg-header-65500-square"),
    _case(png_1x20000, TOO_TALL, "png-1x20000"),
    _case(truncated_jpeg, TRUNCATED, "truncated-jpeg"),
    _case(lambda: jpeg()[:300], TRUNCATED, "jpeg-cut-in-its-header"),
    _case(lambda: png_of_zeros(100, 100)[:40], TRUNCATED, "png-cut-in-its-header"),
    _case(lambda: png_of_zeros(100_000, 1), TOO_WIDE, "png-100000x1"),
    _case(lambda: HTML_PAGE, NOT_A_PHOTO, "html"),
    _case(lambda: SVG, NOT_A_PHOTO, "svg"),
    _case(pdf, NOT_A_PHOTO, "pdf"),
    _case(psd, NOT_A_PHOTO, "psd"),
    _case(tiff, NOT_A_PHOTO, "tiff"),
    _case(gif, NOT_A_PHOTO, "gif"),
    _case(bmp, NOT_A_PHOTO, "bmp"),
    _case(jpeg_with_page, MORE_THAN_A_PHOTO, "jpeg-with-html-appended"),
    _case(jpeg_with_page_behind_fake_video, MORE_THAN_A_PHOTO, "jpeg-with-html-behind-ftyp"),
    _case(jpeg_with_page_behind_fake_frame, MORE_THAN_A_PHOTO, "jpeg-with-html-behind-soi"),
    _case(jpeg_with_video_then_page, MORE_THAN_A_PHOTO, "jpeg-with-mp4-then-html"),
    _case(jpeg_with_cut_video, MORE_THAN_A_PHOTO, "jpeg-with-cut-mp4"),
    _case(jpeg_with_page_before_samsung_trailer, MORE_THAN_A_PHOTO, "html-before-samsung-trailer"),
    _case(bytes, EMPTY, "zero-bytes"),
    _case(jpeg, NAME_NOT_ACCEPTABLE, "name-with-dot-dot-slash", "../../../etc/cron.d/x.jpg"),
    # a backslash escapes the next character in a quoted header value, so "\\\\" arrives as one
    _case(jpeg, NAME_NOT_ACCEPTABLE, "name-with-backslashes", r"..\\..\\boot.ini.jpg"),
    _case(jpeg, NAME_NOT_ACCEPTABLE, "name-with-nul-byte", "photo.php\x00.jpg"),
    _case(jpeg, NAME_TOO_LONG, "name-of-304-characters", "a" * 300 + ".jpg"),
    _case(jpeg, NAME_TOO_LONG, "name-of-258-utf8-bytes", "é" * 127 + ".jpg"),
]


# --- helpers ----------------------------------------------------------------------------


def _files(app) -> set[str]:
    root = Path(app.config["MEDIA_ROOT"])
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _photo_count() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(Photo))


def _upload(client, url: str, *files: tuple[bytes, str]):
    """POST files as a browser would, each declared as ``image/jpeg``.

    The body is encoded here, in memory: the test client would spool a body over 500 kB to a
    temporary file that it never closes.
    """
    parts = MultiDict(
        ("photos", FileStorage(io.BytesIO(content), name, content_type="image/jpeg"))
        for content, name in files
    )
    boundary, body = encode_multipart(parts)
    content_type = f"multipart/form-data; boundary={boundary}"
    return client.post(url, data=body, content_type=content_type)


def _assert_refused(app, response, before: set[str], message: str, status: int = 400) -> None:
    assert response.status_code == status, response.text[:2000]
    assert message in html.unescape(response.text)
    assert _photo_count() == 0
    assert _files(app) == before


@pytest.fixture
def office(client, make):
    """A signed-in editor's client and the photo page of one destination, in a language."""
    login(client, make.user(role=Role.EDITOR))
    destination = make.destination()
    return lambda lang="en": (client, f"/{lang}/office/destinations/{destination.id}/photos")


# --- the corpus through the back office ---------------------------------------------------


def test_the_corpus_is_what_it_claims_to_be():
    """Pillow itself (no allow-list) reads the PSD, TIFF, GIF and BMP; the bomb is real."""
    for build, image_format in ((psd, "PSD"), (tiff, "TIFF"), (gif, "GIF"), (bmp, "BMP")):
        with Image.open(io.BytesIO(build())) as image:
            assert image.format == image_format
    assert pdf().startswith(b"%PDF-") and b"%%EOF" in pdf()[-8:]
    bomb = png_bomb()
    assert len(bomb) < 3_000_000  # cheap to hold and to send
    idat = bomb[bomb.index(b"IDAT") + 4 :]
    inflater = zlib.decompressobj()
    first_rows = inflater.decompress(idat, 3 * 50_001)
    assert first_rows == bytes(3 * 50_001)  # filter byte 0 and black pixels, row after row
    with Image.open(io.BytesIO(png_64_megapixels())) as image:  # below Pillow's own limit
        assert image.size == (8000, 8000)
        image.load()  # and a full, valid stream: it decodes (64 MB, once)


@pytest.mark.parametrize(("build", "name", "message"), HOSTILE)
def test_a_hostile_upload_is_refused_and_stores_nothing(app, office, build, name, message):
    client, url = office()
    before = _files(app)
    response = _upload(client, url, (build(), name))
    _assert_refused(app, response, before, message[0])


@pytest.mark.parametrize(
    ("build", "name", "message"),
    [case for case in HOSTILE if case.id in {
        "png-bomb-50000x50000", "truncated-jpeg", "svg", "jpeg-with-html-appended",
        "zero-bytes", "name-with-dot-dot-slash", "name-of-304-characters",
    }],
)  # fmt: skip
def test_the_refusal_is_in_indonesian_under_id(app, office, build, name, message):
    client, url = office("id")
    before = _files(app)
    response = _upload(client, url, (build(), name))
    _assert_refused(app, response, before, message[1])
    assert message[0] not in html.unescape(response.text)


def test_the_bomb_is_refused_from_its_header_without_inflating_it(app):
    limits = PhotoLimits(15_000_000, 50_000_000, 1600)
    bomb = png_bomb()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    started = time.process_time()
    with app.test_request_context("/en/"), pytest.raises(PhotoRejected):
        decode_photo(bomb, limits)
    assert time.process_time() - started < 0.5
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 100 * 1024  # inflating it would take 2.5 GB


def test_a_batch_with_one_bad_file_stores_nothing(app, office):
    client, url = office()
    before = _files(app)
    response = _upload(client, url, (jpeg(), "good.jpg"), (jpeg_with_page(), "bad.jpg"))
    _assert_refused(app, response, before, f"bad.jpg: {MORE_THAN_A_PHOTO[0]}")
    assert "good.jpg:" not in response.text


def test_the_owner_page_refuses_the_same_way(app, client, make):
    owner = make.user(role=Role.OWNER)
    business = make.business(owner=owner)
    login(client, owner)
    before = _files(app)
    for lang, (build, name, message) in (
        ("en", (lambda: SVG, "shop.jpg", NOT_A_PHOTO[0])),
        ("en", (jpeg, "../shop.jpg", NAME_NOT_ACCEPTABLE[0])),
        ("en", (png_bomb, "shop.png", TOO_MANY_PIXELS_WHOLE[0])),
        ("id", (jpeg_with_page, "shop.jpg", MORE_THAN_A_PHOTO[1])),
    ):
        url = f"/{lang}/my/businesses/{business.id}/photos"
        response = _upload(client, url, (build(), name), (jpeg(), "good.jpg"))
        _assert_refused(app, response, before, message)


# --- limits on size -----------------------------------------------------------------------


def _small_limits_office(make_app, make):
    """An app whose photos may be 100 kB, two at a time, with a signed-in editor."""
    small = make_app(**SMALL_LIMITS)
    client = small.test_client()
    login(client, make.user(role=Role.EDITOR))
    destination = make.destination()
    return small, client, f"/{{lang}}/office/destinations/{destination.id}/photos"


def _padded_jpeg(size: int) -> bytes:
    """A good JPEG made exactly ``size`` bytes long with zero padding (which is allowed)."""
    data = jpeg()
    assert len(data) < size
    return data + bytes(size - len(data))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_file_one_byte_over_the_limit_is_refused(app, make_app, make, lang):
    small, client, url = _small_limits_office(make_app, make)
    before = _files(app)
    response = _upload(client, url.format(lang=lang), (_padded_jpeg(100_001), "big.jpg"))
    _assert_refused(app, response, before, FILE_TOO_LARGE[lang == "id"])


@pytest.fixture
def spools(monkeypatch) -> list[uploads._LimitedSpool]:
    """Every per-file spool the requests make, closed or not."""
    made = []
    original = uploads._LimitedSpool.__init__

    def spy(self, limit: int) -> None:
        original(self, limit)
        made.append(self)

    monkeypatch.setattr(uploads._LimitedSpool, "__init__", spy)
    return made


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_file_far_over_the_limit_is_refused_while_it_is_read(app, make_app, make, spools, lang):
    small, client, url = _small_limits_office(make_app, make)
    before = _files(app)
    huge = _padded_jpeg(250_000)  # within the request limit: only the file's own limit applies
    response = _upload(client, url.format(lang=lang), (huge, "huge.jpg"))
    _assert_refused(app, response, before, TOO_MUCH_AT_ONCE[lang == "id"], status=413)
    (spool,) = spools
    assert spool._written < 100_000 + 70_000  # it stopped being kept at the limit (+ a chunk)


def test_a_request_over_the_batch_limit_is_refused_unread(app, make_app, make, spools):
    small, client, url = _small_limits_office(make_app, make)
    before = _files(app)
    each = _padded_jpeg(99_000)  # every file is within its own limit; four are too many
    response = _upload(client, url.format(lang="en"), *[(each, f"p{n}.jpg") for n in range(4)])
    _assert_refused(app, response, before, TOO_MUCH_AT_ONCE[0], status=413)
    assert spools == []  # refused from its Content-Length, before any part was read


def test_a_good_photo_at_the_limit_is_accepted(app, make_app, make):
    """The control for the three above: the same setup takes a photo of exactly 100 kB."""
    small, client, url = _small_limits_office(make_app, make)
    response = _upload(client, url.format(lang="en"), (_padded_jpeg(100_000), "ok.jpg"))
    assert response.status_code == 302
    assert _photo_count() == 1


def test_a_file_refused_once_its_spool_went_to_disk_leaves_no_open_file(
    app, make_app, make, spools
):
    """Past 500 kB a part is spooled to a temporary file; refusing it must close that file."""
    small = make_app(PHOTO_MAX_FILE_BYTES=700_000, PHOTO_MAX_FILES=2)
    client = small.test_client()
    login(client, make.user(role=Role.EDITOR))
    url = f"/en/office/destinations/{make.destination().id}/photos"
    before = _files(app)
    response = _upload(client, url, (_padded_jpeg(1_000_000), "huge.jpg"))
    message = "Too much at once: each photo may be at most 0.7 MB, and at most 2 photos at a time."
    _assert_refused(app, response, before, message, status=413)
    (spool,) = spools
    assert spool._rolled and spool.closed
