"""What the photo pipeline accepts, and what it makes of it.

Metadata (EXIF with GPS, XMP, ICC) never reaches a stored file; the EXIF orientation is
applied; the formats phones and cameras produce are accepted and flattened to RGB; colours in
another profile are converted to sRGB; renditions keep the proportions and are never larger
than the upload; a second JPEG frame or a motion photo's video after the picture is fine.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image, ImageCms, PngImagePlugin
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from branding.accounts.models import Role
from branding.extensions import db
from branding.media.decoding import PhotoLimits, decode_photo
from branding.media.models import Photo
from branding.media.renditions import WIDTHS, make_renditions, rendition_widths
from tests.accounts_helpers import login
from tests.media.photo_files import CAPTURE_TIME, gps_exif, photo_bytes, samsung_trailer

LIMITS = PhotoLimits(15_000_000, 50_000_000, WIDTHS[-1])
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Make="PhoneM'
    b'aker" tiff:Model="Phone 12"/></rdf:RDF></x:xmpmeta>'
)
# What must not survive in any stored byte: EXIF and XMP markers, the camera and the place.
LEAKS = (b"Exif", b"PhoneMaker", b"Phone 12", b"2026:11:01", b"xmpmeta", b"ns.adobe.com")


# --- building inputs --------------------------------------------------------------------


def _saved(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def _gradient(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    return Image.linear_gradient("L").resize(size).convert(mode)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + bytes(4) + _s15(x) + _s15(y) + _s15(z)


def _text(text: str) -> bytes:
    utf16 = text.encode("utf-16-be")
    return (
        b"mluc" + bytes(4) + struct.pack(">II2s2sII", 1, 12, b"en", b"US", len(utf16), 28) + utf16
    )


_SRGB_CURVE = b"para" + bytes(4) + struct.pack(">HH", 3, 0)
_SRGB_CURVE += b"".join(_s15(v) for v in (2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045))


def display_p3_profile() -> bytes:
    """Return an ICC v4 matrix/curve profile of Display P3 (the colour space of most phones).

    Colorants are P3's primaries adapted to D50 (Bradford), as in Apple's profile; the tone
    curve is sRGB's.
    """
    tags = [
        (b"desc", _text("Display P3 (test)")),
        (b"cprt", _text("No copyright, use freely")),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(0.5151, 0.2412, -0.0011)),
        (b"gXYZ", _xyz(0.2920, 0.6922, 0.0419)),
        (b"bXYZ", _xyz(0.1571, 0.0666, 0.7841)),
        (b"rTRC", _SRGB_CURVE),
        (b"gTRC", _SRGB_CURVE),
        (b"bTRC", _SRGB_CURVE),
    ]
    offset = 128 + 4 + 12 * len(tags)
    entries, body = b"", b""
    for signature, data in tags:
        data += bytes(-len(data) % 4)
        entries += struct.pack(">4sII", signature, offset + len(body), len(data))
        body += data
    header = struct.pack(
        ">I4sI4s4s4s12s4s4sI8s8sI",
        offset + len(body), b"lcms", 0x04200000, b"mntr", b"RGB ", b"XYZ ", bytes(12),
        b"acsp", b"APPL", 0, bytes(8), bytes(8), 0,
    )  # fmt: skip
    header += _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"lcms" + bytes(16 + 28)
    return header + struct.pack(">I", len(tags)) + entries + body


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def mp4_video(open_ended: bool = False) -> bytes:
    """A motion photo's video: ``ftyp``, ``moov`` and ``mdat`` (of size 0: up to the end)."""
    ftyp = _box(b"ftyp", b"isom" + struct.pack(">I", 512) + b"isomiso2avc1mp41")
    moov = _box(b"moov", _box(b"mvhd", bytes(100)))
    frames = bytes(range(256)) * 8
    mdat = b"\x00\x00\x00\x00mdat" + frames if open_ended else _box(b"mdat", frames)
    return ftyp + moov + mdat


def _marked(size: tuple[int, int]) -> Image.Image:
    """A grey picture with a red square in its top-left corner, to see where that corner goes."""
    image = Image.new("RGB", size, (128, 128, 128))
    image.paste((255, 0, 0), (0, 0, size[0] // 6, size[0] // 6))
    return image


def _corner(image: Image.Image) -> str:
    """Name the corner where the red square is."""
    w, h = image.size
    corners = {"top-left": (5, 5), "top-right": (w - 6, 5)}
    corners |= {"bottom-left": (5, h - 6), "bottom-right": (w - 6, h - 6)}
    red = [name for name, xy in corners.items() if image.getpixel(xy)[0] > 200]
    assert len(red) == 1, red
    return red[0]


def _decoded(data: bytes, app) -> Image.Image:
    with app.test_request_context("/en/"):
        return decode_photo(data, LIMITS)


# --- through the upload page ------------------------------------------------------------


def _upload(client, url: str, *files: tuple[bytes, str]):
    parts = MultiDict(
        ("photos", FileStorage(io.BytesIO(content), name, content_type="image/jpeg"))
        for content, name in files
    )
    boundary, body = encode_multipart(parts)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


@pytest.fixture
def upload(client, make):
    """Upload one file as a signed-in editor; return the Photo made of it."""
    login(client, make.user(role=Role.EDITOR))
    destination = make.destination()

    def uploading(data: bytes, name: str = "photo.jpg") -> Photo:
        url = f"/en/office/destinations/{destination.id}/photos"
        response = _upload(client, url, (data, name))
        assert response.status_code == 302, response.text[:3000]
        return db.session.scalars(db.select(Photo).order_by(Photo.id.desc())).first()

    return uploading


def _stored(app, photo: Photo) -> dict[tuple[int, str], bytes]:
    root = Path(app.config["MEDIA_ROOT"])
    return {
        (width, ext): (root / photo.file_name(width, ext)).read_bytes()
        for width in photo.widths
        for ext in ("webp", "jpg")
    }


_SRGB_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@pytest.mark.parametrize(
    ("image_format", "size"),
    [
        pytest.param("JPEG", (1800, 1200), id="jpeg-resized"),
        pytest.param("JPEG", (3200, 2400), id="jpeg-drafted-to-1600-exactly"),
        pytest.param("JPEG", (1000, 750), id="jpeg-kept-at-its-own-width"),
        pytest.param("PNG", (1000, 750), id="png"),
        pytest.param("WEBP", (1000, 750), id="webp"),
        pytest.param("HEIF", (1000, 750), id="heic"),
    ],
)
def test_no_stored_file_keeps_exif_gps_xmp_or_icc(app, upload, image_format, size):
    options = {"exif": gps_exif().tobytes(), "icc_profile": _SRGB_ICC}
    if image_format in ("JPEG", "WEBP", "HEIF"):
        options["xmp"] = XMP
    elif image_format == "PNG":  # XMP in PNG is an iTXt chunk
        options["pnginfo"] = PngImagePlugin.PngInfo()
        options["pnginfo"].add_itxt("XML:com.adobe.xmp", XMP.decode())
    if image_format == "JPEG":
        options["comment"] = b"PhoneMaker Phone 12"
    data = photo_bytes(size, image_format, **options)
    with Image.open(io.BytesIO(data)) as original:  # the upload does carry all of it
        assert original.getexif().get_ifd(0x8825) and original.info.get("icc_profile")
    assert b"PhoneMaker" in data and b"xmpmeta" in data
    photo = upload(data)
    files = _stored(app, photo)
    widths = rendition_widths(size[0])
    assert sorted(files) == [(w, ext) for w in widths for ext in ("jpg", "webp")]
    for (width, ext), content in files.items():
        for leak in LEAKS:
            assert leak not in content, (width, ext, leak)
        with Image.open(io.BytesIO(content)) as image:
            assert image.format == {"webp": "WEBP", "jpg": "JPEG"}[ext]
            assert image.width == width and not image.getexif()
            assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(image.info)


def test_the_orientation_is_applied_through_the_upload(app, upload):
    data = _saved(_marked((1200, 800)), "JPEG", quality=92, exif=gps_exif(orientation=6))
    photo = upload(data)
    assert (photo.width, photo.height) == (800, 1200) and photo.widths == [320, 640, 800]
    for (width, _ext), content in _stored(app, photo).items():
        with Image.open(io.BytesIO(content)) as image:
            assert image.size == (width, width * 3 // 2)
            assert _corner(image.convert("RGB")) == "top-right"  # turned a quarter clockwise


@pytest.mark.parametrize(
    ("orientation", "corner"),
    [(1, "top-left"), (2, "top-right"), (3, "bottom-right"), (4, "bottom-left"),
     (5, "top-left"), (6, "top-right"), (7, "bottom-right"), (8, "bottom-left")],
    ids=lambda value: f"orientation-{value}" if isinstance(value, int) else value,
)  # fmt: skip
def test_each_exif_orientation_turns_the_picture_upright(app, orientation, corner):
    exif = Image.Exif()
    exif[0x0112] = orientation
    image = _decoded(_saved(_marked((600, 400)), "JPEG", exif=exif), app)
    assert image.size == ((400, 600) if orientation >= 5 else (600, 400))
    assert _corner(image) == corner
    assert image.mode == "RGB" and not image.info


@pytest.mark.parametrize("orientation", [1, 6], ids=["upright", "orientation-6"])
def test_draft_decoding_never_goes_below_the_largest_rendition(app, orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    image = _decoded(_saved(_gradient((4000, 3000)), "JPEG", exif=exif), app)
    if orientation == 1:
        assert image.size == (2000, 1500)  # decoded at half size: still over 1600 wide
    else:
        assert image.size == (3000, 4000)  # half would be 1500 wide once upright: too small
    assert [r.width for r in make_renditions(image)][::2] == [1600, 1024, 640, 320]


def _alpha_png() -> bytes:
    image = _gradient((400, 300), "RGBA")
    image.putalpha(Image.new("L", (400, 300), 255))
    image.paste((0, 0, 0, 0), (0, 0, 100, 100))  # a transparent corner
    return _saved(image, "PNG")


def _palette_png() -> bytes:
    """A palette PNG: green, with a corner in entry 0 (red, marked transparent)."""
    image = Image.new("P", (400, 300), 1)
    image.putpalette([255, 0, 0, 0, 160, 0])
    image.paste(0, (0, 0, 100, 100))
    return _saved(image, "PNG", transparency=0)


def _gray16_png() -> bytes:
    """A 16-bit grayscale PNG, black on the left to white (65535) on the right."""
    ramp = Image.linear_gradient("L").rotate(90).resize((400, 300))
    return _saved(ramp.convert("I").point(lambda v: v * 257).convert("I;16"), "PNG")


def _cmyk_jpeg() -> bytes:
    image = Image.new("CMYK", (400, 300), (255, 0, 0, 0))  # cyan
    image.paste((0, 0, 0, 255), (0, 0, 200, 300))  # black
    return _saved(image, "JPEG", quality=95)


ACCEPTED = {
    "png-with-transparency": _alpha_png,
    "palette-png": _palette_png,
    "16-bit-grayscale-png": _gray16_png,
    "cmyk-jpeg": _cmyk_jpeg,
    "grayscale-jpeg": lambda: _saved(_gradient((400, 300), "L"), "JPEG"),
    "progressive-jpeg": lambda: photo_bytes((400, 300), progressive=True),
    "webp": lambda: photo_bytes((400, 300), "WEBP"),
    "lossless-webp-with-alpha": lambda: _saved(
        _gradient((400, 300), "RGBA"), "WEBP", lossless=True
    ),
    "heic": lambda: photo_bytes((400, 300), "HEIF"),
    "mpo": lambda: _saved(
        _gradient((400, 300)), "MPO", save_all=True, append_images=[_gradient((400, 300))]
    ),
    "jpeg-followed-by-a-jpeg": lambda: photo_bytes((400, 300)) + photo_bytes((200, 150)),
    "motion-photo-jpeg-and-mp4": lambda: photo_bytes((400, 300)) + mp4_video(),
    "motion-photo-open-ended-mdat": lambda: photo_bytes((400, 300)) + mp4_video(True),
    "jpeg-with-zero-padding": lambda: photo_bytes((400, 300)) + bytes(4096),
    "samsung-jpeg-with-capture-time": lambda: (
        photo_bytes((400, 300)) + samsung_trailer(CAPTURE_TIME)
    ),
    "samsung-motion-photo": lambda: (
        photo_bytes((400, 300))
        + samsung_trailer(CAPTURE_TIME, (0x0A30, b"MotionPhoto_Data" + mp4_video()))
    ),
}


@pytest.mark.parametrize("build", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_formats_from_phones_and_cameras_are_accepted(app, upload, build):
    data = build()
    photo = upload(data, "upload.jpg")
    assert (photo.width, photo.height) == (400, 300)
    assert photo.widths == [320, 400]
    files = _stored(app, photo)
    assert len(files) == 4
    with Image.open(io.BytesIO(files[(400, "jpg")])) as image:
        assert image.mode == "RGB" and image.size == (400, 300)


@pytest.mark.parametrize("build", [_alpha_png, _palette_png], ids=["rgba-png", "palette-png"])
def test_transparency_is_put_on_white(app, build):
    image = _decoded(build(), app)
    assert image.mode == "RGB"
    assert image.getpixel((10, 10)) == (255, 255, 255)  # the transparent corner
    assert image.getpixel((300, 200)) != (255, 255, 255)


def test_sixteen_bit_gray_is_scaled_not_clipped(app):
    image = _decoded(_gray16_png(), app)
    row = [image.getpixel((x, 150))[0] for x in (0, 100, 200, 300, 399)]
    assert row[0] <= 2 and row[-1] >= 253
    assert 118 <= row[2] <= 138  # the middle stays middle grey
    assert row == sorted(row) and len(set(row)) == 5


def test_cmyk_colours_come_out_right(app):
    image = _decoded(_cmyk_jpeg(), app)
    black, cyan = image.getpixel((100, 150)), image.getpixel((300, 150))
    assert max(black) <= 10
    assert cyan[0] <= 10 and min(cyan[1:]) >= 245


# --- colour profiles ----------------------------------------------------------------------

P3_OF_SRGB_RED = (234, 51, 35)  # sRGB's pure red, written in Display P3


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_display_p3_colours_are_converted_to_srgb(app, mode):
    image = Image.new(mode, (64, 48), P3_OF_SRGB_RED)
    image_format = "JPEG" if mode == "RGB" else "PNG"
    data = _saved(image, image_format, icc_profile=display_p3_profile(), quality=98)
    decoded = _decoded(data, app)
    red, green, blue = decoded.getpixel((32, 24))
    assert red >= 248 and green <= 12 and blue <= 12
    renditions = make_renditions(decoded)
    for rendition in renditions:
        with Image.open(io.BytesIO(rendition.data)) as stored:
            assert "icc_profile" not in stored.info


@pytest.mark.parametrize(
    "profile",
    [
        pytest.param(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(), id="srgb"),
        pytest.param(None, id="no-profile"),
        pytest.param(b"\x00\x00\x01\x00not an ICC profile at all" * 8, id="unreadable-profile"),
    ],
)
def test_colours_in_srgb_or_without_a_usable_profile_are_kept(app, profile):
    options = {"icc_profile": profile} if profile else {}
    data = _saved(Image.new("RGB", (64, 48), P3_OF_SRGB_RED), "JPEG", quality=98, **options)
    red, green, blue = _decoded(data, app).getpixel((32, 24))
    assert abs(red - 234) <= 3 and abs(green - 51) <= 3 and abs(blue - 35) <= 3


# --- renditions ---------------------------------------------------------------------------


def test_a_small_photo_gives_one_rendition_at_its_own_width(app, upload):
    photo = upload(photo_bytes((200, 150)))
    assert photo.widths == [200] and (photo.width, photo.height) == (200, 150)
    files = _stored(app, photo)
    assert sorted(files) == [(200, "jpg"), (200, "webp")]
    for content in files.values():
        with Image.open(io.BytesIO(content)) as image:
            assert image.size == (200, 150)


@pytest.mark.parametrize(
    ("width", "expected"),
    [(100, [100]), (320, [320]), (321, [320, 321]), (1000, [320, 640, 1000]),
     (1600, [320, 640, 1024, 1600]), (6000, [320, 640, 1024, 1600])],
    ids=["100-wide", "320-wide", "321-wide", "1000-wide", "1600-wide", "6000-wide"],
)  # fmt: skip
def test_rendition_widths_never_exceed_the_photo(width, expected):
    assert rendition_widths(width) == expected


@pytest.mark.parametrize(
    "size", [(2000, 1333), (1999, 3001), (1700, 300), (1024, 1024)], ids="{0[0]}x{0[1]}".format
)
def test_renditions_keep_the_proportions(size):
    width, height = size
    renditions = make_renditions(_gradient(size))
    expected = rendition_widths(width)
    assert [(r.width, r.extension) for r in renditions] == [
        (w, ext) for w in sorted(expected, reverse=True) for ext in ("webp", "jpg")
    ]
    for rendition in renditions:
        assert abs(rendition.height - height * rendition.width / width) <= 1
        with Image.open(io.BytesIO(rendition.data)) as image:
            assert image.size == (rendition.width, rendition.height)
            assert image.format == {"webp": "WEBP", "jpg": "JPEG"}[rendition.extension]
            assert image.mode == "RGB"


def test_the_stored_size_matches_the_renditions(app, upload):
    photo = upload(photo_bytes((3001, 1999)))
    assert (photo.width, photo.height) == (1600, round(1999 * 1600 / 3001))
    for (width, _ext), content in _stored(app, photo).items():
        with Image.open(io.BytesIO(content)) as image:
            assert image.width == width
            assert abs(image.height - 1999 * width / 3001) <= 1
