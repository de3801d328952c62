"""``ntm whatif``: compare a set with a variant on the same data — who changes status."""

from __future__ import annotations

import argparse
from pathlib import Path

from ntm_criteria import catalog
from ntm_criteria.cli._machine import whatif_csv, whatif_json
from ntm_criteria.cli._options import (
    Subparsers,
    add_output_options,
    example_epilog,
    load,
    write_output,
)
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.errors import DataError, NtmError
from ntm_criteria.geography import Gazetteer
from ntm_criteria.io import read_observations
from ntm_criteria.whatif import WhatIf, vary, what_if

__all__ = ["add_parser", "run"]

_EXAMPLE = (
    "ntm whatif --set base.toml --variant variant.toml --localities communes.csv "
    "--observations observations.csv --on 30/6/2023"
)
_CHANGE_EXAMPLE = (
    "ntm whatif --set vn-ntm-commune-standard-2021-2025 --change 3.1=85 --change 10=x1,1 "
    "--localities communes.csv --observations observations.csv --on 30/6/2023 --format csv"
)


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    p = sub.add_parser(
        "whatif",
        help="compare a set with a variant on the same data: who changes status",
        epilog=example_epilog(_EXAMPLE, _CHANGE_EXAMPLE),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--set", required=True, dest="set_ref", help="the base set: a file or an id")
    p.add_argument("--variant", help="the variant set: a file (it may extend the base) or an id")
    p.add_argument(
        "--change",
        action="append",
        default=[],
        metavar="INDICATOR=VALUE|xFACTOR",
        help="the variant is the base with this threshold changed (repeatable), e.g. 3.1=85, 10=x1,1",
    )
    p.add_argument("--localities", required=True, type=Path, help="gazetteer CSV")
    p.add_argument("--observations", required=True, type=Path, help="observations CSV")
    p.add_argument("--on", required=True, help="assessment date, e.g. 30/6/2023")
    p.add_argument("--lang", choices=("vi", "en"), default="vi")
    add_output_options(p, formats=("text", "json", "csv"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    base = load(args.set_ref)
    variant = _variant(args, base)
    places = Gazetteer.load_csv(args.localities)
    observations = read_observations(args.observations)
    result = what_if(places, base, variant, observations, on=args.on)
    write_output(_render(result, args.format, args.lang), args.output)
    return 0


def _variant(args: argparse.Namespace, base: CriterionSet) -> CriterionSet:
    if args.variant is None and not args.change:
        raise DataError("no variant", expected="--variant FILE or --change INDICATOR=VALUE")
    if args.variant is None:
        variant = base
    elif args.variant.endswith(".toml"):
        variant = catalog.load_set(args.variant, parents=[base])
    else:
        variant = load(args.variant)
    for change in args.change:
        variant = _changed(variant, change)
    return variant


def _changed(s: CriterionSet, text: str) -> CriterionSet:
    code, sep, figure = text.partition("=")
    code, figure = code.strip(), figure.strip()
    if not sep or not code or not figure:
        raise DataError(f"--change {text!r}", expected="INDICATOR=VALUE or INDICATOR=xFACTOR")
    try:
        if figure[0] in "x×":
            return vary(s, code, factor=figure[1:].strip())
        return vary(s, code, value=figure)
    except NtmError as err:
        raise DataError(f"--change {text!r}: {err}") from None


def _render(result: WhatIf, fmt: str, lang: str) -> str:
    if fmt == "json":
        return whatif_json(result)
    if fmt == "csv":
        return whatif_csv(result)
    return result.report(lang)
