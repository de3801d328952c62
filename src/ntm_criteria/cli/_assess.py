"""``ntm assess``: assess the localities of a CSV gazetteer against a set."""

from __future__ import annotations

import argparse
from pathlib import Path

from ntm_criteria.cli._machine import results_csv
from ntm_criteria.cli._options import (
    Subparsers,
    add_output_options,
    assess_all,
    example_epilog,
    load,
    write_output,
)
from ntm_criteria.errors import NtmError
from ntm_criteria.export import results_to_json_text
from ntm_criteria.geography import Gazetteer, LocalityKind
from ntm_criteria.io import OBSERVATION_COLUMNS, read_observations
from ntm_criteria.report import results_table

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    p_assess = sub.add_parser(
        "assess",
        help="assess localities from CSV files",
        epilog=example_epilog(
            "ntm assess --set vn-ntm-commune-standard-2021-2025 --localities communes.csv "
            "--observations observations.csv --on 30/6/2023 --format csv -o results.csv"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_assess.add_argument(
        "--set",
        required=True,
        dest="set_ref",
        help="a criterion-set TOML file or a built-in set id",
    )
    p_assess.add_argument(
        "--localities",
        required=True,
        type=Path,
        help="gazetteer CSV (code,name_vi,kind,parent,region,tags,group,name_en)",
    )
    p_assess.add_argument(
        "--observations",
        required=True,
        type=Path,
        help=f"observations CSV ({','.join(OBSERVATION_COLUMNS)})",
    )
    p_assess.add_argument("--on", required=True, help="assessment date, e.g. 30/6/2023")
    p_assess.add_argument("--lang", choices=("vi", "en"), default="vi")
    add_output_options(p_assess)
    p_assess.add_argument(
        "--detail",
        choices=("compact", "full"),
        default="compact",
        help="JSON: criteria only (compact) or every indicator too (full)",
    )
    p_assess.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    criterion_set = load(args.set_ref)
    places = Gazetteer.load_csv(args.localities)
    observations = read_observations(args.observations)
    unknown = sorted(set(observations) - {place.code for place in places})
    if unknown:
        raise NtmError(
            f"{args.observations}: observations for localities not in "
            f"{args.localities}: {', '.join(unknown)}"
        )
    results = assess_all(criterion_set, places, observations, args.on)
    if not results:
        kinds = ", ".join(k.value for k in criterion_set.scope)
        raise NtmError(
            f"{args.localities}: no locality of kind {kinds}; "
            f"known kinds: {', '.join(k.value for k in LocalityKind)}"
        )
    if args.format == "json":
        text = results_to_json_text(results, detail=args.detail, lang=args.lang, indent=2)
    elif args.format == "csv":
        text = results_csv(results)
    else:
        text = results_table(results, args.lang, fmt=args.format)
    write_output(text, args.output)
    return 0
