"""Sample local businesses (UMKM); their products are in products_goods and products_services.

Phone and WhatsApp numbers are sample numbers, not real ones.
"""

from __future__ import annotations

from branding.businesses.models import BusinessCategory, ModerationStatus
from pakpak_sample.hours import MON_TO_SAT, split_day, weekly
from pakpak_sample.users import OWNER_KERAJAAN_EMAIL, OWNER_SALAK_EMAIL

BUSINESSES: list[dict] = [
    {
        "slug": "kopi-bukit-salak",
        "owner": OWNER_SALAK_EMAIL,
        "verified": True,
        "name": "Kopi Bukit Salak",
        "category": BusinessCategory.COFFEE,
        "area": "salak",
        "summary": {
            "id": "Kopi arabika dan robusta dari kebun di perbukitan sekitar Salak.",
            "en": "Arabica and robusta coffee from farms in the hills around Salak.",
        },
        "description": {
            "id": (
                "Kami membeli buah kopi langsung dari petani sekitar Salak, lalu menjemur dan "
                "menyangrainya sendiri dalam jumlah kecil.\n\n"
                "Mampirlah ke kedai kami untuk mencicipi kopi seduh sebelum membeli."
            ),
            "en": (
                "We buy coffee cherries straight from farmers around Salak, then dry and roast "
                "them ourselves in small batches.\n\n"
                "Drop by our coffee shop to taste a cup before you buy."
            ),
        },
        "address": "Pusat kota Salak, Pakpak Bharat",
        "latitude": 2.567,
        "longitude": 98.266,
        "opening_hours": weekly("08:00", "21:00"),
        "whatsapp": "+6281234500001",
        "phone": "+6281234500011",
        "social_links": {"instagram": "https://instagram.com/sampel.kopibukitsalak"},
    },
    {
        "slug": "warung-pelleng-salak",
        "owner": OWNER_SALAK_EMAIL,
        "verified": True,
        "name": "Warung Pelleng Salak",
        "category": BusinessCategory.CULINARY,
        "area": "salak",
        "summary": {
            "id": "Pelleng dan masakan rumahan Pakpak, juga pesanan untuk acara keluarga.",
            "en": "Pelleng and Pakpak home cooking, with catering for family occasions.",
        },
        "description": {
            "id": (
                "Warung keluarga yang memasak pelleng, nasi berbumbu khas Pakpak, dengan ayam "
                "kampung dan sambal buatan sendiri.\n\n"
                "Pesanan untuk acara keluarga diterima paling lambat dua hari sebelumnya."
            ),
            "en": (
                "A family eatery cooking pelleng, the spiced Pakpak rice dish, with free-range "
                "chicken and homemade chilli sauce.\n\n"
                "Catering orders for family occasions need two days' notice."
            ),
        },
        "address": "Pusat Kuliner Khas Pakpak, Salak, Pakpak Bharat",
        "latitude": 2.564,
        "longitude": 98.270,
        "opening_hours": weekly("10:00", "21:00"),
        "whatsapp": "+6281234500002",
        "phone": "+6281234500012",
        "social_links": {"instagram": "https://instagram.com/sampel.warungpelleng"},
    },
    {
        "slug": "anyaman-kerajaan",
        "owner": OWNER_KERAJAAN_EMAIL,
        "name": "Anyaman Kerajaan",
        "category": BusinessCategory.CRAFTS,
        "area": "kerajaan",
        "summary": {
            "id": "Tikar, tas, dan keranjang anyaman pandan buatan tangan ibu-ibu desa.",
            "en": "Handwoven pandanus mats, bags and baskets made by village women.",
        },
        "description": {
            "id": (
                "Kelompok perajin ini menganyam daun pandan yang dikeringkan dan diwarnai "
                "menjadi tikar, tas, dan keranjang.\n\n"
                "Pesanan ukuran atau warna khusus dapat dibicarakan lewat WhatsApp."
            ),
            "en": (
                "This group of weavers turns dried and dyed pandanus leaves into mats, bags "
                "and baskets.\n\n"
                "Custom sizes or colours can be discussed on WhatsApp."
            ),
        },
        "address": "Kecamatan Kerajaan, Pakpak Bharat",
        "latitude": 2.638,
        "longitude": 98.303,
        "opening_hours": weekly("08:00", "17:00", MON_TO_SAT),
        "whatsapp": "+6281234500003",
    },
    {
        "slug": "hasil-bumi-siempat-rube",
        "owner": OWNER_KERAJAAN_EMAIL,
        "name": "Hasil Bumi Siempat Rube",
        "category": BusinessCategory.PRODUCE,
        "area": "siempat-rube",
        "summary": {
            "id": "Kemenyan, minyak nilam, madu hutan, dan jeruk langsung dari petani.",
            "en": "Benzoin, patchouli oil, forest honey and oranges straight from the farmers.",
        },
        "description": {
            "id": (
                "Kami mengumpulkan hasil kebun dan hutan dari petani Siempat Rube: getah "
                "kemenyan, minyak nilam hasil suling desa, madu, dan jeruk musiman.\n\n"
                "Produk dikemas ulang dalam ukuran kecil agar mudah dibawa pulang."
            ),
            "en": (
                "We gather farm and forest produce from Siempat Rube growers: benzoin resin, "
                "village-distilled patchouli oil, honey and seasonal oranges.\n\n"
                "Everything is repacked in small sizes that are easy to take home."
            ),
        },
        "address": "Kecamatan Siempat Rube, Pakpak Bharat",
        "latitude": 2.611,
        "longitude": 98.183,
        "opening_hours": split_day(("08:00", "12:00"), ("13:00", "17:00"), MON_TO_SAT),
        "whatsapp": "+6281234500004",
        "phone": "+6281234500014",
    },
    {
        "slug": "homestay-panorama-kerajaan",
        "owner": OWNER_KERAJAAN_EMAIL,
        "verified": True,
        "name": "Homestay Panorama Kerajaan",
        "category": BusinessCategory.HOMESTAY,
        "area": "kerajaan",
        "summary": {
            "id": "Menginap di rumah keluarga dekat Bukit Panorama, dengan sarapan kopi lokal.",
            "en": "Stay with a family near Panorama Hill, with a local coffee breakfast.",
        },
        "description": {
            "id": (
                "Rumah kami memiliki beberapa kamar sederhana yang bersih dengan kamar mandi "
                "dalam. Dari teras terlihat lembah dan kebun kopi.\n\n"
                "Kami dapat mengantar tamu ke Bukit Panorama untuk melihat matahari terbit."
            ),
            "en": (
                "Our home has a few simple, clean rooms with private bathrooms. The veranda "
                "looks over the valley and coffee farms.\n\n"
                "We can take guests to Panorama Hill to watch the sunrise."
            ),
        },
        "address": "Kecamatan Kerajaan, Pakpak Bharat",
        "latitude": 2.646,
        "longitude": 98.305,
        "opening_hours": weekly("06:00", "22:00"),
        "whatsapp": "+6281234500005",
        "phone": "+6281234500015",
        "social_links": {"instagram": "https://instagram.com/sampel.homestaypanorama"},
    },
    {
        "slug": "pemandu-wisata-sttu",
        "owner": OWNER_SALAK_EMAIL,
        "name": "Pemandu Wisata Sitellu Tali Urang",
        "category": BusinessCategory.GUIDE,
        "area": "sttu-jehe",
        "summary": {
            "id": "Pemandu lokal ke air terjun dan jalur hutan di selatan Pakpak Bharat.",
            "en": "Local guides to waterfalls and forest trails in southern Pakpak Bharat.",
        },
        "description": {
            "id": (
                "Kami warga desa yang mengenal jalur ke air terjun dan hutan di sekitar "
                "Sitellu Tali Urang. Keselamatan tamu adalah yang utama.\n\n"
                "Pesan paling lambat sehari sebelumnya; jadwal menyesuaikan cuaca."
            ),
            "en": (
                "We are villagers who know the trails to the waterfalls and forests around "
                "Sitellu Tali Urang. Our guests' safety comes first.\n\n"
                "Book at least a day ahead; plans depend on the weather."
            ),
        },
        "address": "Kecamatan Sitellu Tali Urang Jehe, Pakpak Bharat",
        "latitude": 2.486,
        "longitude": 98.215,
        "whatsapp": "+6281234500006",
    },
    {
        "slug": "transportasi-wisata-salak",
        "owner": OWNER_SALAK_EMAIL,
        "name": "Transportasi Wisata Salak",
        "category": BusinessCategory.TRANSPORT,
        "area": "salak",
        "summary": {
            "id": "Ojek dan mobil sewaan dengan sopir untuk berkeliling Pakpak Bharat.",
            "en": "Motorbike taxis and cars with drivers for getting around Pakpak Bharat.",
        },
        "description": {
            "id": (
                "Kami mengantar tamu ke destinasi di seluruh kabupaten, juga dari dan ke "
                "Sidikalang.\n\n"
                "Sopir kami mengenal jalan desa dan dapat menunggu selama Anda berwisata."
            ),
            "en": (
                "We take visitors to destinations across the regency, and to and from "
                "Sidikalang.\n\n"
                "Our drivers know the village roads and can wait while you explore."
            ),
        },
        "address": "Dekat Pasar Salak, Pakpak Bharat",
        "latitude": 2.565,
        "longitude": 98.268,
        "opening_hours": weekly("06:00", "20:00"),
        "whatsapp": "+6281234500007",
        "phone": "+6281234500017",
    },
    {
        "slug": "oleh-oleh-tinada",
        "owner": OWNER_KERAJAAN_EMAIL,
        "status": ModerationStatus.PENDING,
        "name": "Oleh-oleh Tinada",
        "category": BusinessCategory.SOUVENIRS,
        "area": "tinada",
        "summary": {
            "id": "Cendera mata bermotif Pakpak dan paket oleh-oleh hasil bumi.",
            "en": "Souvenirs with Pakpak patterns and gift packs of local produce.",
        },
        "description": {
            "id": (
                "Toko kecil yang menjual kaus, gantungan kunci, dan paket oleh-oleh berisi "
                "kopi dan kemenyan.\n\n"
                "Pendaftaran sedang ditinjau oleh Dinas Pariwisata."
            ),
            "en": (
                "A small shop selling T-shirts, key rings and gift packs of coffee and "
                "benzoin.\n\n"
                "The listing is being reviewed by the Tourism Office."
            ),
        },
        "address": "Kecamatan Tinada, Pakpak Bharat",
        "latitude": 2.690,
        "longitude": 98.228,
        "opening_hours": weekly("09:00", "18:00", MON_TO_SAT),
        "whatsapp": "+6281234500008",
    },
]
