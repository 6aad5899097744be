"""Sample products of the food, craft and produce businesses, by business slug."""

from __future__ import annotations

from branding.businesses.models import ModerationStatus

GRAMS_250 = {"id": "per 250 gram", "en": "per 250 grams"}
PIECE = {"id": "per buah", "en": "per piece"}

GOODS: dict[str, list[dict]] = {
    "kopi-bukit-salak": [
        {
            "name": {"id": "Kopi Arabika Sangrai (Biji)", "en": "Roasted Arabica Beans"},
            "description": {
                "id": "Biji arabika sangrai sedang dari kebun sekitar Salak.",
                "en": "Medium-roast arabica beans from farms around Salak.",
            },
            "unit": GRAMS_250,
            "price_min": 55000,
        },
        {
            "name": {"id": "Kopi Arabika Bubuk", "en": "Ground Arabica Coffee"},
            "description": {
                "id": "Digiling sedang, cocok untuk tubruk dan saring.",
                "en": "Medium grind, good for Indonesian-style or filter coffee.",
            },
            "unit": GRAMS_250,
            "price_min": 50000,
        },
        {
            "name": {"id": "Kopi Robusta Bubuk", "en": "Ground Robusta Coffee"},
            "description": {
                "id": "Robusta dengan rasa tebal, enak dengan susu.",
                "en": "A full-bodied robusta, good with milk.",
            },
            "unit": GRAMS_250,
            "price_min": 30000,
        },
        {
            "name": {"id": "Kopi Seduh di Kedai", "en": "Brewed Coffee at the Shop"},
            "description": {
                "id": "Tubruk, V60, atau kopi susu; harga menurut cara seduh.",
                "en": "Traditional, pour-over or with milk; the price depends on the brew.",
            },
            "unit": {"id": "per cangkir", "en": "per cup"},
            "price_min": 10000,
            "price_max": 25000,
        },
    ],
    "warung-pelleng-salak": [
        {
            "name": {"id": "Pelleng Ayam", "en": "Pelleng with Chicken"},
            "description": {
                "id": "Nasi pelleng berbumbu dengan ayam kampung dan sambal.",
                "en": "Spiced pelleng rice with free-range chicken and chilli sauce.",
            },
            "unit": {"id": "per porsi", "en": "per serving"},
            "price_min": 30000,
        },
        {
            "name": {"id": "Pelleng untuk Acara", "en": "Pelleng for Gatherings"},
            "description": {
                "id": "Pesanan untuk sekitar sepuluh orang; harga menurut lauk.",
                "en": "An order for about ten people; the price depends on the dishes.",
            },
            "unit": {"id": "per paket", "en": "per set"},
            "price_min": 250000,
            "price_max": 400000,
        },
        {
            "name": {"id": "Kopi Pakpak Bharat", "en": "Pakpak Bharat Coffee"},
            "description": {
                "id": "Kopi hitam panas dari kebun lokal.",
                "en": "Hot black coffee from local farms.",
            },
            "unit": {"id": "per gelas", "en": "per glass"},
            "price_min": 8000,
        },
        {
            "name": {"id": "Kue Tradisional", "en": "Traditional Cakes"},
            "description": {
                "id": "Kue rumahan yang berganti setiap hari.",
                "en": "Homemade cakes that change every day.",
            },
            "unit": PIECE,
            "price_min": 3000,
        },
    ],
    "anyaman-kerajaan": [
        {
            "name": {"id": "Tikar Anyaman Pandan", "en": "Pandanus Mat"},
            "description": {
                "id": "Tikar anyaman tangan; harga menurut ukuran.",
                "en": "A handwoven mat; the price depends on the size.",
            },
            "unit": {"id": "per lembar", "en": "per mat"},
            "price_min": 150000,
            "price_max": 250000,
        },
        {
            "name": {"id": "Tas Anyaman", "en": "Woven Bag"},
            "description": {
                "id": "Tas jinjing dari pandan dengan tali kain.",
                "en": "A pandanus tote bag with fabric handles.",
            },
            "unit": PIECE,
            "price_min": 75000,
        },
        {
            "name": {"id": "Keranjang Anyaman", "en": "Woven Basket"},
            "description": {
                "id": "Keranjang serbaguna untuk dapur atau hiasan.",
                "en": "An all-purpose basket for the kitchen or as decoration.",
            },
            "unit": PIECE,
            "price_min": 50000,
        },
        {
            "status": ModerationStatus.PENDING,
            "name": {"id": "Selendang Bermotif Pakpak", "en": "Pakpak-Patterned Shawl"},
            "description": {
                "id": "Produk baru, menunggu peninjauan Dinas Pariwisata.",
                "en": "A new product, awaiting review by the Tourism Office.",
            },
            "unit": PIECE,
            "price_min": 350000,
            "price_max": 600000,
        },
    ],
    "hasil-bumi-siempat-rube": [
        {
            "name": {"id": "Kemenyan", "en": "Benzoin Resin"},
            "description": {
                "id": "Getah kemenyan kering, dipilah dan dikemas kecil.",
                "en": "Dried benzoin resin, sorted and packed in small bags.",
            },
            "unit": {"id": "per 100 gram", "en": "per 100 grams"},
            "price_min": 25000,
        },
        {
            "name": {"id": "Minyak Nilam", "en": "Patchouli Oil"},
            "description": {
                "id": "Minyak nilam suling desa dalam botol kaca.",
                "en": "Village-distilled patchouli oil in a glass bottle.",
            },
            "unit": {"id": "per 10 ml", "en": "per 10 ml"},
            "price_min": 40000,
        },
        {
            "name": {"id": "Madu Hutan", "en": "Forest Honey"},
            "description": {
                "id": "Madu dari hutan sekitar desa; rasa berubah menurut musim.",
                "en": "Honey from the forest around the village; the taste changes by season.",
            },
            "unit": {"id": "per botol 250 ml", "en": "per 250 ml bottle"},
            "price_min": 85000,
        },
        {
            "available": False,
            "name": {"id": "Jeruk Segar", "en": "Fresh Oranges"},
            "description": {
                "id": "Jeruk musiman dari kebun; saat ini belum musim panen.",
                "en": "Seasonal oranges from the farm; currently out of season.",
            },
            "unit": {"id": "per kilogram", "en": "per kilogram"},
            "price_min": 15000,
        },
    ],
}
