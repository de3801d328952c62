"""Shared test data of the analysis tests: the sets of tests/data/progress and their values.

The sets and figures are TEST DATA, illustrative thresholds only.
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Iterable
from pathlib import Path

from ntm_criteria import Locality, assess, load_set
from ntm_criteria.analysis import Ladder, LevelDecision, decide_level
from support import observations

DATA = Path(__file__).parents[1] / "data" / "progress"
STANDARD = load_set(DATA / "commune_standard.toml")
ADVANCED = load_set(DATA / "commune_advanced.toml", parents=[STANDARD])
MODEL = load_set(DATA / "commune_model.toml", parents=[ADVANCED])
LADDER = Ladder([STANDARD, ADVANCED, MODEL])
DISTRICT = load_set(DATA / "district_standard.toml")
DISTRICT_ADVANCED = load_set(DATA / "district_advanced.toml", parents=[DISTRICT])
PROVINCE = load_set(DATA / "province.toml")
VALUES = tomllib.loads((DATA / "values.toml").read_text(encoding="utf-8"))
ON = datetime.date(2023, 6, 30)
COMMUNE = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")


def commune(code: str = "03664", name: str = "Chiềng Xôm", **kw: object) -> Locality:
    return Locality(code, name, "commune", region="TDMNPB", **kw)


def standard_result(fail: Iterable[int] = (), changes=None, on=ON, place=None):
    codes = {i.code for i in STANDARD.indicators()}
    obs = [o for o in observations(fail, changes) if o.indicator_code in codes]
    return assess(place or commune(), STANDARD, obs, on=on)


def decision(place: Locality, fail=(), changes=None, recognitions=()) -> LevelDecision:
    return decide_level(
        place, observations(fail, changes), on=ON, ladder=LADDER, recognitions=recognitions
    )


def decide(**kwargs: object) -> LevelDecision:
    """decide_level with defaults; observations are cut to the codes of the ladder."""
    ladder = kwargs.pop("ladder", LADDER)
    codes = (ladder if isinstance(ladder, Ladder) else Ladder(ladder)).codes()
    obs = kwargs.pop("obs", None)
    chosen = [o for o in (obs if obs is not None else observations()) if o.indicator_code in codes]
    return decide_level(
        kwargs.pop("locality", COMMUNE),
        chosen,
        on=kwargs.pop("on", ON),
        ladder=ladder,
        **kwargs,
    )
