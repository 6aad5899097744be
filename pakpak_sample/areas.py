"""The eight districts (kecamatan) of Pakpak Bharat, with approximate centre coordinates."""

from __future__ import annotations


def _name(name: str) -> dict:
    """Return a place name, the same in every language."""
    return {"id": name, "en": name, "btd": name}


AREAS: list[dict] = [
    {
        "slug": "salak",
        "name": _name("Salak"),
        "description": {
            "id": "Ibu kota kabupaten: kantor pemerintahan, pasar, penginapan, dan kuliner "
            "khas Pakpak, menjadi titik awal untuk menjelajahi seluruh kabupaten.",
            "en": "The regency capital: government offices, the market, lodging and Pakpak "
            "food, and the starting point for exploring the whole regency.",
        },
        "latitude": 2.567,
        "longitude": 98.271,
    },
    {
        "slug": "kerajaan",
        "name": _name("Kerajaan"),
        "description": {
            "id": "Kecamatan di utara Salak dengan perbukitan kopi dan jeruk serta "
            "peninggalan budaya Pakpak seperti patung batu mejan.",
            "en": "A district north of Salak with coffee and citrus hills and Pakpak "
            "heritage such as mejan stone statues.",
        },
        "latitude": 2.640,
        "longitude": 98.300,
    },
    {
        "slug": "sttu-jehe",
        "name": _name("Sitellu Tali Urang Jehe"),
        "description": {
            "id": "Kecamatan luas di bagian selatan dengan hutan, sungai, dan air terjun; "
            "cocok untuk wisata alam dan petualangan.",
            "en": "A large southern district of forests, rivers and waterfalls, good for "
            "nature trips and adventure.",
        },
        "latitude": 2.480,
        "longitude": 98.210,
    },
    {
        "slug": "sttu-julu",
        "name": _name("Sitellu Tali Urang Julu"),
        "description": {
            "id": "Kecamatan berbukit di tenggara Salak, dikelilingi kebun dan hutan, "
            "dengan jalur jalan kaki di antara desa-desa.",
            "en": "A hilly district south-east of Salak, surrounded by farms and forest, "
            "with walking trails between villages.",
        },
        "latitude": 2.530,
        "longitude": 98.330,
    },
    {
        "slug": "pergetteng-getteng-sengkut",
        "name": _name("Pergetteng-getteng Sengkut"),
        "description": {
            "id": "Kecamatan di sisi timur dengan lahan pertanian dan desa-desa yang "
            "ramah bagi pengunjung.",
            "en": "A district on the eastern side with farmland and welcoming villages.",
        },
        "latitude": 2.600,
        "longitude": 98.370,
    },
    {
        "slug": "pagindar",
        "name": _name("Pagindar"),
        "description": {
            "id": "Kecamatan terpencil di barat daya dengan hutan lebat dan sungai yang "
            "masih alami; perjalanan ke sana butuh persiapan.",
            "en": "A remote south-western district of dense forest and unspoilt rivers; "
            "getting there takes some preparation.",
        },
        "latitude": 2.500,
        "longitude": 98.120,
    },
    {
        "slug": "tinada",
        "name": _name("Tinada"),
        "description": {
            "id": "Kecamatan di utara dengan kebun jeruk, nilam, dan pemandangan lembah.",
            "en": "A northern district of citrus and patchouli farms and valley views.",
        },
        "latitude": 2.690,
        "longitude": 98.230,
    },
    {
        "slug": "siempat-rube",
        "name": _name("Siempat Rube"),
        "description": {
            "id": "Kecamatan di barat Salak yang dikenal dengan hutan kemenyan dan "
            "kehidupan desa yang tenang.",
            "en": "A district west of Salak known for benzoin forests and quiet village life.",
        },
        "latitude": 2.610,
        "longitude": 98.180,
    },
]
