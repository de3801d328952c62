"""The ``ntm`` command: ``ntm demo``, ``ntm check``, ``ntm assess`` and ``ntm report``.

``ntm demo`` assesses the illustrative communes shipped with the package and
prints a table and one commune's explanation.  ``ntm check FILE…`` validates
criterion-set files and lists every problem, and warns of a threshold that a
set makes less demanding than the built-in set it extends (``--strict``: an
error).  ``ntm assess`` assesses the
localities of a CSV gazetteer against a set, from a CSV of observations.
``ntm report`` decides every commune's level with a ladder of sets and
writes the roll-up a steering committee reports: levels against the plan,
the distribution of criteria met, communes at risk, overdue roadmap items and
the next reporting deadline.
Errors in input are printed as one readable message (exit status 1), never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import warnings
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path

from ntm_criteria import catalog, demo
from ntm_criteria._validators import check_magnitude, check_number_text, nfc
from ntm_criteria.assessment import AssessmentResult, Observation, assess
from ntm_criteria.criteria import CriterionSet, Level, LooserThresholdWarning, check_overlay
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.geography import Gazetteer, LocalityKind
from ntm_criteria.io import (
    OBSERVATION_COLUMNS,
    PLAN_ITEM_COLUMNS,
    RECOGNITION_COLUMNS,
    read_observations,
    read_plan_items,
    read_recognitions,
)
from ntm_criteria.levels import Ladder, decide_level
from ntm_criteria.periods import RecurringDeadline, as_date, format_date
from ntm_criteria.progress import PlanTarget, Progress, Roadmap, roll_up
from ntm_criteria.report import results_table, rollup_report
from ntm_criteria.text import message, pick
from ntm_criteria.units import parse_number

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ntm", description="Assess Vietnamese localities against development criteria."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p_demo = sub.add_parser("demo", help="assess the illustrative demo communes")
    p_demo.add_argument("--lang", choices=("vi", "en"), default="vi")
    p_demo.add_argument(
        "--commune",
        default="04036",
        type=nfc,  # a code is matched, so read in NFC like the gazetteer's
        help="code of the commune to explain in full (default 04036)",
    )
    p_demo.add_argument(
        "--national",
        action="store_true",
        help="use the built-in national 2021-2025 set with an illustrative provincial overlay "
        "instead of the small demo set",
    )

    p_check = sub.add_parser("check", help="validate criterion-set TOML files")
    p_check.add_argument("files", nargs="+", type=Path)
    p_check.add_argument(
        "--strict",
        action="store_true",
        help="treat a threshold less demanding than the parent set's as an error, not a warning",
    )

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
        required=True,
        type=Path,
        help=f"observations CSV ({','.join(OBSERVATION_COLUMNS)})",
    )
    p_assess.add_argument("--on", required=True, help="assessment date, e.g. 30/6/2023")
    p_assess.add_argument("--lang", choices=("vi", "en"), default="vi")
    p_assess.add_argument("--json", action="store_true", help="print results as JSON")
    p_report = sub.add_parser("report", help="a roll-up report of levels and progress")
    p_report.add_argument(
        "--set",
        required=True,
        action="append",
        dest="sets",
        help="a set file or built-in id, one per level, lowest first "
        "(each file may extend the ones before it)",
    )
    p_report.add_argument("--localities", required=True, type=Path, help="gazetteer CSV")
    p_report.add_argument("--observations", required=True, type=Path, help="observations CSV")
    p_report.add_argument("--on", required=True, help="report date, e.g. 30/9/2023")
    p_report.add_argument("--within", type=nfc, help="only the localities under this code")
    p_report.add_argument("--recognitions", type=Path, help="CSV: " + ",".join(RECOGNITION_COLUMNS))
    p_report.add_argument("--roadmap", type=Path, help="CSV: " + ",".join(PLAN_ITEM_COLUMNS))
    p_report.add_argument(
        "--target",
        action="append",
        default=[],
        type=_target,
        metavar="LEVEL=N|N%",
        help="a plan target, e.g. standard=94 or advanced=40%%",
    )
    p_report.add_argument(
        "--deadline",
        action="append",
        default=[],
        type=_deadline,
        metavar="monthly:DAY",
        help="a reporting deadline: monthly:25 or quarterly:20",
    )
    p_report.add_argument("--title", help="the report's title")
    p_report.add_argument("--lang", choices=("vi", "en"), default="vi")
    p_report.add_argument("--markdown", action="store_true", help="write Markdown tables")
    return parser


def _load(ref: str) -> CriterionSet:
    return catalog.load_set(ref) if ref.endswith(".toml") else catalog.get(ref)


def _assess_all(
    criterion_set: CriterionSet,
    places: Gazetteer,
    observations: Mapping[str, tuple[Observation, ...]],
    on: str,
) -> list[AssessmentResult]:
    date = as_date(on)
    return [
        assess(
            places.effective(place.code), criterion_set, observations.get(place.code, ()), on=date
        )
        for place in places
        if place.kind in criterion_set.scope
    ]


def _demo(args: argparse.Namespace) -> None:
    lang = args.lang
    places = demo.gazetteer()
    if args.national:
        criterion_set, observations = demo.national_overlay(), demo.national_observations()
    else:
        criterion_set, observations = demo.criterion_set(), demo.observations()
    results = _assess_all(criterion_set, places, observations, demo.ASSESSMENT_DATE.isoformat())
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


def _check(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.files:
        try:
            s = catalog.load_set(path)
        except NtmError as err:
            failed += 1
            print(str(err).replace("\0", "\\0"), file=sys.stderr)
            continue
        loosened = _loosened(s)
        if loosened and args.strict:
            failed += 1
            for item in loosened:
                print(f"{path}: error — {item}", file=sys.stderr)
            continue
        for item in loosened:
            print(f"{path}: warning — {item}", file=sys.stderr)
        indicators = sum(1 for _ in s.indicators())
        unspecified = catalog.unspecified_indicators(s)
        print(
            f"{path}: ok — {s.id}: {s.total} criteria, {indicators} indicators"
            + (f", unspecified: {', '.join(unspecified)}" if unspecified else "")
        )
    return 1 if failed else 0


def _loosened(s: CriterionSet) -> list[str]:
    """What a set that extends a built-in one makes less demanding, as ``check_overlay`` finds."""
    if s.extends is None or s.extends not in {info.id for info in catalog.list_sets()}:
        return []
    parent = catalog.get(s.extends)
    with warnings.catch_warnings():
        # The findings are printed below, once each, instead of as Python warnings.
        warnings.simplefilter("ignore", LooserThresholdWarning)
        report = check_overlay(s, parent)
    return [f"less demanding than {parent.id}: {item.describe()}" for item in report.loosened]


def _assess(args: argparse.Namespace) -> None:
    criterion_set = _load(args.set_ref)
    places = Gazetteer.load_csv(args.localities)
    observations = read_observations(args.observations)
    unknown = sorted(set(observations) - {place.code for place in places})
    if unknown:
        raise NtmError(
            f"{args.observations}: observations for localities not in "
            f"{args.localities}: {', '.join(unknown)}"
        )
    results = _assess_all(criterion_set, places, observations, args.on)
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


def _ladder(refs: Sequence[str]) -> Ladder:
    sets: list[CriterionSet] = []
    for ref in refs:
        sets.append(catalog.load_set(ref, parents=sets) if ref.endswith(".toml") else _load(ref))
    return Ladder(sets)


def _amount(text: str) -> Fraction:
    """A number of an option, Vietnamese-formatted (``94``, ``1.234``, ``40,5``)."""
    check_number_text(text)  # before any arithmetic: a long number is refused, never slow
    return check_magnitude(Fraction(parse_number(text)))


def _target(text: str) -> PlanTarget:
    """The value of ``--target``: LEVEL=N (a whole number of localities) or LEVEL=N%.

    A bad value is a usage error (exit status 2) naming the option and the value.
    """
    level, _, amount = text.partition("=")
    amount = amount.strip()
    try:
        parsed = Level.parse(nfc(level.strip()))
        if amount.endswith("%"):
            return PlanTarget(parsed, share=_amount(amount[:-1].strip()) / 100)
        count = _amount(amount)
        if count.denominator != 1:  # Regression: "1,5" was accepted and truncated to 1
            raise DataError(f"{amount} is not a whole number", expected="e.g. standard=94")
        return PlanTarget(parsed, count=int(count))
    except NtmError as err:
        raise argparse.ArgumentTypeError(f"{text!r}: {err}") from None


# ASCII digits only: "²".isdigit() is true and int("²") fails; at most 9 keep int() quick.
_DEADLINE = re.compile(r"(monthly|quarterly):([0-9]{1,9})")


def _deadline(text: str) -> RecurringDeadline:
    """The value of ``--deadline``: monthly:DAY or quarterly:DAY; a usage error otherwise."""
    found = _DEADLINE.fullmatch(text.strip())
    if found is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not monthly:DAY or quarterly:DAY")
    frequency, day = found.group(1), int(found.group(2))
    try:
        if frequency == "monthly":
            return RecurringDeadline.monthly(day)
        return RecurringDeadline.quarterly(day)
    except NtmError as err:
        raise argparse.ArgumentTypeError(f"{text!r}: {err}") from None


def _report(args: argparse.Namespace) -> None:
    ladder = _ladder(args.sets)
    on = as_date(args.on)
    places = Gazetteer.load_csv(args.localities)
    observations = read_observations(args.observations)
    recognitions = read_recognitions(args.recognitions) if args.recognitions else ()
    items = read_plan_items(args.roadmap) if args.roadmap else ()
    roadmap = Roadmap(items, reporting=args.deadline)
    scope = ladder.sets[0].scope
    pool = places.descendants(args.within) if args.within else tuple(places)
    decisions = [
        decide_level(
            places.effective(p.code),
            observations.get(p.code, ()),
            on=on,
            ladder=ladder,
            recognitions=recognitions,
        )
        for p in pool
        if p.kind in scope
    ]
    if not decisions:
        raise NtmError(
            f"{args.localities}: no locality of kind "
            f"{', '.join(k.value for k in scope)}"
            + (f" under {args.within}" if args.within else "")
        )
    total = ladder.sets[0].total
    rollup = roll_up(decisions, bins=(max(total - 4, 1), total))
    where = places.get(args.within).label(args.lang) if args.within else ""
    title = args.title or (
        message("cli.report.title", args.lang) + (f" — {where}" if where else "")
    )
    print(
        rollup_report(
            rollup,
            title=title,
            on=on,
            targets=args.target,
            roadmap=roadmap,
            lang=args.lang,
            fmt="markdown" if args.markdown else "text",
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ntm`` command; returns the exit status.

    Wrong usage is status 2 with argparse's message; any error in the input
    (a bad file, row or value) or a path that cannot be read or written is
    status 1 with one message on stderr — never a traceback.

    >>> main(["check", "no-such-file.toml"])
    1
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or wrong usage (2): argparse wrote the message
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    try:
        return _run(args)
    except NtmError as err:
        _error(str(err))
    except BrokenPipeError:  # the reader went away (ntm report | head)
        _quiet_stdout()
        _error("cannot write the output: the pipe was closed")
    except OSError as err:  # a path the command itself reads or writes
        _error(_os_message(err))
    except UnicodeEncodeError as err:  # e.g. PYTHONIOENCODING=ascii: Vietnamese cannot be shown
        _error(f"cannot write the output in {err.encoding}; set PYTHONIOENCODING=utf-8")
    return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        _demo(args)
    elif args.command == "check":
        return _check(args)
    elif args.command == "report":
        _report(args)
    else:
        _assess(args)
    sys.stdout.flush()  # a write error surfaces here, while it can still be reported
    return 0


def _error(text: str) -> None:
    # A NUL (from a path argument) is shown escaped: a terminal or log would drop it.
    print("ntm: " + text.replace("\0", "\\0"), file=sys.stderr)


def _os_message(err: OSError) -> str:
    """An OSError as one line naming its path (``<stdout>`` when there is none)."""
    name = str(err.filename) if err.filename is not None else "<stdout>"
    return f"{name}: {err.strerror or err}"


def _quiet_stdout() -> None:
    # Point stdout at /dev/null so the interpreter's final flush raises nothing more.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a file (e.g. captured)
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
