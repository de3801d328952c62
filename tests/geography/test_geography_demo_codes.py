"""Demo and example data use real codes of the places they name, or codes that cannot be real."""

from __future__ import annotations

import warnings
from pathlib import Path

from ntm_criteria import demo
from ntm_criteria.geography import CodeWarning, Gazetteer, check_localities

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def test_the_demo_codes_are_the_real_codes_of_the_places_they_name():
    # check_localities warns when a name differs from the official one: none may.
    with warnings.catch_warnings():
        warnings.simplefilter("error", CodeWarning)
        assert check_localities(demo.gazetteer(), on=demo.ASSESSMENT_DATE) == demo.gazetteer()


def test_the_demo_code_of_chieng_xom_is_03664():
    assert demo.gazetteer().get("03664").name_vi == "Chiềng Xôm"


def test_the_example_codes_cannot_be_real():
    # examples/data says its codes are invented: no province 99 exists in either list.
    places = Gazetteer.load_csv(EXAMPLES / "province_communes.csv")
    for on in ("15/6/2022", "1/7/2025"):
        official = Gazetteer.official(on)
        assert not [loc.code for loc in places if loc.code in official]
