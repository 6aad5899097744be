"""Sample products of the homestay, guide, transport and souvenir businesses, by slug."""

from __future__ import annotations

PER_NIGHT = {"id": "per malam", "en": "per night"}
PER_GROUP = {"id": "per rombongan", "en": "per group"}
PIECE = {"id": "per buah", "en": "per piece"}

SERVICES: dict[str, list[dict]] = {
    "homestay-panorama-kerajaan": [
        {
            "name": {"id": "Kamar Standar", "en": "Standard Room"},
            "description": {
                "id": "Untuk dua orang, kamar mandi dalam, termasuk sarapan.",
                "en": "For two, with a private bathroom and breakfast.",
            },
            "unit": PER_NIGHT,
            "price_min": 200000,
        },
        {
            "available": False,
            "name": {"id": "Kamar Keluarga", "en": "Family Room"},
            "description": {
                "id": "Untuk empat orang; sementara tutup karena renovasi.",
                "en": "For four; closed for renovation for now.",
            },
            "unit": PER_NIGHT,
            "price_min": 350000,
        },
        {
            "name": {"id": "Makan Malam Rumahan", "en": "Home-cooked Dinner"},
            "description": {
                "id": "Masakan keluarga dengan sayur dari kebun sendiri.",
                "en": "Family cooking with vegetables from our garden.",
            },
            "unit": {"id": "per orang", "en": "per person"},
            "price_min": 40000,
        },
    ],
    "pemandu-wisata-sttu": [
        {
            "name": {"id": "Pemandu ke Air Terjun Lae Une", "en": "Guide to Lae Une Waterfall"},
            "description": {
                "id": "Setengah hari, untuk rombongan sampai sepuluh orang.",
                "en": "Half a day, for groups of up to ten.",
            },
            "unit": PER_GROUP,
            "price_min": 150000,
        },
        {
            "name": {"id": "Jelajah Hutan Sehari", "en": "Full-day Forest Walk"},
            "description": {
                "id": "Termasuk makan siang; harga menurut jumlah peserta.",
                "en": "Lunch included; the price depends on the group size.",
            },
            "unit": PER_GROUP,
            "price_min": 300000,
            "price_max": 500000,
        },
        {
            "name": {"id": "Kunjungan Desa dan Budaya", "en": "Village and Culture Visit"},
            "description": {
                "id": "Rute dan harga dibicarakan sesuai minat rombongan.",
                "en": "Route and price agreed to suit the group's interests.",
            },
            "unit": PER_GROUP,
        },
    ],
    "transportasi-wisata-salak": [
        {
            "name": {"id": "Ojek Salak–Lae Une", "en": "Motorbike Taxi Salak–Lae Une"},
            "description": {
                "id": "Pulang pergi, sopir menunggu selama kunjungan.",
                "en": "Return trip; the rider waits during your visit.",
            },
            "unit": {"id": "per perjalanan", "en": "per trip"},
            "price_min": 100000,
        },
        {
            "name": {"id": "Sewa Mobil dengan Sopir", "en": "Car with Driver"},
            "description": {
                "id": "Untuk sampai enam penumpang, termasuk bensin; harga menurut rute.",
                "en": "Up to six passengers, fuel included; the price depends on the route.",
            },
            "unit": {"id": "per hari", "en": "per day"},
            "price_min": 600000,
            "price_max": 800000,
        },
        {
            "name": {"id": "Antar Jemput Sidikalang–Salak", "en": "Sidikalang–Salak Transfer"},
            "description": {
                "id": "Sekali jalan, untuk sampai empat penumpang.",
                "en": "One way, for up to four passengers.",
            },
            "unit": {"id": "per perjalanan", "en": "per trip"},
            "price_min": 250000,
        },
    ],
    "oleh-oleh-tinada": [
        {
            "name": {"id": "Gantungan Kunci Motif Pakpak", "en": "Pakpak-Pattern Key Ring"},
            "description": {
                "id": "Kayu ukir kecil dengan motif Pakpak.",
                "en": "A small carved wooden key ring with a Pakpak pattern.",
            },
            "unit": PIECE,
            "price_min": 15000,
        },
        {
            "name": {"id": "Kaus Pakpak Bharat", "en": "Pakpak Bharat T-shirt"},
            "description": {
                "id": "Kaus katun, ukuran S sampai XXL.",
                "en": "Cotton T-shirt, sizes S to XXL.",
            },
            "unit": PIECE,
            "price_min": 85000,
        },
        {
            "name": {
                "id": "Paket Oleh-oleh Kopi dan Kemenyan",
                "en": "Coffee and Benzoin Gift Pack",
            },
            "description": {
                "id": "Kopi bubuk 250 gram dan kemenyan 50 gram dalam kotak anyaman.",
                "en": "250 grams of ground coffee and 50 grams of benzoin in a woven box.",
            },
            "unit": {"id": "per paket", "en": "per pack"},
            "price_min": 120000,
        },
    ],
}
