"""The three progress charts and how they are written.

Private: see :mod:`ntm_criteria.charts`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ntm_criteria._extras import require
from ntm_criteria.analysis import PlanTarget, RollUp, Trajectory, trajectory
from ntm_criteria.assessment import AssessmentResult
from ntm_criteria.errors import DataError
from ntm_criteria.periods import format_date
from ntm_criteria.text import check_lang, format_percent, message

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "criteria_over_time",
    "distribution_chart",
    "plan_chart",
    "save_png",
    "write_charts",
]

_SIZE = (7.0, 4.0)  # inches; 100 dpi gives a 700 × 400 picture that fits a report page


def _figure() -> Figure:
    require("matplotlib")
    from matplotlib.figure import Figure

    return Figure(figsize=_SIZE, layout="constrained")


def criteria_over_time(
    results: Trajectory | Iterable[AssessmentResult], *, lang: str = "vi"
) -> Figure:
    """One locality's criteria met at each assessment, with its goal as a line.

    ``results`` is a :class:`~ntm_criteria.progress.Trajectory` or the
    locality's assessments (in any order).

    >>> from ntm_criteria import Observation, assess, demo
    >>> place, s = demo.gazetteer().effective("03658"), demo.criterion_set()
    >>> obs = demo.observations()["03658"]
    >>> figure = criteria_over_time([assess(place, s, obs, on="30/6/2023"),
    ...     assess(place, s, [*obs, Observation("3.2", True)], on="31/12/2023")], lang="en")
    >>> figure.axes[0].get_title()
    'Criteria met over time — Chieng Co commune'
    """
    lang = check_lang(lang)
    path = results if isinstance(results, Trajectory) else trajectory(results)
    figure = _figure()
    axes = figure.add_subplot()
    days = [day for day, _ in path.points]
    met = [count for _, count in path.points]
    axes.plot(days, met, marker="o")  # type: ignore[arg-type]  # matplotlib plots dates
    axes.axhline(path.goal, linestyle="--", color="grey")
    axes.annotate(
        message("charts.over_time.goal", lang, goal=path.goal),
        (days[0], path.goal),
        textcoords="offset points",
        xytext=(0, 4),
    )
    axes.set_ylim(0, path.goal + 1)
    axes.set_xticks(days, [format_date(day, lang) for day in days])  # type: ignore[arg-type]
    axes.set_title(message("charts.over_time.title", lang, place=path.locality.label(lang)))
    axes.set_xlabel(message("charts.over_time.axis_x", lang))
    axes.set_ylabel(message("charts.over_time.axis_y", lang))
    return figure


def plan_chart(rollup: RollUp, targets: Sequence[PlanTarget], *, lang: str = "vi") -> Figure:
    """For each planned level: localities holding it beside the plan, with the share of plan.

    >>> from ntm_criteria.criteria import Level
    >>> from ntm_criteria.progress import PlanTarget
    >>> figure = plan_chart(_demo_rollup(), [PlanTarget(Level.STANDARD, count=4)])
    >>> [text.get_text() for text in figure.axes[0].texts]
    ['50% kế hoạch']
    """
    lang = check_lang(lang)
    if not targets:
        raise DataError("a plan chart needs at least one plan target", key_path="targets")
    figure = _figure()
    axes = figure.add_subplot()
    names = [target.level.label(lang) for target in targets]
    progress = [rollup.against(target) for target in targets]
    places = range(len(targets))
    axes.bar(
        [p - 0.2 for p in places],
        [p.achieved for p in progress],
        width=0.4,
        label=message("charts.plan.achieved", lang),
    )
    axes.bar(
        [p + 0.2 for p in places],
        [float(p.planned) for p in progress],
        width=0.4,
        label=message("charts.plan.planned", lang),
        color="lightgrey",
    )
    for place, item in zip(places, progress, strict=True):
        ratio = format_percent(item.ratio, lang)
        axes.annotate(
            message("charts.plan.ratio", lang, ratio=ratio),
            (place - 0.2, item.achieved),
            ha="center",
            textcoords="offset points",
            xytext=(0, 3),
        )
    axes.set_xticks(list(places), names)
    axes.set_ylabel(message("charts.plan.axis_y", lang))
    when = format_date(rollup.on, lang) if rollup.on is not None else ""
    axes.set_title(message("charts.plan.title", lang, on=when).replace(" ()", ""))
    axes.legend()
    return figure


def distribution_chart(rollup: RollUp, *, lang: str = "vi") -> Figure:
    """Localities per bin of criteria met (the roll-up's bins: < 15, 15–18, 19 …).

    >>> figure = distribution_chart(_demo_rollup())
    >>> [label.get_text() for label in figure.axes[0].get_xticklabels()]
    ['< 4', '4–7', '8']
    """
    lang = check_lang(lang)
    figure = _figure()
    axes = figure.add_subplot()
    bins = rollup.distribution()
    places = range(len(bins))
    axes.bar(list(places), [count for _, count in bins])
    axes.set_xticks(list(places), [b.label() for b, _ in bins])
    axes.set_xlabel(message("charts.distribution.axis_x", lang))
    axes.set_ylabel(message("charts.distribution.axis_y", lang))
    axes.set_title(message("charts.distribution.title", lang, count=rollup.count))
    return figure


def save_png(figure: Figure, path: str | os.PathLike[str]) -> Path:
    """Write ``figure`` as a PNG file whose metadata holds its title; return the path.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = save_png(distribution_chart(_demo_rollup()), pathlib.Path(tmp, "d.png"))
    ...     out.read_bytes()[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    target = Path(path)
    title = figure.axes[0].get_title() if figure.axes else ""
    figure.savefig(target, format="png", dpi=100, metadata={"Title": title})
    return target


def write_charts(
    rollup: RollUp,
    directory: str | os.PathLike[str],
    *,
    targets: Sequence[PlanTarget] = (),
    lang: str = "vi",
) -> tuple[Path, ...]:
    """Write a report's charts into ``directory`` (created if missing); return their paths.

    ``distribution.png`` always; ``plan.png`` when there are plan targets.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_charts(_demo_rollup(), tmp)]
    ['distribution.png']
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = [save_png(distribution_chart(rollup, lang=lang), folder / "distribution.png")]
    if targets:
        written.append(save_png(plan_chart(rollup, targets, lang=lang), folder / "plan.png"))
    return tuple(written)


def _demo_rollup() -> RollUp:
    """The demo communes rolled up, for the examples (bins < 4, 4–7, 8 of the demo's 8 criteria)."""
    from ntm_criteria import demo
    from ntm_criteria.analysis import roll_up
    from ntm_criteria.assessment import assess

    places = demo.gazetteer()
    results = [
        assess(places.effective(code), demo.criterion_set(), obs, on=demo.ASSESSMENT_DATE)
        for code, obs in demo.observations().items()
    ]
    return roll_up(results, bins=(4, 8))
