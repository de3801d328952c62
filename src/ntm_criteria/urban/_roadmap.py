"""Roadmap items (lộ trình): a locality's registered targets, such as a ward's year.

Kept as it was while the one plan type of ``ntm_criteria.analysis`` is
designed to replace it.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from ntm_criteria._validators import nfc, shown
from ntm_criteria.civilized import civilized_rules
from ntm_criteria.errors import DataError
from ntm_criteria.periods import as_date, as_optional_date
from ntm_criteria.text import message

__all__ = ["RoadmapItem", "RoadmapStatus"]


class RoadmapStatus(enum.Enum):
    """Where a roadmap item stands: planned, achieved or dropped.

    >>> RoadmapStatus("achieved").label("vi")
    'đã đạt'
    """

    PLANNED = "planned"
    ACHIEVED = "achieved"
    DROPPED = "dropped"

    def label(self, lang: str = "vi") -> str:
        """The status in words.

        >>> RoadmapStatus.DROPPED.label("en")
        'dropped'
        """
        return message(f"urban.roadmap.status.{self.value}", lang)


def _status(value: RoadmapStatus | str) -> RoadmapStatus:
    """A status or its value (in any Unicode form); anything else is a DataError naming the field."""
    try:
        return RoadmapStatus(nfc(value.strip()) if isinstance(value, str) else value)
    except ValueError:
        known = ", ".join(s.value for s in RoadmapStatus)
        raise DataError(
            f"unknown roadmap status {shown(value)}", key_path="status", expected=known
        ) from None


@attrs.frozen(slots=True)
class RoadmapItem:
    """One target on a locality's roadmap (lộ trình), such as a ward's registered year.

    ``locality_code`` names the locality, ``title_vi``/``title_en`` what is to
    be achieved, ``target`` by when, ``status`` where it stands and
    ``programme`` the criterion set or programme it belongs to.  Progress
    reports list the items planned for a period and those overdue.

    >>> item = RoadmapItem.registration("00001", 2025, registered_on="1/3/2023")
    >>> item.target, item.title_vi
    (datetime.date(2025, 12, 31), 'Đạt chuẩn đô thị văn minh năm 2025')
    >>> item.is_overdue(datetime.date(2026, 1, 1)), item.is_due_in(2025)
    (True, True)
    """

    locality_code: str
    title_vi: str
    title_en: str
    target: datetime.date = attrs.field(converter=as_date)
    status: RoadmapStatus = attrs.field(default=RoadmapStatus.PLANNED, converter=_status)
    programme: str | None = None
    registered_on: datetime.date | None = attrs.field(default=None, converter=as_optional_date)
    achieved_on: datetime.date | None = attrs.field(default=None, converter=as_optional_date)

    @classmethod
    def registration(
        cls,
        locality_code: str,
        year: int,
        *,
        registered_on: datetime.date | str | None = None,
        programme: str | None = None,
    ) -> RoadmapItem:
        """A ward's registration to be recognised as a civilized urban area in ``year``.

        >>> RoadmapItem.registration("00002", 2024).programme
        'vn-civilized-urban-ward-2022'
        """
        return cls(
            locality_code,
            message("urban.roadmap.registration", "vi", year=year),
            message("urban.roadmap.registration", "en", year=year),
            datetime.date(year, 12, 31),
            programme=programme or civilized_rules().set_id,
            registered_on=registered_on,
        )

    def is_overdue(self, on: datetime.date | str) -> bool:
        """True when the item is still planned after its target date.

        >>> RoadmapItem("1", "x", "x", "31/12/2024").is_overdue("31/12/2024")
        False
        """
        return self.status is RoadmapStatus.PLANNED and as_date(on) > self.target

    def is_due_in(self, year: int) -> bool:
        """True when the target falls in ``year``.

        >>> RoadmapItem("1", "x", "x", "30/6/2024").is_due_in(2024)
        True
        """
        return self.target.year == year

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready); :meth:`from_dict` reads it back.

        >>> RoadmapItem.from_dict(RoadmapItem("1", "x", "x", "30/6/2024").to_dict()).target
        datetime.date(2024, 6, 30)
        """
        return {
            "locality_code": self.locality_code,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "target": self.target.isoformat(),
            "status": self.status.value,
            "programme": self.programme,
            "registered_on": self.registered_on.isoformat() if self.registered_on else None,
            "achieved_on": self.achieved_on.isoformat() if self.achieved_on else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoadmapItem:
        """Build an item from :meth:`to_dict` data; a bad field is a :class:`~ntm_criteria.errors.DataError`.

        >>> RoadmapItem.from_dict({"locality_code": "1"})
        Traceback (most recent call last):
        ...
        ntm_criteria.errors.DataError: roadmap item: missing title_vi, title_en, target ...
        """
        fields = [f.name for f in attrs.fields(cls)]
        unknown = [k for k in data if k not in fields]
        missing = [k for k in ("locality_code", "title_vi", "title_en", "target") if k not in data]
        if unknown or missing:
            problems = ([f"unknown {', '.join(map(repr, unknown))}"] if unknown else []) + (
                [f"missing {', '.join(missing)}"] if missing else []
            )
            raise DataError(
                "; ".join(problems), key_path="roadmap item", expected=", ".join(fields)
            )
        try:
            return cls(**{str(k): v for k, v in data.items()})
        except (TypeError, ValueError) as err:
            if isinstance(err, DataError):
                raise
            raise DataError(str(err), key_path="roadmap item") from None
