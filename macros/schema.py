"""JSON Schema for every file in data/, generated from the model (never written by hand).

python -m macros.schema --write   writes data/schema/*.schema.json
python -m macros.schema --check   exits 1 and names every stale file
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from .registry import TYPER, Posttype

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schema"


def schema_for(posttype: Posttype) -> dict:
    """The JSON Schema of one data file: a list of records, or one object."""
    form = list[posttype.modell] if posttype.liste else posttype.modell
    schema = TypeAdapter(form).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"data/{posttype.fil}"
    schema["description"] = (
        f"Generert fra macros/model.py ({posttype.modell.__name__}). Ikke rediger for hånd: kjør `make schema`."
    )
    return schema


@functools.cache
def schema_text(posttype: Posttype) -> str:
    """The schema as the exact text committed to data/schema/ (made once per process: it follows from the model)."""
    return json.dumps(schema_for(posttype), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_path(posttype: Posttype, mappe: Path = SCHEMA_DIR) -> Path:
    """Where a data file's schema lives."""
    return mappe / posttype.fil.replace(".yml", ".schema.json")


def stale(mappe: Path = SCHEMA_DIR) -> list[Path]:
    """Schema files that differ from what the model generates now (or are missing)."""
    return [
        schema_path(d, mappe)
        for d in TYPER.values()
        if not schema_path(d, mappe).exists() or schema_path(d, mappe).read_text(encoding="utf-8") != schema_text(d)
    ]


VSCODE = SCHEMA_DIR.parent.parent / ".vscode" / "settings.json"


def editor_settings() -> str:
    """.vscode/settings.json: maps each data file to its schema, so editors check it as staff type."""
    kart = {f"./data/schema/{schema_path(d).name}": [f"data/{d.fil}"] for d in TYPER.values()}
    return json.dumps({"yaml.schemas": kart}, ensure_ascii=False, indent=2) + "\n"


def write(mappe: Path = SCHEMA_DIR) -> None:
    """Write every schema file (and, for the real folder, the editor mapping)."""
    mappe.mkdir(parents=True, exist_ok=True)
    for posttype in TYPER.values():
        schema_path(posttype, mappe).write_text(schema_text(posttype), encoding="utf-8")
    if mappe == SCHEMA_DIR:
        VSCODE.parent.mkdir(exist_ok=True)
        VSCODE.write_text(editor_settings(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    gruppe = parser.add_mutually_exclusive_group(required=True)
    gruppe.add_argument("--write", action="store_true", help="skriv schemafilene på nytt")
    gruppe.add_argument("--check", action="store_true", help="feil hvis en schemafil er utdatert")
    args = parser.parse_args(argv)
    if args.write:
        write()
        return 0
    utdaterte = stale()
    if not VSCODE.exists() or VSCODE.read_text(encoding="utf-8") != editor_settings():
        utdaterte.append(VSCODE)
    for sti in utdaterte:
        print(f"Utdatert: {sti.relative_to(SCHEMA_DIR.parent.parent)}. Kjør `make schema` og commit resultatet.")
    return 1 if utdaterte else 0


if __name__ == "__main__":
    sys.exit(main())
