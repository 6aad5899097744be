"""Analyzers, query words, documents and highlights, without an index."""

from branding.core.content.columns import Localized, MultilingualText
from branding.search.analyzers import analyzer, index_terms
from branding.search.documents import Parts, _document
from branding.search.query import MAX_QUERY, MAX_WORDS, clean_query, words_of
from branding.search.snippets import highlight

LABELS = {("destination", "waterfall"): "Air terjun"}


def test_indonesian_drops_function_words_and_keeps_small_content_words():
    assert [t.text for t in analyzer("id")("Air terjun yang ada di Lae Une")] == [
        "air",
        "terjun",
        "lae",
        "une",
    ]


def test_english_stems_and_pakpak_does_not():
    assert index_terms("festivals", "en") == index_terms("festival", "en")
    assert index_terms("mendaki", "btd") == ["mendaki"]
    assert index_terms("Oang-oang", "btd") == ["oang"]


def test_accents_and_case_are_folded():
    assert index_terms("CAFÉ", "en") == index_terms("cafe", "en")


def test_query_syntax_becomes_plain_words():
    assert (
        words_of('kop* AND "air~2" name:terjun /re.*gex/ (x)')
        == [
            "kop",
            "and",
            "air",
            "2",
            "name",
            "terjun",
            "re",
            "gex",
            "x",
        ][:MAX_WORDS]
    )
    assert words_of("kopi KOPI kopi") == ["kopi-kopi"]  # a doubled word: one plural


def test_queries_are_capped_and_cleaned():
    assert len(clean_query("x" * 500)) == MAX_QUERY
    assert clean_query("  kopi\x00\n  arabika\t") == "kopi arabika"
    assert clean_query(None) == ""


def test_an_item_without_english_is_indexed_in_english_with_its_indonesian_text():
    parts = Parts(
        name=MultilingualText({"id": "Air Terjun Lae Une"}),
        body=[MultilingualText({"id": "Kolam jernih", "en": "Clear pools"}), "Jalan Salak"],
        category="waterfall",
    )
    doc = _document("destination", 7, parts, "en", {})
    assert (doc["key"], doc["lang"]) == ("destination:7:en", "en")
    assert doc["name_id"] == "Air Terjun Lae Une"  # analyzed as Indonesian
    assert "Clear pools" in doc["body_en"] and "Jalan Salak" in doc["body_en"]
    assert doc["complete"] == "Air Terjun Lae Une"


def test_the_fingerprint_follows_the_content():
    parts = Parts(name=MultilingualText({"id": "Danau"}), body=[], category="lake")
    first = _document("destination", 1, parts, "id", LABELS)
    parts.name = MultilingualText({"id": "Danau Baru"})
    assert _document("destination", 1, parts, "id", LABELS)["fingerprint"] != first["fingerprint"]


def test_highlights_are_plain_text_segments():
    stems = {"id": set(index_terms("pendakian", "id")), "en": set(), "btd": set()}
    text = Localized("Jalur <b>mendaki</b> ke bukit", "id", False)
    marked = highlight(text, stems, "id")
    assert marked.segments == [("Jalur <b>", False), ("mendaki", True), ("</b> ke bukit", False)]


def test_long_texts_are_cut_around_the_first_match():
    stems = {"id": {"kopi"}, "en": set(), "btd": set()}
    text = "awal " * 100 + "kebun kopi " + "akhir " * 100
    marked = highlight(text, stems, "id", width=80)
    joined = "".join(t for t, _ in marked.segments)
    assert joined.startswith("… ") and joined.endswith(" …") and len(joined) <= 90
    assert ("kopi", True) in marked.segments


def terms(text: str, lang: str = "id") -> list[str]:
    return analyzer(lang).terms(text)


def test_a_doubled_word_is_one_word_in_every_spelling_and_survives_the_stop_list():
    assert terms("kue-kue") == terms("kue2") == terms("kue kue") == ["kue"]
    assert terms("oleh-oleh khas") == terms("oleh oleh khas") == ["oleh", "khas"]
    assert terms("dikelola oleh warga") == ["kelola", "warga"]  # "oleh" (by) alone goes
    assert words_of("oleh oleh") == ["oleh-oleh"]


def test_numbers_are_cut_from_their_units_and_units_have_one_spelling():
    assert (
        terms("Kopi 250g")
        == terms("kopi 250 gram")
        == terms("kopi 250 gr")
        == ["kopi", "250", "gram"]
    )
    assert terms("Coffee 250 grams", "en") == ["coffe", "250", "gram"]
    assert terms("1kg") == terms("1 kilo") == ["1", "kg"]
    assert terms("1.200 mdpl") == terms("1200 mdpl") == ["1200", "mdpl"]
    assert terms("biji kopi") == ["biji", "kopi"]  # words that are also units stay words


def test_indonesian_roots_across_nasal_prefixes_and_ber_ter_per():
    def share(a: str, b: str) -> bool:
        return bool(set(terms(a)) & set(terms(b)))

    for surface, root in [
        ("berenang", "renang"),
        ("pengunjung", "kunjungan"),
        ("menikmati", "nikmat"),
        ("menulis", "tulis"),
        ("menyewa", "sewa"),
        ("terendam", "rendam"),
        ("perenang", "renang"),
        ("nginap", "penginapan"),
        ("nyewa", "penyewaan"),
        ("puncaknya", "puncak"),
        ("indahlah", "indah"),
        ("pantailah", "pantai"),
    ]:
        assert share(surface, root), (surface, root)
    assert not share("renang", "tenang")  # the readings do not merge unrelated roots


def test_highlights_follow_the_words_as_written():
    stems = {"id": set(index_terms("renang", "id")), "en": set(), "btd": set()}
    marked = highlight("Pengunjung bisa berenang.", stems, "id")
    assert ("berenang", True) in marked.segments
