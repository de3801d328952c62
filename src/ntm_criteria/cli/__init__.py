"""The ``ntm`` command: ``ntm demo``, ``ntm check``, ``ntm assess`` and ``ntm report``.

``ntm demo`` assesses the illustrative communes shipped with the package and
prints a table and one commune's explanation.  ``ntm check FILE…`` validates
criterion-set files and lists every problem, and warns of a threshold that a
set makes less demanding than the built-in set it extends (``--strict``: an
error).  ``ntm assess`` assesses the
localities of a CSV gazetteer against a set, from a CSV of observations.
``ntm set from-table`` writes a set file from a provincial decision's
table, ``ntm set to-table`` writes a set as such a table, and ``ntm whatif``
compares a set with a variant on the same data.
``ntm report`` decides every commune's level with a ladder of sets and
writes the roll-up a steering committee reports: levels against the plan,
the distribution of criteria met, communes at risk, overdue roadmap items and
the next reporting deadline.
Errors in input are printed as one readable message (exit status 1), never a
traceback; wrong usage is exit status 2; ``ntm --version`` prints the version.
``assess`` and ``report`` take ``--format text|markdown|json|csv`` and ``-o FILE``.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from ntm_criteria import __version__
from ntm_criteria.cli import (
    _assess,
    _check,
    _civilized,
    _demo,
    _ocop,
    _poverty,
    _report,
    _set,
    _urban,
    _whatif,
)
from ntm_criteria.cli._options import EXIT_CODES
from ntm_criteria.errors import NtmError

__all__ = ["main"]

# One module per subcommand, each with add_parser(sub) and run(args) -> exit status.
_SUBCOMMANDS = (_demo, _check, _assess, _report, _set, _whatif, _urban, _poverty, _ocop, _civilized)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ntm",
        description="Assess Vietnamese localities against development criteria.",
        epilog="example:\n  ntm demo --lang en\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ntm {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in _SUBCOMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ntm`` command; returns the exit status.

    Wrong usage is status 2 with argparse's message; any error in the input
    (a bad file, row or value) or a path that cannot be read or written is
    status 1 with one message on stderr — never a traceback.

    >>> main(["check", "no-such-file.toml"])
    1
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or wrong usage (2): argparse wrote the message
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    try:
        return _run(args)
    except NtmError as err:
        _error(str(err))
    except BrokenPipeError:  # the reader went away (ntm report | head)
        _quiet_stdout()
        _error("cannot write the output: the pipe was closed")
    except OSError as err:  # a path the command itself reads or writes
        _error(_os_message(err))
    except UnicodeEncodeError as err:  # e.g. PYTHONIOENCODING=ascii: Vietnamese cannot be shown
        _error(f"cannot write the output in {err.encoding}; set PYTHONIOENCODING=utf-8")
    return 1


def _run(args: argparse.Namespace) -> int:
    with warnings.catch_warnings():
        warnings.showwarning = _warning  # "0,8 — 80 %?" as one line, not Python's format
        status: int = args.run(args)
    sys.stdout.flush()  # a write error surfaces here, while it can still be reported
    return status


def _error(text: str) -> None:
    # A NUL (from a path argument) is shown escaped: a terminal or log would drop it.
    print("ntm: " + text.replace("\0", "\\0"), file=sys.stderr)


def _warning(message: Warning | str, *_: object, **__: object) -> None:
    _error(f"warning: {message}")


def _os_message(err: OSError) -> str:
    """An OSError as one line naming its path (``<stdout>`` when there is none)."""
    name = str(err.filename) if err.filename is not None else "<stdout>"
    return f"{name}: {err.strerror or err}"


def _quiet_stdout() -> None:
    # Point stdout at /dev/null so the interpreter's final flush raises nothing more.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a file (e.g. captured)
        pass
