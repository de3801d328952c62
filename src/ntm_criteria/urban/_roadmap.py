"""The deprecated ``RoadmapItem``: a shim that makes plan items from the old roadmap-item shape.

A ward's registered target year is a :class:`~ntm_criteria.progress.PlanItem`
(:func:`ntm_criteria.civilized.registration`); ``ntm_criteria.urban.RoadmapItem``
stays importable for one release, and this shim turns its calls, its
``registration`` and its ``from_dict`` into plan items.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from ntm_criteria import civilized
from ntm_criteria.analysis import PlanItem, PlanStatus
from ntm_criteria.errors import DataError

_FIELDS = (
    "locality_code",
    "title_vi",
    "title_en",
    "target",
    "status",
    "programme",
    "registered_on",
    "achieved_on",
)
_REQUIRED = ("locality_code", "title_vi", "title_en", "target")


class RoadmapItemShim:
    """Called as the old ``RoadmapItem(...)``, gives the equivalent :class:`~ntm_criteria.progress.PlanItem`.

    >>> item = RoadmapItemShim()("26734", "Đạt chuẩn", "Recognised", "31/12/2025", "achieved")
    >>> item.locality, item.due, item.status, item.agency
    ('26734', datetime.date(2025, 12, 31), <PlanStatus.DONE: 'done'>, '')
    """

    def __call__(
        self,
        locality_code: str,
        title_vi: str,
        title_en: str,
        target: datetime.date | str,
        status: PlanStatus | str = PlanStatus.PLANNED,
        programme: str | None = None,
        registered_on: datetime.date | str | None = None,
        achieved_on: datetime.date | str | None = None,
    ) -> PlanItem:
        return PlanItem(
            locality_code,
            None,
            target,
            status=status,
            programme=programme,
            title_vi=title_vi,
            title_en=title_en,
            registered_on=registered_on,
            achieved_on=achieved_on,
        )

    def registration(
        self,
        locality_code: str,
        year: int,
        *,
        registered_on: datetime.date | str | None = None,
        programme: str | None = None,
    ) -> PlanItem:
        """A ward's registration for ``year``: :func:`ntm_criteria.civilized.registration`.

        >>> RoadmapItemShim().registration("00002", 2024, programme="p").programme
        'p'
        """
        item = civilized.registration(locality_code, year, registered_on=registered_on)
        if not programme:
            return item
        return PlanItem.registration(
            locality_code,
            year,
            programme=programme,
            registered_on=item.registered_on,
            title_vi=item.title_vi,
            title_en=item.title_en,
        )

    def from_dict(self, data: Mapping[str, Any]) -> PlanItem:
        """A plan item from the old roadmap-item data (``locality_code``, ``target`` …).

        >>> RoadmapItemShim().from_dict({"locality_code": "1"})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: roadmap item: missing title_vi, title_en, target ...
        """
        unknown = [k for k in data if k not in _FIELDS]
        missing = [k for k in _REQUIRED if k not in data]
        if unknown or missing:
            problems = ([f"unknown {', '.join(map(repr, unknown))}"] if unknown else []) + (
                [f"missing {', '.join(missing)}"] if missing else []
            )
            raise DataError(
                "; ".join(problems), key_path="roadmap item", expected=", ".join(_FIELDS)
            )
        try:
            return self(**{str(k): v for k, v in data.items()})
        except DataError:
            raise
        except (TypeError, ValueError) as err:
            raise DataError(str(err), key_path="roadmap item") from None
