"""The front-end JSON: every document matches the shipped schema; one type per field; counts add up."""

from __future__ import annotations

import json
from fractions import Fraction

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ntm_criteria import Observation, catalog, demo
from ntm_criteria.assessment import assess
from ntm_criteria.errors import DataError
from ntm_criteria.export import SCHEMA_ID, results_schema, results_to_json, results_to_json_text
from ntm_criteria.levels import decide_level
from ntm_criteria.units import Q_

ON = demo.ASSESSMENT_DATE
VALIDATOR = jsonschema.Draft202012Validator(
    results_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _demo_results():
    places = demo.gazetteer()
    return [
        assess(places.effective(code), demo.criterion_set(), obs, on=ON)
        for code, obs in demo.observations().items()
    ]


def _valid(document: dict) -> dict:
    VALIDATOR.validate(document)
    # and it survives a text round trip unchanged (no NaN, no non-JSON values)
    assert json.loads(json.dumps(document, ensure_ascii=False, allow_nan=False)) == document
    return document


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(results_schema())
    assert results_schema()["$id"] == SCHEMA_ID


@pytest.mark.parametrize("detail", ["compact", "full"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_demo_results_match_the_schema(detail, lang):
    doc = _valid(results_to_json(_demo_results(), detail=detail, lang=lang))
    assert doc["count"] == 6
    assert sum(doc["summary"].values()) == doc["count"]
    for entry in doc["results"]:
        assert (
            entry["met"] + entry["not_met"] + entry["unknown"] + entry["not_applicable"]
            == (entry["total"])
        )
        assert ("indicators" in entry["criteria"][0]) is (detail == "full")


def test_national_sets_and_level_decisions_match_the_schema():
    places = demo.gazetteer()
    ladder = [catalog.get("vn-ntm-commune-standard-2021-2025")]
    decisions = [
        decide_level(places.effective(code), obs, on=ON, ladder=ladder)
        for code, obs in demo.national_observations().items()
    ]
    doc = _valid(results_to_json(decisions, detail="full"))
    assert {e["level"] for e in doc["results"]} <= {None, "standard"}
    assert all(e["steps"][0]["set"] == "vn-ntm-commune-standard-2021-2025" for e in doc["results"])
    # every indicator names an entry of the provenance table, which lists each source once
    refs = {i["provenance"] for e in doc["results"] for c in e["criteria"] for i in c["indicators"]}
    assert refs == set(doc["provenance"])
    sources = [tuple(p.values()) for p in doc["provenance"].values()]
    assert len(sources) == len(set(sources))


def test_one_type_per_field_whatever_the_indicator_measures():
    doc = results_to_json(_demo_results(), detail="full")
    seen: dict[str, set[str]] = {}
    for entry in doc["results"]:
        for criterion in entry["criteria"]:
            for indicator in criterion["indicators"]:
                for key, value in indicator.items():
                    if value is not None:
                        kind = (
                            "number"
                            if isinstance(value, int | float) and not isinstance(value, bool)
                            else type(value).__name__
                        )
                        seen.setdefault(key, set()).add(kind)
    assert all(len(kinds) == 1 for kinds in seen.values()), seen
    assert seen["actual"] == {"number"}
    assert seen["achieved"] == {"bool"}


def test_compact_json_is_much_smaller_than_the_round_trip_dicts():
    results = _demo_results() * 50
    compact = results_to_json_text(results)
    round_trip = json.dumps([r.to_dict() for r in results], ensure_ascii=False)
    assert len(compact) * 4 < len(round_trip)


def test_vietnamese_is_kept_and_the_text_is_compact():
    text = results_to_json_text(_demo_results()[:1])
    assert "Chiềng Xôm" in text
    assert "\n" not in text
    assert "\n" in results_to_json_text(_demo_results()[:1], indent=2)


def test_a_bad_detail_or_item_is_refused():
    with pytest.raises(DataError, match="unknown detail"):
        results_to_json([], detail="everything")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="is not a result"):
        results_to_json(["03664"])  # type: ignore[list-item]


@given(
    st.fixed_dictionaries(
        {
            "3.1": st.one_of(st.none(), st.fractions(0, 100, max_denominator=7)),
            "10.1": st.one_of(st.none(), st.integers(0, 100)),
            "1.1": st.one_of(st.none(), st.booleans()),
        }
    )
)
def test_any_assessment_gives_a_valid_document(values):
    observations = []
    if values["3.1"] is not None:
        observations.append(Observation("3.1", Q_(values["3.1"], "percent")))
    if values["10.1"] is not None:
        observations.append(Observation("10.1", Q_(values["10.1"], "million_VND/person/year")))
    if values["1.1"] is not None:
        observations.append(Observation("1.1", values["1.1"]))
    result = assess(demo.gazetteer().effective("03664"), demo.criterion_set(), observations, on=ON)
    doc = _valid(results_to_json([result], detail="full"))
    entry = doc["results"][0]
    assert entry["met"] == result.met_count
    income = doc["results"][0]["criteria"][3]["indicators"][0]
    if values["10.1"] is not None:
        assert Fraction(income["actual"]) == values["10.1"]


def test_the_json_page_runs():
    from pathlib import Path

    from support import run_pycon_blocks

    run_pycon_blocks(Path(__file__).parents[2] / "docs" / "json.md")


def test_a_criterion_decided_by_review_says_so():
    from ntm_criteria.assessment import CriterionReview

    review = CriterionReview("03664", 19, "đạt", "1/6/2023", reviewer="UBND huyện")
    result = assess(
        demo.gazetteer().effective("03664"),
        demo.criterion_set(),
        [o for o in demo.observations()["03664"] if o.indicator_code != "19.1"],
        on=ON,
        reviews=[review],
    )
    doc = _valid(results_to_json([result]))
    criterion = next(c for c in doc["results"][0]["criteria"] if c["number"] == 19)
    assert (criterion["decided_by"], criterion["reviewer"], criterion["reviewed_on"]) == (
        "review",
        "UBND huyện",
        "2023-06-01",
    )
    assert doc["results"][0]["review_disagreements"] == []
