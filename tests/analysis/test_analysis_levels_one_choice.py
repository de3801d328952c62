"""decide_level chooses the observations once for the whole ladder; each set reads its own.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from analysis_cases import COMMUNE, LADDER, ON, observations
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import (
    Level,
    Locality,
    Observation,
    ObservationError,
    Status,
    UnknownCodeError,
    assess,
)
from ntm_criteria.analysis import decide_level
from ntm_criteria.assessment import assess_compiled, latest_observations
from ntm_criteria.criteria import Criterion, CriterionSet, Indicator
from ntm_criteria.engine import compile_set
from ntm_criteria.rules import Achieved


def test_each_step_is_what_assess_gives_on_the_sets_own_observations():
    observed = observations(changes={"14.1": 50})
    decision = decide_level(COMMUNE, observed, on=ON, ladder=LADDER)
    for step, criterion_set in zip(decision.steps, LADDER.sets, strict=True):
        codes = {i.code for i in criterion_set.indicators()}
        own = [o for o in observed if o.indicator_code in codes]
        alone = assess(COMMUNE, criterion_set, own, on=ON)
        assert step.result == alone
        assert step.result.explain("vi") == alone.explain("vi")


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_assess_compiled_with_the_ladders_choice_equals_assess(data):
    observed = observations()
    kept = data.draw(st.lists(st.sampled_from(observed), unique_by=lambda o: o.indicator_code))
    chosen = latest_observations(kept, ON, known=sorted(LADDER.codes()))
    for criterion_set in LADDER.sets:
        codes = {i.code for i in criterion_set.indicators()}
        own = [o for o in kept if o.indicator_code in codes]
        compiled = assess_compiled(COMMUNE, compile_set(criterion_set, on=ON), chosen)
        assert compiled == assess(COMMUNE, criterion_set, own, on=ON)


def test_an_unknown_code_names_the_locality_and_the_ladder():
    with pytest.raises(UnknownCodeError) as caught:
        decide_level(COMMUNE, [Observation("99.9", True)], on=ON, ladder=LADDER)
    text = str(caught.value)
    assert text.startswith("03664 (Chiềng Xôm): ")
    assert "observations for the ladder " + ", ".join(s.id for s in LADDER.sets) in text
    assert "99.9" in text


def test_two_observations_of_one_code_on_one_date_are_refused_once_for_the_ladder():
    code = observations()[0].indicator_code
    twice = [Observation(code, True, as_of="1/6/2023"), Observation(code, False, as_of="1/6/2023")]
    with pytest.raises(ObservationError, match="two observations as of 2023-06-01"):
        decide_level(COMMUNE, twice, on=ON, ladder=LADDER)


def test_a_code_typed_decomposed_is_the_ladders_code_as_for_assess():
    code = "Ư.1"  # a code with a letter NFC and NFD spell differently
    decomposed = unicodedata.normalize("NFD", code)
    assert decomposed != code
    indicator = Indicator(code, "đường", "road", Achieved())
    built = CriterionSet(
        "t",
        "t",
        "t",
        "commune",
        Level.STANDARD,
        datetime.date(2020, 1, 1),
        None,
        "test",
        [Criterion(1, "Giao thông", "Transport", [indicator])],
    )
    place = Locality("00001", "Xã Thử", "commune", region="DBSH")
    observed = [Observation(decomposed, True)]
    alone = assess(place, built, observed, on="1/6/2023")
    decision = decide_level(place, observed, on="1/6/2023", ladder=[built])
    assert alone.status is Status.MET
    assert decision.step(Level.STANDARD).result == alone
    assert decision.level is Level.STANDARD
