"""``ntm demo``: assess the illustrative demo communes shipped with the package."""

from __future__ import annotations

import argparse

from ntm_criteria import demo
from ntm_criteria._validators import nfc
from ntm_criteria.cli._options import Subparsers, assess_all, example_epilog
from ntm_criteria.errors import NtmError
from ntm_criteria.periods import format_date
from ntm_criteria.progress import Progress, roll_up
from ntm_criteria.report import results_table
from ntm_criteria.text import message, pick

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    p_demo = sub.add_parser(
        "demo",
        help="assess the illustrative demo communes",
        epilog=example_epilog("ntm demo --lang en --commune 03664"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_demo.add_argument("--lang", choices=("vi", "en"), default="vi")
    p_demo.add_argument(
        "--commune",
        default="03664",
        type=nfc,  # a code is matched, so read in NFC like the gazetteer's
        help="code of the commune to explain in full (default 03664)",
    )
    p_demo.add_argument(
        "--national",
        action="store_true",
        help="use the built-in national 2021-2025 set with an illustrative provincial overlay "
        "instead of the small demo set",
    )
    p_demo.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    places = demo.gazetteer()
    if args.national:
        criterion_set, observations = demo.national_overlay(), demo.national_observations()
    else:
        criterion_set, observations = demo.criterion_set(), demo.observations()
    results = assess_all(criterion_set, places, observations, demo.ASSESSMENT_DATE.isoformat())
    print(message("cli.demo.illustrative", lang))
    title = pick(criterion_set.title_vi, criterion_set.title_en, lang)
    on = format_date(demo.ASSESSMENT_DATE, lang)
    print(message("cli.demo.set", lang, title=title, id=criterion_set.id, on=on) + "\n")
    print(results_table(results, lang))
    chosen = next((r for r in results if r.locality.code == args.commune), None)
    if chosen is None:
        raise NtmError(
            f"no demo commune with code {args.commune!r} "
            f"(known: {', '.join(r.locality.code for r in results)})"
        )
    print()
    # The provinces' habitual bins (< 15, 15–18, 19 of 19) scaled to the set's size.
    print(roll_up(results, bins=(criterion_set.total - 4, criterion_set.total)).explain(lang))
    print()
    print(chosen.explain(lang))
    print()
    print(Progress(chosen).explain(lang))
    return 0
