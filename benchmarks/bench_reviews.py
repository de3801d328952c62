"""Assessing against the national commune set with criterion reviews (issue 10, point 1).

Rows, each with its ratio to the baseline measured in the same run (the same
communes assessed without reviews), as the minimum and median of repeats:

- ``assess`` with no reviews given (what every existing caller pays);
- ``assess`` with each commune's own 19 reviews (``ntm assess --reviews``
  groups the file by locality first);
- ``assess`` with a whole province's review list given to every commune
  (allowed: other localities' reviews are skipped, at a cost that grows with
  the list);
- reading the review CSV of all those communes.
"""

from __future__ import annotations

import datetime

from timing import min_median

from ntm_criteria import Locality, assess, catalog
from ntm_criteria.assessment import CriterionReview
from ntm_criteria.io import reads_reviews

ON = datetime.date(2022, 6, 15)


def run(quick: bool) -> None:
    n, repeats = (50, 3) if quick else (1000, 5)
    national = catalog.get("vn-ntm-commune-standard-2021-2025")
    places = [Locality(f"X{i:05d}", f"Xã {i}", "commune", region="TDMNPB") for i in range(n)]
    rows = [
        (p.code, c, "đạt" if (i + c) % 3 else "không đạt")
        for i, p in enumerate(places)
        for c in range(1, 20)
    ]
    reviews = [CriterionReview(code, c, s, "10/6/2022") for code, c, s in rows]
    text = "locality,criterion,status,date\n" + "".join(
        f"{code},{c},{s},10/6/2022\n" for code, c, s in rows
    )

    def plain() -> object:
        return [assess(p, national, [], on=ON) for p in places]

    def with_reviews() -> object:
        return [assess(p, national, [], on=ON, reviews=reviews) for p in places]

    grouped: dict[str, list[CriterionReview]] = {}
    for review in reviews:
        grouped.setdefault(review.locality, []).append(review)

    def with_own_reviews() -> object:
        return [assess(p, national, [], on=ON, reviews=grouped[p.code]) for p in places]

    base_min, base_median = min_median(plain, repeats)
    print(f"reviews: {n} communes, national set, {len(reviews)} reviews")
    for label, work in (
        ("assess, no reviews (baseline)", plain),
        ("assess, each commune's own 19 reviews (the CLI)", with_own_reviews),
        ("assess, the province's reviews to each commune", with_reviews),
        ("read the review CSV", lambda: reads_reviews(text)),
    ):
        low, median = (base_min, base_median) if work is plain else min_median(work, repeats)
        print(
            f"  {label:<50} min {low * 1000:8.1f} ms ({low / base_min:5.2f}x)"
            f"  median {median * 1000:8.1f} ms ({median / base_median:5.2f}x)"
        )
