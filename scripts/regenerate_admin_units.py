"""Regenerate the official administrative units shipped in ``geography/data/official/``.

The lists and the old → new mapping come from the ``vietnamadminunits``
package (MIT licence, https://github.com/tranngocminhhieu/vietnamadminunits),
which is *not* a dependency of ntm_criteria: it is needed only to run this
script.  Install it in a scratch environment and run::

    python -m pip install vietnamadminunits==1.0.4
    python scripts/regenerate_admin_units.py            # writes the data files
    python scripts/regenerate_admin_units.py --check    # exits 1 if they would change

The script writes, in ``src/ntm_criteria/geography/data/official/``:

- ``units-2025-01-01.csv``: the 63 provinces, their districts and communes in
  force before 1/7/2025 (the list as of 1/1/2025, after the 2023–2025
  arrangement of districts and communes);
- ``units-2025-07-01.csv``: the 34 provinces and 3,321 commune-level units in
  force from 1/7/2025 (no district level);
- ``changes-2025-07-01.csv``: which old unit became part of which new one
  (``split`` = 1 when an old unit was divided between several new ones);
- ``source.toml``: source, package version, generation date, licence and
  the counts, which the script checks against the published figures before
  it writes anything;
- ``LICENSE-vietnamadminunits.txt``: the package's licence, as MIT asks.

Columns of the unit lists: ``code,name,kind,parent``; ``name`` is the name
without its kind word, as the law spells it ("Chiềng Xôm" of "Xã Chiềng
Xôm"), ``kind`` a ``LocalityKind`` value.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import sqlite3
import sys
from collections import Counter, defaultdict
from importlib import metadata, resources
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1] / "src" / "ntm_criteria" / "geography" / "data" / "official"
)
PACKAGE = "vietnamadminunits"
HOME = "https://github.com/tranngocminhhieu/vietnamadminunits"

# Published figures the data must reproduce (see docs/admin-units.md for the sources).
EXPECTED_BEFORE = {"provinces": 63, "districts": 696, "commune_level": 10035}
EXPECTED_AFTER = {
    "provinces": 34,
    "commune_level": 3321,
    "commune": 2621,
    "ward": 687,
    "special_zone": 13,
}

# The kind word that starts an official name, and the LocalityKind it means.
PROVINCE_WORDS = {"tỉnh": "province", "thành phố": "central_city"}
DISTRICT_WORDS = {
    "huyện": "district",
    "quận": "urban_district",
    "thị xã": "town",
    # a city under a province, or (Thủ Đức) under a centrally-run city
    "thành phố": "provincial_city",
}
COMMUNE_WORDS = {
    "xã": "commune",
    "phường": "ward",
    "thị trấn": "township",
    "đặc khu": "special_zone",
}


def split_name(full: str, words: dict[str, str]) -> tuple[str, str]:
    """The name without its kind word, and the kind that word means ("Xã A" → "A", commune)."""
    folded = full.casefold()
    for word, kind in sorted(words.items(), key=lambda item: -len(item[0])):
        if folded.startswith(word + " "):
            return full[len(word) + 1 :].strip(), kind
    raise SystemExit(f"{full!r} does not start with a known kind word ({', '.join(words)})")


def connect() -> sqlite3.Connection:
    path = resources.files(PACKAGE).joinpath("data", "dataset.db")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def old_units(
    db: sqlite3.Connection,
) -> tuple[list[tuple[str, str, str, str]], dict[str, str], list[str]]:
    """Rows of the pre-2025 list, each old unit's key (as the converter names it) → code, notes."""
    rows: list[tuple[str, str, str, str]] = []
    keys: dict[str, str] = {}
    notes: list[str] = []
    seen: set[str] = set()
    query = (
        "SELECT provinceCode, province, districtCode, district, wardCode, ward, wardType, "
        "provinceKey, districtKey, wardKey FROM admin_units_legacy "
        "ORDER BY provinceCode, districtCode, wardCode"
    )
    for pc, pn, dc, dn, wc, wn, wtype, pk, dk, wk in db.execute(query):
        if pc not in seen:
            seen.add(pc)
            rows.append((pc, *split_name(pn, PROVINCE_WORDS), ""))
        if dc not in seen:
            seen.add(dc)
            rows.append((dc, *split_name(dn, DISTRICT_WORDS), pc))
        if wc is not None:
            name, kind = split_name(wn, COMMUNE_WORDS)
            if split_name(f"{wtype} x", COMMUNE_WORDS)[1] != kind:
                notes.append(f"{wc} {wn}: kind from the name (the package's type says {wtype})")
            rows.append((wc, name, kind, dc))
        # an island district without communes (Bạch Long Vĩ…) is keyed with an empty ward
        keys[f"{pk}_{dk}_{wk or ''}"] = wc or dc
    return rows, keys, notes


def new_units(
    db: sqlite3.Connection,
) -> tuple[list[tuple[str, str, str, str]], dict[tuple[str, str], str], dict[str, str], list[str]]:
    """Rows of the list from 1/7/2025, (province key, unit key) → code, province key → code, notes."""
    rows: list[tuple[str, str, str, str]] = []
    keys: dict[tuple[str, str], str] = {}
    provinces: dict[str, str] = {}
    notes: list[str] = []
    query = (
        "SELECT provinceCode, province, provinceKey, wardCode, ward, wardType, wardKey "
        "FROM admin_units ORDER BY provinceCode, wardCode"
    )
    for pc, pn, pk, wc, wn, wtype, wk in db.execute(query):
        if pk not in provinces:
            provinces[pk] = pc
            rows.append((pc, *split_name(pn, PROVINCE_WORDS), ""))
        name, kind = split_name(wn, COMMUNE_WORDS)
        if split_name(f"{wtype} x", COMMUNE_WORDS)[1] != kind:
            # the name is the law's; the package's type column disagrees with it here
            notes.append(f"{wc} {wn}: kind from the name (the package's type says {wtype})")
        rows.append((wc, name, kind, pc))
        keys[(pk, wk)] = wc
    return rows, keys, provinces, notes


def changes(
    converter: dict[str, dict[str, object]],
    old_keys: dict[str, str],
    new_keys: dict[tuple[str, str], str],
    new_provinces: dict[str, str],
    old_province_keys: dict[str, str],
) -> list[tuple[str, str, str]]:
    """(old code, new code, split) for every province and commune-level unit."""
    links: dict[str, set[str]] = defaultdict(set)
    divided: set[str] = set()
    for new_pk, old_pks in converter["DICT_PROVINCE"].items():
        for old_pk in old_pks:  # type: ignore[attr-defined]
            links[old_province_keys[old_pk]].add(new_provinces[new_pk])
    for new_pk, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wk, olds in wards.items():  # type: ignore[attr-defined]
            for old_key in olds:
                links[old_keys[old_key]].add(new_keys[(new_pk, new_wk)])
    for new_pk, parts in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, targets in parts.items():  # type: ignore[attr-defined]
            code = old_keys[old_key]
            divided.add(code)
            for target in targets:
                links[code].add(new_keys[(new_pk, target["newWardKey"])])
    return [
        (old, new, "1" if old in divided else "")
        for old in sorted(links, key=lambda c: (len(c), c))
        for new in sorted(links[old])
    ]


def csv_text(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def count_before(rows: list[tuple[str, str, str, str]]) -> dict[str, int]:
    kinds = Counter(kind for _code, _name, kind, _parent in rows)
    return {
        "provinces": kinds["province"] + kinds["central_city"],
        "districts": sum(kinds[k] for k in DISTRICT_WORDS.values()),
        "commune_level": sum(kinds[k] for k in COMMUNE_WORDS.values()),
        **{k: kinds[k] for k in sorted(kinds)},
    }


def count_after(rows: list[tuple[str, str, str, str]]) -> dict[str, int]:
    kinds = Counter(kind for _code, _name, kind, _parent in rows)
    return {
        "provinces": kinds["province"] + kinds["central_city"],
        "commune_level": sum(kinds[k] for k in COMMUNE_WORDS.values()),
        **{k: kinds[k] for k in sorted(kinds)},
    }


def check_counts(found: dict[str, int], expected: dict[str, int], which: str) -> None:
    wrong = {k: (found.get(k), v) for k, v in expected.items() if found.get(k) != v}
    if wrong:
        raise SystemExit(
            f"{which}: counts differ from the published ones (found, expected): {wrong}"
        )


def source_toml(
    version: str, today: str, before: dict[str, int], after: dict[str, int], notes: list[str]
) -> str:
    def table(counts: dict[str, int]) -> str:
        return "\n".join(f"{k} = {v}" for k, v in counts.items())

    note_lines = "\n".join(f"  {json.dumps(n, ensure_ascii=False)}," for n in notes)
    return f"""# Where the official unit lists come from.  Written by scripts/regenerate_admin_units.py.
format = 1
source = "{PACKAGE} {version} (PyPI), {HOME}"
package = "{PACKAGE}"
version = "{version}"
generated = {today}
licence = "MIT"
licence_file = "LICENSE-vietnamadminunits.txt"
notes = [
{note_lines}
]

[[lists]]
file = "units-2025-01-01.csv"
as_of = 2025-01-01
valid_until = 2025-06-30
basis = "the 63 provinces with their districts and communes after the 2023–2025 arrangement (Standing Committee resolutions in force by 1/1/2025)"
confidence = "medium"

[lists.counts]
{table(before)}

[[lists]]
file = "units-2025-07-01.csv"
as_of = 2025-07-01
basis = "34 provinces (Resolution of the National Assembly of 12/6/2025) and 3,321 commune-level units (Standing Committee resolutions of June 2025), in force from 1/7/2025"
confidence = "high"

[lists.counts]
{table(after)}

[[changes]]
file = "changes-2025-07-01.csv"
on = 2025-07-01
before = "units-2025-01-01.csv"
after = "units-2025-07-01.csv"
"""


def build() -> dict[str, str]:
    version = metadata.version(PACKAGE)
    licence_text = _licence_text()
    if "MIT License" not in licence_text:
        raise SystemExit(f"{PACKAGE}'s licence is not MIT: refusing to copy its data")
    converter = json.loads(
        resources.files(PACKAGE).joinpath("data", "converter_2025.json").read_text("utf-8")
    )
    with connect() as db:
        before, old_keys, old_notes = old_units(db)
        after, new_keys, new_provinces, new_notes = new_units(db)
        notes = old_notes + new_notes
        old_province_keys = dict(
            db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units_legacy")
        )
    before_counts, after_counts = count_before(before), count_after(after)
    check_counts(before_counts, EXPECTED_BEFORE, "units before 1/7/2025")
    check_counts(after_counts, EXPECTED_AFTER, "units from 1/7/2025")
    links = changes(converter, old_keys, new_keys, new_provinces, old_province_keys)
    header = ("code", "name", "kind", "parent")
    today = datetime.date.today().isoformat()
    return {
        "units-2025-01-01.csv": csv_text(header, before),
        "units-2025-07-01.csv": csv_text(header, after),
        "changes-2025-07-01.csv": csv_text(("old", "new", "split"), links),
        "source.toml": source_toml(version, today, before_counts, after_counts, notes),
        "LICENSE-vietnamadminunits.txt": licence_text,
    }


def _licence_text() -> str:
    dist = metadata.distribution(PACKAGE)
    for file in dist.files or ():
        if file.name.upper().startswith("LICENSE"):
            return file.read_text(encoding="utf-8")
    raise SystemExit(f"{PACKAGE} ships no licence file: refusing to copy its data")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the files would change")
    args = parser.parse_args(argv)
    files = build()
    stale = []
    for name, text in files.items():
        path = OUT / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        # the generation date alone is no change
        if old is None or _undated(old) != _undated(text):
            stale.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    verb = "would change" if args.check else "written"
    print(f"{verb}: {', '.join(stale) or 'nothing'}")
    return 1 if args.check and stale else 0


def _undated(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("generated = "))


if __name__ == "__main__":
    sys.exit(main())
