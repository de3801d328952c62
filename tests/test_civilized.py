"""Tests for ntm_criteria.civilized: civilized urban wards and townships.

The built-in set of nine criteria (unspecified indicators), the recognition
rules of Decision 04/2022/QĐ-TTg as data, the three conditions of a
recognition, and the deprecated names in ntm_criteria.urban.
"""

from __future__ import annotations

import datetime
import warnings
from importlib import resources
from pathlib import Path

import attrs
import pytest

from ntm_criteria import Q_, Locality, Observation, Status, UnknownReason, assess, catalog
from ntm_criteria.civilized import (
    CivilizedRules,
    check_recognition,
    civilized_rules,
    loads_civilized_rules,
)
from ntm_criteria.errors import DataError, DataErrors, NotInForceError, ObservationError, ScopeError
from ntm_criteria.rules import Confidence, Fixed, Provenance, Unspecified

DATA = Path(__file__).parent / "data" / "civilized"
ON = datetime.date(2024, 6, 30)
WARD_SET_ID = "vn-civilized-urban-ward-2022"

# -- civilized urban wards -----------------------------------------------------------------------


WARD = Locality("26734", "Phường Minh Họa", "ward", region="DBSH")


class TestCivilizedSet:
    def test_the_set_is_built_in(self) -> None:
        ward_set = catalog.get(WARD_SET_ID)
        assert ward_set.total == 9
        assert [k.value for k in ward_set.scope] == ["ward", "township"]
        assert ward_set.valid_from == datetime.date(2022, 2, 18)
        assert ward_set.valid_to is None
        assert "04/2022/QĐ-TTg" in ward_set.legal_basis
        assert ward_set.criterion(3).name_vi == "Môi trường và an toàn thực phẩm đô thị"
        assert ward_set.criterion(9).name_en == (
            "Political system and responsibility of the urban government"
        )
        assert WARD_SET_ID in {info.id for info in catalog.list_sets()}

    def test_every_indicator_is_unspecified_with_its_source(self) -> None:
        ward_set = catalog.get(WARD_SET_ID)
        assert catalog.unspecified_indicators(ward_set) == [str(n) for n in range(1, 10)]
        for indicator in ward_set.indicators():
            assert isinstance(indicator.requirement, Unspecified)
            assert indicator.requirement.note == "Appendix I of 04/2022/QĐ-TTg not retrieved"
            assert indicator.provenance.confidence is Confidence.OFFICIAL
            assert indicator.provenance.certainty == "high"

    def test_a_ward_is_unknown_with_reasons(self) -> None:
        result = assess(WARD, catalog.get(WARD_SET_ID), [], on=ON)
        assert result.status is Status.UNKNOWN
        assert result.reason is UnknownReason.UNSPECIFIED
        assert result.unknown_count == 9
        assert result.met_count == 0
        assert all(c.reason is UnknownReason.UNSPECIFIED for c in result.criteria)
        assert result.criterion(1).summary("en") == (
            "Criterion 1 (Urban planning): unknown — 1: threshold not specified "
            "(Appendix I of 04/2022/QĐ-TTg not retrieved)"
        )
        assert "9 tiêu chí chưa xác định" in result.headline("vi")

    def test_observations_do_not_decide_an_unspecified_criterion(self) -> None:
        result = assess(WARD, catalog.get(WARD_SET_ID), [Observation("1", True)], on=ON)
        assert result.criterion(1).status is Status.UNKNOWN

    def test_a_township_too_but_not_a_commune(self) -> None:
        township = Locality("26735", "Thị trấn Minh Họa", "township")
        assert assess(township, catalog.get(WARD_SET_ID), [], on=ON).total == 9
        with pytest.raises(ScopeError):
            assess(Locality("1", "Xã A", "commune"), catalog.get(WARD_SET_ID), [], on=ON)

    def test_not_before_the_decision(self) -> None:
        with pytest.raises(NotInForceError):
            assess(WARD, catalog.get(WARD_SET_ID), [], on="17/2/2022")


def _filled_set() -> object:
    """A provincial set that fills in every criterion with a pass/fail indicator."""
    lines = [
        'id = "example-province-civilized-ward"',
        f'extends = "{WARD_SET_ID}"',
        'legal_basis = "Quyết định …/QĐ-UBND (illustrative)"',
        'confidence = "illustrative"',
    ]
    for number in range(1, 10):
        lines += [f'[indicators."{number}"]', 'requirement = "achieved"']
    return catalog.loads_set("\n".join(lines))


class TestRecognition:
    def test_rules_from_data(self) -> None:
        rules = civilized_rules()
        assert rules.set_id == WARD_SET_ID
        assert rules.first_recognition_years.amount == 2
        assert rules.re_recognition_years.amount == 5
        assert rules.min_satisfaction.amount == 90
        assert rules.provenance.confidence is Confidence.OFFICIAL
        assert rules.provenance.certainty == "high"
        assert rules.criterion_set().id == WARD_SET_ID

    def test_earliest_recognition(self) -> None:
        rules = civilized_rules()
        assert rules.earliest_recognition("1/3/2022") == datetime.date(2024, 3, 1)
        assert rules.earliest_recognition("1/3/2022", first=False) == datetime.date(2027, 3, 1)
        assert rules.earliest_recognition("29/2/2024") == datetime.date(2026, 2, 28)

    def _check(self, on: str, **kwargs: object) -> object:
        result = assess(
            WARD, _filled_set(), [Observation(str(n), True) for n in range(1, 10)], on=on
        )  # type: ignore[arg-type]
        return check_recognition(result, **kwargs)  # type: ignore[arg-type]

    def test_all_conditions_met(self) -> None:
        check = self._check("1/3/2024", registered_on="1/3/2022", satisfaction=Q_(90, "percent"))
        assert check.status is Status.MET  # type: ignore[attr-defined]
        text = check.explain("vi")  # type: ignore[attr-defined]
        assert "công nhận lần đầu" in text
        assert "đăng ký 01/03/2022, đủ 2 năm từ 01/03/2024" in text
        assert "90% ≥ 90%" in text
        assert "minh họa" in text  # the filled-in set is illustrative

    def test_registration_period_not_yet_over(self) -> None:
        check = self._check("29/2/2024", registered_on="1/3/2022", satisfaction=95)
        registration = check.condition("registration")  # type: ignore[attr-defined]
        assert registration.status is Status.NOT_MET
        assert (
            registration.detail_en == "registered 2022-03-01; 2 years not complete until 2024-03-01"
        )
        assert check.status is Status.NOT_MET  # type: ignore[attr-defined]

    def test_re_recognition_needs_five_years(self) -> None:
        early = self._check("1/3/2026", registered_on="1/3/2022", satisfaction=95, first=False)
        assert early.condition("registration").status is Status.NOT_MET  # type: ignore[attr-defined]
        late = self._check("1/3/2027", registered_on="1/3/2022", satisfaction=95, first=False)
        assert late.status is Status.MET  # type: ignore[attr-defined]
        assert "công nhận lại" in late.explain("vi")  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        ("value", "status"),
        [
            (89.99, Status.NOT_MET),
            (90, Status.MET),
            (Q_(0.9, ""), Status.MET),
            (Q_(0.8999, ""), Status.NOT_MET),
            (None, Status.UNKNOWN),
        ],
    )
    def test_satisfaction_of_at_least_90_percent(self, value: object, status: Status) -> None:
        check = self._check("1/6/2024", registered_on="1/3/2022", satisfaction=value)
        assert check.condition("satisfaction").status is status  # type: ignore[attr-defined]
        assert check.status is status  # type: ignore[attr-defined]

    def test_missing_satisfaction_needs_data(self) -> None:
        check = self._check("1/6/2024", registered_on="1/3/2022")
        condition = check.condition("satisfaction")  # type: ignore[attr-defined]
        assert condition.reason is UnknownReason.NO_DATA
        assert condition.summary("en") == (
            "residents' satisfaction: unknown — needs data (at least 90% required)"
        )

    def test_with_the_national_set_the_criteria_stay_unknown(self) -> None:
        result = assess(WARD, catalog.get(WARD_SET_ID), [], on="1/6/2024")
        check = check_recognition(result, registered_on="1/3/2022", satisfaction=95)
        assert check.condition("criteria").status is Status.UNKNOWN
        assert check.status is Status.UNKNOWN
        assert check.reason is UnknownReason.UNSPECIFIED

    def test_only_wards_and_townships(self) -> None:
        from ntm_criteria import demo

        commune = demo.gazetteer().get("03664")
        result = assess(commune, demo.criterion_set(), [], on="30/6/2023")
        with pytest.raises(ScopeError, match="commune"):
            check_recognition(result, registered_on="1/1/2020")

    def test_satisfaction_must_be_a_number(self) -> None:
        with pytest.raises(ObservationError):
            self._check("1/6/2024", registered_on="1/3/2022", satisfaction="cao")

    def test_rules_file_mistakes_all_at_once(self) -> None:
        with pytest.raises(DataErrors) as caught:
            loads_civilized_rules(
                (DATA / "recognition_mistakes.toml").read_text(encoding="utf-8"), file="c.toml"
            )
        assert [e.key_path for e in caught.value.errors] == [
            "scope",
            "confidence",
            "first_recognition_years",
            "re_recognition_years",
        ]

    def test_custom_rules(self) -> None:
        rules = attrs.evolve(
            civilized_rules(), min_satisfaction=Fixed(95, Provenance("provincial decision"))
        )
        result = assess(
            WARD, _filled_set(), [Observation(str(n), True) for n in range(1, 10)], on="1/6/2024"
        )  # type: ignore[arg-type]
        check = check_recognition(result, registered_on="1/3/2022", satisfaction=92, rules=rules)
        assert check.condition("satisfaction").status is Status.NOT_MET


@pytest.mark.parametrize(
    "name",
    [
        "CivilizedRules",
        "Condition",
        "RecognitionCheck",
        "check_recognition",
        "civilized_rules",
        "loads_civilized_rules",
    ],
)
def test_the_old_names_in_urban_still_work_with_a_warning(name: str) -> None:
    import ntm_criteria.civilized
    import ntm_criteria.urban

    with pytest.warns(DeprecationWarning, match=f"ntm_criteria.urban.{name} is deprecated"):
        old = getattr(ntm_criteria.urban, name)
    assert old is getattr(ntm_criteria.civilized, name)
    assert name not in ntm_criteria.urban.__all__


def test_from_urban_import_warns_too() -> None:
    with pytest.warns(DeprecationWarning, match="import it from ntm_criteria.civilized"):
        from ntm_criteria.urban import civilized_rules as old
    assert old is civilized_rules
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert isinstance(civilized_rules(), CivilizedRules)


def test_urban_has_no_other_names() -> None:
    import ntm_criteria.urban

    with pytest.raises(AttributeError, match="no_such_name"):
        ntm_criteria.urban.no_such_name  # noqa: B018


# -- bad input (issue 9) ------------------------------------------------------------


def _rules_text(**changes: str) -> str:
    text = (
        resources.files("ntm_criteria.catalog")
        .joinpath("data", "civilized", "recognition.toml")
        .read_text(encoding="utf-8")
    )
    lines = text.splitlines()
    for key, value in changes.items():
        lines = [f"{key} = {value}" if line.startswith(f"{key} =") else line for line in lines]
    return "\n".join(lines)


@pytest.mark.parametrize("years", ["100000", '"1e10000000"', "1" + "0" * 40])
def test_registration_years_beyond_a_century_are_refused_with_the_key(years: str) -> None:
    # Regression: 100000 years loaded, then earliest_recognition raised ValueError/OverflowError.
    with pytest.raises(DataErrors) as caught:
        loads_civilized_rules(_rules_text(first_recognition_years=years), file="c.toml")
    assert [e.key_path for e in caught.value.errors] == ["first_recognition_years"]


def test_a_registration_too_close_to_9999_is_a_data_error() -> None:
    # Regression: date overflow (ValueError "year 10001 is out of range").
    with pytest.raises(DataError, match="past 9999") as caught:
        civilized_rules().earliest_recognition("1/1/9999")
    assert caught.value.key_path == "registered_on"
