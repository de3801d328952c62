"""Counting households group by group: the one tally behind every path to poverty rates.

Statuses and income tests are small ints here, so that the one-by-one path
and both batch engines feed the same counts.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Sequence

from ntm_criteria.poverty._areas import PovertyStatus
from ntm_criteria.poverty._figures import Headcount, PovertyRates
from ntm_criteria.poverty._standards import PovertyStandard
from ntm_criteria.rules import Fixed

__all__ = [
    "ABOVE",
    "AT_OR_BELOW",
    "NEAR",
    "NO_INCOME",
    "OVER",
    "POOR",
    "STATUS_CODES",
    "UNDECIDED",
    "Tally",
]

# Statuses as small ints, in the order of STATUS_CODES.
POOR, NEAR, ABOVE, UNDECIDED = 0, 1, 2, 3
STATUS_CODES = (
    PovertyStatus.POOR,
    PovertyStatus.NEAR_POOR,
    PovertyStatus.ABOVE_LINE,
    PovertyStatus.UNKNOWN,
)
# The income test: at or below the line, over it, or not known (no income or no line).
AT_OR_BELOW, OVER, NO_INCOME = 1, 0, -1


class Tally:
    """Counts for one group of households; every path of :func:`rates` ends here.

    >>> from ntm_criteria.poverty import default_standards
    >>> tally = Tally(default_standards().get("qd-59-2015"))
    >>> tally.add(POOR, AT_OR_BELOW, 4, ())
    >>> tally.result(datetime.date(2020, 1, 1), None).poor
    Headcount(count=1, known=1, unknown=0)
    """

    def __init__(self, standard: PovertyStandard) -> None:
        self.standard = standard
        self.codes = standard.indicator_codes
        index = {code: i for i, code in enumerate(self.codes)}
        self.dims = [(d.code, [index[c] for c in d.indicators]) for d in standard.dimensions]
        if not self.codes:
            self.dims = []
        self.households = self.persons = 0
        self.statuses = [0, 0, 0, 0]
        self.status_persons = [0, 0, 0, 0]
        self.below = self.income_known = 0
        self.ind_deprived = [0] * len(self.codes)
        self.ind_known = [0] * len(self.codes)
        self.dim_deprived = [0] * len(self.dims)
        self.dim_known = [0] * len(self.dims)

    def add(self, status: int, income: int, members: int, values: Sequence[bool | None]) -> None:
        self.households += 1
        self.persons += members
        self.statuses[status] += 1
        self.status_persons[status] += members
        if income != NO_INCOME:
            self.income_known += 1
            self.below += income == AT_OR_BELOW
        for j, value in enumerate(values):
            if value is not None:
                self.ind_known[j] += 1
                self.ind_deprived[j] += value
        for j, (_, positions) in enumerate(self.dims):
            flags = [values[i] for i in positions]
            if True in flags:
                self.dim_deprived[j] += 1
                self.dim_known[j] += 1
            elif None not in flags:
                self.dim_known[j] += 1

    def result(self, on: datetime.date, group: Hashable | None) -> PovertyRates:
        n = self.households
        undetermined = self.statuses[UNDECIDED]
        decided = n - undetermined
        line = Headcount(self.below, self.income_known, n - self.income_known)
        classifiable = isinstance(self.standard.min_deprivations, Fixed)
        return PovertyRates(
            on=on,
            standard_id=self.standard.id,
            legal_basis=self.standard.legal_basis,
            households=n,
            persons=self.persons,
            poor=Headcount(self.statuses[POOR], decided, undetermined),
            near_poor=Headcount(self.statuses[NEAR], decided, undetermined),
            poor_or_near_poor=line if classifiable else Headcount(0, 0, n),
            at_or_below_line=line,
            above_line=self.statuses[ABOVE],
            undetermined=undetermined,
            poor_persons=self.status_persons[POOR],
            near_poor_persons=self.status_persons[NEAR],
            indicators={
                code: Headcount(dep, known, n - known)
                for code, dep, known in zip(
                    self.codes, self.ind_deprived, self.ind_known, strict=True
                )
            },
            dimensions={
                code: Headcount(dep, known, n - known)
                for (code, _), dep, known in zip(
                    self.dims, self.dim_deprived, self.dim_known, strict=True
                )
            },
            group=group,
        )
