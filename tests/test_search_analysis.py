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
