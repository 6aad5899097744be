"""Sample destinations of Pakpak culture, faith, food and the capital's landmarks."""

from __future__ import annotations

from branding.destinations.models import DestinationCategory, Facility
from pakpak_sample.hours import WORKDAYS, weekly

CULTURE: list[dict] = [
    {
        "slug": "situs-mejan-kerajaan",
        "featured": True,
        "category": DestinationCategory.CULTURE,
        "area": "kerajaan",
        "name": {"id": "Situs Mejan Kerajaan", "en": "Kerajaan Mejan Site"},
        "summary": {
            "id": "Patung batu mejan, warisan leluhur Pakpak, di tengah kampung.",
            "en": "Mejan stone statues, a Pakpak ancestral heritage, in the heart of a village.",
        },
        "description": {
            "id": (
                "Mejan adalah patung batu dalam tradisi Pakpak, sering menggambarkan sosok "
                "penunggang hewan. Patung-patung ini dihormati masyarakat sebagai peninggalan "
                "leluhur marga.\n\n"
                "Situs dijaga oleh keluarga setempat, yang dengan senang hati bercerita tentang "
                "sejarahnya bila diminta dengan sopan.\n\n"
                "Jangan memanjat, menyentuh, atau memindahkan batu."
            ),
            "en": (
                "Mejan are stone statues of the Pakpak tradition, often showing a figure riding "
                "an animal. The community honours them as a heritage of clan ancestors.\n\n"
                "The site is looked after by a local family, who are glad to tell its story "
                "when asked politely.\n\n"
                "Do not climb on, touch or move the stones."
            ),
        },
        "how_to_get_there": {
            "id": "Sekitar 25 menit berkendara dari Salak; parkir di balai desa.",
            "en": "About 25 minutes' drive from Salak; park at the village hall.",
        },
        "tips": {
            "id": "Mintalah izin kepada penjaga sebelum memotret, dan berpakaianlah sopan.",
            "en": "Ask the keeper before taking photos, and dress modestly.",
        },
        "address": "Kecamatan Kerajaan, Pakpak Bharat",
        "latitude": 2.636,
        "longitude": 98.294,
        "entry_free": True,
        "ticket_note": {
            "id": "Gratis; sumbangan sukarela untuk perawatan situs diterima.",
            "en": "Free; voluntary donations for the site's upkeep are welcome.",
        },
        "facilities": [Facility.PARKING],
    },
    {
        "slug": "rumah-adat-pakpak-salak",
        "category": DestinationCategory.CULTURE,
        "area": "salak",
        "name": {"id": "Rumah Adat Pakpak Salak", "en": "Pakpak Traditional House, Salak"},
        "summary": {
            "id": "Rumah adat Pakpak tempat latihan genderang sisibah dan pertunjukan budaya.",
            "en": "A Pakpak traditional house where genderang sisibah drummers rehearse "
            "and perform.",
        },
        "description": {
            "id": (
                "Rumah adat ini dibangun dengan bentuk atap khas Pakpak dan menjadi tempat "
                "pertemuan adat, latihan kesenian, dan pertunjukan.\n\n"
                "Pada waktu tertentu, sanggar setempat berlatih genderang sisibah, ansambel "
                "genderang Pakpak, dan menyanyikan oang-oang. Tanyakan jadwalnya kepada "
                "Dinas Pariwisata.\n\n"
                "Di dalam terdapat pajangan sederhana berupa peralatan rumah tangga dan "
                "kain tradisional."
            ),
            "en": (
                "The house is built with the characteristic Pakpak roof and is used for "
                "customary gatherings, arts rehearsals and performances.\n\n"
                "At times a local arts group rehearses the genderang sisibah, the Pakpak drum "
                "ensemble, and sings oang-oang. Ask the Tourism Office for the schedule.\n\n"
                "Inside is a simple display of household tools and traditional cloth."
            ),
        },
        "how_to_get_there": {
            "id": "Di pusat kota Salak, dapat dicapai dengan berjalan kaki dari pasar.",
            "en": "In the centre of Salak, within walking distance of the market.",
        },
        "tips": {
            "id": "Lepaskan alas kaki sebelum masuk ke bagian dalam rumah.",
            "en": "Take off your shoes before going inside.",
        },
        "address": "Pusat kota Salak, Pakpak Bharat",
        "latitude": 2.569,
        "longitude": 98.268,
        "opening_hours": weekly("08:00", "16:00", WORKDAYS),
        "entry_free": True,
        "facilities": [
            Facility.PARKING,
            Facility.TOILETS,
            Facility.PRAYER_ROOM,
            Facility.ACCESSIBLE,
        ],
        "contact_phone": "+6281200000105",
    },
    {
        "slug": "bukit-doa-salak",
        "category": DestinationCategory.RELIGIOUS,
        "area": "salak",
        "name": {"id": "Bukit Doa Salak", "en": "Salak Prayer Hill"},
        "summary": {
            "id": "Taman doa yang tenang di bukit dekat Salak, terbuka bagi semua pengunjung.",
            "en": "A quiet prayer garden on a hill near Salak, open to all visitors.",
        },
        "description": {
            "id": (
                "Bukit ini menjadi tempat berdoa dan merenung dengan taman, jalan setapak, dan "
                "tempat duduk menghadap lembah.\n\n"
                "Pengunjung dari semua latar belakang dipersilakan datang; jagalah ketenangan "
                "dan hormati mereka yang sedang beribadah."
            ),
            "en": (
                "The hill is a place of prayer and reflection, with a garden, paths and "
                "benches looking over the valley.\n\n"
                "Visitors of every background are welcome; keep quiet and respect those "
                "who are praying."
            ),
        },
        "how_to_get_there": {
            "id": "Sekitar 10 menit berkendara dari pusat kota Salak.",
            "en": "About 10 minutes' drive from the centre of Salak.",
        },
        "tips": {
            "id": "Ramai pada hari Minggu dan hari besar keagamaan.",
            "en": "Busy on Sundays and religious holidays.",
        },
        "address": "Salak, Pakpak Bharat",
        "latitude": 2.575,
        "longitude": 98.281,
        "opening_hours": weekly("06:00", "18:00"),
        "entry_free": True,
        "facilities": [Facility.PARKING, Facility.TOILETS],
    },
    {
        "slug": "taman-kota-salak",
        "category": DestinationCategory.LANDMARK,
        "area": "salak",
        "name": {"id": "Taman Kota Salak", "en": "Salak Town Park"},
        "summary": {
            "id": "Taman di pusat ibu kota, tempat warga berkumpul dan acara kabupaten digelar.",
            "en": "A park in the heart of the capital where people meet and regency events "
            "take place.",
        },
        "description": {
            "id": (
                "Taman kota ini menjadi ruang terbuka bagi warga Salak: tempat bermain anak, "
                "berolahraga pagi, dan berkumpul pada sore hari.\n\n"
                "Pada hari besar, taman dan lapangan di sekitarnya digunakan untuk festival, "
                "pertunjukan, dan bazar UMKM."
            ),
            "en": (
                "The town park is Salak's open space: children play, people exercise in the "
                "morning and gather in the evening.\n\n"
                "On special days the park and the field next to it host festivals, "
                "performances and local business fairs."
            ),
        },
        "how_to_get_there": {
            "id": "Di pusat kota Salak, dekat kantor-kantor pemerintahan.",
            "en": "In the centre of Salak, near the government offices.",
        },
        "tips": {
            "id": "Sore hari paling ramai; pedagang makanan berjualan di sekitar taman.",
            "en": "Evenings are liveliest; food sellers set up around the park.",
        },
        "address": "Pusat kota Salak, Pakpak Bharat",
        "latitude": 2.566,
        "longitude": 98.272,
        "entry_free": True,
        "facilities": [
            Facility.PARKING,
            Facility.TOILETS,
            Facility.FOOD_STALLS,
            Facility.ACCESSIBLE,
        ],
    },
    {
        "slug": "pusat-kuliner-pakpak-salak",
        "category": DestinationCategory.CULINARY,
        "area": "salak",
        "name": {"id": "Pusat Kuliner Khas Pakpak Salak", "en": "Salak Pakpak Food Centre"},
        "summary": {
            "id": "Deretan warung yang menyajikan pelleng dan masakan rumahan Pakpak.",
            "en": "A row of stalls serving pelleng and Pakpak home cooking.",
        },
        "description": {
            "id": (
                "Di sini pengunjung dapat mencicipi pelleng, hidangan nasi berbumbu khas Pakpak "
                "yang biasa disajikan pada acara adat, bersama lauk ayam dan sambal.\n\n"
                "Warung-warung juga menjual kopi Pakpak Bharat, kue tradisional, dan buah "
                "dari kebun sekitar. Harga tertera di setiap warung."
            ),
            "en": (
                "Here visitors can taste pelleng, a spiced rice dish of the Pakpak people "
                "often served at customary ceremonies, with chicken and chilli sauce.\n\n"
                "The stalls also sell Pakpak Bharat coffee, traditional cakes and fruit from "
                "nearby farms. Prices are shown at each stall."
            ),
        },
        "how_to_get_there": {
            "id": "Di pusat kota Salak, berjalan kaki lima menit dari Taman Kota.",
            "en": "In the centre of Salak, a five-minute walk from the town park.",
        },
        "tips": {
            "id": "Pelleng biasanya pedas; minta versi tidak pedas bila perlu.",
            "en": "Pelleng is usually spicy; ask for a mild one if you prefer.",
        },
        "address": "Pusat kota Salak, Pakpak Bharat",
        "latitude": 2.564,
        "longitude": 98.269,
        "opening_hours": weekly("10:00", "21:00"),
        "entry_free": True,
        "facilities": [
            Facility.PARKING,
            Facility.TOILETS,
            Facility.PRAYER_ROOM,
            Facility.FOOD_STALLS,
        ],
        "contact_phone": "+6281200000106",
    },
]
