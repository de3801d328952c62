"""Charts: files that are PNG pictures, with the expected titles and labels in one language."""

from __future__ import annotations

import importlib
import re

import pytest

from ntm_criteria import Observation, demo
from ntm_criteria.assessment import assess
from ntm_criteria.charts import (
    criteria_over_time,
    distribution_chart,
    plan_chart,
    save_png,
    write_charts,
)
from ntm_criteria.criteria import Level
from ntm_criteria.errors import DataError, MissingExtraError, UnknownCodeError
from ntm_criteria.progress import PlanTarget, roll_up

PNG = b"\x89PNG\r\n\x1a\n"


def _rollup():
    places = demo.gazetteer()
    results = [
        assess(places.effective(code), demo.criterion_set(), obs, on=demo.ASSESSMENT_DATE)
        for code, obs in demo.observations().items()
    ]
    return roll_up(results, bins=(4, 8))


def _png_title(path) -> str:
    """The Title in a PNG's metadata, read by Pillow (which matplotlib itself needs)."""
    from PIL import Image

    with Image.open(path) as image:
        assert image.format == "PNG"
        return image.text["Title"]


def _texts(figure) -> list[str]:
    axes = figure.axes[0]
    texts = [axes.get_title(), axes.get_xlabel(), axes.get_ylabel()]
    texts += [t.get_text() for t in axes.texts]
    texts += [t.get_text() for t in axes.get_xticklabels()]
    legend = axes.get_legend()
    if legend is not None:
        texts += [t.get_text() for t in legend.get_texts()]
    return [t for t in texts if t]


def test_write_charts_writes_png_files_with_their_titles(tmp_path):
    paths = write_charts(
        _rollup(), tmp_path / "out", targets=[PlanTarget(Level.STANDARD, count=4)], lang="vi"
    )
    assert [p.name for p in paths] == ["distribution.png", "plan.png"]
    for path in paths:
        assert path.read_bytes().startswith(PNG)
    titles = [_png_title(p) for p in paths]
    assert titles[0] == "Phân bố số tiêu chí đạt (6 đơn vị)"
    assert titles[1].startswith("Kết quả so với kế hoạch (")


def test_the_plan_chart_says_the_share_of_plan_as_the_report_does():
    figure = plan_chart(_rollup(), [PlanTarget(Level.STANDARD, count=4)], lang="en")
    assert "50% of plan" in _texts(figure)
    assert "standard" in _texts(figure)
    with pytest.raises(DataError, match="at least one plan target"):
        plan_chart(_rollup(), [])


def test_criteria_over_time_marks_each_assessment_and_the_goal():
    place, s = demo.gazetteer().effective("03658"), demo.criterion_set()
    obs = demo.observations()["03658"]
    figure = criteria_over_time(
        [
            assess(place, s, [*obs, Observation("3.2", True)], on="31/12/2023"),
            assess(place, s, obs, on="30/6/2023"),
        ],
        lang="vi",
    )
    texts = _texts(figure)
    assert "Mục tiêu: 8 tiêu chí" in texts
    assert [t for t in texts if "/20" in t] == ["30/06/2023", "31/12/2023"]
    line = figure.axes[0].get_lines()[0]
    assert list(line.get_ydata()) == [6, 7]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_label_is_in_the_chosen_language(lang, tmp_path):
    rollup = _rollup()
    figures = [
        distribution_chart(rollup, lang=lang),
        plan_chart(rollup, [PlanTarget(Level.STANDARD, count=4)], lang=lang),
    ]
    words = " ".join(" ".join(_texts(f)) for f in figures)
    vietnamese = re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", words)
    if lang == "en":
        assert vietnamese is None, words
        assert "Localities" in words
    else:
        assert vietnamese is not None
        assert not re.search(r"\b(Localities|Criteria|plan|Achieved)\b", words), words
    save_png(figures[0], tmp_path / "x.png")


def test_an_unknown_language_is_refused():
    with pytest.raises(UnknownCodeError):
        distribution_chart(_rollup(), lang="fr")


def test_without_matplotlib_the_error_names_the_extra(monkeypatch):
    real = importlib.import_module

    def missing(name, *args, **kwargs):
        if name == "matplotlib":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(MissingExtraError, match=r"ntm_criteria\[charts\]"):
        distribution_chart(_rollup())
