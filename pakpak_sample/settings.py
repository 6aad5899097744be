"""The sample branding settings of the regency (contact details are sample numbers)."""

from __future__ import annotations

SETTINGS: dict = {
    "site_name": {"id": "Pesona Pakpak Bharat", "en": "Wonderful Pakpak Bharat"},
    "regency_name": "Kabupaten Pakpak Bharat",
    "tagline": {
        "id": "Air terjun, perbukitan kopi, dan budaya Pakpak di jantung Sumatera Utara",
        "en": "Waterfalls, coffee hills and Pakpak culture in the heart of North Sumatra",
        "btd": "Njuah-njuah, Pakpak Bharat!",
    },
    "welcome": {
        "id": (
            "Njuah-njuah! Selamat datang di Pakpak Bharat, kabupaten di dataran tinggi "
            "Sumatera Utara dengan ibu kota Salak. Temukan air terjun dan sungai (lae), "
            "kebun kopi dan jeruk, hutan kemenyan, serta tradisi Pakpak yang masih hidup: "
            "patung batu mejan, rumah adat, tabuhan genderang sisibah, dan nyanyian oang-oang."
        ),
        "en": (
            "Njuah-njuah! Welcome to Pakpak Bharat, a highland regency of North Sumatra "
            "whose capital is Salak. Discover waterfalls and rivers (lae), coffee and citrus "
            "farms, benzoin forests and a living Pakpak tradition: mejan stone statues, "
            "traditional houses, the genderang sisibah drums and oang-oang singing."
        ),
    },
    "office_name": {
        "id": "Dinas Pariwisata Kabupaten Pakpak Bharat",
        "en": "Tourism Office of Pakpak Bharat Regency",
    },
    "office_address": "Kompleks Perkantoran Pemkab Pakpak Bharat, Salak, Sumatera Utara",
    "office_phone": "+6281200000001",
    "office_email": "pariwisata@sample.pakpakbharatkab.go.id",
    "office_whatsapp": "+6281200000001",
}
