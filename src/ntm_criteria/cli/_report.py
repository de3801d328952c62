"""``ntm report``: decide every commune's level with a ladder and write the roll-up."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ntm_criteria._validators import nfc
from ntm_criteria.charts import write_charts
from ntm_criteria.cli._machine import rollup_csv, rollup_json
from ntm_criteria.cli._options import (
    KnownCodes,
    Subparsers,
    add_code_options,
    add_output_options,
    checked_places,
    deadline,
    example_epilog,
    ladder,
    load,
    reviews,
    shown_warnings,
    target,
    with_known_codes,
    write_output,
)
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.errors import NtmError
from ntm_criteria.io import (
    PLAN_ITEM_COLUMNS,
    RECOGNITION_COLUMNS,
    REVIEW_COLUMNS,
    read_plan_items,
    read_recognitions,
)
from ntm_criteria.levels import Ladder, decide_level
from ntm_criteria.periods import as_date
from ntm_criteria.progress import Basis, Roadmap, roll_up
from ntm_criteria.report import rollup_report, rollup_workbook
from ntm_criteria.text import message

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    p_report = sub.add_parser(
        "report",
        help="a roll-up report of levels and progress",
        epilog=example_epilog(
            "ntm report --set vn-ntm-commune-standard-2021-2025 --set advanced.toml "
            "--localities communes.csv --observations observations.csv --on 30/9/2023 "
            "--target standard=94 --format markdown -o report.md"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_report.add_argument(
        "--set",
        required=True,
        action="append",
        dest="sets",
        help="a set file or built-in id, one per level, lowest first "
        "(each file may extend the ones before it)",
    )
    p_report.add_argument(
        "--localities",
        type=Path,
        help="gazetteer CSV (default: the official units in force on the date)",
    )
    p_report.add_argument(
        "--observations",
        type=Path,
        help="observations CSV (optional with --reviews or --recognitions)",
    )
    p_report.add_argument(
        "--reviews", type=Path, help="criterion reviews CSV: " + ",".join(REVIEW_COLUMNS[:6])
    )
    p_report.add_argument("--on", required=True, help="report date, e.g. 30/9/2023")
    p_report.add_argument("--within", type=nfc, help="only the localities under this code")
    p_report.add_argument(
        "--recognitions",
        type=Path,
        help="CSV: " + ",".join(RECOGNITION_COLUMNS) + " (the set column may be headed 'set'); "
        "the headline then counts the recognitions in force",
    )
    p_report.add_argument("--roadmap", type=Path, help="CSV: " + ",".join(PLAN_ITEM_COLUMNS))
    p_report.add_argument(
        "--target",
        action="append",
        default=[],
        type=target,
        metavar="LEVEL=N|N%",
        help="a plan target, e.g. standard=94 or advanced=40%%",
    )
    p_report.add_argument(
        "--deadline",
        action="append",
        default=[],
        type=deadline,
        metavar="monthly:DAY",
        help="a reporting deadline: monthly:25 or quarterly:20",
    )
    p_report.add_argument("--title", help="the report's title")
    p_report.add_argument("--lang", choices=("vi", "en"), default="vi")
    add_output_options(p_report)
    p_report.add_argument(
        "--xlsx",
        type=Path,
        metavar="FILE",
        help="also write the report as a workbook (needs the excel extra)",
    )
    p_report.add_argument(
        "--charts",
        type=Path,
        metavar="DIR",
        help="also write the report's charts as PNG files into DIR (needs the charts extra)",
    )
    add_code_options(p_report)
    p_report.set_defaults(run=run, parser=p_report)


def _set_lookup(chosen: Ladder) -> Callable[[str], CriterionSet]:
    """A recognition's set: one of the ladder's, else a built-in set."""
    own = {s.id: s for s in chosen.sets}

    def find(set_id: str) -> CriterionSet:
        return own[set_id] if set_id in own else load(set_id)

    return find


def run(args: argparse.Namespace) -> int:
    if args.observations is None and args.reviews is None and args.recognitions is None:
        # Wrong usage (status 2, as argparse gives), not bad input.
        args.parser.print_usage(sys.stderr)
        print(
            f"{args.parser.prog}: error: give --observations, --reviews or --recognitions",
            file=sys.stderr,
        )
        return 2
    chosen = ladder(args.sets)
    on = as_date(args.on)
    places, observations = checked_places(
        args.localities, args.observations, on.isoformat(), args.check_codes
    )
    reviewed = reviews(args.reviews, places, chosen.sets, args.on)
    recognitions = with_known_codes(
        read_recognitions(
            args.recognitions, localities=KnownCodes(places), sets=_set_lookup(chosen)
        )
        if args.recognitions
        else (),
        places,
    )
    items = with_known_codes(read_plan_items(args.roadmap) if args.roadmap else (), places)
    roadmap = Roadmap(items, reporting=args.deadline)
    scope = chosen.sets[0].scope
    pool = places.descendants(args.within) if args.within else tuple(places)
    with shown_warnings():
        decisions = [
            decide_level(
                places.effective(p.code),
                observations.get(p.code, ()),
                on=on,
                ladder=chosen,
                recognitions=recognitions,
                reviews=reviewed.get(p.code, ()),
            )
            for p in pool
            if p.kind in scope
        ]
    if not decisions:
        raise NtmError(
            f"{args.localities or places.source}: no locality of kind "
            f"{', '.join(k.value for k in scope)}"
            + (f" under {args.within}" if args.within else "")
        )
    total = chosen.sets[0].total
    basis = Basis.RECOGNISED if args.recognitions else Basis.ASSESSED
    rollup = roll_up(decisions, bins=(max(total - 4, 1), total), basis=basis)
    where = places.get(args.within).label(args.lang) if args.within else ""
    title = args.title or (
        message("cli.report.title", args.lang) + (f" — {where}" if where else "")
    )
    if args.format == "json":
        text = rollup_json(rollup)
    elif args.format == "csv":
        text = rollup_csv(rollup)
    else:
        text = rollup_report(
            rollup,
            title=title,
            on=on,
            targets=args.target,
            roadmap=roadmap,
            lang=args.lang,
            fmt=args.format,
        )
    write_output(text, args.output)
    if args.xlsx is not None:
        rollup_workbook(
            rollup,
            args.xlsx,
            title=title,
            on=on,
            targets=args.target,
            roadmap=roadmap,
            lang=args.lang,
        )
    if args.charts is not None:
        write_charts(rollup, args.charts, targets=args.target, lang=args.lang)
    return 0
