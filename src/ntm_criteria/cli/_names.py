"""What the subcommands on published figures share: a gazetteer for names, the common options."""

from __future__ import annotations

import argparse
from pathlib import Path

from ntm_criteria.geography import Gazetteer

__all__ = ["Names", "add_common"]


def add_common(parser: argparse.ArgumentParser) -> None:
    """``--localities`` (names of the codes) and ``--lang``."""
    parser.add_argument(
        "--localities",
        type=Path,
        help="gazetteer CSV (code,name_vi,kind,parent,…) that names the codes; "
        "without it, codes are shown",
    )
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")


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
