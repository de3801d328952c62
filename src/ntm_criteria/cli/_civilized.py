"""``ntm civilized FILE``: wards' registered target years to be recognised civilized urban areas."""

from __future__ import annotations

import argparse

from ntm_criteria.civilized import REGISTRATION_COLUMNS, read_registrations, registrations_by_year
from ntm_criteria.cli._options import Subparsers
from ntm_criteria.cli._published import Names, figures_parser
from ntm_criteria.text import message

__all__ = ["add_parser", "run"]

_EXAMPLES = """\
examples:
  ntm civilized wards.csv
  ntm civilized wards.csv --localities places.csv --lang en

FILE columns: {columns} (registered_on may be empty), e.g.
  ward,year,registered_on
  HL01,2024,
"""


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    figures_parser(
        sub,
        "civilized",
        summary="list wards by the year they registered to become civilized urban areas",
        description="List the wards registered to be recognised as civilized urban areas "
        "(Decision 04/2022/QĐ-TTg), by target year.",
        examples=_EXAMPLES.format(columns=",".join(REGISTRATION_COLUMNS)),
        file_help="CSV of ward registrations",
        run=run,
    )


def run(args: argparse.Namespace) -> int:
    items = read_registrations(args.file)
    names = Names(args.localities)
    for year, wards in registrations_by_year(items).items():
        title = message("civilized.roadmap.registration", args.lang, year=year)
        labels = ", ".join(names.label(ward, args.lang) for ward in wards)
        print(f"{title}: {labels}")
    return 0
