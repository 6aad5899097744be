"""Sample destinations on land: hills, forest trails and farms."""

from __future__ import annotations

from branding.destinations.models import DestinationCategory, Facility
from pakpak_sample.hours import DAYS, weekly

LAND: list[dict] = [
    {
        "slug": "bukit-panorama-kerajaan",
        "featured": True,
        "category": DestinationCategory.NATURE,
        "area": "kerajaan",
        "name": {"id": "Bukit Panorama Kerajaan", "en": "Kerajaan Panorama Hill"},
        "summary": {
            "id": "Bukit dengan pemandangan lembah dan kebun kopi, indah saat matahari terbit.",
            "en": "A hill overlooking valleys and coffee farms, lovely at sunrise.",
        },
        "description": {
            "id": (
                "Dari puncak bukit terlihat deretan perbukitan hijau, kebun kopi, dan desa-desa "
                "di lembah. Pada pagi yang cerah, kabut tipis sering menyelimuti lembah.\n\n"
                "Jalan setapak menuju puncak pendek dan cukup landai, sehingga cocok untuk "
                "keluarga. Di dekat parkir ada warung yang menyajikan kopi Pakpak Bharat."
            ),
            "en": (
                "From the top you see rows of green hills, coffee farms and villages in the "
                "valleys. On clear mornings a thin mist often fills the valleys.\n\n"
                "The path to the top is short and fairly gentle, so it suits families. "
                "Near the car park a stall serves Pakpak Bharat coffee."
            ),
        },
        "how_to_get_there": {
            "id": "Sekitar 30 menit berkendara dari Salak ke arah Kerajaan, lalu jalan kaki "
            "10 menit dari tempat parkir.",
            "en": "About 30 minutes' drive from Salak towards Kerajaan, then a 10-minute walk "
            "from the car park.",
        },
        "tips": {
            "id": "Berangkat sebelum pukul 06.00 untuk melihat matahari terbit; bawa jaket.",
            "en": "Set off before 6 am to catch the sunrise; bring a jacket.",
        },
        "address": "Kecamatan Kerajaan, Pakpak Bharat",
        "latitude": 2.648,
        "longitude": 98.308,
        "opening_hours": weekly("05:30", "18:00"),
        "ticket_price_adult": 5000,
        "ticket_price_child": 2000,
        "ticket_note": {
            "id": "Tiket dikelola pemuda desa untuk perawatan jalan setapak.",
            "en": "Tickets are run by the village youth to maintain the path.",
        },
        "facilities": [Facility.PARKING, Facility.TOILETS, Facility.FOOD_STALLS],
        "contact_phone": "+6281200000102",
    },
    {
        "slug": "jalur-jelajah-hutan-julu",
        "category": DestinationCategory.ADVENTURE,
        "area": "sttu-julu",
        "name": {"id": "Jalur Jelajah Hutan Julu", "en": "Julu Forest Trail"},
        "summary": {
            "id": "Jalur jalan kaki setengah hari melintasi hutan, sungai, dan kebun warga.",
            "en": "A half-day walking trail through forest, rivers and village farms.",
        },
        "description": {
            "id": (
                "Jalur ini menghubungkan dua desa melalui hutan sekunder, menyeberangi sungai "
                "kecil, dan melewati kebun kopi serta kemenyan milik warga.\n\n"
                "Pemandu lokal bercerita tentang tanaman hutan dan kehidupan desa. Beberapa "
                "bagian jalur menanjak dan licin setelah hujan.\n\n"
                "Jalur ini cocok bagi pejalan dengan kebugaran sedang."
            ),
            "en": (
                "The trail links two villages through secondary forest, crosses small rivers "
                "and passes coffee and benzoin gardens owned by villagers.\n\n"
                "Local guides talk about forest plants and village life. Some stretches are "
                "steep and slippery after rain.\n\n"
                "The trail suits walkers of moderate fitness."
            ),
        },
        "how_to_get_there": {
            "id": "Titik awal sekitar 40 menit berkendara dari Salak; pemandu menjemput di "
            "kantor desa.",
            "en": "The start is about 40 minutes' drive from Salak; the guide meets you at the "
            "village office.",
        },
        "tips": {
            "id": "Pesan pemandu sehari sebelumnya. Bawa air minum dan sepatu yang tidak licin.",
            "en": "Book a guide a day ahead. Bring water and shoes with a good grip.",
        },
        "address": "Kecamatan Sitellu Tali Urang Julu, Pakpak Bharat",
        "latitude": 2.524,
        "longitude": 98.341,
        "opening_hours": weekly("07:00", "15:00"),
        "entry_free": True,
        "ticket_note": {
            "id": "Masuk gratis; jasa pemandu dibayar terpisah.",
            "en": "Free entry; guiding is paid separately.",
        },
        "facilities": [Facility.PARKING],
        "contact_phone": "+6281200000103",
    },
    {
        "slug": "agrowisata-kopi-jeruk-sengkut",
        "featured": True,
        "category": DestinationCategory.AGRO,
        "area": "pergetteng-getteng-sengkut",
        "name": {"id": "Agrowisata Kopi dan Jeruk Sengkut", "en": "Sengkut Coffee and Citrus Farm"},
        "summary": {
            "id": "Petik jeruk, lihat pengolahan kopi, dan cicipi hasilnya langsung di kebun.",
            "en": "Pick oranges, watch coffee being processed and taste it right on the farm.",
        },
        "description": {
            "id": (
                "Kebun keluarga ini menanam kopi dan jeruk di lereng bukit. Pengunjung dapat "
                "ikut memetik buah pada musimnya dan melihat proses kopi dari buah merah hingga "
                "biji sangrai.\n\n"
                "Di pondok kebun tersedia kopi seduh dan jeruk segar. Hasil kebun juga dapat "
                "dibeli untuk oleh-oleh."
            ),
            "en": (
                "This family farm grows coffee and citrus on a hillside. Visitors can join the "
                "picking in season and follow coffee from red cherry to roasted bean.\n\n"
                "The farm hut serves brewed coffee and fresh oranges. Produce can also be "
                "bought to take home."
            ),
        },
        "how_to_get_there": {
            "id": "Sekitar 35 menit berkendara dari Salak ke arah timur.",
            "en": "About 35 minutes' drive east of Salak.",
        },
        "tips": {
            "id": "Musim petik bergantung cuaca; tanyakan lewat telepon sebelum datang.",
            "en": "The picking season depends on the weather; call before you come.",
        },
        "address": "Kecamatan Pergetteng-getteng Sengkut, Pakpak Bharat",
        "latitude": 2.603,
        "longitude": 98.362,
        "opening_hours": weekly("08:00", "16:00", DAYS[1:]),
        "ticket_price_adult": 10000,
        "ticket_price_child": 5000,
        "ticket_note": {
            "id": "Tiket termasuk secangkir kopi. Jeruk yang dipetik dibayar per kilogram.",
            "en": "The ticket includes a cup of coffee. Picked oranges are paid per kilo.",
        },
        "facilities": [
            Facility.PARKING,
            Facility.TOILETS,
            Facility.PRAYER_ROOM,
            Facility.FOOD_STALLS,
        ],
        "contact_phone": "+6281200000104",
    },
    {
        "slug": "hutan-kemenyan-siempat-rube",
        "category": DestinationCategory.NATURE,
        "area": "siempat-rube",
        "name": {"id": "Hutan Kemenyan Siempat Rube", "en": "Siempat Rube Benzoin Forest"},
        "summary": {
            "id": "Berjalan di hutan kemenyan dan melihat petani menyadap getahnya.",
            "en": "Walk in a benzoin forest and watch farmers tap its resin.",
        },
        "description": {
            "id": (
                "Kemenyan (benzoin) adalah getah harum yang sudah lama dihasilkan di dataran "
                "tinggi Sumatera Utara. Di hutan ini, petani menyadap batang pohon dan "
                "mengumpulkan getahnya secara berkala.\n\n"
                "Bersama petani, pengunjung dapat melihat cara menyadap dan mencium aroma "
                "getah yang mengering. Hormati pohon dan ikuti arahan pemiliknya."
            ),
            "en": (
                "Benzoin (kemenyan) is a fragrant resin long produced in the highlands of "
                "North Sumatra. In this forest, farmers tap the trunks and collect the resin "
                "at intervals.\n\n"
                "With a farmer, visitors can watch the tapping and smell the drying resin. "
                "Respect the trees and follow the owner's directions."
            ),
        },
        "how_to_get_there": {
            "id": "Sekitar 30 menit berkendara dari Salak ke arah barat, lalu jalan kaki "
            "bersama petani.",
            "en": "About 30 minutes' drive west of Salak, then a walk with a farmer.",
        },
        "tips": {
            "id": "Pakai celana panjang dan lotion antinyamuk.",
            "en": "Wear long trousers and insect repellent.",
        },
        "address": "Kecamatan Siempat Rube, Pakpak Bharat",
        "latitude": 2.614,
        "longitude": 98.176,
        "entry_free": True,
        "facilities": [],
    },
]
