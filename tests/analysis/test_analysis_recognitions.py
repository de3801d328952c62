"""Recognitions and maintenance: decisions, at risk, eligible for more.

The sets and figures are TEST DATA (tests/data/progress), illustrative only.
"""

from __future__ import annotations

import datetime

import attrs
import pytest
from analysis_cases import (
    COMMUNE,
    STANDARD,
    decide,
    observations,
)

from ntm_criteria import (
    DataError,
    Level,
    Status,
    UnknownCodeError,
)
from ntm_criteria.analysis import (
    Recognition,
)


class TestRecognition:
    def test_reads_text(self):
        r = Recognition(COMMUNE, "nâng cao", "s", "1234/QĐ-UBND", "15/6/2022", "14/6/2027")
        assert (r.locality, r.level, r.date, r.valid_until) == (
            "03664",
            Level.ADVANCED,
            datetime.date(2022, 6, 15),
            datetime.date(2027, 6, 14),
        )

    def test_in_force_is_inclusive_at_both_ends(self):
        r = Recognition("1", Level.STANDARD, "s", "1/QĐ", "2022-01-01", "2022-12-31")
        assert not r.in_force("2021-12-31")
        assert r.in_force("2022-01-01")
        assert r.in_force("2022-12-31")
        assert not r.in_force("2023-01-01")

    def test_int_level(self):
        assert Recognition("1", 3, "s", "1/QĐ", "2022-01-01").level is Level.MODEL

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("level", "gold", "unknown level 'gold'"),
            ("level", 7, "unknown level '7'"),
            ("decision", " ", "decision must be non-empty text"),
            ("date", "2022-02-30", "cannot parse"),
        ],
    )
    def test_bad_values(self, field, value, message):
        data = {
            "locality": "1",
            "level": 1,
            "set_id": "s",
            "decision": "1/QĐ",
            "date": "2022-01-01",
        }
        data[field] = value
        with pytest.raises(Exception, match=message) as info:
            Recognition(**data)
        assert isinstance(info.value, DataError | UnknownCodeError | ValueError)

    def test_to_and_from_dict(self):
        r = Recognition("03664", "model", "s", "7/QĐ-UBND", "2023-03-01", "2028-02-28")
        assert Recognition.from_dict(r.to_dict()) == r

    def test_from_a_csv_row_with_empty_expiry(self):
        row = {
            "locality": "03664",
            "level": "đạt chuẩn",
            "set_id": "s",
            "decision": "12/QĐ-UBND",
            "date": "15/6/2022",
            "valid_until": "",
        }
        assert Recognition.from_dict(row).valid_until is None

    def test_from_dict_names_the_missing_key(self):
        with pytest.raises(DataError, match=r"^decision: missing"):
            Recognition.from_dict({"locality": "1", "level": "model", "set_id": "s", "date": "x"})

    def test_labels(self):
        r = Recognition("1", "advanced", "s", "88/QĐ-UBND", "2023-03-01")
        assert r.label("vi") == "nâng cao — Quyết định số 88/QĐ-UBND ngày 01/03/2023"
        assert r.label("en") == "advanced — Decision 88/QĐ-UBND of 2023-03-01"


class TestMaintenance:
    """ "Một số tiêu chí đã đạt nhưng thiếu bền vững": recognised, no longer met."""

    def recognition(self, level: str = "standard", date: str = "1/3/2022") -> Recognition:
        return Recognition(COMMUNE, level, STANDARD.id, "12/QĐ-UBND", date)

    def test_maintained(self):
        d = decide(recognitions=[self.recognition()])
        (m,) = d.maintenance
        assert m.status is Status.MET
        assert not m.is_at_risk
        assert d.at_risk == ()

    def test_at_risk_with_the_criteria_that_slipped(self):
        d = decide(obs=observations(fail=[10, 17]), recognitions=[self.recognition()])
        (m,) = d.at_risk
        assert m.level is Level.STANDARD
        assert [c.number for c in m.slipped] == [10, 17]
        assert m.explain("vi") == (
            "đạt chuẩn (Quyết định số 12/QĐ-UBND ngày 01/03/2022): "
            "có nguy cơ không duy trì — tiêu chí 10, 17 không còn đạt"
        )
        assert "Recognised: standard (Decision 12/QĐ-UBND of 2022-03-01): at risk" in d.explain(
            "en"
        )

    def test_undecided_is_not_at_risk(self):
        d = decide(obs=observations(changes={"15.1": None}), recognitions=[self.recognition()])
        (m,) = d.maintenance
        assert m.status is Status.UNKNOWN
        assert d.at_risk == ()
        assert [c.number for c in m.undecided] == [15]
        assert m.explain("en").endswith("cannot be confirmed — criteria 15 need data")

    def test_each_recognised_level_is_checked_with_the_latest_decision(self):
        old = self.recognition("advanced", "1/3/2022")
        new = attrs.evolve(old, decision="77/QĐ-UBND", date=datetime.date(2023, 3, 1))
        d = decide(obs=observations(changes={"10.1": 45}), recognitions=[new, old])
        (m,) = d.maintenance
        assert m.recognition.decision == "77/QĐ-UBND"
        assert m.is_at_risk
        assert [c.number for c in m.slipped] == [10]

    def test_levels_outside_the_ladder_are_not_checked(self):
        d = decide(ladder=[STANDARD], recognitions=[self.recognition("model")])
        assert d.maintenance == ()
        assert d.recognised is Level.MODEL

    def test_eligible_for_a_higher_recognition(self):
        d = decide(recognitions=[self.recognition()])
        assert "Đủ điều kiện đề nghị công nhận đạt chuẩn kiểu mẫu." in d.explain("vi")


def test_decomposed_level_words_read_as_composed():
    # Regression: Recognition.from_dict refused NFD "đạt chuẩn" / "nâng cao".
    import unicodedata

    from ntm_criteria.levels import Recognition

    for word in ("đạt chuẩn", "nâng cao", "kiểu mẫu"):
        row = {
            "locality": "03676",
            "level": unicodedata.normalize("NFD", word),
            "set_id": unicodedata.normalize("NFD", "bộ-tiêu-chí"),
            "decision": "12/QĐ",
            "date": "15/6/2022",
        }
        composed = {**row, "level": word, "set_id": "bộ-tiêu-chí"}
        assert Recognition.from_dict(row) == Recognition.from_dict(composed)
