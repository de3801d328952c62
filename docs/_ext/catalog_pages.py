"""Sphinx extension: write the catalog pages from the built-in data before the build reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ntm_criteria import catalog

INTRO = """# The built-in catalog

Every built-in criterion set, generated from the data files of
`ntm_criteria/catalog/data/` when these docs were built. Each page lists every
criterion and indicator with its unit, its requirement (by region, year, group
or tag where it varies), its legal source and its confidence.

**Unspecified** marks a threshold that the reference data does not give, or
that the law leaves to the province: the library reports such an indicator as
"threshold not specified" until a set that extends the national one supplies
it. Confidence `official` with certainty `medium` means the value of the legal
text as quoted by a secondary source.

```{{toctree}}
:hidden:

{pages}
```

{table}
"""


def write_pages(app: Any) -> None:
    folder = Path(app.srcdir) / "catalog"
    folder.mkdir(exist_ok=True)
    sets = [catalog.get(info.id) for info in catalog.list_sets()]
    for criterion_set in sets:
        _write(folder / f"{criterion_set.id}.md", catalog.set_page(criterion_set))
    pages = "\n".join(s.id for s in sets)
    _write(folder / "index.md", INTRO.format(pages=pages, table=catalog.catalog_index(sets)))


def _write(path: Path, text: str) -> None:
    # Rewrite only on change, so that Sphinx does not rebuild unchanged pages.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", write_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
