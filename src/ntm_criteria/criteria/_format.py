"""Reading the set file format, with every problem reported, and ``extends`` merging.

The format is documented in ``docs/format.md``.  Reading goes through plain
data (what :mod:`tomllib` or :mod:`json` produce), so a set read from TOML,
from JSON or from :meth:`CriterionSet.to_dict` takes the same path.  The set
class to build is passed in, so that this module needs it only for types.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ntm_criteria._document import DataReader, key_path
from ntm_criteria._validators import MAX_NESTING, index_path, nested_deeper, nfc, shown
from ntm_criteria.criteria._checks import CheckKind, CheckProblem
from ntm_criteria.criteria._criterion import Criterion, CriterionGroup
from ntm_criteria.criteria._domain import domain_from_data
from ntm_criteria.criteria._format_write import FORMAT_VERSION, set_to_data
from ntm_criteria.criteria._indicator import Aggregate, Applicability, Indicator
from ntm_criteria.criteria._level import Level
from ntm_criteria.criteria._parents import default_sets
from ntm_criteria.criteria._region_rule import RegionRule
from ntm_criteria.criteria._relative import RelativeLinker
from ntm_criteria.errors import DataError, DataErrors, NtmError
from ntm_criteria.geography import DEFAULT_REGION_SCHEME, LocalityKind
from ntm_criteria.rules import (
    PROVENANCE_KEYS,
    Problems,
    Provenance,
    Requirement,
    provenance_from_data,
    requirement_from_data,
)

if TYPE_CHECKING:
    from ntm_criteria.criteria._set import CriterionSet

__all__ = ["read_set"]

_SET_KEYS = (
    "format",
    "id",
    "extends",
    "based_on",
    "title_vi",
    "title_en",
    "scope",
    "level",
    "valid_from",
    "valid_to",
    "legal_basis",
    "region_scheme",
    "requires",
    "applies_to",
    "note",
    "groups",
    "region_rules",
    "criteria",
    "rule",
    "indicators",
    "source",
    "confidence",
    "certainty",
)
_CRITERION_KEYS = ("number", "name_vi", "name_en", "group", "rule", "note", "indicators")
_INDICATOR_KEYS = (
    "code",
    "name_vi",
    "name_en",
    "unit",
    "requirement",
    "needs_investment",
    "applies_to",
    "aggregate",
    "domain",
    "note",
    "source",
    "confidence",
    "certainty",
)
# The set's own fields that a child set inherits unless it gives them.
_INHERITED_KEYS = (
    "title_vi",
    "title_en",
    "legal_basis",
    "scope",
    "level",
    "valid_from",
    "valid_to",
    "region_scheme",
    "note",
    "requires",
    "applies_to",
)
_OVERRIDE_KEYS = tuple(k for k in _INDICATOR_KEYS if k != "code")


def read_set(
    data: Mapping[str, Any],
    *,
    file: str | None,
    parents: Iterable[CriterionSet],
    build: type[CriterionSet],
) -> CriterionSet:
    """Build a ``build`` set from plain data, reporting every problem at once.

    >>> from ntm_criteria import demo
    >>> from ntm_criteria.criteria import CriterionSet, set_to_data
    >>> data = set_to_data(demo.example_set())
    >>> read_set(data, file=None, parents=(), build=CriterionSet) == demo.example_set()
    True
    """
    if not isinstance(data, Mapping):
        raise DataErrors(
            [DataError(f"{type(data).__name__} is not a table", expected="a table of set keys")],
            file=file,
        )
    problems = Problems()
    known_parents = {p.id: p for p in parents}
    reader = _Reader(problems, known_parents, build)
    parent_id = data.get("extends")
    if parent_id is not None:
        parent = reader.parent(parent_id, known_parents)
        result = reader.extended(data, parent) if parent is not None else None
    else:
        result = reader.whole_set(data)
    problems.raise_if_any(file)
    assert result is not None  # no problems means a set was built
    return result


class _Reader(DataReader):
    """Reads one set document, adding problems instead of raising."""

    def __init__(
        self,
        problems: Problems,
        parents: Mapping[str, CriterionSet],
        build: type[CriterionSet],
    ) -> None:
        super().__init__(problems)
        self.parents = parents
        self.build_set = build

    # -- scalars ---------------------------------------------------------

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = True,
        default: str | None = None,
    ) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problems.add(key_path(path, key), "missing", expected="a string")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            self.problems.add(
                key_path(path, key),
                f"{shown(value)} is not a non-empty string",
                expected="a string",
            )
            return default
        return value

    def table_list(self, data: Mapping[str, Any], key: str, path: str) -> list[Mapping[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problems.add(
                key_path(path, key),
                f"{type(value).__name__} is not an array of tables",
                expected=f"[[{key}]] tables",
            )
            return []
        good = []
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                good.append(item)
            else:
                self.problems.add(
                    index_path(key_path(path, key), index),
                    f"{shown(item)} is not a table",
                    expected="a table",
                )
        return good

    # -- the set ---------------------------------------------------------

    def header(self, data: Mapping[str, Any]) -> dict[str, Any]:
        self.version(data, FORMAT_VERSION)
        fields: dict[str, Any] = {}
        for key in ("id", "title_vi", "title_en", "legal_basis"):
            fields[key] = self.text(data, key, "")
        fields["id"] = _code(fields["id"])
        fields["note"] = self.text(data, "note", "", required=False)
        fields["region_scheme"] = _code(
            self.text(data, "region_scheme", "", required=False, default=DEFAULT_REGION_SCHEME)
        )
        fields["valid_from"] = self.date(data, "valid_from", "", example="2022-03-08")
        fields["valid_to"] = self.date(data, "valid_to", "", required=False, example="2022-03-08")
        fields["scope"] = self.scope(data.get("scope"))
        fields["level"] = self.level(data.get("level"))
        fields["requires"] = (
            self.level(data["requires"], "requires") if "requires" in data else None
        )
        if "applies_to" in data:
            fields["applies_to"] = self.applies_to(data["applies_to"], "applies_to")
        fields["provenance"] = provenance_from_data(data, "", self.problems) or Provenance()
        return fields

    def scope(self, value: object) -> tuple[LocalityKind, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            self.problems.add(
                "scope",
                f"{shown(value)} is not a locality kind or a list of them",
                expected='e.g. "commune" or ["commune", "special_zone"]',
            )
            return ()
        kinds = []
        for index, item in enumerate(items):
            path = "scope" if isinstance(value, str) else index_path("scope", index)
            try:
                kinds.append(LocalityKind.parse(item if isinstance(item, str) else shown(item)))
            except NtmError as err:
                self.problems.add(path, str(err))
        return tuple(kinds)

    def level(self, value: object, key: str = "level") -> Level | None:
        if value is None or value == "none":
            return None
        if not isinstance(value, str):
            self.problems.add(
                key, f"{shown(value)} is not a level", expected="standard, advanced or model"
            )
            return None
        try:
            return Level.parse(value)
        except NtmError as err:
            self.problems.add(key, str(err))
            return None

    def whole_set(self, data: Mapping[str, Any]) -> CriterionSet | None:
        self.keys(data, tuple(k for k in _SET_KEYS if k not in ("indicators",)), "")
        fields = self.header(data)
        fields["extends"] = _code(self.text(data, "based_on", "", required=False))
        base = fields["provenance"]
        fields["groups"] = self.groups(data)
        fields["region_rules"] = self.region_rules(data, base)
        fields["criteria"] = [
            c
            for index, item in enumerate(self.table_list(data, "criteria", ""))
            if (c := self.criterion(item, index_path("criteria", index), base)) is not None
        ]
        fields["rule"] = self.rule(data, "")
        return self.build(fields, missing_criteria="criteria" not in data)

    def build(
        self,
        fields: dict[str, Any],
        translate: Callable[[str], str] | None = None,
        *,
        missing_criteria: bool = False,
    ) -> CriterionSet | None:
        """Build the set; its whole-set checks run even after reading problems.

        So that a file's reading mistakes and its checking mistakes (unknown
        units, regions, duplicates) are reported together.  A reference to a
        part that failed to read is not reported again.
        """
        header = ("id", "title_vi", "title_en", "legal_basis", "valid_from")
        if not fields.get("criteria") and not self.problems:
            self.problems.add(
                "criteria",
                "missing" if missing_criteria else "the set has no criteria",
                expected="at least one [[criteria]] table",
            )
        if any(fields.get(key) is None for key in header) or not fields.get("criteria"):
            return None
        had_problems = bool(self.problems)
        try:
            built = self.build_set(**fields)
        except DataError as err:
            inner = err.errors if isinstance(err, DataErrors) else (err,)
            for item in inner:
                if (
                    had_problems
                    and isinstance(item, CheckProblem)
                    and item.kind.follows_from_missing_parts
                ):
                    continue
                path = item.key_path or ""
                self.problems.add(
                    translate(path) if translate else path, item.message, expected=item.expected
                )
            return None
        return None if had_problems else built

    def groups(self, data: Mapping[str, Any]) -> list[CriterionGroup]:
        groups = []
        for index, item in enumerate(self.table_list(data, "groups", "")):
            path = index_path("groups", index)
            self.keys(item, ("key", "name_vi", "name_en"), path)
            key, vi, en = (self.text(item, k, path) for k in ("key", "name_vi", "name_en"))
            if key and vi and en:
                groups.append(CriterionGroup(nfc(key), vi, en))
        return groups

    def region_rules(self, data: Mapping[str, Any], base: Provenance) -> list[RegionRule]:
        rules = []
        for index, item in enumerate(self.table_list(data, "region_rules", "")):
            path = index_path("region_rules", index)
            self.keys(item, ("tags", "region", *PROVENANCE_KEYS), path)
            tags = self.string_list(item, "tags", path)
            region = self.text(item, "region", path)
            provenance = provenance_from_data(item, path, self.problems, base)
            if tags and region:
                rules.append(RegionRule(frozenset(map(nfc, tags)), nfc(region), provenance))
        return rules

    def string_list(self, data: Mapping[str, Any], key: str, path: str) -> list[str]:
        value = data.get(key)
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v for v in value)
        ):
            self.problems.add(
                key_path(path, key),
                f"{shown(value)} is not a list of names",
                expected="a non-empty list of strings",
            )
            return []
        return list(value)

    def rule(self, data: Mapping[str, Any], path: str) -> Requirement | None:
        if "rule" not in data or self.too_deep(data["rule"], key_path(path, "rule")):
            return None
        return requirement_from_data(data["rule"], key_path(path, "rule"), self.problems, refs=True)

    def too_deep(self, value: object, path: str) -> bool:
        """Refuse a requirement nested too deep to read (before reading it recursively)."""
        if not nested_deeper(value):
            return False
        self.problems.add(
            path,
            f"nested deeper than {MAX_NESTING} levels",
            expected=f"at most {MAX_NESTING} levels of all_of, any_of, by_region …",
        )
        return True

    def criterion(self, data: Mapping[str, Any], path: str, base: Provenance) -> Criterion | None:
        self.keys(data, _CRITERION_KEYS, path)
        number = data.get("number")
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number < 1000:
            self.problems.add(
                key_path(path, "number"),
                f"{shown(number)} is not a criterion number",
                expected="a whole number such as 10",
            )
            number = None
        names = [self.text(data, key, path) for key in ("name_vi", "name_en")]
        group = _code(self.text(data, "group", path, required=False))
        note = self.text(data, "note", path, required=False)
        rule = self.rule(data, path)
        indicators = self.indicators(data, path, base)
        if number is None or None in names:
            return None
        return Criterion(number, str(names[0]), str(names[1]), indicators, group, rule, note)

    def indicators(self, data: Mapping[str, Any], path: str, base: Provenance) -> list[Indicator]:
        """A criterion's ``[[criteria.indicators]]`` that read without a problem."""
        tables = self.table_list(data, "indicators", path)
        where = key_path(path, "indicators")
        read = (self.indicator(item, index_path(where, at), base) for at, item in enumerate(tables))
        return [i for i in read if i is not None]

    def indicator(self, data: Mapping[str, Any], path: str, base: Provenance) -> Indicator | None:
        self.keys(data, _INDICATOR_KEYS, path)
        code = data.get("code")
        if isinstance(code, int | float) and not isinstance(code, bool):
            self.problems.add(
                key_path(path, "code"),
                f"{shown(code)} is a number",
                expected=f'a string such as "{shown(code)}" (quote it)',
            )
            code = None
        if code is not None or "code" not in data:
            code = self.text(data, "code", path)
        fields = self.indicator_fields(data, path, base, partial=False)
        if code is None or fields is None:
            return None
        return Indicator(code=nfc(code), **fields)

    def indicator_fields(
        self, data: Mapping[str, Any], path: str, base: Provenance, *, partial: bool
    ) -> dict[str, Any] | None:
        """The indicator's fields; with ``partial`` only those present (an override)."""
        fields: dict[str, Any] = {}
        before = len(self.problems.items)
        for key in ("name_vi", "name_en"):
            if not partial or key in data:
                fields[key] = self.text(data, key, path)
        for key in ("unit", "note"):
            if key in data:
                fields[key] = self.text(data, key, path)
        own = provenance_from_data(data, path, self.problems, base)
        if "requirement" in data:
            where = key_path(path, "requirement")
            requirement = (
                None
                if self.too_deep(data["requirement"], where)
                else requirement_from_data(
                    data["requirement"], where, self.problems, base=own or base
                )
            )
            if requirement is not None:
                linker = RelativeLinker(
                    self.problems, self.find_set, key_path(path, "requirement"), fields.get("unit")
                )
                requirement = linker.link(requirement)
            fields["requirement"] = requirement
        elif not partial:
            self.problems.add(
                key_path(path, "requirement"),
                "missing",
                expected='a requirement such as {at_least = 80} or "unspecified"',
            )
        if "needs_investment" in data:
            flag = data["needs_investment"]
            if isinstance(flag, bool):
                fields["needs_investment"] = flag
            else:
                self.problems.add(
                    key_path(path, "needs_investment"),
                    f"{shown(flag)} is not true/false",
                    expected="true or false",
                )
        if "applies_to" in data:
            fields["applies_to"] = self.applies_to(data["applies_to"], key_path(path, "applies_to"))
        if "aggregate" in data:
            fields["aggregate"] = self.aggregate(data["aggregate"], key_path(path, "aggregate"))
        if "domain" in data:
            fields["domain"] = domain_from_data(
                data["domain"], key_path(path, "domain"), self.problems
            )
        if own is not None or not partial:
            fields["provenance"] = own or base
        return fields if len(self.problems.items) == before else None

    def aggregate(self, value: object, path: str) -> Aggregate | None:
        if not isinstance(value, Mapping):
            self.problems.add(
                path,
                f"{shown(value)} is not a table",
                expected='{of = "commune", level = "advanced", measure = "share"}',
            )
            return None
        self.keys(value, ("of", "level", "measure"), path)
        of = value.get("of")
        kinds = [of] if isinstance(of, str) else of
        if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
            self.problems.add(
                key_path(path, "of"),
                f"{shown(of)} is not a locality kind or a list of them",
                expected='e.g. "commune"',
            )
            return None
        level = value.get("level")
        measure = value.get("measure", "share")
        try:
            return Aggregate(
                of=kinds,
                level=None
                if level is None
                else Level.parse(level if isinstance(level, str) else shown(level)),
                measure=nfc(measure) if isinstance(measure, str) else shown(measure),
            )
        except NtmError as err:
            self.problems.add_error(path, err)
            return None

    def applies_to(self, value: object, path: str) -> Applicability | None:
        if not isinstance(value, Mapping):
            self.problems.add(path, f"{shown(value)} is not a table", expected="{tags_any = [...]}")
            return None
        self.keys(value, ("tags_any", "groups"), path)
        tags = self.string_list(value, "tags_any", path) if "tags_any" in value else []
        groups = value.get("groups", [])
        if not isinstance(groups, list) or not all(
            type(g) is int and g in (1, 2, 3) for g in groups
        ):
            self.problems.add(
                key_path(path, "groups"),
                f"{shown(groups)} is not a list of commune groups",
                expected="a list of 1, 2, 3",
            )
            groups = []
        return Applicability(tags_any=map(nfc, tags), groups=groups)

    # -- extends ------------------------------------------------------------

    def find_set(self, set_id: str) -> CriterionSet | None:
        """A set by id among the parents given, then the built-in ones; None if unknown."""
        set_id = nfc(set_id)
        if set_id in self.parents:
            return self.parents[set_id]
        try:
            return default_sets().get(set_id)
        except NtmError:  # a broken default set is reported where it is loaded
            return None

    def parent(self, parent_id: object, known: Mapping[str, CriterionSet]) -> CriterionSet | None:
        if not isinstance(parent_id, str):
            self.problems.add("extends", f"{shown(parent_id)} is not a set id", expected="a set id")
            return None
        parent_id = nfc(parent_id)
        if parent_id in known:
            return known[parent_id]
        defaults = default_sets()
        if parent_id not in defaults:
            ids = sorted([*known, *defaults])
            self.problems.items.append(
                CheckProblem(
                    CheckKind.UNKNOWN_SET,
                    f"unknown set {parent_id!r}",
                    key_path="extends",
                    expected="the id of a built-in set or of a set passed as parents"
                    + (f" ({', '.join(ids)})" if ids else ""),
                )
            )
            return None
        return defaults[parent_id]

    def extended(self, data: Mapping[str, Any], parent: CriterionSet) -> CriterionSet | None:
        """A child set: the parent, with overridden fields, indicators and added criteria."""
        self.keys(data, _SET_KEYS, "")
        fields = {
            str(f.alias): getattr(parent, f.name) for f in attrs.fields(self.build_set) if f.init
        }
        fields["extends"] = parent.id
        merged = {**_header_data(parent), **data}
        own = self.header({k: v for k, v in merged.items() if k not in PROVENANCE_KEYS})
        fields.update({key: own[key] for key in _INHERITED_KEYS if key in data})
        fields["id"] = own["id"]
        base = provenance_from_data(data, "", self.problems, parent.provenance) or parent.provenance
        fields["provenance"] = base
        overrides = data.get("indicators", {})
        if not isinstance(overrides, Mapping):
            self.problems.add(
                "indicators", "not a table of overrides", expected='[indicators."10.1"] tables'
            )
            overrides = {}
        criteria = self.overridden(parent, overrides, base)
        numbers = {c.number: at for at, c in enumerate(parent.criteria)}
        grew: dict[int, list[tuple[int, int]]] = {}  # parent's place -> [(child's place, start)]
        added: list[tuple[int, Criterion]] = []  # (child's place, criterion)
        for index, item in enumerate(self.table_list(data, "criteria", "")):
            number, path = item.get("number"), index_path("criteria", index)
            at = numbers.get(number) if type(number) is int else None
            if at is None:
                if (new := self.criterion(item, path, base)) is not None:
                    added.append((index, new))
            elif (grown := self.grown(item, path, base, criteria[at])) is not None:
                grew.setdefault(at, []).append((index, len(criteria[at].indicators)))
                criteria[at] = grown
        fields["criteria"] = [*criteria, *(c for _, c in added)]
        places = _Places(parent, overrides, grew, [index for index, _ in added])
        fields["groups"] = [*parent.groups, *self.groups(data)]
        fields["region_rules"] = [*parent.region_rules, *self.region_rules(data, base)]
        if "rule" in data:
            fields["rule"] = self.rule(data, "")
        return self.build(fields, places.child_path)

    def grown(
        self, data: Mapping[str, Any], path: str, base: Provenance, criterion: Criterion
    ) -> Criterion | None:
        """A parent's criterion that a child's ``[[criteria]]`` of the same number adds to.

        Its indicators are added after the parent's; names, group, note and
        rule, when given, replace the parent's.  Without a rule of its own (here
        or in the parent) the criterion needs all its indicators, the added ones too.
        """
        self.keys(data, _CRITERION_KEYS, path)
        before = len(self.problems.items)
        changes: dict[str, Any] = {
            key: self.text(data, key, path) for key in ("name_vi", "name_en", "note") if key in data
        }
        if "group" in data:
            changes["group"] = _code(self.text(data, "group", path))
        if "rule" in data:
            changes["rule"] = self.rule(data, path)
        indicators = self.indicators(data, path, base)
        if len(self.problems.items) != before:
            return None
        return attrs.evolve(criterion, indicators=[*criterion.indicators, *indicators], **changes)

    def overridden(
        self, parent: CriterionSet, overrides: Mapping[str, Any], base: Provenance
    ) -> list[Criterion]:
        for code in overrides:
            if code not in {i.code for i in parent.indicators()}:
                self.problems.add(
                    f'indicators."{code}"',
                    f"override of indicator {code!r} that set {parent.id!r} lacks",
                    expected="the code of one of the parent's indicators",
                )
        criteria = []
        for criterion in parent.criteria:
            indicators = []
            for indicator in criterion.indicators:
                change = overrides.get(indicator.code)
                if change is None:
                    indicators.append(indicator)
                    continue
                path = f'indicators."{indicator.code}"'
                if not isinstance(change, Mapping):
                    self.problems.add(path, "not a table", expected="a table of indicator fields")
                    indicators.append(indicator)  # keeps the places of the others
                    continue
                self.keys(change, _OVERRIDE_KEYS, path)
                fields = self.indicator_fields(change, path, base, partial=True)
                if fields is not None:
                    if "requirement" in fields and "provenance" not in fields:
                        fields["provenance"] = base
                    indicators.append(attrs.evolve(indicator, **fields))
            criteria.append(attrs.evolve(criterion, indicators=indicators))
        return criteria


def _code(text: str | None) -> str | None:
    """A code or id as compared: in Unicode normal form C (see :func:`~ntm_criteria._validators.nfc`)."""
    return None if text is None else nfc(text)


@attrs.frozen
class _Places:
    """Where the parts of a merged child set stand in the child's own file."""

    parent: CriterionSet
    overrides: Mapping[str, Any]
    merged: Mapping[int, list[tuple[int, int]]]  # parent's place -> [(child's place, start)]
    added: list[int]  # the child's places of the criteria it adds, in order

    def child_path(self, path: str) -> str:
        """The key path in the child's file of a problem found in the merged set."""
        found = re.match(r"criteria\[(\d+)\](?:\.indicators\[(\d+)\])?(.*)", path)
        if found is None:
            return path
        number, indicator, rest = int(found[1]), found[2], found[3]
        at = None if indicator is None else int(indicator)
        inherited = len(self.parent.criteria)
        if number >= inherited:
            return _place(self.added[number - inherited], at) + rest
        blocks = [b for b in self.merged.get(number, ()) if at is not None and at >= b[1]]
        if blocks and at is not None:
            child, start = blocks[-1]
            return _place(child, at - start) + rest
        if at is not None:
            code = self.parent.criteria[number].indicators[at].code
            if code in self.overrides:
                return f'indicators."{code}"{rest}'
        return f"{path} (inherited from {self.parent.id})"


def _place(criterion: int, indicator: int | None) -> str:
    own = index_path("criteria", criterion)
    return own if indicator is None else index_path(key_path(own, "indicators"), indicator)


def _header_data(parent: CriterionSet) -> dict[str, Any]:
    data = set_to_data(parent)
    return {key: data[key] for key in _INHERITED_KEYS if key in data}
