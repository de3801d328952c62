"""``ntm assess``: assess the localities of a CSV gazetteer against a set."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.cli._machine import results_csv
from ntm_criteria.cli._options import (
    Subparsers,
    add_code_options,
    add_output_options,
    assess_all,
    checked_places,
    example_epilog,
    load,
    reviews,
    shown_warnings,
    write_output,
)
from ntm_criteria.errors import NtmError
from ntm_criteria.export import results_to_json_text
from ntm_criteria.geography import LocalityKind
from ntm_criteria.io import OBSERVATION_COLUMNS, REVIEW_COLUMNS
from ntm_criteria.report import results_table

__all__ = ["add_parser", "run"]

# The format --json sets: every result's exact plain data, as ntm assess always wrote it.
_EXACT_JSON = "exact-json"


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
        type=Path,
        help="gazetteer CSV (code,name_vi,kind,parent,region,tags,group,name_en); "
        "default: the official units in force on the date",
    )
    p_assess.add_argument(
        "--observations",
        type=Path,
        help=f"observations CSV ({','.join(OBSERVATION_COLUMNS)}); optional with --reviews",
    )
    p_assess.add_argument(
        "--reviews",
        type=Path,
        help=f"criterion reviews CSV ({','.join(REVIEW_COLUMNS[:6])}; "
        "or mã xã, tiêu chí, kết quả, ngày, đơn vị đánh giá, ghi chú)",
    )
    p_assess.add_argument("--on", required=True, help="assessment date, e.g. 30/6/2023")
    p_assess.add_argument("--lang", choices=("vi", "en"), default="vi")
    add_output_options(p_assess, json_switch=_EXACT_JSON)
    p_assess.add_argument(
        "--detail",
        choices=("compact", "full"),
        default="compact",
        help="--format json: criteria only (compact) or every indicator too (full)",
    )
    add_code_options(p_assess)
    p_assess.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.observations is None and args.reviews is None:
        print("ntm assess: error: give --observations, --reviews or both", file=sys.stderr)
        return 2
    criterion_set = load(args.set_ref)
    places, observations = checked_places(
        args.localities, args.observations, args.on, args.check_codes
    )
    unknown = sorted(set(observations) - {place.code for place in places})
    if unknown:
        raise NtmError(
            f"{args.observations}: observations for localities not in "
            f"{args.localities or places.source}: {', '.join(unknown)}"
        )
    reviewed = reviews(args.reviews, places, [criterion_set], args.on)
    with shown_warnings():
        results = assess_all(criterion_set, places, observations, args.on, reviewed)
    if not results:
        kinds = ", ".join(k.value for k in criterion_set.scope)
        raise NtmError(
            f"{args.localities}: no locality of kind {kinds}; "
            f"known kinds: {', '.join(k.value for k in LocalityKind)}"
        )
    write_output(_render(results, args), args.output)
    return 0


def _render(results: list[AssessmentResult], args: argparse.Namespace) -> str:
    if args.format == _EXACT_JSON:  # --json, as before: what AssessmentResult.from_dict reads
        return json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2)
    if args.format == "json":
        return results_to_json_text(results, detail=args.detail, lang=args.lang, indent=2)
    if args.format == "csv":
        return results_csv(results)
    return results_table(results, args.lang, fmt=args.format)
