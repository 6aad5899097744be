"""Sample events that have happened or repeat: dates are days relative to the loading day.

``when`` holds ``day`` (offset from today), ``start``/``end`` (WIB wall-clock times),
optionally ``end_day`` (defaults to ``day``), ``all_day``, and ``weekday`` (0 = Monday) to
move the first day back to that weekday.
"""

from __future__ import annotations

from branding.events.models import EventCategory

OFFICE = "Dinas Pariwisata Kabupaten Pakpak Bharat"
OFFICE_CONTACT = "+6281200000001"

PAST: list[dict] = [
    {
        "slug": "pameran-kriya-umkm-pakpak",
        "category": EventCategory.EXHIBITION,
        "when": {"day": -58, "start": "09:00", "end_day": -57, "end": "16:00"},
        "area": "salak",
        "venue_name": "Gedung Serbaguna Salak",
        "venue_address": "Pusat kota Salak, Pakpak Bharat",
        "latitude": 2.568,
        "longitude": 98.274,
        "title": {
            "id": "Pameran Kriya dan UMKM Pakpak",
            "en": "Pakpak Crafts and Small Business Fair",
        },
        "summary": {
            "id": "Dua hari pameran anyaman, tenun, kopi, dan hasil bumi dari delapan kecamatan.",
            "en": "Two days of weaving, textiles, coffee and produce from all eight districts.",
        },
        "description": {
            "id": (
                "Pelaku UMKM dari seluruh kecamatan memamerkan dan menjual produk mereka, "
                "mulai dari anyaman dan kain bermotif Pakpak hingga kopi dan minyak nilam.\n\n"
                "Pengunjung dapat berbincang langsung dengan perajin dan petani."
            ),
            "en": (
                "Small businesses from every district showed and sold their products, from "
                "weaving and Pakpak-patterned cloth to coffee and patchouli oil.\n\n"
                "Visitors could talk directly with the makers and farmers."
            ),
        },
        "organiser": OFFICE,
        "organiser_contact": OFFICE_CONTACT,
        "entry_free": True,
    },
    {
        "slug": "lomba-sepeda-gunung-kerajaan",
        "category": EventCategory.SPORT,
        "when": {"day": -33, "start": "07:00", "end": "13:00"},
        "destination": "bukit-panorama-kerajaan",
        "title": {"id": "Lomba Sepeda Gunung Kerajaan", "en": "Kerajaan Mountain Bike Race"},
        "summary": {
            "id": "Balapan sepeda gunung menyusuri jalan kebun dan perbukitan Kerajaan.",
            "en": "A mountain bike race along farm tracks and the hills of Kerajaan.",
        },
        "description": {
            "id": (
                "Peserta menempuh rute tanah dan berbatu melewati kebun kopi, dengan garis "
                "akhir di Bukit Panorama Kerajaan.\n\n"
                "Tersedia kategori umum dan pelajar."
            ),
            "en": (
                "Riders followed a dirt and gravel route through coffee farms, finishing at "
                "Kerajaan Panorama Hill.\n\n"
                "There were open and student categories."
            ),
        },
        "organiser": "Komunitas Sepeda Pakpak Bharat",
        "organiser_contact": "+6281200000201",
        "entry_free": False,
        "price": 50000,
    },
    {
        "slug": "pagelaran-genderang-sisibah",
        "category": EventCategory.CULTURE,
        "when": {"day": -16, "start": "19:30", "end": "22:00"},
        "area": "kerajaan",
        "venue_name": "Balai Desa Kerajaan",
        "venue_address": "Kecamatan Kerajaan, Pakpak Bharat",
        "latitude": 2.641,
        "longitude": 98.299,
        "title": {"id": "Pagelaran Genderang Sisibah", "en": "Genderang Sisibah Performance"},
        "summary": {
            "id": "Malam pertunjukan ansambel genderang sisibah oleh sanggar-sanggar Pakpak.",
            "en": "An evening of the genderang sisibah drum ensemble by Pakpak arts groups.",
        },
        "description": {
            "id": (
                "Sanggar dari beberapa desa menampilkan genderang sisibah, ansambel genderang "
                "tradisional Pakpak, diiringi tarian.\n\n"
                "Para pemain senior menjelaskan peran genderang dalam upacara adat."
            ),
            "en": (
                "Arts groups from several villages played the genderang sisibah, the "
                "traditional Pakpak drum ensemble, with dancing.\n\n"
                "Senior musicians explained the drums' role in customary ceremonies."
            ),
        },
        "organiser": "Sanggar Budaya Kerajaan",
        "organiser_contact": "+6281200000202",
        "entry_free": True,
    },
    {
        "slug": "doa-bersama-lintas-iman",
        "category": EventCategory.RELIGIOUS,
        "when": {"day": -6, "start": "08:00", "end": "11:00"},
        "destination": "bukit-doa-salak",
        "title": {"id": "Doa Bersama Lintas Iman", "en": "Interfaith Prayer Gathering"},
        "summary": {
            "id": "Umat berbagai agama berdoa bersama untuk kedamaian Pakpak Bharat.",
            "en": "People of different faiths prayed together for peace in Pakpak Bharat.",
        },
        "description": {
            "id": (
                "Tokoh agama dan masyarakat berkumpul di Bukit Doa Salak untuk berdoa menurut "
                "keyakinan masing-masing.\n\n"
                "Acara ditutup dengan makan bersama."
            ),
            "en": (
                "Religious and community leaders gathered at Salak Prayer Hill to pray, each "
                "in their own faith.\n\n"
                "The gathering ended with a shared meal."
            ),
        },
        "organiser": "Forum Kerukunan Umat Beragama",
        "organiser_contact": "+6281200000203",
        "entry_free": True,
    },
    {
        "slug": "pasar-sabtu-hasil-bumi-salak",
        "category": EventCategory.MARKET,
        "when": {"day": -28, "weekday": 5, "start": "07:00", "end": "12:00"},
        "recurrence_rule": "FREQ=WEEKLY;BYDAY=SA",
        "recurrence_exdates": [],
        "area": "salak",
        "venue_name": "Pasar Salak",
        "venue_address": "Pusat kota Salak, Pakpak Bharat",
        "latitude": 2.565,
        "longitude": 98.267,
        "title": {"id": "Pasar Sabtu Hasil Bumi Salak", "en": "Salak Saturday Farmers' Market"},
        "summary": {
            "id": "Setiap Sabtu pagi: sayur, buah, kopi, dan jajanan dari desa-desa sekitar.",
            "en": "Every Saturday morning: vegetables, fruit, coffee and snacks from nearby "
            "villages.",
        },
        "description": {
            "id": (
                "Petani dari desa sekitar membawa hasil kebun mereka ke Salak setiap Sabtu "
                "pagi: jeruk, sayur, kopi, cabai, dan banyak lagi.\n\n"
                "Datang pagi untuk pilihan terbaik, dan bawalah tas belanja sendiri."
            ),
            "en": (
                "Farmers from nearby villages bring their harvest to Salak every Saturday "
                "morning: oranges, vegetables, coffee, chillies and more.\n\n"
                "Come early for the best choice, and bring your own shopping bag."
            ),
        },
        "organiser": "Pengelola Pasar Salak",
        "entry_free": True,
    },
    {
        "slug": "pesta-panen-kopi-jeruk",
        "category": EventCategory.FESTIVAL,
        "when": {"day": -320, "start": "08:00", "end": "17:00"},
        "recurrence_rule": "FREQ=YEARLY;COUNT=5",
        "recurrence_exdates": [],
        "destination": "agrowisata-kopi-jeruk-sengkut",
        "title": {"id": "Pesta Panen Kopi dan Jeruk", "en": "Coffee and Citrus Harvest Festival"},
        "summary": {
            "id": "Perayaan panen tahunan dengan petik jeruk, lomba seduh kopi, dan musik.",
            "en": "A yearly harvest celebration with orange picking, a coffee brewing contest "
            "and music.",
        },
        "description": {
            "id": (
                "Setiap tahun petani merayakan panen dengan membuka kebun untuk pengunjung. "
                "Ada petik jeruk, lomba seduh kopi, dan hiburan musik daerah.\n\n"
                "Hasil kebun dijual langsung oleh petani."
            ),
            "en": (
                "Each year the farmers celebrate the harvest by opening their farms to "
                "visitors, with orange picking, a coffee brewing contest and local music.\n\n"
                "Produce is sold straight from the farmers."
            ),
        },
        "organiser": "Kelompok Tani Sengkut",
        "organiser_contact": "+6281200000104",
        "entry_free": False,
        "price": 10000,
    },
]
