"""Open data: every record kind as JSON (valid against its schema, holding every record) and CSV, their
DCAT-AP-NO catalogue, and every CSV file the site publishes opening in Excel with æ, ø and å."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROSJEKT, ekte_plan
from jsonschema import Draft202012Validator
from pydantic import TypeAdapter

from macros import csvfile, datasett
from macros.registry import TYPER


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without constructing its !!python tags."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
KONFIG = yaml.load((PROSJEKT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)

BOM = b"\xef\xbb\xbf"


def excel_leser(data: bytes) -> list[list[str]]:
    """What Excel on a Norwegian machine makes of a CSV file: the BOM says UTF-8, «;» splits the columns."""
    assert data.startswith(BOM), "uten BOM leser Excel filen som Windows-1252, og æ, ø og å blir feil"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_text_is_utf8_with_bom_and_semicolons():
    tekst = csvfile.csv_tekst([["navn", "kommune"], ["Øyer kommune", "Gausdal; Lillehammer"]])
    assert excel_leser(tekst.encode("utf-8")) == [["navn", "kommune"], ["Øyer kommune", "Gausdal; Lillehammer"]]


def test_text_that_would_start_a_formula_is_kept_as_text():
    assert csvfile.tekstcelle('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert csvfile.tekstcelle("@SUM(A1)") == "'@SUM(A1)"
    assert csvfile.tekstcelle("Kun allerede avsatt grunnfinansiering") == "Kun allerede avsatt grunnfinansiering"


def test_every_csv_file_on_the_site_opens_in_excel_with_norwegian_letters(bygget):
    filer = sorted(bygget.rglob("*.csv"))
    assert filer
    tekst = ""
    for fil in filer:
        rader = excel_leser(fil.read_bytes())
        assert len({len(rad) for rad in rader}) == 1, f"{fil.name}: radene har ulikt antall kolonner"
        tekst += "".join(celle for rad in rader for celle in rad)
    assert {"æ", "ø", "å"} <= set(tekst)


# The datasets: every record kind in the registry, as JSON, JSON Schema and CSV, and their DCAT-AP-NO catalogue.


def _json(fil: Path):
    return json.loads(fil.read_text(encoding="utf-8"))


def _alle_poster(posttype) -> list:
    verdi = ekte_plan().poster[posttype.nokkel]
    return list(verdi.values()) if posttype.liste else [verdi]


def _fil(site: Path, stamme: str, ending: str) -> Path:
    return site / "nedlasting" / "datasett" / f"{stamme}.{ending}"


@pytest.mark.parametrize("nokkel", list(TYPER))
def test_every_kind_downloads_as_json_that_validates_against_its_schema_and_holds_every_record(bygget, nokkel):
    posttype = TYPER[nokkel]
    stamme = posttype.fil.removesuffix(".yml")
    schema = _json(_fil(bygget, stamme, "schema.json"))
    assert schema == _json(PROSJEKT / "data" / "schema" / f"{stamme}.schema.json")
    data = _json(_fil(bygget, stamme, "json"))
    feil = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not feil, [f"{list(e.path)}: {e.message}" for e in feil[:5]]
    # Read back through the model, the file gives exactly the records the site is built from.
    form = list[posttype.modell] if posttype.liste else posttype.modell
    lest = TypeAdapter(form).validate_json(_fil(bygget, stamme, "json").read_bytes())
    assert (lest if posttype.liste else [lest]) == _alle_poster(posttype)
    if posttype.liste:
        assert [p["id"] for p in data] == list(ekte_plan().poster[nokkel])


def _blader(verdi, sti: tuple = ()):
    """Every value in a JSON record with its path, walked here independently of macros/datasett.py."""
    if isinstance(verdi, dict):
        for k, v in verdi.items():
            yield from _blader(v, (*sti, k))
    elif isinstance(verdi, list):
        for i, v in enumerate(verdi):
            yield from _blader(v, (*sti, str(i + 1)))
    elif verdi is not None:
        yield ".".join(sti), verdi


def _som_celle(verdi) -> str:
    """A value as the Datasett page says the CSV writes it."""
    if verdi is True or verdi is False:
        return "ja" if verdi else "nei"
    if isinstance(verdi, (int, float)):
        return str(verdi).replace(".", ",")
    return f"'{verdi}" if verdi[:1] in ("=", "+", "-", "@") else verdi


@pytest.mark.parametrize("nokkel", list(TYPER))
def test_every_kind_downloads_as_csv_with_one_line_per_record_in_the_documented_columns(bygget, nokkel):
    posttype = TYPER[nokkel]
    stamme = posttype.fil.removesuffix(".yml")
    data = _json(_fil(bygget, stamme, "json"))
    poster = data if posttype.liste else [data]
    hode, *rader = excel_leser(_fil(bygget, stamme, "csv").read_bytes())
    assert len(rader) == len(poster)
    assert len(set(hode)) == len(hode)
    for post, rad in zip(poster, rader, strict=True):
        celler = dict(zip(hode, rad, strict=True))
        blader = dict(_blader(post))
        # An empty text and no value both leave the cell empty.
        assert {k: _som_celle(v) for k, v in blader.items() if v != ""} == {k: v for k, v in celler.items() if v}, (
            post.get("id")
        )
        assert all(k in blader for k, v in celler.items() if v)


def test_a_list_becomes_numbered_columns_and_a_group_dotted_ones():
    post = {
        "id": "a",
        "roller": ["veiviser", "brobygger"],
        "tom": [],
        "kilder": [{"kilde": "k", "seksjon": "=S"}],
        "kr": {"2022": 300000, "2021": 0},
        "anslag": True,
        "vekst": -0.9,
        "merknad": None,
    }
    assert dict(datasett.flat(post)) == {
        ("id",): "a",
        ("roller", "1"): "veiviser",
        ("roller", "2"): "brobygger",
        ("tom",): None,
        ("kilder", "1", "kilde"): "k",
        ("kilder", "1", "seksjon"): "'=S",
        ("kr", "2022"): "300000",
        ("kr", "2021"): "0",
        ("anslag",): "ja",
        ("vekst",): "-0,9",
        ("merknad",): None,
    }
    stier = [("id",), ("kr", "2022"), ("kr", "2021"), ("tom",), ("roller", "10"), ("roller", "2"), ("tom", "1")]
    assert datasett.kolonner(stier) == [
        ("id",),
        ("kr", "2021"),
        ("kr", "2022"),
        ("tom",),
        ("tom", "1"),
        ("roller", "2"),
        ("roller", "10"),
    ]


def _katalog_i_siden(site: Path) -> dict:
    side = BeautifulSoup((site / "datasett" / "index.html").read_text(encoding="utf-8"), "lxml")
    (skript,) = side.select('script[type="application/ld+json"]')
    return json.loads(skript.string)


def test_the_catalogue_describes_every_dataset_with_licence_publisher_contact_and_files(bygget):
    katalog = _json(bygget / "nedlasting" / "datasett" / "katalog.jsonld")
    assert _katalog_i_siden(bygget) == katalog
    rot = KONFIG["site_url"]
    assert katalog["@type"] == "dcat:Catalog"
    assert katalog["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert katalog["@context"]["dct"] == "http://purl.org/dc/terms/"
    assert katalog["dct:license"] == {"@id": "http://data.norge.no/nlod/no/2.0"}
    assert katalog["dct:publisher"] == {"@type": "foaf:Agent", "foaf:name": KONFIG["copyright"]}
    assert katalog["dcat:contactPoint"]["vcard:hasURL"] == {"@id": f"{KONFIG['repo_url']}/issues/new"}
    assert katalog["dct:title"]["@language"] == "nb"
    datasettene = katalog["dcat:dataset"]
    assert [d["dct:identifier"] for d in datasettene] == [t.fil.removesuffix(".yml") for t in TYPER.values()]
    for d in datasettene:
        assert d["@type"] == "dcat:Dataset" and d["@id"] == f"{rot}datasett/#{d['dct:identifier']}"
        for felt in ("dct:title", "dct:description"):
            assert d[felt]["@language"] == "nb" and d[felt]["@value"].strip(), (d["@id"], felt)
        assert d["dct:publisher"] == katalog["dct:publisher"] and d["dcat:contactPoint"] == katalog["dcat:contactPoint"]
        assert d["dcat:theme"]["@id"].startswith("http://publications.europa.eu/resource/authority/data-theme/")
        formater = {}
        for fordeling in d["dcat:distribution"]:
            assert fordeling["@type"] == "dcat:Distribution"
            assert fordeling["dct:license"] == katalog["dct:license"]
            url = fordeling["dcat:downloadURL"]["@id"]
            assert fordeling["dcat:accessURL"]["@id"] == url and url.startswith(rot)
            assert (bygget / url.removeprefix(rot)).is_file(), url
            formater[fordeling["dct:format"]["@id"].rsplit("/", 1)[1]] = fordeling
        assert set(formater) == {"JSON", "CSV"}
        schema = formater["JSON"]["dct:conformsTo"]["@id"]
        assert schema == formater["JSON"]["dcat:downloadURL"]["@id"].removesuffix(".json") + ".schema.json"
        assert (bygget / schema.removeprefix(rot)).is_file()


def test_an_email_contact_is_a_vcard_email():
    liste = datasett.alle(ekte_plan(), PROSJEKT / "data")
    katalog = datasett.katalog(
        liste, nettsted="N", utgiver="U", rot="https://x.test/", kontakt="mailto:post@example.no", repo_url=None
    )
    assert katalog["dcat:contactPoint"] == {
        "@type": "vcard:Organization",
        "vcard:fn": "N",
        "vcard:hasEmail": {"@id": "mailto:post@example.no"},
    }


def test_the_datasett_page_lists_every_dataset_with_its_count_and_files(bygget):
    side = BeautifulSoup((bygget / "datasett" / "index.html").read_text(encoding="utf-8"), "lxml")
    rader = side.select("table.rp-datasett tbody tr")
    assert [r["id"] for r in rader] == [t.fil.removesuffix(".yml") for t in TYPER.values()]
    for rad, posttype in zip(rader, TYPER.values(), strict=True):
        assert rad.th.get_text() == posttype.datasettnavn
        assert rad.select("td")[1].get_text() == str(len(_alle_poster(posttype)))
        lenker = [a["href"] for a in rad.select("a")]
        assert [h.rsplit("/", 1)[1] for h in lenker] == [f"{rad['id']}.{e}" for e in ("json", "schema.json", "csv")]
        assert all(((bygget / "datasett") / h).resolve().is_file() for h in lenker)
    assert side.select_one('a[href="http://data.norge.no/nlod/no/2.0"]') is not None


@pytest.mark.browser
def test_the_datasett_page_in_chromium_downloads_every_file_and_carries_the_catalogue(fane, nettadresse):
    fane.goto(f"{nettadresse}datasett/")
    katalog = fane.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert katalog["@type"] == "dcat:Catalog" and len(katalog["dcat:dataset"]) == len(TYPER)
    lenker = fane.locator("table.rp-datasett a").evaluate_all("as => as.map(a => a.href)")
    assert len(lenker) == 3 * len(TYPER)
    svar = fane.evaluate(
        """async urls => Promise.all(urls.map(async u => {
             const r = await fetch(u);
             const tekst = await r.text();
             return [u, r.status, tekst.length];
           }))""",
        lenker,
    )
    assert [(u, status) for u, status, lengde in svar if status != 200 or not lengde] == []
    # Fetched as the browser reads it (UTF-8), the CSV starts with the BOM and keeps the Norwegian letters.
    csv_tekst = fane.evaluate(
        "async u => new TextDecoder('utf-8', {ignoreBOM: true}).decode(await (await fetch(u)).arrayBuffer())",
        next(u for u in lenker if u.endswith("aktorer.csv")),
    )
    assert csv_tekst.startswith("\ufeff") and "Øyer kommune" in csv_tekst
