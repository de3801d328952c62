"""``ntm poverty FILE``: a locality's published poverty rates or household counts."""

from __future__ import annotations

import argparse

from ntm_criteria.cli._options import Subparsers
from ntm_criteria.cli._published import Names, figures_parser
from ntm_criteria.poverty import POVERTY_FIGURE_COLUMNS, read_poverty_figures

__all__ = ["add_parser", "run"]

_EXAMPLES = """\
examples:
  ntm poverty poverty.csv
  ntm poverty poverty.csv --localities places.csv --lang en

FILE columns: {columns} (locality and as_of required; rates are percents 0-100,
or give households with poor / near_poor counts), e.g.
  locality,as_of,poor_rate,near_poor_rate
  HL,31/12/2022,"2,62","3,04"
"""


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    figures_parser(
        sub,
        "poverty",
        summary="show published poverty figures (poor and near-poor rates or counts)",
        description="Check and show each locality's published poverty figures.",
        examples=_EXAMPLES.format(columns=",".join(POVERTY_FIGURE_COLUMNS)),
        file_help="CSV of published poverty figures",
        run=run,
    )


def run(args: argparse.Namespace) -> int:
    figures = read_poverty_figures(args.file)
    names = Names(args.localities)
    for item in figures:
        print(item.summary(args.lang, name=names.label(item.locality, args.lang)))
    return 0
