"""What the subcommands on published figures share: their parser, a gazetteer for names."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable
from pathlib import Path

from ntm_criteria.cli._options import EXIT_CODES, Subparsers
from ntm_criteria.geography import Gazetteer

__all__ = ["Names", "figures_parser"]


def figures_parser(
    sub: Subparsers,
    name: str,
    *,
    summary: str,
    description: str,
    examples: str,
    file_help: str,
    run: Callable[[argparse.Namespace], int],
) -> argparse.ArgumentParser:
    """A subcommand reading one CSV ``file``, with ``--localities``, ``--lang`` and examples."""
    parser = sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=textwrap.dedent(examples).rstrip() + "\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, help=file_help)
    parser.add_argument(
        "--localities",
        type=Path,
        help="gazetteer CSV (code,name_vi,kind,parent,…) that names the codes; "
        "without it, codes are shown",
    )
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.set_defaults(run=run)
    return parser


class Names:
    """Locality labels ("thị xã Hồng Lĩnh") from an optional gazetteer.

    A code the gazetteer does not know is an error (exit status 1), never
    shown as if it were right.

    >>> Names(None).label("HL", "vi")
    'HL'
    """

    def __init__(self, path: Path | None) -> None:
        self.places = Gazetteer.load_csv(path) if path is not None else None

    def label(self, code: str, lang: str) -> str:
        """The locality's label in ``lang``, or the code when there is no gazetteer."""
        if self.places is None:
            return code
        return self.places.get(code).label(lang)
