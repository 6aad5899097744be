"""The office's dashboard, the owners' weekly counts and the privacy note."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

from sqlalchemy import insert

from branding.accounts.models import Role
from branding.extensions import db
from branding.insight.models import DailyCount
from branding.insight.visitors import today
from branding.search.models import MissedSearch
from pakpak_sample.loader import load_sample_data
from tests.accounts_helpers import login
from tests.insight.helpers import visit


def _bars(html: str, chart: str) -> int:
    """How many bars a chart has (SVG drawn on the server)."""
    svg = re.search(rf'<svg[^>]*data-chart="{chart}".*?</svg>', html, re.S)
    assert svg, chart
    return svg.group(0).count('class="chart-bar"')


def test_the_dashboard_shows_the_sample_counts_in_charts_and_tables(app, client, make):
    load_sample_data(photos=False)
    login(client, make.user(Role.EDITOR))
    html = client.get("/en/office/insight/").get_data(as_text=True)
    assert "made-up counts for the sample content" in html
    for chart in ("views", "contacts", "contact-kinds", "languages"):
        assert _bars(html, chart) > 0, chart
    assert _bars(html, "views") == 29  # a bar a day; the sample stops yesterday
    assert "Lae Une Waterfall" in html and "Kopi Bukit Salak" in html
    assert "Pakpak Bharat Cultural Festival" in html
    assert "air terjun" in html  # top searches
    assert "Gerbang Air Terjun Lae Une" in html  # scans by poster
    assert "<table" in html and "The numbers as a table" in html
    assert " style=" not in html
    year = client.get("/en/office/insight/?from=2000-01-01&to=2100-01-01").get_data(as_text=True)
    assert "Page views per week" in year  # a long period is charted per week


def test_the_period_picks_the_days_counted(app, client, make):
    place = make.destination()
    day = today()
    rows = [{"day": day - timedelta(days=n), "subject_type": "destination", "subject_id": place.id,
             "action": "view", "lang": "en", "count": 10 + n, "is_sample": False}
            for n in range(40)]  # fmt: skip
    db.session.execute(insert(DailyCount), rows)
    db.session.commit()
    login(client, make.user(Role.EDITOR))
    start, end = (day - timedelta(days=2)).isoformat(), day.isoformat()
    html = client.get(f"/en/office/insight/?from={start}&to={end}").get_data(as_text=True)
    assert re.search(r"<strong>33</strong> page views", html)  # 10 + 11 + 12
    assert _bars(html, "views") == 3


def test_searches_that_found_nothing_come_from_the_missed_searches_table(app, client, make):
    db.session.add_all([MissedSearch(query="arung jeram", lang="id") for _ in range(3)])
    db.session.commit()
    login(client, make.user(Role.EDITOR))
    html = client.get("/en/office/insight/").get_data(as_text=True)
    assert re.search(r'<td lang="id">arung jeram</td>.*?<td class="num">3</td>', html, re.S)
    export = client.get("/en/office/insight/export.csv?data=missed").get_data(as_text=True)
    assert list(csv.reader(io.StringIO(export))) == [
        ["query", "language", "searches"],
        ["arung jeram", "id", "3"],
    ]


def test_the_csv_export_has_every_count_and_keeps_formulas_out(app, client, make):
    business = make.business(name='=HYPERLINK("https://evil.example")')
    db.session.execute(insert(DailyCount), [
        {"day": today(), "subject_type": "business", "subject_id": business.id,
         "action": "whatsapp", "lang": "id", "count": 4, "is_sample": False}])  # fmt: skip
    db.session.commit()
    login(client, make.user(Role.EDITOR))
    response = client.get("/en/office/insight/export.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["day", "type", "id", "name", "action", "language", "visitors", "sample"]
    assert rows[1][1:] == ["business", str(business.id), "'" + business.name, "whatsapp", "id",
                           "4", "0"]  # fmt: skip


def test_an_owner_sees_the_weeks_of_their_own_business_and_products_only(app, client, make):
    owner, other = make.user(Role.OWNER), make.user(Role.OWNER)
    mine = make.business(owner=owner, name="Kopi Saya")
    product = make.product(mine, name={"id": "Kopi bubuk", "en": "Ground coffee"})
    theirs = make.business(owner=other, name="Kopi Tetangga")
    day = today()
    rows = []
    for kind, item_id, action, count in (("business", mine.id, "view", 41),
                                         ("business", mine.id, "whatsapp", 5),
                                         ("product", product.id, "view", 37),
                                         ("business", theirs.id, "view", 999),
                                         ("business", theirs.id, "whatsapp", 888)):  # fmt: skip
        rows.append({"day": day, "subject_type": kind, "subject_id": item_id, "action": action,
                     "lang": "id", "count": count, "is_sample": False})  # fmt: skip
    rows.append({**rows[0], "day": day - timedelta(days=7), "count": 12})
    db.session.execute(insert(DailyCount), rows)
    db.session.commit()
    login(client, owner)
    html = visit(client, "/en/my/visits").get_data(as_text=True)
    assert "Kopi Saya" in html and "Ground coffee" in html
    assert "Kopi Tetangga" not in html and "999" not in html and "888" not in html
    table = re.search(rf'<table class="office-table" data-business="{mine.id}">.*?</table>',
                      html, re.S).group(0)  # fmt: skip
    weeks = re.findall(r"<tr><th scope=\"row\">.*?</tr>", table, re.S)
    assert re.findall(r'<td class="num">(\d+)</td>', weeks[0])[:2] == ["41", "5"]
    assert re.findall(r'<td class="num">(\d+)</td>', weeks[1])[:1] == ["12"]
    assert len(weeks) == 12
    assert re.search(r"Ground coffee</th><td class=\"num\">37</td>", html)
    login(client, other)
    assert "Kopi Saya" not in visit(client, "/en/my/visits").get_data(as_text=True)


def test_every_page_links_the_privacy_note_in_each_language(app, client):
    for lang, heading in (("id", "Privasi: apa yang dihitung situs ini"),
                          ("en", "Privacy: what this site counts"),
                          ("btd", "Privasi: apa yang dihitung situs ini")):  # fmt: skip
        home = client.get(f"/{lang}/").get_data(as_text=True)
        assert f'href="/{lang}/privacy"' in home
        note = client.get(f"/{lang}/privacy").get_data(as_text=True)
        assert heading in note
        assert "IP" in note
