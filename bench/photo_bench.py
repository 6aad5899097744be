"""Benchmark the photo pipeline: the upload request's share, and the job that makes renditions.

Run from the project folder:

    .venv/bin/python bench/photo_bench.py              # 7 runs of each picture
    .venv/bin/python bench/photo_bench.py --runs 11
    .venv/bin/python bench/photo_bench.py --more       # also other formats, largest inputs
    .venv/bin/python bench/photo_bench.py --profile    # where the time goes (cProfile)

Two 12-megapixel (4000 × 3000) JPEGs at quality 90 are made first: a photo-like one (smooth
gradients, blurred shapes, moderate grain; 3–6 MB, like a phone's photo) and a worst case of
pure noise. Each run is a fresh Python process that does what an upload does for one file
(``services.prepare`` without the name check): ``read_limited``, ``decode_photo`` and
``make_renditions`` (four widths, WebP and JPEG each). It reports the CPU time of that work
(``time.process_time``, every thread included) and its peak memory: the peak resident set
(``ru_maxrss``) minus the resident set just before. A small photo goes through the same code
first, so that codecs are loaded and first-call costs are paid, as in a running server.

The upload request itself only reads the file and checks it from its header and structure
(``read_limited`` and ``check_photo``); the renditions are a job (``media.processing``). Each
run measures that share first, in the same way: its CPU time beyond reading the body (target
≤ 50 ms) and how much the resident set grew (it must not grow with the photo's pixels).

The machine may be shared and noisy, so each run also times a reference in the same process,
just after: decoding the same file at full size with Pillow. The ratio of the two travels
better between machines than either figure. Medians are reported, with the range.

``--more`` adds the photo-like picture as WebP and HEIC (phones), and the largest inputs the
limits let through: 7000 × 7000 (49 megapixels) smooth pictures, small on disk, as PNG with
transparency and as WebP.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

PROJECT = Path(__file__).resolve().parents[1]
SIZE = (4000, 3000)
LARGEST = (7000, 7000)  # just under the 50-megapixel limit
SEED = 20261128
TARGET_CPU_MS = 350
TARGET_PEAK_MB = 150
MAX_FILE_BYTES, MAX_PIXELS = 15_000_000, 50_000_000  # the application's defaults (config.py)


def photo_like(size: tuple[int, int] = SIZE, seed: int = SEED) -> Image.Image:
    """Return a picture with a photo's statistics: smooth areas, edges, and sensor grain."""
    rng = random.Random(seed)
    width, height = size
    ramp, disc = Image.linear_gradient("L"), Image.radial_gradient("L")
    sky = Image.merge(
        "RGB",
        (
            ramp.resize(size, Image.Resampling.BILINEAR),
            disc.resize(size, Image.Resampling.BILINEAR),
            ramp.rotate(90).resize(size, Image.Resampling.BILINEAR),
        ),
    )
    draw = ImageDraw.Draw(sky)
    for _ in range(60):
        x, y, s = rng.randrange(width), rng.randrange(height), rng.randrange(50, 900)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + s, y + s * rng.uniform(0.3, 1.5)), fill=colour)
        else:
            corners = [(x + rng.randrange(-s, s), y + rng.randrange(-s, s)) for _ in range(5)]
            draw.polygon(corners, fill=colour)
    soft = sky.filter(ImageFilter.GaussianBlur(2))
    grain = Image.merge("RGB", [Image.effect_noise(size, 10) for _ in range(3)])  # mean 128
    return ImageChops.add(soft, grain, 1.0, -128)


def pure_noise(size: tuple[int, int] = SIZE, seed: int = SEED) -> Image.Image:
    """Return uniform random pixels: the most a JPEG and a WebP encoder can be asked to do."""
    rng = random.Random(seed)
    return Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))


def smooth(size: tuple[int, int] = LARGEST, alpha: bool = False) -> Image.Image:
    """Return gradients only: many pixels in few bytes (a PNG of 49 megapixels is ~0.4 MB)."""
    ramp = Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)
    disc = Image.radial_gradient("L").resize(size, Image.Resampling.BILINEAR)
    image = Image.merge("RGB", (ramp, ramp.rotate(90), disc))
    if alpha:
        image.putalpha(ramp)
    return image


# name: (how to draw it, how to save it)
Picture = tuple[Callable[[], Image.Image], dict]
PICTURES: dict[str, Picture] = {
    "photo-like JPEG": (photo_like, {"format": "JPEG", "quality": 90}),
    "pure-noise JPEG": (pure_noise, {"format": "JPEG", "quality": 90}),
}
MORE: dict[str, Picture] = {
    "photo-like WebP": (photo_like, {"format": "WEBP", "quality": 90}),
    "photo-like HEIC": (photo_like, {"format": "HEIF", "quality": 90}),
    "49 MP PNG with alpha": (lambda: smooth(alpha=True), {"format": "PNG"}),
    "49 MP WebP": (smooth, {"format": "WEBP", "quality": 90}),
}


def _file(folder: Path, name: str) -> Path:
    return folder / name.replace(" ", "-")


def make_pictures(folder: Path, names: list[str]) -> None:
    """Write the pictures (run in a process of its own: drawing them takes ~300 MB)."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    for name in names:
        draw, options = {**PICTURES, **MORE}[name]
        draw().save(_file(folder, name), **options)


def _rss_bytes() -> int:
    """Return the resident set of this process now (Linux), or its peak elsewhere."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return _peak_rss_bytes()


def _peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB on Linux


def _high_water_mark() -> int | None:
    """Return this address space's own peak (Linux ``VmHWM``), to check ``ru_maxrss`` by.

    On Linux ``ru_maxrss`` also counts the parent's peak at the time of the fork, which is
    why the pictures are drawn in a process of their own and the parent stays small.
    """
    try:
        with open("/proc/self/status") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None
    return int(line.split()[1]) * 1024


def _reset_high_water_mark() -> None:
    """Reset this process's peak resident set to the current one (Linux: clear_refs 5)."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


def prepare(path: Path) -> list:
    """Do what an upload does for one file: read it within the limit, decode, make renditions."""
    sys.path.insert(0, str(PROJECT))
    from branding.media.decoding import PhotoLimits, decode_photo, read_limited
    from branding.media.renditions import WIDTHS, make_renditions

    # the whole-decode limit (25 MP by default) is lifted so that --more can show why it exists
    limits = PhotoLimits(MAX_FILE_BYTES, MAX_PIXELS, WIDTHS[-1], max_pixels_whole=MAX_PIXELS)
    with open(path, "rb") as upload:
        data = read_limited(upload, limits)
    return make_renditions(decode_photo(data, limits))


def request_share(path: Path) -> tuple[float, float, int]:
    """Do what the upload request does: read within the limit (timed apart), then check."""
    sys.path.insert(0, str(PROJECT))
    from branding.media.decoding import PhotoLimits, check_photo, read_limited
    from branding.media.renditions import WIDTHS

    limits = PhotoLimits(MAX_FILE_BYTES, MAX_PIXELS, WIDTHS[-1], max_pixels_whole=MAX_PIXELS)
    started = time.process_time()
    with open(path, "rb") as upload:
        data = read_limited(upload, limits)
    read = time.process_time() - started
    started = time.process_time()
    check_photo(data, limits)
    return read, time.process_time() - started, len(data)


def _warm_up(folder: Path) -> None:
    small = folder / "warm-up.jpg"
    photo_like((800, 600)).save(small, "JPEG", quality=90)
    prepare(small)


def sample(path: Path) -> dict:
    """Measure one photo in this (fresh) process; return the figures."""
    _warm_up(path.parent)
    request_share(path.parent / "warm-up.jpg")
    gc.collect()
    _reset_high_water_mark()  # so the request's own peak is what VmHWM shows next
    before_request = _rss_bytes()
    read_cpu, check_cpu, _ = request_share(path)
    request_peak = (_high_water_mark() or _peak_rss_bytes()) - before_request
    gc.collect()
    before = _rss_bytes()
    wall, cpu = time.perf_counter(), time.process_time()
    renditions = prepare(path)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak, high_water = _peak_rss_bytes(), _high_water_mark()
    made = {f"{r.width}.{r.extension}": len(r.data) for r in renditions}
    del renditions
    reference = time.process_time()
    with Image.open(path) as image:
        size = image.size
        image.load()  # full size, no draft
    reference = time.process_time() - reference
    return {
        "read_cpu": read_cpu,
        "check_cpu": check_cpu,
        "request_peak": max(0, request_peak),
        "cpu": cpu,
        "wall": wall,
        "peak": peak - before,
        "before": before,
        "ru_maxrss_agrees": high_water is None or abs(high_water - peak) < 2_000_000,
        "ref": reference,
        "size": size,
        "made": made,
    }


def _python(*args: str) -> str:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return done.stdout


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _mb(size: float) -> str:
    return f"{size / 1_000_000:.1f} MB"


def measure(folder: Path, names: list[str], runs: int) -> None:
    print(f"{runs} runs per picture, each in a fresh process; medians (min–max)\n")
    _python("--make", str(folder), *names)
    verdicts = []
    for name in names:
        path = _file(folder, name)
        samples = [json.loads(_python("--child", str(path))) for _ in range(runs)]

        def figures(key: str, fmt, rows=samples):
            values = [row[key] for row in rows]
            return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"

        cpu = statistics.median(row["cpu"] for row in samples)
        peak = statistics.median(row["peak"] for row in samples)
        ratio = statistics.median(row["cpu"] / row["ref"] for row in samples)
        width, height = samples[0]["size"]
        print(f"{name}: {width}×{height}, {_mb(path.stat().st_size)}")
        print("  the upload request (reads the body, checks the header and structure):")
        print(f"    reading      {figures('read_cpu', _ms)}")
        print(f"    checking     {figures('check_cpu', _ms)}   (target ≤ 50 ms beyond reading)")
        print(f"    memory grew  {figures('request_peak', _mb)}   (the body itself, no pixels)")
        print("  the renditions job:")
        print(f"  CPU time     {figures('cpu', _ms)}   (target ≤ {TARGET_CPU_MS} ms)")
        print(f"  wall time    {figures('wall', _ms)}")
        print(f"  peak memory  {figures('peak', _mb)}   (target ≤ {TARGET_PEAK_MB} MB)")
        if not all(row["ru_maxrss_agrees"] for row in samples):
            print("  (ru_maxrss and VmHWM disagree: the peak memory above is not reliable)")
        print(f"  reference    {figures('ref', _ms)}   (full-size decode of the same file)")
        print(f"  ratio        {ratio:.2f} × the reference")
        print(f"  resident before {_mb(statistics.median(row['before'] for row in samples))}")
        made = ", ".join(f"{k} {v / 1000:.0f} kB" for k, v in samples[0]["made"].items())
        print(f"  renditions   {made}\n")
        cpu_ok, peak_ok = cpu * 1000 <= TARGET_CPU_MS, peak / 1_000_000 <= TARGET_PEAK_MB
        check = statistics.median(row["check_cpu"] for row in samples)
        verdicts.append(
            f"{name}: request check {'met' if check * 1000 <= 50 else 'MISSED'} "
            f"({check * 1000:.1f} ms); job CPU {'met' if cpu_ok else 'MISSED'} "
            f"({cpu * 1000:.0f} ms), memory {'met' if peak_ok else 'MISSED'} ({_mb(peak)})"
        )
    print("\n".join(verdicts))


def profile(folder: Path, names: list[str]) -> None:
    make_pictures(folder, names)
    _warm_up(folder)
    for name in names:
        profiler = cProfile.Profile()
        profiler.runcall(prepare, _file(folder, name))
        print(f"--- {name}")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per picture (default 7)")
    parser.add_argument("--more", action="store_true", help="also WebP, HEIC, 49 MP inputs")
    parser.add_argument("--profile", action="store_true", help="profile one run of each")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)
    args, names = parser.parse_known_args()
    if args.child:
        print(json.dumps(sample(args.child)))
    elif args.make:
        make_pictures(args.make, names)
    else:
        names = [*PICTURES, *(MORE if args.more else ())]
        with tempfile.TemporaryDirectory(prefix="photo-bench-") as folder:
            if args.profile:
                profile(Path(folder), names)
            else:
                measure(Path(folder), names, args.runs)


if __name__ == "__main__":
    main()
