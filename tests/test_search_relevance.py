"""What a visitor finds: word forms, plurals, typos, other languages, never what is hidden."""

from datetime import timedelta

import pytest

from branding.businesses.models import BusinessCategory, ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import DestinationCategory
from branding.extensions import db
from branding.search.analyzers import index_terms
from tests import search_fixtures
from tests.search_fixtures import found, search

index_dir = search_fixtures.index_dir  # a fixture
indexed = search_fixtures.indexed  # a fixture

DRAFT = PublicationStatus.DRAFT


@pytest.mark.parametrize(
    ("verb", "noun"),
    [("mendaki", "pendakian"), ("menginap", "penginapan"), ("bermain", "permainan")],
)
def test_the_indonesian_stemmer_gives_a_verb_and_its_noun_one_root(verb, noun):
    assert index_terms(verb, "id")[0] == index_terms(noun, "id")[0]


def test_a_verb_finds_the_noun_with_the_same_root(app, make, indexed):
    trail = make.destination(
        slug="jalur-sindeng",
        name={"id": "Jalur Pendakian Bukit Sindeng", "en": "Sindeng Hill Trail"},
        summary={"id": "Jalur ringan untuk keluarga.", "en": "An easy trail."},
    )
    lodging = make.business(
        slug="rumah-singgah",
        name="Rumah Singgah Tinada",
        summary={"id": "Penginapan keluarga dengan sarapan.", "en": "Family lodging."},
    )
    indexed()
    assert found(search(app, "mendaki")) == [("destination", trail.slug)]
    assert found(search(app, "menginap")) == [("business", lodging.slug)]


def test_english_plurals_find_singulars_and_back(app, make, indexed):
    one = make.destination(
        slug="twin", name={"id": "Air Terjun Kembar", "en": "Twin Waterfall"}, summary={}
    )
    many = make.destination(
        slug="three",
        name={"id": "Lembah Tiga", "en": "Three Valley"},
        summary={"id": "Tiga air terjun berurutan.", "en": "Three waterfalls in a row."},
    )
    indexed()
    assert {slug for _, slug in found(search(app, "waterfalls", "en"))} == {one.slug, many.slug}
    assert {slug for _, slug in found(search(app, "waterfall", "en"))} == {one.slug, many.slug}


@pytest.mark.parametrize("typo", ["peleng", "pellemg", "plleng", "pelelng"])
def test_a_one_letter_typo_still_finds_the_item(app, make, indexed, typo):
    business = make.business(name="Warung Sederhana")
    make.product(business, name={"id": "Pelleng Ayam", "en": "Pelleng with Chicken"})
    make.destination(name={"id": "Pantai Lain", "en": "Another Beach"})
    indexed()
    page = search(app, typo)
    assert found(page) == [("product", "Pelleng Ayam")]
    assert page.tolerant
    assert page.suggestion == "pelleng"


def test_a_typo_in_a_description_word_is_tolerated(app, make, indexed):
    pool = make.destination(
        slug="kolam", name={"id": "Taman Air"}, summary={"id": "Ada kolam renang jernih."}
    )
    indexed()
    assert found(search(app, "kolem")) == [("destination", pool.slug)]


def test_an_english_query_finds_an_item_written_only_in_indonesian(app, make, indexed):
    falls = make.destination(
        slug="lae-mbilulu",
        name={"id": "Air Terjun Lae Mbilulu"},
        summary={"id": "Air terjun tinggi di tengah hutan."},
    )
    indexed()
    for lang in ("en", "btd", "id"):
        assert found(search(app, "mbilulu", lang)) == [("destination", falls.slug)]
    page = search(app, "hutan terjun", "en")  # Indonesian words, Indonesian stems
    assert found(page) == [("destination", falls.slug)]
    assert page.results[0].title.lang == "id" and page.results[0].title.is_fallback


def test_every_language_version_is_found_from_every_interface(app, make, indexed):
    place = make.destination(
        slug="bages", name={"id": "Rumah Adat", "en": "Traditional House", "btd": "Bages Adat"}
    )
    indexed()
    for lang in ("btd", "id", "en"):
        for name in ("bages", "rumah adat", "traditional house"):
            assert found(search(app, name, lang)) == [("destination", place.slug)], (lang, name)
    page = search(app, "bages", "id")  # the result shows what Indonesian readers read
    assert str(page.results[0].title and "".join(t for t, _ in page.results[0].title.segments))


def test_the_interface_language_ranks_first(app, make, indexed):
    english = make.destination(
        slug="falls",
        name={"id": "Lae Une", "en": "Lae Une Waterfall"},
        summary={"id": "Air terjun kecil.", "en": "A small waterfall."},
    )
    indonesian = make.destination(slug="terjun", name={"id": "Air Terjun Sibayak"})
    indexed()  # fmt: skip
    assert found(search(app, "waterfall", "en"))[0] == ("destination", english.slug)
    assert found(search(app, "air terjun", "id"))[0] == ("destination", indonesian.slug)
    assert set(found(search(app, "air terjun", "en"))) == {
        ("destination", english.slug),
        ("destination", indonesian.slug),
    }


def test_names_weigh_more_than_descriptions(app, make, indexed):
    mention = make.destination(
        slug="mentions",
        name={"id": "Taman Kota"},
        summary={"id": "Dekat dengan kebun kopi dan kedai kopi, kopi di mana-mana."},
    )
    named = make.destination(slug="named", name={"id": "Kebun Kopi Sengkut"}, summary={})
    indexed()
    assert [slug for _, slug in found(search(app, "kopi"))] == [named.slug, mention.slug]


def test_unpublished_or_unapproved_items_are_never_found(app, make, indexed):
    make.destination(name={"id": "Goa Rahasia"}, status=DRAFT)
    make.event(title={"id": "Pesta Rahasia"}, status=DRAFT)
    make.business(name="Kedai Rahasia", status=ModerationStatus.PENDING)
    hidden_owner = make.business(name="Toko Biasa", status=ModerationStatus.REJECTED)
    make.product(hidden_owner, name={"id": "Madu Rahasia"})  # approved, but its shop is not
    shop = make.business(name="Toko Terbuka")
    make.product(shop, name={"id": "Kopi Rahasia"}, status=ModerationStatus.PENDING)
    indexed()
    for lang in ("id", "en", "btd"):
        page = search(app, "rahasia", lang)
        assert page.results == [] and page.total == 0 and page.all_count == 0


def test_publishing_and_withdrawing_reach_the_index(app, make, indexed):
    cave = make.destination(slug="goa", name={"id": "Goa Kelelawar"}, status=DRAFT)
    shop = make.business(name="Kedai Kelelawar", status=ModerationStatus.PENDING)
    make.product(shop, name={"id": "Kopi Kelelawar"})
    indexed()
    assert found(search(app, "kelelawar")) == []
    cave.status = PublicationStatus.PUBLISHED
    shop.status = ModerationStatus.APPROVED  # its products become visible with it
    db.session.commit()
    indexed()
    assert len(found(search(app, "kelelawar"))) == 3
    shop.status = ModerationStatus.SUSPENDED
    db.session.delete(cave)
    db.session.commit()
    indexed()
    assert found(search(app, "kelelawar")) == []


def test_counts_per_type_and_filters(app, make, indexed):
    salak, other = make.area(slug="salak"), make.area(slug="other")
    make.destination(name={"id": "Kebun Kopi"}, area=salak, category=DestinationCategory.AGRO)
    make.destination(name={"id": "Museum Kopi"}, area=other, category=DestinationCategory.CULTURE)
    make.event(title={"id": "Festival Kopi"}, area=salak, starts_in=timedelta(days=5))
    make.event(title={"id": "Lomba Kopi"}, area=salak, starts_in=timedelta(days=-30))
    shop = make.business(name="Kedai", area=other, category=BusinessCategory.CULINARY)
    make.product(shop, name={"id": "Kopi Bubuk"})
    indexed()
    page = search(app, "kopi")
    assert page.counts == {"destination": 2, "event": 2, "business": 0, "product": 1}
    assert page.total == 5
    assert search(app, "kopi", type="destination").total == 2
    assert search(app, "kopi", type="destination", category="agro").total == 1
    in_salak = search(app, "kopi", area="salak")
    assert in_salak.counts == {"destination": 1, "event": 2, "business": 0, "product": 0}
    assert search(app, "kopi", type="event", upcoming="1").total == 1
    past = search(app, "kopi", type="event", **{"from": "2000-01-01", "to": "2000-12-31"})
    assert past.total == 0


def test_a_category_name_finds_its_items_in_each_language(app, make, indexed):
    roaster = make.business(slug="sangrai", name="Sangrai Julu", category=BusinessCategory.COFFEE)
    indexed()
    assert found(search(app, "coffee", "en")) == [("business", roaster.slug)]
    assert found(search(app, "kopi", "id")) == [("business", roaster.slug)]


def test_event_date_range(app, make, indexed):
    soon = make.event(title={"id": "Pasar Malam"}, starts_in=timedelta(days=10))
    make.event(title={"id": "Pasar Pagi"}, starts_in=timedelta(days=100))
    indexed()
    day = (soon.starts_at + timedelta(hours=7)).date()  # the WIB date
    span = {"from": (day - timedelta(days=1)).isoformat(), "to": day.isoformat()}
    assert found(search(app, "pasar", type="event", **span)) == [("event", soon.slug)]


def test_pages_of_results(app, make, indexed):
    area = make.area()
    for n in range(23):
        make.destination(slug=f"kebun-{n:02d}", name={"id": f"Kebun Jeruk {n}"}, area=area)
    indexed()
    first, last = search(app, "jeruk"), search(app, "jeruk", page="3")
    assert (first.total, first.pages, len(first.results), len(last.results)) == (23, 3, 10, 3)
    everything = {
        r.item.slug for p in ("1", "2", "3") for r in search(app, "jeruk", page=p).results
    }
    assert len(everything) == 23
    assert search(app, "jeruk", page="9").results == []
