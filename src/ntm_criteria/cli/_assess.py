"""``ntm assess``: assess the localities of a CSV gazetteer against a set."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ntm_criteria.cli._options import Subparsers, assess_all, load, reviews, shown_warnings
from ntm_criteria.errors import NtmError
from ntm_criteria.geography import Gazetteer, LocalityKind
from ntm_criteria.io import OBSERVATION_COLUMNS, REVIEW_COLUMNS, read_observations
from ntm_criteria.report import results_table

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    p_assess = sub.add_parser("assess", help="assess localities from CSV files")
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
    p_assess.add_argument("--json", action="store_true", help="print results as JSON")
    p_assess.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.observations is None and args.reviews is None:
        print("ntm assess: error: give --observations, --reviews or both", file=sys.stderr)
        return 2
    criterion_set = load(args.set_ref)
    places = Gazetteer.load_csv(args.localities)
    observations = read_observations(args.observations) if args.observations else {}
    unknown = sorted(set(observations) - {place.code for place in places})
    if unknown:
        raise NtmError(
            f"{args.observations}: observations for localities not in "
            f"{args.localities}: {', '.join(unknown)}"
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
    if args.json:
        print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        print(results_table(results, args.lang))
    return 0
