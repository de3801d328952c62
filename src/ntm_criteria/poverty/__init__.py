"""Multidimensional poverty (nghèo đa chiều): standards, households, classification, rates.

A household is *poor* (hộ nghèo) when its income per person is at or below
the poverty line of its area **and** it is deprived in at least a given
number of basic-social-service indicators; it is *near-poor* (hộ cận nghèo)
when its income is at or below the line and it is deprived in fewer.  The
lines, the indicators and that number are data
(``catalog/data/poverty/standards.toml``), each with its legal source and
confidence, and each standard applies on its own dates:

- Decision 59/2015/QĐ-TTg, 2016–2021: lines 700,000 (rural) and 900,000
  (urban) VND/person/month; its indicators and rule are not in the data, so
  its households are *undetermined*.
- Decree 07/2021/NĐ-CP, 2022–2026 (2026 by Decree 351/2025/NĐ-CP): lines
  1,500,000 and 2,000,000; 12 indicators in 6 dimensions; poor from 3
  deprivations (a cut-off the reference grades *medium*).
- Decree 351/2025/NĐ-CP, 2027–2030: lines 2,200,000 and 2,800,000; poor from 3
  deprivations, but the indicator list is not in the data, so a household at
  or below the line is *poor or near-poor*, undetermined.

Classification reuses the rule engine: the income test is an
:class:`~ntm_criteria.rules.AtMost` of the line, the deprivation test an
:class:`~ntm_criteria.rules.AtLeastK` over the indicators, and both give
:class:`~ntm_criteria.rules.Verdict` values with three-valued statuses.

>>> import datetime
>>> from ntm_criteria.units import Q_
>>> h = Household("H01", "rural", 4, Q_(1_400_000, "VND/person/month"),
...               {"employment": True, "health_insurance": True, "latrine": True})
>>> print(classify(h, on=datetime.date(2023, 6, 15)).summary())
Hộ H01: hộ nghèo — thu nhập 1.400.000 ≤ 1.500.000 đồng/người/tháng; thiếu hụt 3 chỉ số (cần ≥ 3): việc làm, bảo hiểm y tế, nhà tiêu hợp vệ sinh

Rates over many households (:func:`rates`, :func:`rates_by`, and the batch
path of :class:`HouseholdTable`, with an optional vectorised numpy engine)
give exact shares, and :func:`to_observation` turns a commune's rate into the
observation an NTM criterion set's poverty indicator takes.

For millions of households, :func:`classify_columns` classifies numpy
columns (status codes of :data:`STATUS_CODES`, the same answers as
:func:`classify`), :func:`tally_columns` adds chunks of columns into figures
per locality, and :func:`national_rates` reads a Parquet or CSV file of any
size in chunks (the ``parquet`` extra), in bounded memory.

Where only the published figures are at hand (no household list),
:class:`PublishedPoverty` holds a locality's rates or household counts, and
:func:`read_poverty_figures` reads them from a CSV table
(:data:`POVERTY_FIGURE_COLUMNS`); :func:`to_observation` takes them too.

>>> hl = PublishedPoverty.from_rates("HL", "31/12/2022", poor="2,62", near_poor="3,04")
>>> print(hl.summary("vi"))
HL (31/12/2022): hộ nghèo 2,62%, hộ cận nghèo 3,04%
"""

from typing import TypeAlias

from ntm_criteria.poverty import _cells, _engines, _rates, _tally
from ntm_criteria.poverty._areas import Area, PovertyStatus
from ntm_criteria.poverty._chunks import national_rates, read_household_chunks, tally_columns
from ntm_criteria.poverty._classify import Classification, classify
from ntm_criteria.poverty._columns import classify_columns
from ntm_criteria.poverty._csv import read_households, reads_households
from ntm_criteria.poverty._figures import Headcount, PovertyRates
from ntm_criteria.poverty._households import Household
from ntm_criteria.poverty._observation import to_observation
from ntm_criteria.poverty._published import PublishedPoverty
from ntm_criteria.poverty._published_csv import (
    POVERTY_FIGURE_COLUMNS,
    read_poverty_figures,
    reads_poverty_figures,
)
from ntm_criteria.poverty._rates import rates, rates_by
from ntm_criteria.poverty._standards import (
    DeprivationIndicator,
    Dimension,
    InForce,
    PovertyStandard,
    PovertyStandards,
)
from ntm_criteria.poverty._standards_file import default_standards, load_standards, loads_standards
from ntm_criteria.poverty._table import HouseholdTable

# The public aliases and constants are documented here, where autodoc finds them.

HOUSEHOLD_COLUMNS = _cells.HOUSEHOLD_COLUMNS
"""The columns a household table must have: ``id``, ``area``, ``members``, ``income``.

``commune``, one column per deprivation indicator code and any other column
(kept in ``extra``) may follow.

>>> HOUSEHOLD_COLUMNS
('id', 'area', 'members', 'income')
"""

STATUS_CODES = _tally.STATUS_CODES
"""The statuses that :func:`classify_columns` codes as 0, 1, 2 and 3, in that order.

>>> [status.value for status in STATUS_CODES]
['poor', 'near_poor', 'above_line', 'unknown']
"""

Engine: TypeAlias = _engines.Engine
"""How :class:`HouseholdTable` computes: ``"python"``, ``"numpy"`` or ``"auto"``.

``"auto"`` uses numpy when it is installed (the ``fast`` extra) and the pure
path otherwise; both give identical answers.

>>> from typing import get_args
>>> get_args(Engine)
('auto', 'python', 'numpy')
"""

GroupKey: TypeAlias = _rates.GroupKey
"""How to group households: a field name or a function of the household.

A name is ``"id"``, ``"area"``, ``"members"``, ``"commune"`` or a key of
:attr:`Household.extra` (for a :class:`HouseholdTable`, a column).

>>> from ntm_criteria.units import Q_
>>> homes = [Household("H1", "rural", 6, Q_(1, "VND/person/month"), extra={"village": "Nà"})]
>>> list(rates_by(homes, "village", on="2023-01-01")), list(rates_by(homes, "commune", on="2023-01-01"))
(['Nà'], [None])
>>> list(rates_by(homes, lambda h: h.members >= 5, on="2023-01-01"))
[True]
"""

__all__ = [
    "HOUSEHOLD_COLUMNS",
    "POVERTY_FIGURE_COLUMNS",
    "STATUS_CODES",
    "Area",
    "Classification",
    "DeprivationIndicator",
    "Dimension",
    "Engine",
    "GroupKey",
    "Headcount",
    "Household",
    "HouseholdTable",
    "InForce",
    "PovertyRates",
    "PovertyStandard",
    "PovertyStandards",
    "PovertyStatus",
    "PublishedPoverty",
    "classify",
    "classify_columns",
    "default_standards",
    "load_standards",
    "loads_standards",
    "national_rates",
    "rates",
    "rates_by",
    "read_household_chunks",
    "read_households",
    "read_poverty_figures",
    "reads_households",
    "reads_poverty_figures",
    "tally_columns",
    "to_observation",
]
