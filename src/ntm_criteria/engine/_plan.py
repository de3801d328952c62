"""A criterion set compiled for a date: :class:`Plan` and :func:`compile_set`.

The plan holds what does not change from one locality to the next: the
indicators in order, each criterion's rule and the set's rule as programs
over small integers, and — per context (region after region rules, commune
group, tags) — each indicator's requirement resolved and compiled into a
kernel.  Both the object path (:func:`ntm_criteria.assess`) and the columnar
path (:func:`ntm_criteria.engine.evaluate_columns`) run from it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

import attrs

from ntm_criteria.criteria import CriterionSet, Indicator
from ntm_criteria.engine._codes import (
    MET,
    NO_DATA,
    NOT_APPLICABLE,
    NOT_MET,
    UNKNOWN,
    UNSPECIFIED,
    Program,
    Runner,
    compile_runner,
    picker,
    reason_of,
    run_program,
    status_of,
)
from ntm_criteria.engine._kernel import (
    ACHIEVED,
    GE,
    UNSPEC,
    Kernel,
    compile_program,
    decide,
    kernel_of,
)
from ntm_criteria.geography import Locality
from ntm_criteria.periods import as_date
from ntm_criteria.rules import Context, Observed, Requirement, Status, UnknownReason, Unspecified

__all__ = ["Decision", "Plan", "Table", "compile_set"]

# Plans and tables are kept per set and per context; a long-running process
# that sees ever new dates or contexts starts afresh past these sizes.
_MOST_PLANS = 64
_MOST_TABLES = 4096


class Table(NamedTuple):
    """Each indicator's requirement for one context: applies, required, kernel, reason when no data.

    >>> from ntm_criteria import demo
    >>> plan = compile_set(demo.criterion_set(), on="30/6/2023")
    >>> table = plan.table_for(demo.gazetteer().effective("30046"))
    >>> len(table.kernels) == len(plan.codes), table.applies.count(False)
    (True, 1)
    """

    applies: tuple[bool, ...]
    required: tuple[Requirement, ...]
    kernels: tuple[Kernel, ...]
    no_data: tuple[int, ...]
    #: Each indicator's status and reason when it has no value (not applicable, or no data).
    empty_statuses: tuple[int, ...] = ()
    empty_reasons: tuple[int, ...] = ()


@attrs.frozen(slots=True)
class Decision:
    """The statuses of one locality on a plan, as small integers (see :mod:`ntm_criteria.engine`).

    ``indicators`` and ``criteria`` hold one status code per indicator and
    per criterion, in set order, with their reason bits beside them.

    >>> from ntm_criteria import demo
    >>> plan = compile_set(demo.criterion_set(), on=demo.ASSESSMENT_DATE)
    >>> d = plan.decide(plan.context(demo.gazetteer().effective("30046")), [None] * len(plan.codes))
    >>> d.set_status, d.set_reason
    (<Status.UNKNOWN: 'unknown'>, <UnknownReason.NO_DATA: 'no_data'>)
    """

    indicators: bytes
    indicator_reasons: bytes
    criteria: bytes
    criterion_reasons: bytes
    status: int
    reason: int

    @property
    def set_status(self) -> Status:
        """The set's status."""
        return status_of(self.status)

    @property
    def set_reason(self) -> UnknownReason | None:
        """Why the set is undecided (None when it is decided)."""
        return reason_of(self.status, self.reason)

    @property
    def met_count(self) -> int:
        """The number of criteria met."""
        return self.criteria.count(1)


class Plan:
    """A criterion set compiled for one date; build it with :func:`compile_set`.

    >>> from ntm_criteria import demo
    >>> plan = compile_set(demo.criterion_set(), on="30/6/2023")
    >>> plan.on, plan.codes[:3]
    (datetime.date(2023, 6, 30), ('1.1', '3.1', '3.2'))
    """

    __slots__ = (
        "_by_place",
        "_composites",
        "_criteria_of",
        "_run_set",
        "_tables",
        "code_set",
        "codes",
        "criterion_programs",
        "criterion_set",
        "in_force",
        "indicators",
        "kinds",
        "on",
        "set_program",
    )

    def __init__(self, criterion_set: CriterionSet, on: datetime.date) -> None:
        self.criterion_set = criterion_set
        self.on = on
        self.indicators: tuple[Indicator, ...] = tuple(criterion_set.indicators())
        self.codes: tuple[str, ...] = tuple(i.code for i in self.indicators)
        self.code_set: frozenset[str] = frozenset(self.codes)
        #: What an observation of each indicator must be (``number``, ``bool``, ``grade``, ``any``).
        self.kinds: tuple[str, ...] = tuple(i.value_kind for i in self.indicators)
        index = {code: n for n, code in enumerate(self.codes)}
        self.criterion_programs: tuple[Program, ...] = tuple(
            compile_program(rule, index) for rule in criterion_set.criterion_rules
        )
        numbers = {str(c.number): n for n, c in enumerate(criterion_set.criteria)}
        self.set_program: Program = compile_program(criterion_set.effective_rule, numbers)
        #: Whether the set is in force on the plan's date.
        self.in_force: bool = criterion_set.is_in_force(on)
        self._tables: dict[Context, Table] = {}
        self._by_place: dict[tuple[str | None, int | None, frozenset[str]], Table] = {}
        # For _combine: a criterion that combines indicators is computed into a slot after
        # the indicators' own; then every criterion is one slot, picked out in one call.
        slots: list[int] = []
        composites: list[Runner] = []
        for program in self.criterion_programs:
            if type(program) is int:
                slots.append(program)
            else:
                slots.append(len(self.codes) + len(composites))
                composites.append(compile_runner(program))
        self._composites: tuple[Runner, ...] = tuple(composites)
        self._criteria_of = picker(slots)
        self._run_set: Runner = compile_runner(self.set_program)

    def context(self, locality: Locality) -> Context:
        """The context of ``locality`` on the plan's date (region rules applied)."""
        return self.criterion_set.context_for(locality, self.on)

    def table(self, context: Context) -> Table:
        """Every indicator's requirement for ``context``, compiled (cached per context)."""
        table = self._tables.get(context)
        if table is None:
            if len(self._tables) >= _MOST_TABLES:
                self._tables.clear()
            table = self._tables[context] = self._compile(context)
        return table

    def table_for(self, locality: Locality) -> Table:
        """The :meth:`table` of ``locality``'s context (cached by region, group and tags).

        >>> from ntm_criteria import demo
        >>> plan = compile_set(demo.criterion_set(), on="30/6/2023")
        >>> place = demo.gazetteer().effective("30046")
        >>> plan.table_for(place) is plan.table(plan.context(place))
        True
        """
        key = (locality.region, locality.group, locality.tags)
        table = self._by_place.get(key)
        if table is None:
            table = self._place_table(key, locality)
        return table

    def table_at(
        self, region: str | None, group: int | None = None, tags: frozenset[str] = frozenset()
    ) -> Table:
        """The :meth:`table` of a locality of ``region``, ``group`` and ``tags`` (region rules applied).

        >>> from ntm_criteria import demo
        >>> plan = compile_set(demo.criterion_set(), on="30/6/2023")
        >>> place = demo.gazetteer().effective("30046")
        >>> plan.table_at(place.region, place.group, place.tags) is plan.table_for(place)
        True
        """
        key = (region, group, tags)
        table = self._by_place.get(key)
        if table is None:
            kind = self.criterion_set.scope[0]
            place = Locality("-", "-", kind, region=region, group=group, tags=tags)
            table = self._place_table(key, place)
        return table

    def _place_table(
        self, key: tuple[str | None, int | None, frozenset[str]], locality: Locality
    ) -> Table:
        if len(self._by_place) >= _MOST_TABLES:
            self._by_place.clear()
        table = self._by_place[key] = self.table(self.context(locality))
        return table

    def _compile(self, context: Context) -> Table:
        required = self.criterion_set.resolved(context)
        applies = tuple(
            i.applies_to is None or i.applies_to.applies(context.tags, context.group)
            for i in self.indicators
        )
        no_data = tuple(UNSPECIFIED if isinstance(r, Unspecified) else NO_DATA for r in required)
        empty = tuple(UNKNOWN if a else NOT_APPLICABLE for a in applies)
        reasons = tuple(r if a else 0 for a, r in zip(applies, no_data, strict=True))
        kernels = tuple(kernel_of(r) for r in required)
        return Table(applies, required, kernels, no_data, empty, reasons)

    def decide(self, context: Context, actuals: Sequence[Observed | None]) -> Decision:
        """The statuses for one locality: ``actuals`` in indicator order (None: no observation).

        Values are exact, in each indicator's unit (as
        :func:`ntm_criteria.assessment` converts them).
        """
        return self.decide_with(self.table(context), actuals)

    def decide_with(self, table: Table, actuals: Sequence[Observed | None]) -> Decision:
        """:meth:`decide` with the context's :meth:`table` (or :meth:`table_for`) already at hand."""
        applies, kernels = table.applies, table.kernels
        if len(actuals) != len(kernels):
            raise ValueError(f"{len(actuals)} values for the {len(kernels)} indicators of the plan")
        # Start from every indicator without a value, then decide those that have one.
        statuses = list(table.empty_statuses)
        reasons = list(table.empty_reasons)
        for n, actual in enumerate(actuals):
            if actual is None or not applies[n]:
                continue
            kernel = kernels[n]
            kind = kernel[0]
            # The most common kernels, inline: the same answers as decide().  An
            # unspecified threshold (most of the built-in ladder) leaves any value undecided.
            if kind == UNSPEC:
                statuses[n], reasons[n] = UNKNOWN, UNSPECIFIED
            elif kind == ACHIEVED:
                statuses[n], reasons[n] = MET if actual is True else NOT_MET, 0
            elif kind == GE and actual.__class__ is Fraction:
                statuses[n], reasons[n] = MET if actual >= kernel[1] else NOT_MET, 0  # type: ignore[operator]
            else:
                statuses[n], reasons[n] = decide(kernel, actual)
        return self._combine(statuses, reasons)

    def combine(self, criteria: Sequence[tuple[int, int]]) -> tuple[int, int]:
        """The set's status and reason codes from each criterion's (status, reason) codes.

        For criterion outcomes changed after :meth:`decide` (by a review, say).
        """
        return run_program(self.set_program, [s for s, _ in criteria], [r for _, r in criteria])

    def _combine(self, statuses: list[int], reasons: list[int]) -> Decision:
        indicators, indicator_reasons = bytes(statuses), bytes(reasons)
        for run in self._composites:  # criteria of several indicators, into slots of their own
            status, reason = run(statuses, reasons)
            statuses.append(status)
            reasons.append(reason)
        met, why = self._criteria_of(statuses), self._criteria_of(reasons)
        status, reason = self._run_set(met, why)
        return Decision(indicators, indicator_reasons, bytes(met), bytes(why), status, reason)


def compile_set(criterion_set: CriterionSet, *, on: datetime.date | str) -> Plan:
    """The plan of ``criterion_set`` for the date ``on``, compiled once and kept with the set.

    >>> from ntm_criteria import demo
    >>> s = demo.criterion_set()
    >>> compile_set(s, on="30/6/2023") is compile_set(s, on="30/6/2023")
    True
    """
    day = as_date(on)
    plans = criterion_set._plans
    plan = plans.get(day)
    if plan is None:
        if len(plans) >= _MOST_PLANS:
            plans.clear()
        plan = plans[day] = Plan(criterion_set, day)
    assert isinstance(plan, Plan)
    return plan
