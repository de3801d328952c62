"""Dates, reporting periods and recurring deadlines, on python-dateutil.

Vietnamese decisions and reports name their time spans in a handful of
fixed shapes: a year (*năm 2022*), a quarter (*quý III/2022*), a month
(*tháng 6/2022*), the first or last months of a year (*9 tháng đầu năm
2022*, *3 tháng cuối năm 2022*), a five-year plan (*giai đoạn 2021–2025*),
or two day-first dates.  :class:`Period` holds any span as two inclusive
dates and recognises those shapes again from the dates alone, so a period
built one way labels and compares the same as one built another way.

>>> p = Period.parse("quý III/2022")
>>> str(p)
'2022-07-01/2022-09-30'
>>> p.label(), p.label("en")
('quý 3/2022', 'Q3 2022')
>>> Period.parse("9 tháng đầu năm 2022") == Period.first_months(2022, 9)
True
>>> parse_date("ngày 15 tháng 6 năm 2022")
datetime.date(2022, 6, 15)
>>> RecurringDeadline.monthly(25).label()
'trước ngày 25 hằng tháng'

Two type aliases are public: ``Lang`` (``"vi"`` or ``"en"``, the language of
a label; the same as :data:`ntm_criteria.text.Lang`) and ``Frequency`` (how
often a :class:`RecurringDeadline` recurs).

>>> from typing import get_args
>>> get_args(Lang), get_args(Frequency)
(('vi', 'en'), ('monthly', 'quarterly', 'yearly'))

Parsing only ever raises :class:`~ntm_criteria.errors.ParseError` for a
string it cannot read; values that are out of range when built directly
(a start after the end, quarter 5) raise
:class:`~ntm_criteria.errors.DataError`.

The words of the labels (*quý*, *tháng đầu năm*, *hằng tháng* …) come from
the message table (``text/messages/periods.toml``).
"""

from ntm_criteria.periods._dates import as_date, as_optional_date, format_date, parse_date
from ntm_criteria.periods._deadlines import Frequency, RecurringDeadline
from ntm_criteria.periods._period import Period, parse_period
from ntm_criteria.text import Lang

__all__ = [
    "Frequency",
    "Lang",
    "Period",
    "RecurringDeadline",
    "as_date",
    "as_optional_date",
    "format_date",
    "parse_date",
    "parse_period",
]
