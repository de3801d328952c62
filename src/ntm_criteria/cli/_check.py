"""``ntm check FILE…``: validate criterion-set files, warn of loosened thresholds."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from ntm_criteria import catalog
from ntm_criteria.cli._options import Subparsers, example_epilog
from ntm_criteria.criteria import CriterionSet, LooserThresholdWarning, check_overlay
from ntm_criteria.errors import NtmError

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Register the subcommand and its options."""
    p_check = sub.add_parser(
        "check",
        help="validate criterion-set TOML files",
        epilog=example_epilog("ntm check --strict tinh-x.toml"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_check.add_argument("files", nargs="+", type=Path)
    p_check.add_argument(
        "--strict",
        action="store_true",
        help="treat a threshold less demanding than the parent set's as an error, not a warning",
    )
    p_check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
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
