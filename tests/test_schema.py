"""The JSON Schemas in data/schema/ are generated from the model and must not go stale."""

from __future__ import annotations

import json
from pathlib import Path

from macros import schema
from macros.registry import TYPER

PROSJEKT = Path(__file__).resolve().parent.parent


def test_committed_schemas_match_the_model():
    utdaterte = schema.stale()
    assert not utdaterte, f"Utdaterte schemafiler (kjør `make schema`): {utdaterte}"


def test_check_fails_on_a_stale_schema(tmp_path: Path, capsys):
    schema.write(tmp_path)
    assert schema.stale(tmp_path) == []
    fil = tmp_path / "tiltak.schema.json"
    fil.write_text(fil.read_text(encoding="utf-8").replace('"navn"', '"name"'), encoding="utf-8")
    assert schema.stale(tmp_path) == [fil]


def test_schema_forbids_unknown_keys():
    tiltak = json.loads(schema.schema_text(TYPER["tiltak"]))
    assert tiltak["$defs"]["Tiltak"]["additionalProperties"] is False


def test_every_data_file_is_mapped_for_editors():
    assert (PROSJEKT / ".vscode" / "settings.json").read_text(encoding="utf-8") == schema.editor_settings()
    innstillinger = json.loads((PROSJEKT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    kartlagt = {fil for filer in innstillinger["yaml.schemas"].values() for fil in filer}
    assert kartlagt == {f"data/{d.fil}" for d in TYPER.values()}
