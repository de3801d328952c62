"""``ntm set``: a set file from a decision's table (``from-table``), a set as a table (``to-table``), the set format's JSON Schema (``schema``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ntm_criteria._validators import nfc
from ntm_criteria.cli._options import Subparsers, example_epilog, load, write_output
from ntm_criteria.criteria import set_from_table, set_schema, set_to_toml, write_set_table
from ntm_criteria.errors import DataError

__all__ = ["add_parser", "run"]

_FROM_EXAMPLE = (
    "ntm set from-table decision.xlsx --extends vn-ntm-commune-standard-2021-2025 "
    '-o tinh-x.toml --legal-basis "Quyết định số …/QĐ-UBND"'
)
_TO_EXAMPLE = "ntm set to-table vn-ntm-commune-standard-2021-2025 -o table.xlsx"
_SCHEMA_EXAMPLE = "ntm set schema -o criterion-set.schema.json"


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its two actions."""
    p_set = sub.add_parser(
        "set",
        help="write a set file from a decision's table, or a set as a table",
        epilog=example_epilog(_FROM_EXAMPLE, _TO_EXAMPLE, _SCHEMA_EXAMPLE),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = p_set.add_subparsers(dest="action", required=True)
    p_from = actions.add_parser(
        "from-table",
        help="a set file (TOML) that extends a set with a decision's table (.xlsx or .csv)",
        epilog=example_epilog(_FROM_EXAMPLE),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_from.add_argument("table", type=Path, help="the decision's table: .xlsx or .csv")
    p_from.add_argument(
        "--extends", required=True, help="the set the table changes: a built-in id or a .toml file"
    )
    p_from.add_argument("-o", "--output", type=Path, help="the set file to write (default: stdout)")
    p_from.add_argument("--id", type=nfc, help="the new set's id (default: the output's name)")
    p_from.add_argument("--sheet", help="the sheet of a .xlsx file (default: the first)")
    p_from.add_argument("--legal-basis", help="the decision: number, date, article")
    p_from.add_argument("--title-vi", help="the set's title in Vietnamese")
    p_from.add_argument("--title-en", help="the set's title in English")
    p_from.add_argument("--source", help="where the decision was published (a URL)")
    p_from.set_defaults(run=_from_table)
    p_to = actions.add_parser(
        "to-table",
        help="write a set as a decision's table (.xlsx or .csv) for review",
        epilog=example_epilog(_TO_EXAMPLE),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_to.add_argument("set_ref", metavar="SET", help="a set file (.toml) or a built-in id")
    p_to.add_argument(
        "-o", "--output", type=Path, required=True, help="the table to write: .xlsx or .csv"
    )
    p_to.set_defaults(run=_to_table)
    p_schema = actions.add_parser(
        "schema",
        help="print the JSON Schema of the set file format (for an editor)",
        epilog=example_epilog(_SCHEMA_EXAMPLE),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_schema.add_argument("-o", "--output", type=Path, help="the file to write (default: stdout)")
    p_schema.set_defaults(run=_schema)


def run(args: argparse.Namespace) -> int:
    """Run the chosen action (argparse sets it as ``args.run``)."""
    status: int = args.run(args)
    return status


def _from_table(args: argparse.Namespace) -> int:
    parent = load(args.extends)
    set_id = args.id or (args.output.stem if args.output else None)
    if not set_id:
        raise DataError("the new set needs an id", expected="--id ID, or -o FILE.toml")
    data = set_from_table(
        args.table,
        parent,
        set_id=set_id,
        sheet=args.sheet,
        title_vi=args.title_vi,
        title_en=args.title_en,
        legal_basis=args.legal_basis,
        source=args.source,
    )
    if not args.legal_basis:
        print(
            "ntm: legal_basis is the table's file name; give --legal-basis with the decision",
            file=sys.stderr,
        )
    write_output(set_to_toml(data), args.output)
    return 0


def _schema(args: argparse.Namespace) -> int:
    write_output(json.dumps(set_schema(), ensure_ascii=False, indent=2), args.output)
    return 0


def _to_table(args: argparse.Namespace) -> int:
    write_set_table(load(args.set_ref), args.output)
    return 0
