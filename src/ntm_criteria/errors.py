"""The library's exception tree.

Every error the library raises on purpose is an :class:`NtmError`.  Each
message says *what* was wrong, *where* (file, line, key path, indicator code,
row) and *what was expected*, so that a person fixing a data file can act on
it without reading a traceback.

>>> from ntm_criteria.errors import DataError, NtmError
>>> err = DataError("unknown operator 'atleast'", file="set.toml",
...                 key_path="criteria[0].indicators[1].requirement.op",
...                 expected="one of at_least, at_most, between")
>>> isinstance(err, NtmError)
True
>>> print(err)
set.toml: criteria[0].indicators[1].requirement.op: unknown operator 'atleast' (expected one of at_least, at_most, between)
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "DataError",
    "DataErrors",
    "MissingExtraError",
    "NotInForceError",
    "NtmError",
    "ObservationError",
    "ParseError",
    "ScopeError",
    "UnitError",
    "UnknownCodeError",
]


class NtmError(Exception):
    """Root of every error raised by ``ntm_criteria``.

    Catch this one to handle any problem the library reports on purpose.

    >>> try:
    ...     raise UnknownCodeError("indicator", "99.9", known=["10.1", "10.2"])
    ... except NtmError as err:
    ...     print(err)
    unknown indicator '99.9' (known: 10.1, 10.2)
    """


def _where(file: str | None, line: int | None, key_path: str | None) -> str:
    parts: list[str] = []
    if file is not None:
        parts.append(f"{file}:{line}" if line is not None else file)
    elif line is not None:
        parts.append(f"line {line}")
    if key_path:
        parts.append(key_path)
    return ": ".join(parts)


class DataError(NtmError, ValueError):
    """A problem in data: a criteria file, an observation table, a gazetteer.

    Carries the ``file`` (if the data came from one), the ``line`` when it is
    known, the ``key_path`` inside the document (``criteria[2].indicators[0]``)
    and what was ``expected``.

    >>> err = DataError("duplicate indicator code '3.1'", key_path="criteria[2].indicators[1].code")
    >>> err.key_path
    'criteria[2].indicators[1].code'
    >>> print(err)
    criteria[2].indicators[1].code: duplicate indicator code '3.1'
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        key_path: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.key_path = key_path
        self.expected = expected
        super().__init__(self._render())

    def _render(self) -> str:
        where = _where(self.file, self.line, self.key_path)
        text = f"{where}: {self.message}" if where else self.message
        if self.expected:
            text += f" (expected {self.expected})"
        return text

    def located(self, file: str | None) -> DataError:
        """Return a copy of this error that names ``file``.

        >>> print(DataError("bad", key_path="id").located("a.toml"))
        a.toml: id: bad
        """
        return DataError(
            self.message, file=file, line=self.line, key_path=self.key_path, expected=self.expected
        )


class DataErrors(DataError):
    """Several data problems found in one pass, reported together.

    A loader checks the whole document before it gives up, so that a person
    fixing a 60-indicator file sees every mistake at once.  ``errors`` holds
    each problem as a :class:`DataError` with its own key path.

    >>> group = DataErrors([DataError("missing", key_path="id"),
    ...                     DataError("not a date", key_path="valid_from")], file="x.toml")
    >>> len(group.errors)
    2
    >>> print(group)
    x.toml: 2 problems:
      - id: missing
      - valid_from: not a date
    """

    def __init__(self, errors: Sequence[DataError], *, file: str | None = None) -> None:
        if not errors:
            raise ValueError("DataErrors needs at least one error")
        self.errors: tuple[DataError, ...] = tuple(errors)
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun}:"]
        for err in self.errors:
            inner = _where(None, err.line, err.key_path)
            text = f"{inner}: {err.message}" if inner else err.message
            if err.expected:
                text += f" (expected {err.expected})"
            lines.append(f"  - {text}")
        super().__init__("\n".join(lines), file=file)


class UnitError(NtmError, ValueError):
    """A unit that is unknown, or a quantity of the wrong dimension.

    >>> print(UnitError("'kg' is not an income unit", indicator="10.1",
    ...                 expected="a quantity in million_VND / person / year"))
    indicator 10.1: 'kg' is not an income unit (expected a quantity in million_VND / person / year)
    """

    def __init__(
        self, message: str, *, indicator: str | None = None, expected: str | None = None
    ) -> None:
        self.indicator = indicator
        self.expected = expected
        text = f"indicator {indicator}: {message}" if indicator else message
        if expected:
            text += f" (expected {expected})"
        super().__init__(text)


class UnknownCodeError(NtmError, LookupError):
    """A code that names nothing known: an indicator, a set id, a locality, a region.

    >>> err = UnknownCodeError("region", "XYZ", known=["DBSH", "TN"])
    >>> (err.kind, err.code)
    ('region', 'XYZ')
    """

    def __init__(self, kind: str, code: str, *, known: Sequence[str] = (), where: str = "") -> None:
        self.kind = kind
        self.code = code
        self.known = tuple(known)
        text = f"unknown {kind} {code!r}"
        if where:
            text = f"{where}: {text}"
        if self.known:
            shown = ", ".join(self.known[:12])
            more = f", … ({len(self.known) - 12} more)" if len(self.known) > 12 else ""
            text += f" (known: {shown}{more})"
        super().__init__(text)

    def __str__(self) -> str:  # LookupError would quote the message otherwise
        return str(self.args[0])


class ParseError(NtmError, ValueError):
    """A string that is not a valid number, date or period.

    >>> print(ParseError("'1,234.5'", expected="a number in Vietnamese format such as '72,56'"))
    cannot parse '1,234.5' (expected a number in Vietnamese format such as '72,56')
    """

    def __init__(self, text: str, *, expected: str) -> None:
        self.text = text
        self.expected = expected
        super().__init__(f"cannot parse {text} (expected {expected})")


class ObservationError(NtmError, ValueError):
    """An observation that does not fit its indicator (wrong kind of value, duplicate).

    >>> print(ObservationError("10.1", "got True", expected="a quantity"))
    observation for indicator 10.1: got True (expected a quantity)
    """

    def __init__(self, indicator: str, message: str, *, expected: str | None = None) -> None:
        self.indicator = indicator
        text = f"observation for indicator {indicator}: {message}"
        if expected:
            text += f" (expected {expected})"
        super().__init__(text)


class NotInForceError(NtmError, ValueError):
    """A criterion set (or a standard) used on a date outside its validity period.

    ``kind`` names what is out of force (``"set"`` by default); with an empty
    ``kind``, ``set_id`` is the whole subject of the sentence.

    >>> print(NotInForceError("vn-demo", "2019-01-01", "2021-01-01 – 2025-12-31"))
    set 'vn-demo' is not in force on 2019-01-01 (valid 2021-01-01 – 2025-12-31)
    """

    def __init__(self, set_id: str, on: str, validity: str, *, kind: str = "set") -> None:
        self.set_id = set_id
        subject = f"{kind} {set_id!r}" if kind else set_id
        super().__init__(f"{subject} is not in force on {on} (valid {validity})")


class ScopeError(NtmError, ValueError):
    """A criterion set applied to a kind of locality it does not cover.

    >>> print(ScopeError("set 'demo' covers commune; 'Phường 1' is a ward"))
    set 'demo' covers commune; 'Phường 1' is a ward
    """


class MissingExtraError(NtmError, ImportError):
    """A call needs an optional dependency that is not installed; the message says which extra.

    >>> print(MissingExtraError("pandas", "pandas"))
    this needs pandas, which is not installed: pip install "ntm_criteria[pandas]"
    """

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(
            f'this needs {module}, which is not installed: pip install "ntm_criteria[{extra}]"'
        )
