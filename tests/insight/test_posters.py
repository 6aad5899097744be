"""QR posters: the code decodes to a short address that opens the page in the visitor's language."""

from __future__ import annotations

import io
import re

import zxingcpp
from PIL import Image
from sqlalchemy import select

from branding.accounts.models import Role
from branding.businesses.models import ModerationStatus
from branding.core.content.publishing import PublicationStatus
from branding.extensions import db
from branding.insight.models import Poster
from branding.insight.posters import add_poster, poster_texts, qr_code
from tests.accounts_helpers import login
from tests.insight.helpers import counted, visit


def _decode(poster) -> str:
    """Decode the poster's QR code as a phone's camera would, from a rendered picture."""
    picture = io.BytesIO()
    qr_code(poster).save(picture, kind="png", scale=6, border=4)
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(picture.getvalue())))
    assert len(found) == 1
    return found[0].text


def test_the_code_decodes_to_a_short_address_that_opens_the_visitor_s_language(app, make):
    place = make.destination(name={"id": "Air Terjun Lae Une", "en": "Lae Une Waterfall"})
    poster = add_poster(place, ["id", "en"])
    db.session.commit()
    address = _decode(poster)
    assert address == f"http://localhost/q/{poster.code}"
    path = address.removeprefix("http://localhost")
    assert len(path) <= 9  # /q/ and six letters: a small code, quick to type from paper
    cases = [({"Accept-Language": "en-GB,en;q=0.8"}, "en"),
             ({"Accept-Language": "id-ID,id;q=0.9,en;q=0.5"}, "id"),
             ({"Accept-Language": "fr-FR"}, "en")]  # a French tourist reads English  # fmt: skip
    for n, (headers, lang) in enumerate(cases):
        client = app.test_client()
        response = visit(client, path, address=f"198.51.100.{n}", **headers)
        assert response.status_code == 302
        assert response.headers["Location"] == f"/{lang}/destinations/{place.slug}"
        assert "Accept-Language" in response.headers["Vary"]
    client = app.test_client()
    client.set_cookie("lang", "btd")  # the language chosen before wins over the browser's
    typed = f"/q/{poster.code.upper()}"  # typed from the paper in capitals
    response = visit(client, typed, address="198.51.100.9", **{"Accept-Language": "en"})
    assert response.headers["Location"] == f"/btd/destinations/{place.slug}"
    assert counted() == {
        ("poster", poster.id, "scan", "en"): 2,
        ("poster", poster.id, "scan", "id"): 1,
        ("poster", poster.id, "scan", "btd"): 1,
    }


def test_the_printed_address_is_the_public_site_s(make_app, make):
    public = make_app(SITE_URL="https://pesona.pakpakbharatkab.go.id")
    with public.test_request_context("/"):
        poster = add_poster(make.business(), ["id"])
        db.session.commit()
        assert _decode(poster) == f"https://pesona.pakpakbharatkab.go.id/q/{poster.code}"


def test_a_poster_of_a_withdrawn_item_opens_the_home_page(app, client, make):
    place = make.destination()
    poster = add_poster(place, ["id"])
    place.status = PublicationStatus.DRAFT
    db.session.commit()
    response = visit(client, f"/q/{poster.code}", **{"Accept-Language": "en"})
    assert response.headers["Location"] == "/en/"
    assert visit(client, "/q/nothere").status_code == 404


def test_a_poster_speaks_each_chosen_language_once(app, make):
    with app.test_request_context("/en/"):
        event = make.event(title={"id": "Festival Budaya", "en": "Culture Festival"})
        texts = poster_texts(add_poster(event, ["en", "id", "btd"]))
        # Pakpak has no line of its own yet: it would repeat the Indonesian one.
        assert [(t.lang, t.name) for t in texts] == [("en", "Culture Festival"),
                                                      ("id", "Festival Budaya")]  # fmt: skip
        assert texts[1].line.startswith("Pindai")
        alone = poster_texts(add_poster(event, ["btd"]))
        assert [(t.lang, t.name, t.name_lang) for t in alone] == [("id", "Festival Budaya", "id")]


def _no_inline_script_or_style(html: str) -> None:
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline script"
    assert "<style" not in html


def test_editors_make_and_print_posters_in_a4_and_a6(app, client, make):
    place = make.destination(name={"id": "Telaga Tinada", "en": "Tinada Pond"})
    login(client, make.user(Role.EDITOR))
    form = client.get("/en/office/insight/posters/new").get_data(as_text=True)
    assert f'value="destination:{place.id}"' in form
    response = client.post(
        "/en/office/insight/posters/new",
        data={"item": f"destination:{place.id}", "languages": ["en", "id"], "label": "Loket"},
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Tinada Pond" in page and "Telaga Tinada" in page
    assert 'class="poster-qr"' in page and "css/poster-a4." in page
    _no_inline_script_or_style(page)
    a6 = client.get(response.headers["Location"] + "?size=a6").get_data(as_text=True)
    assert "css/poster-a6." in a6 and "poster poster-a6" in a6
    listing = client.get("/en/office/insight/posters/").get_data(as_text=True)
    assert "Loket" in listing


def test_owners_print_posters_of_their_own_approved_business_only(app, client, make):
    owner, other = make.user(Role.OWNER), make.user(Role.OWNER)
    mine = make.business(owner=owner, name="Kopi Saya")
    pending = make.business(owner=owner, status=ModerationStatus.PENDING)
    theirs = make.business(owner=other)
    theirs_poster = add_poster(theirs, ["id"])
    db.session.commit()
    login(client, owner)
    response = client.post(f"/en/my/businesses/{mine.id}/posters/new", data={"languages": ["id"]})
    assert response.status_code == 302
    assert "Kopi Saya" in client.get(response.headers["Location"]).get_data(as_text=True)
    refused = client.post(f"/en/my/businesses/{pending.id}/posters/new", data={"languages": ["id"]})
    assert refused.status_code == 302
    assert db.session.scalar(select(Poster.id).where(Poster.business_id == pending.id)) is None
    no_language = {"label": "Meja"}
    assert (
        client.post(f"/en/my/businesses/{mine.id}/posters/new", data=no_language).status_code == 400
    )
    assert client.get(f"/en/my/businesses/{theirs.id}/posters").status_code == 404
    url = f"/en/my/businesses/{mine.id}/posters/{theirs_poster.id}"
    assert client.get(url).status_code == 404  # another owner's poster, under my business
