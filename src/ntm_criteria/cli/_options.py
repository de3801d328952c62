"""What several subcommands of ``ntm`` share: loading sets, plan targets, deadlines, assessing a gazetteer."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from ntm_criteria import catalog
from ntm_criteria._validators import check_magnitude, check_number_text, nfc
from ntm_criteria.assessment import (
    AssessmentResult,
    CriterionReview,
    Observation,
    ReviewDisagreementWarning,
    assess,
    check_reviews,
)
from ntm_criteria.criteria import CriterionSet, Level
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.geography import Gazetteer
from ntm_criteria.io import read_reviews
from ntm_criteria.levels import Ladder
from ntm_criteria.periods import RecurringDeadline, as_date
from ntm_criteria.progress import PlanTarget
from ntm_criteria.units import parse_number

if TYPE_CHECKING:
    # argparse's private class for the object add_subparsers returns
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = object

__all__ = [
    "EXIT_CODES",
    "FORMATS",
    "Subparsers",
    "add_output_options",
    "amount",
    "assess_all",
    "deadline",
    "example_epilog",
    "ladder",
    "load",
    "reviews",
    "shown_warnings",
    "target",
    "write_output",
]

#: What ``ntm`` returns, shown at the end of every ``--help``.
EXIT_CODES = "exit status: 0 done, 1 problems in the input (one message on stderr), 2 wrong usage"
#: The output formats of ``--format``.
FORMATS = ("text", "markdown", "json", "csv")


def example_epilog(*examples: str) -> str:
    """The end of a subcommand's ``--help``: examples, then the exit codes."""
    lines = ["example" + ("s" if len(examples) > 1 else "") + ":"]
    lines += [f"  {example}" for example in examples]
    return "\n".join([*lines, "", EXIT_CODES])


def add_output_options(
    parser: argparse.ArgumentParser, formats: Sequence[str] = FORMATS, *, json_switch: str = "json"
) -> None:
    """``--format``, ``-o FILE`` and the older ``--json`` / ``--markdown`` switches.

    ``--markdown`` is ``--format markdown``; ``--json`` sets the format
    ``json_switch`` (``ntm assess`` keeps its exact plain data there).
    """
    parser.add_argument(
        "--format", choices=formats, default="text", dest="format", help="the output's form"
    )
    switches = {"json": json_switch, "markdown": "markdown"}
    for name, const in switches.items():
        if name in formats:
            parser.add_argument(
                f"--{name}",
                action="store_const",
                const=const,
                dest="format",
                help=f"the same as --format {name}"
                if const == name
                else "every result's exact plain data as JSON (AssessmentResult.to_dict)",
            )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout"
    )


def write_output(text: str, path: Path | None) -> None:
    """Print ``text``, or write it (UTF-8, ending in a newline) to ``path``."""
    if path is None:
        print(text)
        return
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def load(ref: str) -> CriterionSet:
    """A set from a TOML file (a path ending in ``.toml``) or a built-in id."""
    return catalog.load_set(ref) if ref.endswith(".toml") else catalog.get(ref)


def assess_all(
    criterion_set: CriterionSet,
    places: Gazetteer,
    observations: Mapping[str, tuple[Observation, ...]],
    on: str,
    reviews: Mapping[str, Sequence[CriterionReview]] | None = None,
) -> list[AssessmentResult]:
    date = as_date(on)
    return [
        assess(
            places.effective(place.code),
            criterion_set,
            observations.get(place.code, ()),
            on=date,
            reviews=(reviews or {}).get(place.code, ()),
        )
        for place in places
        if place.kind in criterion_set.scope
    ]


def reviews(
    path: str | None, places: Gazetteer, sets: Iterable[CriterionSet], on: str
) -> dict[str, tuple[CriterionReview, ...]]:
    """The reviews of ``--reviews`` by locality code, every row checked: its locality, criterion and date.

    A review without a set id is checked against the first of ``sets``
    (the lowest level's); one with a set id against that set.  Grouped, so
    that each locality is given its own reviews, not the province's list.
    """
    if path is None:
        return {}
    found = read_reviews(path)
    known = {place.code for place in places}
    unknown = sorted({r.locality for r in found} - known)
    if unknown:
        raise NtmError(f"{path}: reviews for localities not in the gazetteer: {', '.join(unknown)}")
    chosen = list(sets)
    ids = [s.id for s in chosen]
    stray = [r for r in found if r.set_id is not None and r.set_id not in ids]
    if stray:
        expected = "one of " + ", ".join(ids)
        raise DataErrors(
            [r.problem(f"set {r.set_id!r} is not assessed", "set_id", expected) for r in stray],
            file=str(path),
        )
    for n, criterion_set in enumerate(chosen):
        mine = [r for r in found if r.set_id == criterion_set.id or (n == 0 and r.set_id is None)]
        check_reviews(mine, criterion_set, on)
    grouped: dict[str, list[CriterionReview]] = {}
    for review in found:
        grouped.setdefault(review.locality, []).append(review)
    return {code: tuple(items) for code, items in grouped.items()}


@contextlib.contextmanager
def shown_warnings() -> Iterator[None]:
    """Review disagreements printed once each on stderr as ``ntm: warning: …``, not as Python warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReviewDisagreementWarning)
        yield
    for warning in caught:
        if issubclass(warning.category, ReviewDisagreementWarning):
            print(f"ntm: warning: {warning.message}", file=sys.stderr)
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )


def ladder(refs: Sequence[str]) -> Ladder:
    sets: list[CriterionSet] = []
    for ref in refs:
        sets.append(catalog.load_set(ref, parents=sets) if ref.endswith(".toml") else load(ref))
    return Ladder(sets)


def amount(text: str) -> Fraction:
    """A number of an option, Vietnamese-formatted (``94``, ``1.234``, ``40,5``)."""
    check_number_text(text)  # before any arithmetic: a long number is refused, never slow
    return check_magnitude(Fraction(parse_number(text)))


def target(text: str) -> PlanTarget:
    """The value of ``--target``: LEVEL=N (a whole number of localities) or LEVEL=N%.

    A bad value is a usage error (exit status 2) naming the option and the value.
    """
    level, _, figure = text.partition("=")
    figure = figure.strip()
    try:
        parsed = Level.parse(nfc(level.strip()))
        if figure.endswith("%"):
            return PlanTarget(parsed, share=amount(figure[:-1].strip()) / 100)
        count = amount(figure)
        if count.denominator != 1:  # Regression: "1,5" was accepted and truncated to 1
            raise DataError(f"{figure} is not a whole number", expected="e.g. standard=94")
        return PlanTarget(parsed, count=int(count))
    except NtmError as err:
        raise argparse.ArgumentTypeError(f"{text!r}: {err}") from None


# ASCII digits only: "²".isdigit() is true and int("²") fails; at most 9 keep int() quick.
_DEADLINE = re.compile(r"(monthly|quarterly):([0-9]{1,9})")


def deadline(text: str) -> RecurringDeadline:
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
