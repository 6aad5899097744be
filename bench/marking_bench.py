"""Time the language marking of a Pakpak page (``core.i18n.marking.finish``), by hand.

    .venv/bin/python bench/marking_bench.py [--items 50] [--runs 200]

It builds a page shaped like a list page of the Pakpak site (a header, ``--items`` cards with
links, labels, a date and attributes carrying interface text, a footer), with every interface
string between the markers as a render leaves it, then times ``finish`` over it (median of
``--runs``) beside the time to render a Jinja template of the same size, for scale.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from jinja2 import Environment

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from branding.core.i18n.marking import END, START, finish  # noqa: E402

S = lambda text: f"{START}{text}{END}"  # noqa: E731

CARD = (
    '<li class="card"><a href="/btd/destinations/tempat-{n}" lang="id">Tempat Wisata {n}</a>'
    '<p class="kicker">' + S("Destinasi") + " · " + S("Air terjun") + "</p>"
    '<p><time datetime="2026-12-0{d}">' + S("Sabtu, 5 Desember 2026") + "</time></p>"
    '<button type="button" aria-label="'
    + S("Tampilkan di peta")
    + '" data-label="'
    + S("Tutup")
    + '">'
    + S("Tampilkan di peta")
    + "</button>"
    '<img src="/p/{n}.webp" alt="' + S("Foto") + '" width="320" height="240"></li>'
)
HEAD = (
    '<!doctype html><html lang="btd"><head><title>' + S("Destinasi") + " | Pesona</title>"
    '<meta name="description" content="' + S("Temukan destinasi") + '">'
    '<script type="application/ld+json">{"name": "\\ue000Destinasi\\ue001"}</script></head>'
    "<body><nav><ul>"
    + "".join(f'<li><a href="/btd/{n}">{S("Menu " + str(n))}</a></li>' for n in range(8))
    + "</ul></nav><main><ul>"
)
FOOT = "</ul></main><footer>" + S("Hubungi kami") + "</footer></body></html>"


def page(items: int) -> str:
    return HEAD + "".join(CARD.format(n=n, d=n % 9 + 1) for n in range(items)) + FOOT


def median_ms(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    html = page(args.items)
    template = Environment(autoescape=True).from_string(
        "{% for i in items %}"
        + CARD.replace("{n}", "{{ i }}").replace("{d}", "{{ i % 9 + 1 }}")
        + "{% endfor %}"
    )
    marked = finish(html, "id")
    print(f"page: {len(html):,} characters, {html.count(START)} marked texts, "
          f"{marked.count('<span lang=')} spans after finishing")  # fmt: skip
    print(f"finish: {median_ms(lambda: finish(html, 'id'), args.runs):.3f} ms (median)")
    rendered = median_ms(lambda: template.render(items=range(args.items)), args.runs)
    print(f"rendering a template of the same size, for scale: {rendered:.3f} ms (median)")


if __name__ == "__main__":
    main()
