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
from typing import TYPE_CHECKING, TypeVar

import attrs

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
from ntm_criteria.geography import (
    CodeWarning,
    Gazetteer,
    Locality,
    check_codes,
    check_localities,
    restore_codes,
    restore_zeros,
)
from ntm_criteria.io import read_observations, read_reviews
from ntm_criteria.levels import Ladder, Recognition
from ntm_criteria.periods import RecurringDeadline, as_date
from ntm_criteria.progress import PlanItem, PlanTarget
from ntm_criteria.units import parse_number

if TYPE_CHECKING:
    # argparse's private class for the object add_subparsers returns
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = object

__all__ = [
    "EXIT_CODES",
    "FORMATS",
    "KnownCodes",
    "Subparsers",
    "add_code_options",
    "add_output_options",
    "amount",
    "assess_all",
    "checked_places",
    "deadline",
    "example_epilog",
    "ladder",
    "load",
    "reviews",
    "shown_warnings",
    "target",
    "with_known_codes",
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
    found = with_known_codes(read_reviews(path), places)
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


# -- locality codes (--check-codes): the logic is geography's; this only wires it to the options


def add_code_options(parser: argparse.ArgumentParser) -> None:
    """``--check-codes`` / ``--no-check-codes``; the default is on when no gazetteer is given."""
    parser.add_argument(
        "--check-codes",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check locality codes against the official list in force on the date "
        "(default: on when --localities names no gazetteer of its own)",
    )


def checked_places(
    localities: Path | None, observations_file: Path | None, on: str, check: bool | None
) -> tuple[Gazetteer, dict[str, tuple[Observation, ...]]]:
    """The gazetteer and the observations keyed by its codes, with the codes checked.

    Without ``localities`` the official units in force on ``on`` are the
    gazetteer (codes always checked, unless ``check`` is False).  With one,
    its codes are checked against the official list only when ``check`` is
    True.  Either way an observation code whose leading zeros were dropped is
    read as the gazetteer's code, with a warning on stderr.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CodeWarning)
        places = None if localities is None else Gazetteer.load_csv(localities)
        observations = read_observations(observations_file) if observations_file else {}
        if places is None:
            moved = check_codes(observations, on=on) if check is not False else {}
            places = _official_places({moved.get(c, c) for c in observations}, on)
        else:
            if check:
                places = check_localities(places, on=on)
            moved = restore_codes(observations, places)
    _show(caught)
    merged: dict[str, tuple[Observation, ...]] = {}
    for code, items in observations.items():
        key = moved.get(code, code)
        merged[key] = merged.get(key, ()) + tuple(items)
    return places, merged


def _official_places(codes: set[str], on: str) -> Gazetteer:
    """The official units of ``codes`` and their ancestors, ancestors first."""
    official = Gazetteer.official(on)
    chosen: dict[str, Locality] = {}
    for code in sorted(codes):
        if code not in official:
            continue  # the caller reports observations of unknown localities
        for loc in (*reversed(official.ancestors(code)), official.get(code)):
            chosen.setdefault(loc.code, loc)
    return Gazetteer(chosen.values(), source=official.source)


_Record = TypeVar("_Record", Recognition, PlanItem, CriterionReview)


def with_known_codes(records: Sequence[_Record], places: Gazetteer) -> tuple[_Record, ...]:
    """Records (recognitions, plan items) with dropped leading zeros of their locality restored.

    Each restored code is warned about on stderr, as for observations.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CodeWarning)
        moved = restore_codes([r.locality for r in records], places)
    _show(caught)
    return tuple(
        attrs.evolve(r, locality=moved[r.locality]) if r.locality in moved else r for r in records
    )


def _show(caught: Sequence[warnings.WarningMessage]) -> None:
    """Warnings as ``ntm`` prints them: one line each on stderr."""
    for warning in caught:
        print(f"ntm: warning: {warning.message}", file=sys.stderr)


class KnownCodes:
    """The codes of a gazetteer, and those that name one of its units once zeros are restored.

    A reader that checks its locality column against a gazetteer takes this
    instead, so that a dropped zero is restored (by :func:`with_known_codes`)
    rather than refused.
    """

    def __init__(self, places: Gazetteer) -> None:
        self._places = places

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        return code in self._places or restore_zeros(code, self._places.by_code) is not None
