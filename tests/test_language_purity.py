"""Vietnamese output is Vietnamese, English output English (issue 10, point 5).

Renders the explanations, summaries and reports of the demo and of every
built-in set in both languages and fails on a word of the other language.
Proper names and legal titles are allowed as such: the names of localities
and the parts of legal document numbers (``318/QĐ-TTg``) and units; a set's
legal basis and sources are not shown in these outputs (the catalog pages,
which show them, are English documentation with no language to choose).  Everything else shown must come in the output
language: from the message table, or from a data field of that language
(``name_vi``/``name_en``, ``unspecified_vi``/``unspecified_en``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator

import pytest

from ntm_criteria import Level, Locality, Observation, assess, catalog, demo
from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.criteria import CriterionSet
from ntm_criteria.errors import NtmError
from ntm_criteria.progress import PlanTarget, roll_up
from ntm_criteria.report import (
    distribution_table,
    levels_table,
    results_table,
    rollup_report,
    scorecard,
    standings_table,
)
from ntm_criteria.rules import Confidence, Context, Fixed, Provenance, Scaled, Unspecified, resolve

#: Common English words that have no business in Vietnamese output.
ENGLISH = frozenset(
    [
        "a",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "certainty",
        "commune",
        "communes",
        "criteria",
        "criterion",
        "data",
        "district",
        "fills",
        "for",
        "from",
        "high",
        "in",
        "indicator",
        "indicators",
        "is",
        "low",
        "medium",
        "met",
        "needs",
        "no",
        "not",
        "of",
        "on",
        "or",
        "province",
        "provincial",
        "reference",
        "reported",
        "set",
        "sets",
        "source",
        "the",
        "them",
        "threshold",
        "thresholds",
        "to",
        "unknown",
        "unspecified",
        "verified",
        "with",
    ]
)

#: Common Vietnamese words, written without their diacritics where they have
#: none, and tokens bearing a Vietnamese-only letter (below) in English output.
VIETNAMESE = frozenset(
    [
        "chưa",
        "đạt",
        "tiêu",
        "chí",
        "xã",
        "của",
        "và",
        "năm",
        "huyện",
        "tỉnh",
        "ngưỡng",
        "cần",
        "số",
        "liệu",
    ]
)
VIETNAMESE_LETTER = re.compile(
    "[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]",
    re.IGNORECASE,
)

#: Parts of legal document numbers (318/QĐ-TTg, 07/2021/NĐ-CP) and units.
LEGAL = frozenset("QĐ TTg NĐ CP UBTVQH BNNPTNT VND".lower().split())

WORD = re.compile(r"(?<![\w/-])[^\W\d_]+(?![\w/-])")

#: The name of the illustrative locality each built-in set is assessed for.
NAME = "Thử Nghiệm"


def words(text: str) -> Iterator[str]:
    """The words of ``text``, leaving out codes (``1a``) and document numbers."""
    for match in WORD.finditer(text):
        yield match.group(0)


def names_of(texts: Iterable[str | None]) -> frozenset[str]:
    """The words of proper names and legal titles, allowed in either language."""
    return frozenset(w.lower() for text in texts if text for w in words(text))


def foreign(text: str, lang: str, allowed: frozenset[str]) -> list[str]:
    """The words of ``text`` in the other language than ``lang``."""
    found = []
    for word in words(text):
        low = word.lower()
        if low in allowed or low in LEGAL:
            continue
        if lang == "vi" and low in ENGLISH:
            found.append(word)
        if lang == "en" and (low in VIETNAMESE or VIETNAMESE_LETTER.search(word)):
            found.append(word)
    return found


def renderings(results: list[AssessmentResult], lang: str) -> Iterator[str]:
    """Everything a user reads about ``results``: explanations, summaries, reports."""
    for r in results:
        yield r.explain(lang)
        yield r.headline(lang)
        yield from (c.summary(lang) for c in r.criteria)
        yield from (i.summary(lang) for i in r.indicators())
        yield from (scorecard(r, lang, fmt=fmt) for fmt in ("text", "markdown"))
    yield results_table(results, lang)
    up = roll_up(results)
    targets = [PlanTarget(Level.STANDARD, count=3)]
    for fmt in ("text", "markdown"):
        yield rollup_report(up, title="—", on=results[0].on, targets=targets, lang=lang, fmt=fmt)
        yield levels_table(up, lang, targets=targets, fmt=fmt)
        yield distribution_table(up, lang, fmt=fmt)
        yield standings_table(up, lang, fmt=fmt)


def check(results: list[AssessmentResult], lang: str, allowed: frozenset[str]) -> None:
    bad = {
        line: found
        for text in renderings(results, lang)
        for line in text.splitlines()
        if (found := foreign(line, lang, allowed))
    }
    assert not bad, "\n".join(f"{words}: {line}" for line, words in bad.items())


DEMO = [
    ("demo", demo.criterion_set, demo.observations),
    ("national-overlay", demo.national_overlay, demo.national_observations),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("name", "make_set", "make_observations"), DEMO, ids=[d[0] for d in DEMO])
def test_the_demo_speaks_one_language(name, make_set, make_observations, lang) -> None:
    places, s, obs = demo.gazetteer(), make_set(), make_observations()
    results = [assess(places.effective(c), s, obs[c], on=demo.ASSESSMENT_DATE) for c in obs]
    allowed = names_of(p.name_vi for p in places)
    check(results, lang, allowed)


def a_few_observations(s: CriterionSet, place: Locality) -> list[Observation]:
    """A value for the first few indicators that the set accepts (yes/no, or a number)."""
    chosen: list[Observation] = []
    for indicator in list(s.indicators())[:4]:
        for value in (True, 50):
            try:
                assess(place, s, [*chosen, Observation(indicator.code, value)], on=s.valid_from)
            except NtmError:
                continue
            chosen.append(Observation(indicator.code, value))
            break
    return chosen


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("set_id", [info.id for info in catalog.list_sets()])
def test_every_built_in_set_speaks_one_language(set_id: str, lang: str) -> None:
    s = catalog.get(set_id)
    kind = str(s.scope[0].value)
    bare, observed = (Locality(code, NAME, kind, region="TDMNPB") for code in ("00001", "00002"))
    results = [
        assess(bare, s, [], on=s.valid_from),
        assess(observed, s, a_few_observations(s, observed), on=s.valid_from),
    ]
    check(results, lang, names_of([NAME]))


def test_the_check_finds_the_other_language() -> None:
    assert foreign("3: chưa quy định ngưỡng (a provincial set fills them)", "vi", frozenset()) == [
        "a",
        "provincial",
        "set",
        "fills",
        "them",
    ]
    assert foreign("1.1: unknown (độ tin cậy medium)", "en", frozenset()) == ["độ", "cậy"]
    assert foreign("3: chưa quy định ngưỡng (318/QĐ-TTg)", "vi", frozenset()) == []
    assert foreign("Chiềng Xôm commune", "en", names_of(["Chiềng Xôm"])) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_confidence_and_certainty_words_speak_one_language(lang: str) -> None:
    lines = [
        Provenance(None, confidence, certainty=certainty).describe(lang)
        for confidence in Confidence
        for certainty in ("high", "medium", "low", None)
    ]
    assert [line for line in lines if foreign(line, lang, frozenset())] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_notes_made_by_the_library_speak_one_language(lang: str) -> None:
    on = Context(on=datetime.date(2024, 1, 1))
    notes = [
        resolve(
            Scaled("10.1", 1.1, base=Unspecified("not in the reference", note_vi="chưa có")), on
        ),
        resolve(Scaled("10.1", 1.1, base=Unspecified()), on),
        resolve(Scaled("10.1", 10**20, base=Fixed(10**20)), on),
    ]
    texts = [note.note_in(lang) or "" for note in notes if isinstance(note, Unspecified)]
    assert len(texts) == 3
    assert [text for text in texts if foreign(text, lang, frozenset())] == []
