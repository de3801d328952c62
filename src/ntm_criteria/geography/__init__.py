"""Places: socio-economic regions, locality kinds, localities and a gazetteer.

Criteria vary by *where* a locality is: thresholds differ by socio-economic
region (vùng kinh tế – xã hội), some indicators apply only to island or
border communes, and from 2026 each commune belongs to one of three groups
(Decision 51/2025/QĐ-TTg).  This module holds those facts as plain, immutable
data:

- :class:`Region` and the region *schemes* (sets of regions used by a given
  legal text), looked up with :func:`regions` and :func:`region`;
- :class:`LocalityKind`, the administrative tiers from province down to
  village;
- :class:`Locality`, one place with its official code, names, kind, parent,
  region and tags;
- :class:`Gazetteer`, an immutable collection of localities that can be
  loaded from CSV, checked, and walked as a tree;
  :meth:`Gazetteer.official` gives the official units in force on a date
  (before and from 1/7/2025, shipped with the package, see
  ``docs/admin-units.md``);
- :func:`successors` and :func:`predecessors` (:class:`UnitChange`): which old
  units became which new ones on 1/7/2025;
- :func:`check_codes`, :func:`check_localities` and :func:`resolve_code`:
  codes checked against a gazetteer or the official list, dropped leading
  zeros restored with a :class:`CodeWarning`.

Regions, kinds and tags are data files (``geography/data/regions.toml``,
``kinds.toml``, ``tags.toml``), each entry with its names and, where the law
gives one, its source; they are read once, when the module is imported.

Module constants:

- ``REGION_SCHEMES``: the names of the built-in region schemes;
- ``DEFAULT_REGION_SCHEME``: the scheme used when none is named;
- ``KNOWN_TAGS``: the documented tag vocabulary (user tags start with ``x_``);
- ``TAG_LABELS``: a Vietnamese and an English label for every known tag.

>>> REGION_SCHEMES
('ntm-2021', 'nq81-2023')
>>> DEFAULT_REGION_SCHEME
'ntm-2021'
>>> [r.code for r in regions()]
['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']
>>> "island" in KNOWN_TAGS
True
>>> TAG_LABELS["extremely_difficult"]["vi"]
'xã đặc biệt khó khăn'
>>> chieng_xom = Locality("03664", "Chiềng Xôm", "xã", parent="116", group=2)
>>> chieng_xom.label()
'xã Chiềng Xôm'
>>> gaz = Gazetteer([
...     Locality("14", "Sơn La", LocalityKind.PROVINCE, region="TDMNPB"),
...     Locality("116", "Sơn La", "provincial_city", parent="14"),
...     chieng_xom,
... ])
>>> [loc.code for loc in gaz.ancestors("03664")]
['116', '14']
>>> gaz.region_of("03664")
'TDMNPB'
>>> [c.after.label() for c in successors("03664")]
['phường Chiềng An']
"""

from ntm_criteria.geography._codes import (
    CODE_WIDTHS,
    CodeWarning,
    check_codes,
    check_localities,
    resolve_code,
    restore_codes,
    restore_zeros,
)
from ntm_criteria.geography._gazetteer import Gazetteer
from ntm_criteria.geography._kinds import LocalityKind
from ntm_criteria.geography._locality import Locality
from ntm_criteria.geography._official import REORGANISATION, OfficialList, official_lists
from ntm_criteria.geography._regions import (
    DEFAULT_REGION_SCHEME,
    REGION_SCHEMES,
    Region,
    is_region_code,
    region,
    regions,
)
from ntm_criteria.geography._reorganisation import UnitChange, predecessors, successors
from ntm_criteria.geography._tags import KNOWN_TAGS, TAG_LABELS, is_valid_tag

__all__ = [
    "CODE_WIDTHS",
    "DEFAULT_REGION_SCHEME",
    "KNOWN_TAGS",
    "REGION_SCHEMES",
    "REORGANISATION",
    "TAG_LABELS",
    "CodeWarning",
    "Gazetteer",
    "Locality",
    "LocalityKind",
    "OfficialList",
    "Region",
    "UnitChange",
    "check_codes",
    "check_localities",
    "is_region_code",
    "is_valid_tag",
    "official_lists",
    "predecessors",
    "region",
    "regions",
    "resolve_code",
    "restore_codes",
    "restore_zeros",
    "successors",
]
