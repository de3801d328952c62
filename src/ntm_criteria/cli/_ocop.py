"""``ntm ocop FILE --on DATE``: OCOP products per commune, certified and awaiting rating."""

from __future__ import annotations

import argparse

from ntm_criteria.cli._options import Subparsers
from ntm_criteria.cli._published import Names, figures_parser
from ntm_criteria.ocop import PRODUCT_LIST_COLUMNS, OcopCount, read_product_list
from ntm_criteria.periods import as_date
from ntm_criteria.text import message

__all__ = ["add_parser", "run"]

_EXAMPLES = """\
examples:
  ntm ocop ocop.csv --on 31/12/2023
  ntm ocop ocop.csv --on 31/12/2023 --localities places.csv --lang en

FILE columns: {columns}; status is certified (đã công nhận) or awaiting
(chờ đánh giá); date is the recognition or the registration date; stars may be
empty when the list does not give them, e.g.
  code,name,commune,status,stars,date,decision
  HL-01,Product one,HL,đã công nhận,,15/6/2023,
"""


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    p_ocop = figures_parser(
        sub,
        "ocop",
        summary="count OCOP products per commune: certified and awaiting rating",
        description="Count each commune's OCOP products on a date: those holding a valid "
        "certificate and those registered and awaiting their rating.",
        examples=_EXAMPLES.format(columns=",".join(PRODUCT_LIST_COLUMNS)),
        file_help="CSV list of OCOP products",
        run=run,
    )
    p_ocop.add_argument("--on", required=True, help="the date of the count, e.g. 31/12/2023")


def run(args: argparse.Namespace) -> int:
    on = as_date(args.on)
    products = read_product_list(args.file)
    names = Names(args.localities)
    counts = products.counts(on)
    for count in counts.values():
        print(count.summary(args.lang, name=names.label(count.commune, args.lang)))
    if len(counts) != 1:  # several communes, or none: the total says what was counted
        total = OcopCount(
            message("cli.ocop.total", args.lang),
            sum(c.certified for c in counts.values()),
            sum(c.awaiting for c in counts.values()),
        )
        print(total.summary(args.lang))
    return 0
