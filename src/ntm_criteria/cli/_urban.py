"""``ntm urban FILE``: published urban-classification summaries against the class's pass line."""

from __future__ import annotations

import argparse

from ntm_criteria.cli._options import Subparsers
from ntm_criteria.cli._published import Names, figures_parser
from ntm_criteria.urban import SUMMARY_COLUMNS, read_classification_summaries

__all__ = ["add_parser", "run"]

_EXAMPLES = """\
examples:
  ntm urban urban.csv
  ntm urban urban.csv --localities places.csv --lang en

FILE columns: {columns}
(criteria_minimums_met: có/yes, không/no or empty; source may be empty), e.g.
  locality,class,as_of,standards_met,standards_total,points,source
  HL,III,31/12/2023,55,63,"72,56",town report
"""


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    figures_parser(
        sub,
        "urban",
        summary="decide published urban-classification summaries (standards met, total points)",
        description="Decide each area's published classification summary against the pass "
        "line of the class, from the built-in urban-classification rules.",
        examples=_EXAMPLES.format(columns=",".join(SUMMARY_COLUMNS)),
        file_help="CSV of classification summaries",
        run=run,
    )


def run(args: argparse.Namespace) -> int:
    summaries = read_classification_summaries(args.file)
    names = Names(args.localities)
    for summary in summaries:
        decision = summary.decide()
        name = names.label(summary.locality, args.lang)
        print(decision.headline(args.lang, name=name))
        for line in decision.explain(args.lang).splitlines()[1:]:
            print(f"  {line}")
    return 0
