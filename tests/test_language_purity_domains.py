"""One language per output beyond the NTM sets: published figures, OCOP, poverty, wards, reviews.

Uses the checker of ``test_language_purity``: a Vietnamese output holds no
English word and an English one no Vietnamese word, proper names, legal
titles and the data's own sources aside.
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest

from ntm_criteria import Q_, demo
from ntm_criteria.assessment import CriterionReview, assess
from ntm_criteria.cli import main
from ntm_criteria.poverty import Household, classify
from test_language_purity import foreign, names_of

ROOT = Path(__file__).parents[1]
HONG_LINH = ROOT / "examples" / "data" / "hong_linh_2023"
COMMANDS = [
    ["urban", str(HONG_LINH / "urban.csv")],
    ["poverty", str(HONG_LINH / "poverty.csv")],
    ["ocop", str(HONG_LINH / "ocop.csv"), "--on", "31/12/2023"],
    ["civilized", str(HONG_LINH / "wards.csv")],
]


def _proper_names() -> frozenset[str]:
    """Place names, product names and the figures' sources, as the data files write them."""
    texts: list[str] = []
    for path in HONG_LINH.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                texts += [v for k, v in row.items() if k and v and ("name" in k or k == "source")]
    # legal titles cited as sources of the pass line and the urban regime
    texts += ["Nghị quyết", "Điều", "khoản", "luatvietnam.net"]
    return names_of(texts)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_the_published_figure_commands_speak_one_language(command, lang, capsys):
    places = ["--localities", str(HONG_LINH / "places.csv")]
    assert main([*command, *places, "--lang", lang]) == 0
    out = capsys.readouterr().out
    allowed = _proper_names()
    bad = [(line, found) for line in out.splitlines() if (found := foreign(line, lang, allowed))]
    assert not bad, bad


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_poverty_classification_speaks_one_language(lang):
    h = Household(
        "H01",
        "rural",
        4,
        Q_(1_400_000, "VND/person/month"),
        {"employment": True, "health_insurance": True, "latrine": True},
    )
    text = classify(h, on=datetime.date(2023, 6, 15)).summary(lang)
    assert not foreign(text, lang, frozenset({"h01"})), text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_explanation_with_a_review_speaks_one_language(lang):
    place = demo.gazetteer().effective("03664")
    observations = [o for o in demo.observations()["03664"] if o.indicator_code != "19.1"]
    review = CriterionReview("03664", 19, "đạt", "1/6/2023", reviewer="UBND huyện Mai Sơn")
    result = assess(
        place, demo.criterion_set(), observations, on=demo.ASSESSMENT_DATE, reviews=[review]
    )
    allowed = names_of([place.name_vi, "UBND huyện Mai Sơn"])
    text = result.explain(lang)
    bad = [line for line in text.splitlines() if foreign(line, lang, allowed)]
    assert not bad, bad
