"""Invariants of ntm_criteria.poverty.

- more income never makes a household poorer (ABOVE_LINE > NEAR_POOR > POOR);
- more deprivations never make it less poor, and learning an unknown value
  never overturns a decided status;
- the same income in other units is classified the same;
- every share stays within [0, 1] and the counts add up;
- the batch paths (pure Python and numpy) equal the one-by-one path;
- no text given to the CSV reader raises anything but an ``NtmError``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.errors import NtmError, UnknownCodeError
from ntm_criteria.poverty import (
    Household,
    HouseholdTable,
    PovertyStatus,
    classify,
    default_standards,
    rates,
    rates_by,
    reads_households,
)
from ntm_criteria.units import Q_

CODES = default_standards().get("nd-07-2021").indicator_codes
LINES = (700_000, 900_000, 1_500_000, 2_000_000, 2_200_000, 2_800_000)
RANK = {PovertyStatus.POOR: 0, PovertyStatus.NEAR_POOR: 1, PovertyStatus.ABOVE_LINE: 2}
MONTHLY = "VND / person / month"

dates = st.dates(datetime.date(2016, 1, 1), datetime.date(2030, 12, 31))
near_lines = st.builds(lambda line, d: line + d, st.sampled_from(LINES), st.integers(-2, 2))
incomes = st.one_of(
    st.integers(0, 4_000_000).map(lambda x: Q_(x, MONTHLY)),
    near_lines.map(lambda x: Q_(x, MONTHLY)),
    # yearly amounts: monthly incomes that are not whole đồng, some exactly at a line
    st.builds(
        lambda line, d: Q_(12 * line + d, "VND/person/year"),
        st.sampled_from(LINES),
        st.integers(-13, 13),
    ),
    st.decimals(0, 4, places=7).map(lambda x: Q_(x, "million_VND / person / month")),
    st.floats(0, 4e6, allow_nan=False).map(lambda x: Q_(x, MONTHLY)),
    st.fractions(0, 4_000_000, max_denominator=7).map(lambda x: Q_(x, MONTHLY)),
    st.none(),
)
flags = st.dictionaries(st.sampled_from(CODES), st.one_of(st.none(), st.booleans()))


@st.composite
def households(draw: st.DrawFn, hid: str = "H") -> Household:
    return Household(
        hid,
        draw(st.sampled_from(["rural", "urban"])),
        draw(st.integers(1, 12)),
        draw(incomes),
        draw(flags),
        commune=draw(st.sampled_from([None, "04036", "04039", "04042"])),
        extra=draw(st.sampled_from([{}, {"village": "A"}, {"village": "B"}])),
    )


@st.composite
def many_households(draw: st.DrawFn) -> list[Household]:
    n = draw(st.integers(0, 12))
    return [draw(households(hid=f"H{i}")) for i in range(n)]


def _decided_rank(status: PovertyStatus) -> int | None:
    return RANK.get(status)


@given(households(), st.integers(0, 3_000_000), dates)
def test_more_income_never_makes_a_household_poorer(h, extra, day):
    if h.monthly_income is None:
        return
    richer = attrs.evolve(h, income=Q_(h.monthly_income + extra, MONTHLY))
    before = _decided_rank(classify(h, on=day).status)
    after = _decided_rank(classify(richer, on=day).status)
    if before is not None and after is not None:
        assert after >= before


@given(households(), st.sets(st.sampled_from(CODES)), dates)
def test_more_deprivations_never_make_a_household_less_poor(h, more, day):
    worse = attrs.evolve(h, deprivations={**h.deprivations, **dict.fromkeys(more, True)})
    before = _decided_rank(classify(h, on=day).status)
    after = _decided_rank(classify(worse, on=day).status)
    if before is not None and after is not None:
        assert after <= before


@given(households(), st.dictionaries(st.sampled_from(CODES), st.booleans()), dates)
def test_learning_an_unknown_never_overturns_a_decided_status(h, learned, day):
    known = {code: value for code, value in learned.items() if h.deprivations.get(code) is None}
    refined = attrs.evolve(h, deprivations={**h.deprivations, **known})
    before = classify(h, on=day).status
    if before.is_decided:
        assert classify(refined, on=day).status is before


@given(st.sampled_from(LINES), st.integers(-3, 3), dates, flags)
def test_the_same_income_in_other_units_is_classified_the_same(line, delta, day, given_flags):
    amount = line + delta
    spellings = [
        Q_(amount, MONTHLY),
        Q_(12 * amount, "VND / person / year"),
        Q_(Fraction(amount, 1000), "thousand_VND / person / month"),
        Q_(Decimal(12 * amount) / Decimal(1_000_000), "million_VND / person / year"),
    ]
    results = {
        (c.status, c.reason, c.gap)
        for c in (classify(Household("H", "rural", 2, q, given_flags), on=day) for q in spellings)
    }
    assert len(results) == 1


@given(many_households(), dates)
def test_rates_stay_within_0_and_1_and_add_up(homes, day):
    r = rates(homes, on=day)
    counts = [r.poor, r.near_poor, r.poor_or_near_poor, r.at_or_below_line]
    counts += list(r.indicators.values()) + list(r.dimensions.values())
    for headcount in counts:
        assert headcount.total == r.households
        if headcount.share is not None:
            assert 0 <= headcount.share <= 1
    decided = r.households - r.undetermined
    assert r.poor.count + r.near_poor.count + r.above_line == decided
    assert r.persons == sum(h.members for h in homes)
    assert r.poor_persons + r.near_poor_persons <= r.persons


@settings(max_examples=150)
@given(many_households(), dates, st.sampled_from(["commune", "village", "area"]))
def test_the_batch_paths_equal_the_one_by_one_path(homes, day, by):
    table = HouseholdTable.from_households(homes)
    expected = tuple(classify(h, on=day).status for h in homes)
    whole = rates(homes, on=day)
    try:
        groups = rates_by(homes, by, on=day)
    except UnknownCodeError:  # no household has the field: the table has no such column
        groups = None
    for engine in ("python", "numpy"):
        assert table.classify(on=day, engine=engine) == expected
        assert table.rates(on=day, engine=engine) == whole
        if groups is None:
            with pytest.raises(UnknownCodeError):
                table.rates_by(by, on=day, engine=engine)
        else:
            assert table.rates_by(by, on=day, engine=engine) == groups


CELLS = st.one_of(
    st.sampled_from(
        ["", "1", "0", "có", "không", "?", "1.500.000", "1,5", "-3", "1e5", "nan", "∞", "x"]
    ),
    st.sampled_from(["H1", "H2", "rural", "urban", "nông thôn", "thành thị", '"', "\n", ","]),
    st.text(max_size=8),
)
COLUMNS = st.lists(
    st.sampled_from(
        ["id", "area", "members", "income", "commune", "water", "latrine", "village", ""]
    ),
    min_size=1,
    max_size=9,
)


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    header = draw(COLUMNS)
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 1), max_size=5))
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@given(st.one_of(st.text(), csv_texts()))
def test_the_csv_reader_raises_only_ntm_errors(text):
    try:
        table = reads_households(text)
    except NtmError:
        return
    assert isinstance(table, HouseholdTable)
    table.rates(on="2023-06-30", engine="python")
