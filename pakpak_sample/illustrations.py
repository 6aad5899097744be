"""Pictures for the sample content, drawn with Pillow: no photographs, no fonts, no network.

Each scene is a simple illustration (a waterfall, a lake, a Pakpak house, a festival, coffee,
woven crafts…) with an honest alt text in Indonesian and English saying what it shows. A
picture is drawn from a seed text (the item's slug), so the same item always gets the same
picture and two items with the same scene still look a little different.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from pakpak_sample import illustrated_gatherings as gatherings
from pakpak_sample import illustrated_nature as nature
from pakpak_sample import illustrated_places as places
from pakpak_sample.illustrated_objects import family_room, object_scene, single_room
from pakpak_sample.illustration_kit import Canvas, new_canvas

LANDSCAPE = (1600, 1000)
SQUARE = (800, 800)  # products are shown on cards only: 800 px is plenty, and quick to encode


@dataclass(frozen=True)
class Scene:
    draw: Callable[[Canvas], None]
    id: str  # what it shows, in Indonesian
    en: str  # and in English

    @property
    def alt(self) -> dict[str, str]:
        """Return the alt text: Indonesian and English only (no Pakpak is made up)."""
        return {"id": f"Ilustrasi: {self.id}", "en": f"Illustration: {self.en}"}


SCENES: dict[str, Scene] = {
    # landscapes
    "waterfall": Scene(
        nature.waterfall,
        "air terjun di antara tebing hijau, jatuh ke kolam",
        "a waterfall between green cliffs, falling into a pool",
    ),
    "lake": Scene(
        nature.lake,
        "telaga tenang di kaki perbukitan hijau",
        "a calm lake below green hills",
    ),
    "hills_path": Scene(
        nature.hills_path,
        "perbukitan hijau dan kebun dengan jalan setapak",
        "green hills and farms with a footpath",
    ),
    "valley": Scene(
        nature.valley,
        "lembah dan perbukitan berkabut saat matahari terbit",
        "misty valleys and hills at sunrise",
    ),
    "forest": Scene(
        nature.forest,
        "jalan setapak di hutan lebat",
        "a footpath through dense forest",
    ),
    "coffee_farm": Scene(
        nature.coffee_farm,
        "tanaman kopi berbuah merah di lereng bukit",
        "coffee plants with red cherries on a hillside",
    ),
    "citrus_farm": Scene(
        nature.citrus_farm,
        "kebun jeruk di perbukitan",
        "an orange orchard in the hills",
    ),
    # places
    "pakpak_house": Scene(
        places.pakpak_house,
        "rumah panggung bergaya Pakpak dengan atap pelana yang curam",
        "a Pakpak-style house on stilts with a steep saddle roof",
    ),
    "stone_statues": Scene(
        places.stone_statues,
        "patung-patung batu di halaman desa",
        "stone statues in a village yard",
    ),
    "prayer_hill": Scene(
        places.prayer_hill,
        "bukit hijau dengan pondok kecil dan jalan setapak",
        "a green hill with a small pavilion and a footpath",
    ),
    "prayer_gathering": Scene(
        places.prayer_gathering,
        "orang-orang berkumpul di bukit hijau dengan pondok kecil",
        "people gathered below a green hill with a small pavilion",
    ),
    "park": Scene(
        places.park,
        "taman kota dengan pepohonan, jalan setapak dan bangku",
        "a town park with trees, paths and benches",
    ),
    "homestay": Scene(
        places.homestay,
        "rumah kayu dengan kebun bunga di kaki bukit",
        "a wooden house with a flower garden below the hills",
    ),
    "road_car": Scene(
        places.road_car,
        "mobil di jalan berliku di perbukitan",
        "a car on a winding road in the hills",
    ),
    "road_motorbike": Scene(
        places.road_motorbike,
        "sepeda motor di jalan berliku di perbukitan",
        "a motorbike on a winding road in the hills",
    ),
    # gatherings
    "festival": Scene(
        gatherings.festival,
        "panggung festival dengan umbul-umbul dan penonton",
        "a festival stage with tall banners and a crowd",
    ),
    "drum_night": Scene(
        gatherings.drum_night,
        "pertunjukan gendang di panggung pada malam hari, dengan penonton",
        "an evening drum performance on a stage, with an audience",
    ),
    "choir": Scene(
        gatherings.choir,
        "paduan suara di atas panggung dan penonton",
        "a choir on a stage and an audience",
    ),
    "market": Scene(
        gatherings.market,
        "pasar dengan lapak buah dan sayur serta pengunjung",
        "a market with fruit and vegetable stalls and shoppers",
    ),
    "food_stalls": Scene(
        gatherings.food_stalls,
        "deretan warung makan dengan tenda bergaris",
        "a row of food stalls with striped awnings",
    ),
    "exhibition": Scene(
        gatherings.exhibition,
        "pameran dengan deretan tenda stan dan pengunjung",
        "an exhibition with rows of stall tents and visitors",
    ),
    "race": Scene(
        gatherings.race,
        "gapura start di jalan perbukitan dengan umbul-umbul",
        "a start arch on a hill road, with tall banners",
    ),
    "shop": Scene(
        gatherings.shop,
        "bagian depan sebuah warung dengan tenda bergaris",
        "the front of a small shop with a striped awning",
    ),
    # still lifes and products
    "coffee_table": Scene(
        object_scene(("cup", 0.22, 0.5), ("beans", 0.52, 0.5), ("pouch", 0.8, 0.55)),
        "secangkir kopi, biji kopi dan sebungkus kopi di atas meja",
        "a cup of coffee, coffee beans and a pouch of coffee on a table",
    ),
    "meal": Scene(
        object_scene(("meal", 0.5, 0.75)),
        "hidangan nasi, lauk, kue dan teh di atas meja",
        "a meal of rice, chicken, cakes and tea on a table",
    ),
    "crafts": Scene(
        object_scene(("mat", 0.3, 0.45), ("bag", 0.6, 0.45), ("basket", 0.84, 0.4)),
        "tikar, tas dan keranjang anyaman pandan",
        "a woven pandanus mat, bag and basket",
    ),
    "produce": Scene(
        object_scene(("jar", 0.22, 0.5), ("oil", 0.5, 0.5), ("oranges", 0.78, 0.45)),
        "madu, sebotol minyak dan jeruk segar di atas meja",
        "honey, a bottle of oil and fresh oranges on a table",
    ),
    "souvenirs": Scene(
        object_scene(("shirt", 0.28, 0.5), ("keyring", 0.58, 0.45), ("cloth", 0.82, 0.4)),
        "kaus, gantungan kunci dan kain bermotif garis",
        "a T-shirt, a key ring and a striped cloth",
    ),
    "beans": Scene(
        object_scene(("beans", 0.4, 0.7), ("pouch", 0.78, 0.5)),
        "biji kopi sangrai dan sebungkus kopi",
        "roasted coffee beans and a pouch of coffee",
    ),
    "ground_coffee": Scene(
        object_scene(("pouch", 0.3, 0.6), ("powder", 0.68, 0.5)),
        "sebungkus kopi dan sepiring kopi bubuk",
        "a pouch of coffee and a dish of ground coffee",
    ),
    "cup": Scene(
        object_scene(("beans", 0.22, 0.4), ("cup", 0.6, 0.7)),
        "secangkir kopi panas dan biji kopi",
        "a hot cup of coffee and coffee beans",
    ),
    "rice": Scene(
        object_scene(("rice", 0.5, 0.9)),
        "nasi kuning dengan ayam dan sambal di atas daun pisang",
        "yellow rice with chicken and chilli sauce on a banana leaf",
    ),
    "cakes": Scene(
        object_scene(("cakes", 0.5, 0.9)),
        "kue-kue kecil di atas piring",
        "small cakes on a plate",
    ),
    "mat": Scene(object_scene(("mat", 0.5, 0.65)), "tikar anyaman pandan", "a woven pandanus mat"),
    "bag": Scene(object_scene(("bag", 0.5, 0.8)), "tas anyaman pandan", "a woven pandanus bag"),
    "basket": Scene(object_scene(("basket", 0.5, 0.7)), "keranjang anyaman", "a woven basket"),
    "cloth": Scene(
        object_scene(("cloth", 0.5, 0.85)),
        "kain bermotif garis merah, hitam, putih dan emas",
        "a cloth striped in red, black, white and gold",
    ),
    "resin": Scene(
        object_scene(("resin", 0.5, 0.8)),
        "bongkahan kemenyan dalam mangkuk kayu",
        "lumps of benzoin resin in a wooden bowl",
    ),
    "oil": Scene(
        object_scene(("oil", 0.5, 0.8)), "botol kecil berisi minyak", "a small bottle of oil"
    ),
    "honey": Scene(
        object_scene(("jar", 0.4, 0.8)),
        "toples madu dan sarang lebah",
        "a jar of honey and a piece of honeycomb",
    ),
    "oranges": Scene(
        object_scene(("oranges", 0.5, 0.9)), "tumpukan jeruk segar", "a heap of fresh oranges"
    ),
    "shirt": Scene(
        object_scene(("shirt", 0.5, 0.75)),
        "kaus dengan pita bermotif garis",
        "a T-shirt with a striped band",
    ),
    "keyring": Scene(
        object_scene(("keyring", 0.5, 0.8)),
        "gantungan kunci dengan motif garis",
        "a key ring with a striped tag",
    ),
    "gift": Scene(
        object_scene(("box", 0.28, 0.5), ("pouch", 0.6, 0.45), ("resin", 0.84, 0.3)),
        "kotak hadiah, sebungkus kopi dan kemenyan",
        "a gift box, a pouch of coffee and benzoin resin",
    ),
    "single_room": Scene(
        single_room,
        "kamar tidur dengan ranjang dan jendela",
        "a bedroom with a bed and a window",
    ),
    "family_room": Scene(
        family_room,
        "kamar tidur dengan dua ranjang dan jendela",
        "a bedroom with two beds and a window",
    ),
}


def illustration(scene: str, seed: str, size: tuple[int, int] = LANDSCAPE) -> Image.Image:
    """Draw a scene; the same scene, seed and size always give the same picture."""
    canvas = new_canvas(size, f"{scene}:{seed}")
    SCENES[scene].draw(canvas)
    return canvas.image


def illustration_bytes(scene: str, seed: str, size: tuple[int, int] = LANDSCAPE) -> bytes:
    """Return a scene as a high-quality JPEG, as a camera or phone would upload it."""
    buffer = io.BytesIO()
    illustration(scene, seed, size).save(buffer, "JPEG", quality=95, subsampling=0)
    return buffer.getvalue()


def alt_text(scene: str) -> dict[str, str]:
    """Return what a scene shows, for its photo's alt text."""
    return SCENES[scene].alt
