"""Generated observations for ``assess`` and generated plain data for ``AssessmentResult.from_dict``."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from fuzz_cases import copy_data, examples, mutated, only_ntm_errors, text_values
from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria import Q_, AssessmentResult, Locality, Observation, assess, demo

pytestmark = pytest.mark.fuzz

SET = demo.criterion_set()
ON = datetime.date(2023, 6, 30)
COMMUNE = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
CODES = tuple(i.code for i in SET.indicators())
RESULT = assess(COMMUNE, SET, demo.observations()["03664"], on=ON).to_dict()

values = st.one_of(
    st.booleans(),
    st.integers(),
    st.decimals(allow_nan=True),
    text_values(),
    st.builds(
        lambda v, u: Q_(v, u),
        st.decimals(min_value=-(10**6), max_value=10**6, places=3),
        st.sampled_from(("percent", "km", "million_VND / person / year", "m", "dimensionless")),
    ),
    st.just(Decimal("sNaN")),
)


@st.composite
def observation_lists(draw: st.DrawFn) -> list[Observation]:
    found = []
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        code = draw(st.one_of(st.sampled_from(CODES), st.text(max_size=4)))
        made = only_ntm_errors(
            lambda code=code: Observation(code, draw(values), as_of=draw(st.none() | st.dates()))
        )
        if made is not None:
            found.append(made)
    return found


@settings(max_examples=examples(150))
@given(observation_lists())
def test_assess_generated_observations(observations: list[Observation]) -> None:
    result = only_ntm_errors(lambda: assess(COMMUNE, SET, observations, on=ON))
    if result is not None:
        data = result.to_dict()
        assert AssessmentResult.from_dict(json.loads(json.dumps(data))) == result
        assert result.explain()


@settings(max_examples=examples(150))
@given(mutated(RESULT))
def test_result_from_mutated_data(data: dict[str, object]) -> None:
    only_ntm_errors(lambda: AssessmentResult.from_dict(data))


# -- failures found, owned by other modules: recorded until fixed -----------------------


def _located(call: object) -> None:
    from ntm_criteria.errors import DataError

    with pytest.raises(DataError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.key_path, f"no key path: {caught.value}"


def test_result_from_dict_missing_status_names_the_key() -> None:
    data = copy_data(RESULT)
    del data["status"]
    _located(lambda: AssessmentResult.from_dict(data))


def test_result_from_dict_missing_actual_names_the_key() -> None:
    data = copy_data(RESULT)
    del data["criteria"][0]["indicators"][0]["actual"]
    _located(lambda: AssessmentResult.from_dict(data))


def test_result_from_dict_bad_locality_names_the_key() -> None:
    data = copy_data(RESULT)
    data["locality"] = []
    _located(lambda: AssessmentResult.from_dict(data))
