"""Sample events in the coming weeks, with days relative to the loading day (see events_past)."""

from __future__ import annotations

from branding.core.content.publishing import PublicationStatus
from branding.events.models import EventCategory, EventStatus
from pakpak_sample.events_past import OFFICE, OFFICE_CONTACT

UPCOMING: list[dict] = [
    {
        "slug": "lomba-lari-lintas-alam-julu",
        "category": EventCategory.SPORT,
        "event_status": EventStatus.CANCELLED,
        "when": {"day": 5, "start": "06:30", "end": "12:00"},
        "destination": "jalur-jelajah-hutan-julu",
        "title": {"id": "Lomba Lari Lintas Alam Julu", "en": "Julu Trail Run"},
        "summary": {
            "id": "Dibatalkan: jalur sedang diperbaiki setelah longsor kecil.",
            "en": "Cancelled: the trail is being repaired after a small landslide.",
        },
        "description": {
            "id": (
                "Lomba lari 10 km di Jalur Jelajah Hutan Julu dibatalkan karena sebagian "
                "jalur tertutup longsor kecil dan sedang diperbaiki.\n\n"
                "Biaya pendaftaran dikembalikan penuh kepada peserta."
            ),
            "en": (
                "The 10 km run on the Julu Forest Trail is cancelled because a small landslide "
                "blocked part of the trail, which is being repaired.\n\n"
                "Entry fees are refunded in full."
            ),
        },
        "organiser": "Komunitas Lari Pakpak Bharat",
        "organiser_contact": "+6281200000204",
        "entry_free": False,
        "price": 75000,
    },
    {
        "slug": "malam-kesenian-oang-oang",
        "featured": True,
        "category": EventCategory.CULTURE,
        "when": {"day": 9, "start": "20:00", "end_day": 10, "end": "01:00"},
        "destination": "rumah-adat-pakpak-salak",
        "title": {"id": "Malam Kesenian Oang-oang", "en": "Oang-oang Night of Song"},
        "summary": {
            "id": "Malam nyanyian oang-oang dan musik Pakpak hingga lewat tengah malam.",
            "en": "A night of oang-oang singing and Pakpak music until after midnight.",
        },
        "description": {
            "id": (
                "Penyanyi dari berbagai desa membawakan oang-oang, nyanyian tradisional Pakpak, "
                "diselingi tabuhan genderang dan tarian.\n\n"
                "Acara dimulai pukul 20.00 WIB dan berakhir sekitar pukul 01.00 WIB."
            ),
            "en": (
                "Singers from many villages perform oang-oang, traditional Pakpak songs, "
                "between drumming and dancing.\n\n"
                "The show starts at 8 pm WIB and ends around 1 am WIB."
            ),
        },
        "organiser": "Sanggar Budaya Salak",
        "organiser_contact": "+6281200000205",
        "entry_free": True,
    },
    {
        "slug": "jelajah-air-terjun-lae-une",
        "category": EventCategory.SPORT,
        "when": {"day": 13, "start": "07:00", "end": "15:00"},
        "destination": "air-terjun-lae-une",
        "title": {"id": "Jelajah Air Terjun Lae Une", "en": "Lae Une Waterfall Trek"},
        "summary": {
            "id": "Jalan kaki berpemandu ke Air Terjun Lae Une; kuota terbatas, daftar dulu.",
            "en": "A guided walk to Lae Une Waterfall; places are limited, register first.",
        },
        "description": {
            "id": (
                "Peserta berjalan bersama pemandu desa melewati kebun dan hutan menuju Air "
                "Terjun Lae Une, lalu makan siang bersama di tepi sungai.\n\n"
                "Biaya sudah termasuk pemandu, makan siang, dan tiket masuk."
            ),
            "en": (
                "Walkers follow village guides through farms and forest to Lae Une Waterfall, "
                "then share lunch by the river.\n\n"
                "The fee covers the guide, lunch and the entry ticket."
            ),
        },
        "organiser": OFFICE,
        "organiser_contact": OFFICE_CONTACT,
        "entry_free": False,
        "price": 100000,
        "registration_url": "https://example.com/sampel/daftar-jelajah-lae-une",
    },
    {
        "slug": "bazar-jeruk-kuliner-tinada",
        "category": EventCategory.MARKET,
        "when": {"day": 16, "start": "16:00", "end": "22:00"},
        "area": "tinada",
        "venue_name": "Lapangan Desa Tinada",
        "venue_address": "Kecamatan Tinada, Pakpak Bharat",
        "latitude": 2.688,
        "longitude": 98.232,
        "title": {"id": "Bazar Jeruk dan Kuliner Tinada", "en": "Tinada Citrus and Food Bazaar"},
        "summary": {
            "id": "Sore hingga malam: jeruk segar, jajanan, dan masakan rumahan Pakpak.",
            "en": "Afternoon into evening: fresh oranges, snacks and Pakpak home cooking.",
        },
        "description": {
            "id": (
                "Petani jeruk dan ibu-ibu pengusaha kuliner dari Tinada membuka lapak di "
                "lapangan desa.\n\n"
                "Ada pelleng, kue tradisional, kopi, dan tentu saja jeruk segar."
            ),
            "en": (
                "Citrus farmers and home cooks from Tinada set up stalls on the village "
                "field.\n\n"
                "Expect pelleng, traditional cakes, coffee and, of course, fresh oranges."
            ),
        },
        "organiser": "Pemerintah Desa Tinada",
        "entry_free": True,
    },
    {
        "slug": "festival-budaya-pakpak-bharat",
        "featured": True,
        "category": EventCategory.FESTIVAL,
        "when": {"day": 20, "end_day": 22, "all_day": True},
        "destination": "taman-kota-salak",
        "title": {"id": "Festival Budaya Pakpak Bharat", "en": "Pakpak Bharat Cultural Festival"},
        "summary": {
            "id": "Tiga hari genderang, tarian, kuliner, dan kriya Pakpak di Taman Kota Salak.",
            "en": "Three days of Pakpak drums, dance, food and crafts in Salak Town Park.",
        },
        "description": {
            "id": (
                "Festival tiga hari ini menampilkan sanggar dari delapan kecamatan: genderang "
                "sisibah, tarian, dan oang-oang, serta lomba masak pelleng.\n\n"
                "Bazar UMKM buka setiap hari dengan kopi, anyaman, dan hasil bumi. "
                "Jadwal lengkap diumumkan oleh Dinas Pariwisata."
            ),
            "en": (
                "This three-day festival brings arts groups from all eight districts: "
                "genderang sisibah drumming, dance and oang-oang, plus a pelleng cooking "
                "contest.\n\n"
                "A small business fair opens every day with coffee, weaving and produce. "
                "The Tourism Office announces the full programme."
            ),
        },
        "organiser": OFFICE,
        "organiser_contact": OFFICE_CONTACT,
        "entry_free": True,
    },
    {
        "slug": "pameran-kopi-hasil-bumi",
        "category": EventCategory.EXHIBITION,
        "event_status": EventStatus.POSTPONED,
        "when": {"day": 27, "start": "09:00", "end": "16:00"},
        "area": "pergetteng-getteng-sengkut",
        "venue_name": "Balai Pertemuan Kecamatan Pergetteng-getteng Sengkut",
        "venue_address": "Kecamatan Pergetteng-getteng Sengkut, Pakpak Bharat",
        "latitude": 2.598,
        "longitude": 98.372,
        "title": {"id": "Pameran Kopi dan Hasil Bumi", "en": "Coffee and Produce Show"},
        "summary": {
            "id": "Ditunda: tanggal baru akan diumumkan.",
            "en": "Postponed: a new date will be announced.",
        },
        "description": {
            "id": (
                "Pameran kopi, jeruk, nilam, dan kemenyan dari petani Pakpak Bharat ditunda "
                "karena bertepatan dengan masa panen.\n\n"
                "Tanggal baru akan diumumkan di halaman ini."
            ),
            "en": (
                "The show of coffee, citrus, patchouli and benzoin from Pakpak Bharat farmers "
                "is postponed because it clashes with the harvest.\n\n"
                "The new date will be announced on this page."
            ),
        },
        "organiser": OFFICE,
        "organiser_contact": OFFICE_CONTACT,
        "entry_free": True,
    },
    {
        "slug": "lomba-paduan-suara-gerejawi",
        "category": EventCategory.RELIGIOUS,
        "when": {"day": 35, "start": "09:00", "end": "17:00"},
        "area": "salak",
        "venue_name": "Gedung Serbaguna Salak",
        "venue_address": "Pusat kota Salak, Pakpak Bharat",
        "latitude": 2.568,
        "longitude": 98.274,
        "title": {"id": "Lomba Paduan Suara Gerejawi", "en": "Church Choir Competition"},
        "summary": {
            "id": "Paduan suara gereja dari berbagai kecamatan tampil dan berlomba.",
            "en": "Church choirs from several districts perform and compete.",
        },
        "description": {
            "id": (
                "Paduan suara dari gereja-gereja di Pakpak Bharat membawakan lagu wajib dan "
                "lagu pilihan.\n\n"
                "Terbuka untuk umum; pengunjung diminta berpakaian sopan."
            ),
            "en": (
                "Choirs from churches across Pakpak Bharat sing a set piece and a piece of "
                "their choice.\n\n"
                "Open to the public; please dress modestly."
            ),
        },
        "organiser": "Panitia Lomba Paduan Suara",
        "organiser_contact": "+6281200000206",
        "entry_free": True,
    },
    {
        "slug": "pameran-foto-wisata",
        "status": PublicationStatus.DRAFT,
        "category": EventCategory.EXHIBITION,
        "when": {"day": 45, "start": "10:00", "end": "17:00"},
        "area": "salak",
        "venue_name": "Gedung Serbaguna Salak",
        "latitude": 2.568,
        "longitude": 98.274,
        "title": {"id": "Pameran Foto Wisata Pakpak Bharat"},
        "summary": {"id": "Draf: karya lomba foto wisata; jadwal belum pasti."},
        "description": {"id": "Draf. Detail acara masih disusun."},
        "organiser": OFFICE,
        "entry_free": True,
    },
]
