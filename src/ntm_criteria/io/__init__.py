"""Reading CSV tables, the way provincial offices keep them.

Four tables are read: observations (:func:`read_observations`), criterion
reviews (:func:`read_reviews`), recognition decisions
(:func:`read_recognitions`) and plan items (:func:`read_plan_items`).
A file is UTF-8 (a byte-order mark is allowed); every row is checked before
anything is returned, and all problems are reported together, each with its
line.  Headers, codes and words are compared in Unicode NFC, so a file
written decomposed (NFD) reads the same; text shown back keeps its bytes.  A
row with more fields than the header has columns is a problem of that row.
(Gazetteers are read by
:meth:`Gazetteer.load_csv <ntm_criteria.geography.Gazetteer.load_csv>`.)

An observation table is long: one row per locality, indicator and date.

======== ========= ========= ===================== ========== =============
locality indicator value     unit                  as_of      source
======== ========= ========= ===================== ========== =============
04036    3.1       86,5      %                     30/6/2023  Biên bản …
04036    10.1      41,5      triệu đồng/người/năm  30/6/2023
04036    3.2       đạt                             30/6/2023
======== ========= ========= ===================== ========== =============

Values are Vietnamese-formatted numbers (``72,56``, ``3.350.000``), pass/fail
words (``đạt``, ``không đạt``, ``chưa đạt``, ``true``/``false``) or grade
names.

>>> from ntm_criteria.units import unit_label
>>> share = parse_value("86,5", "%")
>>> share.magnitude, unit_label(share.units), parse_value("chưa đạt")
(86.5, '%', False)
"""

from ntm_criteria.io._observations import (
    OBSERVATION_COLUMNS,
    parse_value,
    read_observations,
    reads_observations,
)
from ntm_criteria.io._records import (
    PLAN_ITEM_COLUMNS,
    RECOGNITION_COLUMNS,
    read_plan_items,
    read_recognitions,
)
from ntm_criteria.io._reviews import REVIEW_COLUMNS, read_reviews, reads_reviews

__all__ = [
    "OBSERVATION_COLUMNS",
    "PLAN_ITEM_COLUMNS",
    "RECOGNITION_COLUMNS",
    "REVIEW_COLUMNS",
    "parse_value",
    "read_observations",
    "read_plan_items",
    "read_recognitions",
    "read_reviews",
    "reads_observations",
    "reads_reviews",
]
