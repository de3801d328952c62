"""Tests for :mod:`ntm_criteria.rules`: evaluation, three-valued combination and status words."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from rules_support import (
    NA,
    NM,
    D,
    F,
    M,
    U,
    read,
)

from ntm_criteria.rules import (
    Achieved,
    AllOf,
    AnyOf,
    AtLeast,
    AtLeastK,
    AtMost,
    Between,
    Context,
    Equals,
    Fixed,
    OneOf,
    Ref,
    Status,
    UnknownReason,
    Unspecified,
    Verdict,
    combine,
    combine_all,
    combine_any,
    combine_at_least,
    evaluate,
    resolve_requirement,
)

# =========================================================================== evaluate


class TestEvaluateBoundaries:
    @pytest.mark.parametrize(
        ("requirement", "actual", "status"),
        [
            (AtLeast(Fixed(80)), F(80), M),
            (AtLeast(Fixed(80)), F(7999, 100), NM),
            (AtLeast(Fixed(80)), F(8001, 100), M),
            (AtLeast(Fixed("72.56")), F("72.56"), M),
            (AtLeast(Fixed(F(1, 3))), F(1, 3), M),
            (AtMost(Fixed(6)), F(6), M),
            (AtMost(Fixed(6)), F(601, 100), NM),
            (AtMost(Fixed(6)), F(0), M),
            (Equals(Fixed(100)), F(100), M),
            (Equals(Fixed(100)), F(9999, 100), NM),
            (Equals(Fixed(100)), F(10001, 100), NM),
            (Between(Fixed(1), Fixed(3)), F(1), M),
            (Between(Fixed(1), Fixed(3)), F(3), M),
            (Between(Fixed(1), Fixed(3)), F(2), M),
            (Between(Fixed(1), Fixed(3)), F(99, 100), NM),
            (Between(Fixed(1), Fixed(3)), F(301, 100), NM),
            (Between(Fixed(2), Fixed(2)), F(2), M),
            (AtLeast(Fixed(0)), F(0), M),
            (AtLeast(Fixed(-5)), F(-5), M),
        ],
    )
    def test_status(self, requirement: Any, actual: Fraction, status: Status) -> None:
        assert evaluate(requirement, actual).status is status

    def test_met_has_no_gap(self) -> None:
        assert evaluate(AtLeast(Fixed(80)), F(90)) == Verdict(M)


class TestEvaluateGaps:
    @pytest.mark.parametrize(
        ("requirement", "actual", "gap", "relative"),
        [
            (AtLeast(Fixed(45)), F(83, 2), F(7, 2), F(7, 90)),
            (AtLeast(Fixed(80)), F(60), F(20), F(1, 4)),
            (AtMost(Fixed(6)), F(8), F(2), F(1, 3)),
            (AtMost(Fixed("1.5")), F(3), F(3, 2), F(1)),
            (Equals(Fixed(100)), F(90), F(10), F(1, 10)),
            (Equals(Fixed(100)), F(110), F(10), F(1, 10)),
            (Between(Fixed(2), Fixed(4)), F(1), F(1), F(1, 2)),
            (Between(Fixed(2), Fixed(4)), F(5), F(1), F(1, 4)),
            # a threshold of zero has no relative gap
            (AtLeast(Fixed(0)), F(-1), F(1), None),
            (AtMost(Fixed(0)), F(2), F(2), None),
            (Equals(Fixed(0)), F(-3), F(3), None),
            (Between(Fixed(0), Fixed(5)), F(-1), F(1), None),
            # the gap is measured against the size of a negative threshold
            (AtLeast(Fixed(-4)), F(-6), F(2), F(1, 2)),
        ],
    )
    def test_gap(
        self, requirement: Any, actual: Fraction, gap: Fraction, relative: Fraction | None
    ) -> None:
        assert evaluate(requirement, actual) == Verdict(NM, gap=gap, relative_gap=relative)


class TestEvaluateUnknown:
    @pytest.mark.parametrize(
        "requirement",
        [
            Unspecified(),
            Unspecified("UBND cấp tỉnh quy định"),
            AtLeast(Unspecified()),
            AtMost(Unspecified(missing=("region", "DBSH"))),
            Equals(Unspecified()),
            Between(Unspecified(), Unspecified()),
        ],
    )
    def test_unspecified_threshold(self, requirement: Any) -> None:
        assert evaluate(requirement, F(50)) == Verdict(U, UnknownReason.UNSPECIFIED)

    def test_unspecified_requirement_whatever_the_value(self) -> None:
        for actual in (F(1), True, False, "Tốt"):
            assert evaluate(Unspecified(), actual).status is U

    @pytest.mark.parametrize(
        ("requirement", "actual", "verdict"),
        [
            # low known, high unknown
            (Between(Fixed(10), Unspecified()), F(5), Verdict(NM, gap=F(5), relative_gap=F(1, 2))),
            (Between(Fixed(10), Unspecified()), F(10), Verdict(U, UnknownReason.UNSPECIFIED)),
            (Between(Fixed(10), Unspecified()), F(1000), Verdict(U, UnknownReason.UNSPECIFIED)),
            # high known, low unknown
            (Between(Unspecified(), Fixed(10)), F(12), Verdict(NM, gap=F(2), relative_gap=F(1, 5))),
            (Between(Unspecified(), Fixed(10)), F(10), Verdict(U, UnknownReason.UNSPECIFIED)),
            (Between(Unspecified(), Fixed(10)), F(-1000), Verdict(U, UnknownReason.UNSPECIFIED)),
        ],
    )
    def test_between_with_one_side_unspecified(
        self, requirement: Between, actual: Fraction, verdict: Verdict
    ) -> None:
        assert evaluate(requirement, actual) == verdict


class TestEvaluateOtherKinds:
    @pytest.mark.parametrize(
        ("actual", "status"),
        [(True, M), (False, NM), ("True", NM), ("đạt", NM), (F(1), NM)],
    )
    def test_achieved(self, actual: Any, status: Status) -> None:
        assert evaluate(Achieved(), actual) == Verdict(status)

    @pytest.mark.parametrize(
        ("actual", "status"),
        [("Tốt", M), ("Khá", M), ("Trung bình", NM), ("tốt", NM), ("", NM), (True, NM)],
    )
    def test_one_of(self, actual: Any, status: Status) -> None:
        assert evaluate(OneOf(("Tốt", "Khá")), actual) == Verdict(status)

    @pytest.mark.parametrize("actual", [True, False, "80"])
    def test_number_requirement_on_something_else_is_not_met(self, actual: Any) -> None:
        for requirement in (AtLeast(Fixed(1)), AtMost(Fixed(1)), Between(Fixed(0), Fixed(1))):
            assert evaluate(requirement, actual) == Verdict(NM)


class TestEvaluateComposites:
    RANGE = AllOf([AtLeast(Fixed(10)), AtMost(Fixed(20))])

    @pytest.mark.parametrize(
        ("actual", "verdict"),
        [
            (F(10), Verdict(M)),
            (F(20), Verdict(M)),
            (F(5), Verdict(NM, gap=F(5), relative_gap=F(1, 2))),
            (F(25), Verdict(NM, gap=F(5), relative_gap=F(1, 4))),
        ],
    )
    def test_all_of(self, actual: Fraction, verdict: Verdict) -> None:
        assert evaluate(self.RANGE, actual) == verdict

    @pytest.mark.parametrize(("actual", "status"), [(F(1), M), (F(5), NM), (F(10), M), (F(11), M)])
    def test_any_of(self, actual: Fraction, status: Status) -> None:
        requirement = AnyOf([AtMost(Fixed(2)), AtLeast(Fixed(10))])
        assert evaluate(requirement, actual).status is status

    def test_any_of_not_met_reports_the_first_gap(self) -> None:
        requirement = AnyOf([AtMost(Fixed(2)), AtLeast(Fixed(10))])
        assert evaluate(requirement, F(5)) == Verdict(NM, gap=F(3), relative_gap=F(3, 2))

    @pytest.mark.parametrize(
        ("actual", "status"), [(F(15), M), (F(12), M), (F(25), NM), (F(5), NM)]
    )
    def test_at_least_k(self, actual: Fraction, status: Status) -> None:
        requirement = AtLeastK(2, [AtLeast(Fixed(10)), AtMost(Fixed(20)), Equals(Fixed(15))])
        assert evaluate(requirement, actual).status is status

    @pytest.mark.parametrize(
        ("requirement", "actual", "verdict"),
        [
            (
                AllOf([AtLeast(Unspecified()), AtMost(Fixed(5))]),
                F(3),
                Verdict(U, UnknownReason.UNSPECIFIED),
            ),
            (
                AllOf([AtLeast(Unspecified()), AtMost(Fixed(5))]),
                F(7),
                Verdict(NM, gap=F(2), relative_gap=F(2, 5)),
            ),
            (AnyOf([AtLeast(Unspecified()), AtMost(Fixed(5))]), F(3), Verdict(M)),
            (
                AnyOf([AtLeast(Unspecified()), AtMost(Fixed(5))]),
                F(7),
                Verdict(U, UnknownReason.UNSPECIFIED),
            ),
            (
                AllOf([Unspecified(), AnyOf([Equals(Unspecified())])]),
                F(7),
                Verdict(U, UnknownReason.UNSPECIFIED),
            ),
            (AllOf([Achieved(), Unspecified()]), False, Verdict(NM)),
            (AnyOf([OneOf("Tốt"), OneOf("Khá")]), "Khá", Verdict(M)),
            (AllOf([AllOf([AtLeast(Fixed(1))]), AnyOf([AtMost(Fixed(3))])]), F(2), Verdict(M)),
        ],
    )
    def test_unknown_propagates(self, requirement: Any, actual: Any, verdict: Verdict) -> None:
        assert evaluate(requirement, actual) == verdict

    def test_package_example(self) -> None:
        req, problems = read({"at_least": {"by_region": {"TDMNPB": 39}, "default": 45}})
        assert not problems
        context = Context(on=D(2022, 6, 15), region="DBSCL")
        verdict = evaluate(resolve_requirement(req, context), F(415, 10))
        assert verdict == Verdict(NM, gap=F(7, 2), relative_gap=F(7, 90))


# =========================================================================== combine


PAIRS = [
    # a, b, all_of, any_of
    (M, M, M, M),
    (M, NM, NM, M),
    (M, U, U, M),
    (M, NA, M, M),
    (NM, NM, NM, NM),
    (NM, U, NM, U),
    (NM, NA, NM, NM),
    (U, U, U, U),
    (U, NA, U, U),
    (NA, NA, NA, NA),
]


class TestCombine:
    @pytest.mark.parametrize(("a", "b", "all_of", "any_of"), PAIRS)
    def test_all_of_table(self, a: Status, b: Status, all_of: Status, any_of: Status) -> None:
        assert combine_all([a, b]) is all_of
        assert combine_all([b, a]) is all_of
        assert combine(AllOf([Ref("a"), Ref("b")]), [a, b]) is all_of

    @pytest.mark.parametrize(("a", "b", "all_of", "any_of"), PAIRS)
    def test_any_of_table(self, a: Status, b: Status, all_of: Status, any_of: Status) -> None:
        assert combine_any([a, b]) is any_of
        assert combine_any([b, a]) is any_of
        assert combine(AnyOf([Ref("a"), Ref("b")]), [a, b]) is any_of

    @pytest.mark.parametrize(
        ("statuses", "result"),
        [
            ([M, M, M], M),
            ([M, M, NM], M),
            ([M, M, U], M),
            ([M, U, U], U),
            ([M, U, NM], U),
            ([U, U, U], U),
            ([U, U, NM], U),
            ([M, NM, NM], NM),
            ([U, NM, NM], NM),
            ([NM, NM, NM], NM),
            ([M, M, NA], M),
            ([M, U, NA], U),
            ([M, NM, NA], NM),
            # not-applicable children are left out of the count, so two of them leave
            # one child, which cannot make two
            ([M, NA, NA], NM),
            ([NA, NA, NA], NA),
        ],
    )
    def test_two_of_three_table(self, statuses: list[Status], result: Status) -> None:
        assert combine_at_least(2, statuses) is result
        assert combine_at_least(2, reversed(statuses)) is result
        rule = AtLeastK(2, [Ref("a"), Ref("b"), Ref("c")])
        assert combine(rule, statuses) is result

    @pytest.mark.parametrize("combiner", [combine_all, combine_any])
    def test_nothing_to_combine_is_not_applicable(self, combiner: Any) -> None:
        assert combiner([]) is NA
        assert combiner(iter([])) is NA

    def test_at_least_nothing(self) -> None:
        assert combine_at_least(1, []) is NA

    @pytest.mark.parametrize("status", [M, NM, U, NA])
    def test_single_child(self, status: Status) -> None:
        assert combine_all([status]) is status
        assert combine_any([status]) is status
        assert combine_at_least(1, [status]) is status

    def test_accepts_generators(self) -> None:
        assert combine_all(s for s in [M, U]) is U
        assert combine_any(s for s in [NM, M]) is M
        assert combine_at_least(2, (s for s in [M, M, NM])) is M


class TestStatusLabels:
    @pytest.mark.parametrize(
        ("status", "vi", "en"),
        [
            (M, "đạt", "met"),
            (NM, "chưa đạt", "not met"),
            (U, "chưa xác định", "unknown"),
            (NA, "không áp dụng", "not applicable"),
        ],
    )
    def test_status(self, status: Status, vi: str, en: str) -> None:
        assert (status.label(), status.label("vi"), status.label("en")) == (vi, vi, en)

    @pytest.mark.parametrize(
        ("reason", "en"),
        [
            (UnknownReason.NO_DATA, "needs data"),
            (UnknownReason.UNSPECIFIED, "threshold not specified"),
            (UnknownReason.DEPENDS, "some parts are undecided"),
        ],
    )
    def test_reason(self, reason: UnknownReason, en: str) -> None:
        assert reason.label("en") == en
        assert reason.label("vi")
