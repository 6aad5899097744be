"""Sample destinations by the water: waterfalls and a lake (one left as a draft)."""

from __future__ import annotations

from branding.core.content.publishing import PublicationStatus
from branding.destinations.models import DestinationCategory, Facility
from pakpak_sample.hours import weekly

WATER: list[dict] = [
    {
        "slug": "air-terjun-lae-une",
        "featured": True,
        "category": DestinationCategory.WATERFALL,
        "area": "sttu-jehe",
        "name": {"id": "Air Terjun Lae Une", "en": "Lae Une Waterfall"},
        "summary": {
            "id": "Air terjun bertingkat di tengah hutan, dengan kolam jernih untuk bermain air.",
            "en": "A tiered waterfall in the forest, with clear pools to paddle in.",
        },
        "description": {
            "id": (
                "Dalam bahasa Pakpak, lae berarti sungai atau air. Lae Une turun bertingkat "
                "dari tebing berhutan dan membentuk beberapa kolam kecil yang jernih.\n\n"
                "Jalan setapak dari tempat parkir melewati kebun warga dan hutan sekunder. "
                "Pagi hari biasanya paling sejuk dan sepi, cocok untuk berfoto dan piknik.\n\n"
                "Pengelola desa menjaga kebersihan kawasan; bawalah kembali sampah Anda."
            ),
            "en": (
                "In Pakpak, lae means river or water. Lae Une drops in tiers from a forested "
                "cliff and forms several small, clear pools.\n\n"
                "The footpath from the car park passes village gardens and secondary forest. "
                "Mornings are usually the coolest and quietest, good for photos and picnics.\n\n"
                "The village keeps the site clean; please take your rubbish home."
            ),
        },
        "how_to_get_there": {
            "id": (
                "Dari Salak naik mobil atau sepeda motor ke arah selatan sekitar satu jam, "
                "lalu berjalan kaki kira-kira 20 menit dari tempat parkir desa."
            ),
            "en": (
                "From Salak drive or ride south for about an hour, then walk roughly "
                "20 minutes from the village car park."
            ),
        },
        "tips": {
            "id": "Pakai sandal gunung; batu di tepi kolam licin. Hindari berenang saat hujan.",
            "en": "Wear sturdy sandals; the rocks by the pools are slippery. "
            "Do not swim after heavy rain.",
        },
        "address": "Kecamatan Sitellu Tali Urang Jehe, Pakpak Bharat",
        "latitude": 2.492,
        "longitude": 98.224,
        "opening_hours": weekly("08:00", "17:00"),
        "ticket_price_adult": 5000,
        "ticket_price_child": 3000,
        "ticket_note": {
            "id": "Parkir sepeda motor Rp2.000, mobil Rp5.000, dikelola desa.",
            "en": "Parking: Rp 2,000 for motorbikes, Rp 5,000 for cars, run by the village.",
        },
        "facilities": [Facility.PARKING, Facility.TOILETS, Facility.FOOD_STALLS],
        "contact_phone": "+6281200000101",
    },
    {
        "slug": "air-terjun-lae-pagindar",
        "category": DestinationCategory.WATERFALL,
        "area": "pagindar",
        "name": {"id": "Air Terjun Lae Pagindar", "en": "Lae Pagindar Waterfall"},
        "summary": {
            "id": "Air terjun tersembunyi di hutan Pagindar untuk pejalan yang siap bertualang.",
            "en": "A hidden waterfall in the Pagindar forest for walkers ready for adventure.",
        },
        "description": {
            "id": (
                "Air terjun ini jauh dari keramaian dan belum memiliki fasilitas. Suara air dan "
                "hutan yang lebat menjadi daya tarik utamanya.\n\n"
                "Jalur menuju lokasi melewati sungai kecil dan tanjakan; sebaiknya berangkat "
                "bersama pemandu dari desa terdekat."
            ),
            "en": (
                "This waterfall is far from the crowds and has no facilities yet. The sound of "
                "the water and the dense forest are what draw visitors.\n\n"
                "The trail crosses small streams and climbs; it is best to go with a guide "
                "from the nearest village."
            ),
        },
        "how_to_get_there": {
            "id": "Dari Salak ke Pagindar sekitar dua jam berkendara, lalu jalan kaki "
            "bersama pemandu sekitar satu jam.",
            "en": "About two hours' drive from Salak to Pagindar, then around an hour's walk "
            "with a guide.",
        },
        "tips": {
            "id": "Bawa air minum, bekal, dan jas hujan. Kabari keluarga rencana perjalanan Anda.",
            "en": "Bring water, food and a raincoat. Tell someone your plans before you go.",
        },
        "address": "Kecamatan Pagindar, Pakpak Bharat",
        "latitude": 2.507,
        "longitude": 98.134,
        "entry_free": True,
        "ticket_note": {
            "id": "Tanpa tiket; jasa pemandu dibayar langsung kepada pemandu.",
            "en": "No ticket; pay the guide directly for the guiding.",
        },
        "facilities": [],
    },
    {
        "slug": "telaga-tinada",
        "category": DestinationCategory.LAKE,
        "area": "tinada",
        "name": {"id": "Telaga Tinada", "en": "Tinada Pond"},
        "summary": {
            "id": "Telaga kecil yang tenang di antara kebun jeruk, tempat bersantai sore hari.",
            "en": "A small, quiet pond among citrus farms, a place to unwind in the afternoon.",
        },
        "description": {
            "id": (
                "Telaga ini dikelilingi kebun jeruk dan pepohonan. Warga sering memancing di "
                "tepinya, dan sore hari cahaya matahari memantul indah di permukaan air.\n\n"
                "Beberapa warung warga menjual kopi, jeruk, dan makanan ringan pada akhir pekan."
            ),
            "en": (
                "The pond is surrounded by citrus farms and trees. Local people often fish from "
                "its banks, and in the late afternoon the sunlight plays on the water.\n\n"
                "A few village stalls sell coffee, oranges and snacks at weekends."
            ),
        },
        "how_to_get_there": {
            "id": "Sekitar 45 menit berkendara dari Salak ke arah utara melalui Tinada.",
            "en": "About 45 minutes' drive north from Salak through Tinada.",
        },
        "tips": {
            "id": "Datanglah pada musim panen jeruk dan belilah langsung dari petani.",
            "en": "Come in the citrus season and buy straight from the farmers.",
        },
        "address": "Kecamatan Tinada, Pakpak Bharat",
        "latitude": 2.684,
        "longitude": 98.238,
        "entry_free": True,
        "facilities": [Facility.PARKING, Facility.FOOD_STALLS],
    },
    {
        "slug": "air-terjun-lae-tinada",
        "status": PublicationStatus.DRAFT,
        "category": DestinationCategory.WATERFALL,
        "area": "tinada",
        "name": {"id": "Air Terjun Lae Tinada"},
        "summary": {"id": "Draf: profil air terjun ini masih disusun oleh Dinas Pariwisata."},
        "description": {
            "id": "Draf. Data lokasi, akses, dan foto masih dikumpulkan sebelum diterbitkan."
        },
        "address": "Kecamatan Tinada, Pakpak Bharat",
        "latitude": 2.702,
        "longitude": 98.221,
        "entry_free": True,
    },
]
