"""Illustrative data shipped for ``ntm demo``, the tutorials and the doctests.

Everything here is **illustrative** except the locality codes, which are the
real codes of the places named (official list as of 1/1/2025, checked by
``tests/geography/test_geography_demo_codes.py``): a small criterion set modelled on the
2021–2025 national commune set, ten localities in two provinces and one quarter's
observations; and an illustrative provincial overlay of the real national set
(``vn-ntm-commune-standard-2021-2025``) with observations for it.  The names and codes of the communes are real; their tags and
figures are made up.  Never use them for reporting.

>>> from ntm_criteria import demo
>>> demo.criterion_set().id
'demo-commune-standard'
>>> len(demo.gazetteer().descendants("14", kind="commune"))
4
"""

from __future__ import annotations

import csv
import datetime
from importlib import resources

from ntm_criteria.assessment import Observation
from ntm_criteria.catalog import loads_set
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.geography import Gazetteer
from ntm_criteria.io import reads_observations

__all__ = [
    "ASSESSMENT_DATE",
    "criterion_set",
    "example_set",
    "gazetteer",
    "national_observations",
    "national_overlay",
    "observations",
]

#: The date the demo assesses on: the end of the second quarter of 2023.
ASSESSMENT_DATE = datetime.date(2023, 6, 30)


def _text(name: str) -> str:
    return resources.files("ntm_criteria.demo").joinpath(name).read_text(encoding="utf-8")


def criterion_set() -> CriterionSet:
    """The illustrative set (id ``demo-commune-standard``).

    >>> s = criterion_set()
    >>> s.total, s.provenance.confidence.value
    (8, 'illustrative')
    """
    return loads_set(_text("set.toml"), file="demo/set.toml")


def example_set() -> CriterionSet:
    """The smallest illustrative set (id ``example``): criteria 3 and 10, three indicators.

    The doctests and API examples use it; :func:`criterion_set` is the fuller demo.

    >>> s = example_set()
    >>> (s.id, s.total, [c.number for c in s.criteria])
    ('example', 2, [3, 10])
    """
    return loads_set(_text("example.toml"), file="demo/example.toml")


def gazetteer() -> Gazetteer:
    """Two provinces, their districts and six communes: real codes, illustrative tags.

    >>> places = gazetteer()
    >>> places.effective("03664").region, places.get("30064").tags
    ('TDMNPB', frozenset({'extremely_difficult'}))
    """
    rows = list(csv.DictReader(_text("communes.csv").splitlines()))
    return Gazetteer.from_rows(rows, source="demo/communes.csv")


def observations() -> dict[str, tuple[Observation, ...]]:
    """One quarter's observations per commune code (illustrative figures).

    >>> first = observations()["03664"][0]
    >>> first.indicator_code, first.value, first.as_of
    ('1.1', True, datetime.date(2023, 6, 30))
    """
    return reads_observations(_text("observations.csv"), file="demo/observations.csv")


def national_overlay() -> CriterionSet:
    """An illustrative provincial overlay of the built-in national 2021–2025 commune set.

    It reviews the criteria whose national indicators are not encoded as a
    whole ("achieved"), and fills income and poverty with made-up values.

    >>> s = national_overlay()
    >>> (s.extends, s.total)
    ('vn-ntm-commune-standard-2021-2025', 19)
    """
    return loads_set(_text("overlay.toml"), file="demo/overlay.toml")


def national_observations() -> dict[str, tuple[Observation, ...]]:
    """Observations of the demo communes for :func:`national_overlay` (illustrative figures).

    >>> sorted({o.indicator_code for o in national_observations()["03664"]})[:4]
    ['1', '10', '11', '12']
    """
    return reads_observations(
        _text("observations-national.csv"), file="demo/observations-national.csv"
    )
