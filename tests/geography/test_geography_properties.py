"""Tests for ntm_criteria.geography: properties of localities and gazetteers (hypothesis)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ntm_criteria.errors import NtmError
from ntm_criteria.geography import (
    KNOWN_TAGS,
    Gazetteer,
    Locality,
    LocalityKind,
)

ALL_REGION_CODES = ("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL", "BTB-DHMT")
COLUMNS = ("code", "name_vi", "kind", "parent", "region", "tags", "group", "name_en")


clean_text = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() == s and bool(s))
vietnamese = st.sampled_from(
    ["Sơn La", "Chiềng Xôm", "Chiềng Đen", "Phổng Lái", "Đắk Lắk", "Bà Rịa–Vũng Tàu", "Ấp 3"]
).flatmap(lambda s: st.sampled_from([s, unicodedata.normalize("NFD", s)]))
names = vietnamese | clean_text
tag_sets = st.frozensets(
    st.sampled_from(sorted(KNOWN_TAGS)) | st.from_regex(r"x_[a-z0-9_]{1,8}", fullmatch=True),
    max_size=4,
)


@st.composite
def localities(draw: st.DrawFn, code: str | None = None) -> Locality:
    kind = draw(st.sampled_from(LocalityKind))
    own_code = code if code is not None else draw(clean_text)
    return Locality(
        code=own_code,
        name_vi=draw(names),
        kind=kind,
        parent=draw(st.none() | clean_text.filter(lambda p: p != own_code)),
        region=draw(st.none() | st.sampled_from(ALL_REGION_CODES)),
        tags=draw(tag_sets),
        group=draw(st.none() | st.sampled_from([1, 2, 3])) if kind.tier == 3 else None,
        name_en=draw(st.none() | names),
    )


@st.composite
def gazetteers(draw: st.DrawFn) -> Gazetteer:
    codes = draw(st.lists(clean_text, unique=True, max_size=8))
    return Gazetteer([draw(localities(code=code)) for code in codes])


@st.composite
def forests(draw: st.DrawFn) -> tuple[Gazetteer, list[int | None]]:
    """A random forest; parent[i] is the index of node i's parent, or None for a root."""
    size = draw(st.integers(1, 40))
    parents: list[int | None] = [None]
    for index in range(1, size):
        parents.append(draw(st.none() | st.integers(0, index - 1)) if index > 0 else None)
    order = draw(st.permutations(range(size)))
    nodes = [
        Locality(f"n{i}", f"Nút {i}", "xã", parent=None if p is None else f"n{p}")
        for i, p in enumerate(parents)
    ]
    return Gazetteer([nodes[i] for i in order]), parents


@st.composite
def trees(draw: st.DrawFn) -> Gazetteer:
    """A random single-rooted tree, nodes given in random order."""
    size = draw(st.integers(1, 40))
    parents = [None, *(draw(st.integers(0, i - 1)) for i in range(1, size))]
    order = draw(st.permutations(range(size)))
    nodes = [
        Locality(f"n{i}", f"Nút {i}", "xã", parent=None if p is None else f"n{p}")
        for i, p in enumerate(parents)
    ]
    return Gazetteer([nodes[i] for i in order])


TIER_KINDS = ("tỉnh", "huyện", "xã", "thôn")


@st.composite
def valid_trees(draw: st.DrawFn) -> Gazetteer:
    """A random administrative tree whose kinds follow the tiers."""
    size = draw(st.integers(1, 30))
    depth = [0]
    parents: list[int | None] = [None]
    for _ in range(1, size):
        candidates = [i for i, d in enumerate(depth) if d < 3]
        parent = draw(st.sampled_from(candidates))
        parents.append(parent)
        depth.append(depth[parent] + 1)
    nodes = [
        Locality(f"n{i}", f"Nút {i}", TIER_KINDS[d], parent=None if p is None else f"n{p}")
        for i, (p, d) in enumerate(zip(parents, depth, strict=True))
    ]
    return Gazetteer(nodes)


class TestProperties:
    @given(localities())
    def test_locality_dict_round_trip(self, loc: Locality) -> None:
        data = loc.to_dict()
        again = Locality.from_dict(data)
        assert again == loc
        assert again.name_vi.encode() == loc.name_vi.encode()
        assert Locality.from_dict(json.loads(json.dumps(data))) == loc

    @given(gazetteers())
    def test_rows_round_trip(self, gaz: Gazetteer) -> None:
        assert Gazetteer.from_rows(gaz.to_rows()) == gaz

    @settings(max_examples=50)
    @given(gazetteers())
    def test_csv_round_trip(self, gaz: Gazetteer) -> None:
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(gaz.to_rows())
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "g.csv")
            path.write_bytes(buffer.getvalue().encode("utf-8"))
            again = Gazetteer.load_csv(path)
        assert again == gaz
        assert [loc.name_vi.encode() for loc in again] == [loc.name_vi.encode() for loc in gaz]

    @given(trees())
    def test_descendants_of_root_are_all_other_nodes(self, gaz: Gazetteer) -> None:
        (root,) = gaz.roots()
        assert root.code == "n0"
        found = gaz.descendants(root.code)
        assert len(found) == len(gaz) - 1
        assert {loc.code for loc in found} == {loc.code for loc in gaz} - {"n0"}

    @given(trees())
    def test_descendants_visit_parents_before_children(self, gaz: Gazetteer) -> None:
        seen = {"n0"}
        for loc in gaz.descendants("n0"):
            assert loc.parent in seen
            seen.add(loc.code)

    @given(forests())
    def test_every_ancestor_chain_ends_at_a_root(
        self, case: tuple[Gazetteer, list[int | None]]
    ) -> None:
        gaz, parents = case
        roots = {loc.code for loc in gaz.roots()}
        assert roots == {f"n{i}" for i, p in enumerate(parents) if p is None}
        for loc in gaz:
            chain = gaz.ancestors(loc.code)
            top = chain[-1] if chain else loc
            assert top.code in roots
            for child, parent in zip((loc, *chain), chain, strict=False):
                assert child.parent == parent.code

    @given(forests())
    def test_roots_and_descendants_partition_a_forest(
        self, case: tuple[Gazetteer, list[int | None]]
    ) -> None:
        gaz, _ = case
        codes: list[str] = []
        for root in gaz.roots():
            codes.append(root.code)
            codes.extend(loc.code for loc in gaz.descendants(root.code))
        assert sorted(codes) == sorted(loc.code for loc in gaz)

    @given(valid_trees())
    def test_tiered_trees_validate(self, gaz: Gazetteer) -> None:
        gaz.validate()
        for loc in gaz:
            assert all(a.kind.tier < loc.kind.tier for a in gaz.ancestors(loc.code))

    @given(
        st.lists(
            st.dictionaries(
                st.sampled_from(COLUMNS) | st.text(max_size=6),
                st.sampled_from(
                    ["", "14", "xã", "tỉnh", "thôn", "TDMNPB", "1", "4", "island;x_a", "isle"]
                )
                | st.text(max_size=10),
                max_size=9,
            ),
            max_size=6,
        )
    )
    def test_from_rows_raises_only_ntm_errors(self, rows: list[dict[str, str]]) -> None:
        try:
            gaz = Gazetteer.from_rows(rows)
        except NtmError:
            return
        assert len(gaz) <= len(rows)

    @settings(max_examples=50)
    @given(st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8")))
    def test_load_csv_raises_only_ntm_errors(self, data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "g.csv")
            path.write_bytes(b"code,name_vi,kind,parent,group,tags\n" + data)
            with contextlib.suppress(NtmError):
                Gazetteer.load_csv(path)
