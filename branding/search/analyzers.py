"""Text analysis per language: Indonesian as locals write it, English stemmed, Pakpak plain.

Each analyzer is one pass over the text rather than a chain of Whoosh filters:
the same text gives the same terms at index and at query time.

1. Words are split on anything but letters and digits, lowercased and folded
   (accents off). A word repeated for the plural is one word, whichever way it is
   written: ``kue-kue``, ``kue2``, ``kue kue``; and it is kept even when its half
   is a stop word (``oleh-oleh``, souvenirs, against ``oleh``, by).
2. A number stuck to its unit is two words, and units have one spelling:
   ``250g``, ``250 gr`` and ``250 gram`` are all ``250 gram``.
3. Stop words go (function words only: ``air``, water, and ``lae``, river, stay).
4. Indonesian words become their Snowball roots, and where Snowball's cut is
   ambiguous the other readings of the same word too, with no dictionary: a
   nasal prefix swallows the root's first letter (*menulis* is *me + tulis*,
   *pengunjung* is *pe + kunjung*), *menikmati* may be *me + nikmati*, *ber-*,
   *ter-* and *per-* lose their *r* before one (*berenang* is *be + renang*),
   and speech drops the *me-* (*nginap*, *nyewa*). Each reading is stemmed
   again; readings that are not words simply never meet a query.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache

import snowballstemmer
from whoosh.analysis import Token, Tokenizer
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

WORD = re.compile(r"[^\W_]+")
# Words, hyphenated ones kept whole, and numbers with thousands separators (1.200, 1,200).
TOKEN = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?!\d)|[^\W_]+(?:-[^\W_]+)*")
DIGIT = re.compile(r"\d")
NUMBER_UNIT = re.compile(r"^(\d+)([a-z]+)$")
DOUBLED = re.compile(r"^([a-z]{2,})2$")  # kue2: the plural as people type it
MIN_LENGTH = 2  # single letters carry no meaning in any of the three languages (digits do)
# Function words that carry no meaning in a search, reviewed for tourism: content words
# that look small ("air" water, "lae" river, "dalam" deep) are absent, and "oleh" (by)
# only goes alone: "oleh-oleh" (souvenirs) is kept.
INDONESIAN_STOP_WORDS = frozenset(
    """
    ada adalah agar akan aku anda antara apa apakah atau bagaimana bagi bahwa
    beberapa belum biasanya bisa boleh dan dapat dari demikian dengan
    di dia hanya harus hingga ia ialah ini itu jadi jika juga kalau kami kamu
    karena ke kemudian kepada ketika kita lagi lalu maka masih mau melalui
    mereka namun nya oleh pada para per saat saja sampai sangat saya se
    sebagai sebelum sedang sehingga sejak seperti serta setelah sudah supaya
    tanpa telah tentang tersebut tetapi tiap untuk walaupun yaitu yakni yang
    """.split()
)
ENGLISH_STOP_WORDS = stoplists["en"]
# One spelling per unit, in every language (never stemmed, never a stop word).
UNITS = {
    **dict.fromkeys(("g", "gr", "grm", "gram", "grams", "gramme"), "gram"),
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"), "kg"),
    **dict.fromkeys(("ons",), "ons"),
    **dict.fromkeys(("ml", "mililiter", "millilitre", "milliliter"), "ml"),
    **dict.fromkeys(("l", "lt", "ltr", "liter", "litre", "liters", "litres"), "liter"),
    **dict.fromkeys(("km", "kilometer", "kilometre", "kilometers", "kilometres"), "km"),
    **dict.fromkeys(("m", "mtr", "meter", "metre", "meters", "metres"), "meter"),
    **dict.fromkeys(("cm", "centimeter", "sentimeter"), "cm"),
    **dict.fromkeys(("mdpl", "masl"), "mdpl"),  # metres above sea level
    **dict.fromkeys(("pcs",), "pcs"),
}
ONE_LETTER_UNITS = {"g", "l", "m"}  # only as units right after a number
VOWELS = frozenset("aeiou")

_local = threading.local()


def _stemmer(language: str) -> snowballstemmer.stemmer:
    """Return this thread's Snowball stemmer for a language (stemmers keep state)."""
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(language)
    return stemmers[language]


@lru_cache(maxsize=200_000)
def stem_indonesian(word: str) -> str:
    """Reduce an Indonesian word to its root with Snowball (pendakian → daki)."""
    return _stemmer("indonesian").stemWord(word)


@lru_cache(maxsize=200_000)
def stem_english(word: str) -> str:
    """Reduce an English word to its stem with Snowball (waterfalls → waterfal)."""
    return _stemmer("english").stemWord(word)


def readings(word: str) -> list[str]:
    """Return what an Indonesian word may be without its prefix, where the prefix hides it.

    Only the cases Snowball cannot tell: the root's first letter swallowed by a
    nasal prefix or an *r* shared with *ber-*, *ter-*, *per-*; and speech's bare
    nasal (*nginap*, *nyewa*). Nothing is looked up: wrong readings are harmless.
    """
    found: list[str] = []
    n = len(word)
    if n < 5:
        return found
    head, v = word[:4], word[4] if n > 4 else ""
    if head in ("meng", "peng") and v in VOWELS:
        found += [word[4:], "k" + word[4:]]  # mengunjungi: kunjung; mengambil: ambil
    elif head in ("meny", "peny") and v in VOWELS:
        found += ["s" + word[4:], "ny" + word[4:]]  # menyewa: sewa; menyanyi: nyanyi
    elif word[:3] in ("men", "pen") and word[3] in VOWELS:
        found += ["t" + word[3:], "n" + word[3:]]  # menulis: tulis; menikmati: nikmati
    elif word[:3] in ("mem", "pem") and word[3] in VOWELS:
        found += ["p" + word[3:], "m" + word[3:]]  # memakai: pakai; memakan: makan
    elif word[:2] in ("me", "pe") and word[2] in "lrwy":
        found.append(word[2:])  # merasakan: rasa; pelukis: lukis
    elif word[:3] in ("ber", "ter", "per") and word[3] in VOWELS:
        found += [word[3:], "r" + word[3:], word]  # berenang: renang; perahu: perahu
    elif word[:2] == "ng" and word[2] in VOWELS:
        found += [word[2:], "k" + word[2:]]  # nginap: inap; ngopi: kopi
    elif word[:2] == "ny" and word[2] in VOWELS:
        found += ["s" + word[2:], "c" + word[2:]]  # nyewa: sewa; nyari: cari
    return [r for r in found if len(r) >= 3]


@lru_cache(maxsize=200_000)
def indonesian_terms(word: str) -> tuple[str, ...]:
    """Return an Indonesian word's index terms: its Snowball root, then other readings."""
    terms = [stem_indonesian(word)]
    for reading in readings(word):
        root = stem_indonesian(reading)
        if root not in terms:
            terms.append(root)
    return tuple(terms)


def english_terms(word: str) -> tuple[str, ...]:
    return (stem_english(word),)


def normalize(word: str) -> str:
    """Return a word as the index spells it: lowercase, accents folded."""
    word = word.lower()
    return word if word.isascii() else word.translate(accent_map)


Piece = tuple[str, bool, int, int]  # word, kept even if a stop word (or a unit), start, end


def pieces(value: str) -> list[Piece]:
    """Return the words of a text: doubled words once, numbers apart from their units."""
    found = list(_pieces(value))
    for at in range(len(found) - 1, 0, -1):  # "kue kue", "oleh oleh": one word, written apart
        word, _, start, end = found[at]
        before = found[at - 1]
        if word == before[0] and not word.isdigit() and before[3] < start:
            found[at - 1 : at + 1] = [(word, True, before[2], end)]
    return found


def _pieces(value: str) -> Iterator[Piece]:
    after_number = False  # a lone "g", "l" or "m" is a unit only after a number
    for match in TOKEN.finditer(value):
        token = normalize(match.group())
        start, end = match.start(), match.end()
        if token[0].isdigit() and ("." in token or "," in token):
            yield token.replace(".", "").replace(",", ""), False, start, end  # 1.200 mdpl
            after_number = True
            continue
        if "-" in token:
            parts = token.split("-")
            if len(set(parts)) == 1 or (len(parts) == 2 and parts[1].startswith(parts[0])):
                yield parts[0], True, start, end  # kue-kue, oleh-oleh, anak-anaknya
                after_number = False
                continue
            at = start
            for part in parts:
                yield part, False, at, at + len(part)
                at += len(part) + 1
            after_number = parts[-1].isdigit()
            continue
        if token[-1].isdigit():
            doubled = DOUBLED.match(token)
            if doubled:
                yield doubled.group(1), True, start, end
                after_number = False
                continue
            after_number = token.isdigit()
        elif token[0].isdigit():
            number = NUMBER_UNIT.match(token)
            if number and number.group(2) in UNITS:
                cut = start + len(number.group(1))
                yield number.group(1), False, start, cut
                yield UNITS[number.group(2)], True, cut, end
                after_number = False
                continue
        elif token in UNITS and (after_number or token not in ONE_LETTER_UNITS):
            yield UNITS[token], True, start, end
            after_number = False
            continue
        else:
            after_number = False
        yield token, False, start, end


class WordAnalyzer(Tokenizer):
    """Split text into normalized words, drop stop words and stem, in one pass."""

    def __init__(
        self,
        stop_words: frozenset = frozenset(),
        stem: Callable[[str], tuple[str, ...]] | None = None,
    ) -> None:
        self.stop_words = stop_words
        self.stem = stem

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def _terms_of(self, word: str, kept: bool) -> tuple[str, ...]:
        if word.isdigit() or (kept and word in UNITS.values()):
            return (word,)
        if len(word) < MIN_LENGTH or (not kept and word in self.stop_words):
            return ()
        return self.stem(word) if self.stem else (word,)

    def terms(self, value: str) -> list[str]:
        """Return the index terms of a text, as the tokens would spell them, only faster.

        Most texts have no hyphen, digit or doubled word: their words are cut by one
        regular expression and stemmed in a comprehension, which is most of what
        indexing costs.
        """
        text = value.lower()
        if not text.isascii():
            text = text.translate(accent_map)
        if "-" not in text and not DIGIT.search(text):
            words = WORD.findall(text)
            if not any(map(str.__eq__, words, words[1:])):  # no word written twice
                stop, stem = self.stop_words, self.stem
                words = [w for w in words if len(w) >= MIN_LENGTH and w not in stop]
                return [t for w in words for t in stem(w)] if stem else words
        found: list[str] = []
        terms_of = self._terms_of
        for word, kept, _, _ in pieces(value):
            found += terms_of(word, kept)
        return found

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, (word, kept, start, end) in enumerate(pieces(value), start_pos):
            for term in self._terms_of(word, kept or not removestops):
                token.text = term
                token.stopped = False
                token.boost = 1.0
                if keeporiginal:
                    token.original = value[start:end]
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = start_char + start
                    token.endchar = start_char + end
                yield token


def indonesian() -> WordAnalyzer:
    """Analyze Indonesian: stop words removed, Snowball roots and the other readings."""
    return WordAnalyzer(INDONESIAN_STOP_WORDS, indonesian_terms)


def english() -> WordAnalyzer:
    """Analyze English: stop words removed, Snowball English stems."""
    return WordAnalyzer(ENGLISH_STOP_WORDS, english_terms)


def pakpak() -> WordAnalyzer:
    """Analyze Pakpak: lowercase words, nothing removed or stemmed."""
    return WordAnalyzer()


ANALYZERS = {"id": indonesian, "en": english, "btd": pakpak}


def analyzer(lang: str) -> WordAnalyzer:
    """Return the analyzer for text written in ``lang``."""
    return ANALYZERS[lang]()


_SHARED = {lang: analyzer(lang) for lang in ANALYZERS}


def shared(lang: str) -> WordAnalyzer:
    """Return one analyzer per language for reuse (each call makes its own tokens)."""
    return _SHARED[lang]


def index_terms(word: str, text_lang: str) -> list[str]:
    """Return the distinct index terms a word becomes in text of ``text_lang``."""
    return list(_index_terms(word, text_lang))


@lru_cache(maxsize=50_000)
def _index_terms(word: str, text_lang: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_SHARED[text_lang].terms(word)))


def query_words(text: str) -> list[str]:
    """Return a query's words as the analyzers cut them (doubled words joined: oleh-oleh)."""
    found = []
    for word, kept, _, _ in pieces(text):
        found.append(f"{word}-{word}" if kept and word not in UNITS.values() else word)
    return found
