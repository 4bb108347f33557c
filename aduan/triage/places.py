"""Which kelurahan a complaint text names: current names, pre-2015 names, streets, landmarks.

A ``Gazetteer`` is built either from the organisation defaults shipped for a jurisdiction
(``aduan/organisation/defaults/<slug>/areas.toml`` and ``aliases.toml``, used offline by the
``aduan triage`` commands) or from the database (``Area`` and ``AreaAlias`` rows, so that
aliases an administrator adds count at once). Streets, landmarks, ambiguous words and the
neighbour lists come from ``data/places/<slug>.toml``.

Matching works on normalised words joined without spaces, so "Sapuro Kebulen",
"SapuroKebulen" and "sapuro-kebulen" meet, and so do "Pasir Kraton Kramat" and
"Pasirkratonkramat".
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aduan.lib.refcache import LocalCache
from aduan.triage.text import DATA_DIR, normalise

if TYPE_CHECKING:
    from aduan.organisation.models import Jurisdiction

DEFAULTS_DIR = Path(__file__).resolve().parent.parent / "organisation" / "defaults"

#: Words that introduce a place: a name right after them is taken as the complaint's place.
_PREFIXES = frozenset(
    {"kelurahan", "desa", "warga", "daerah", "wilayah", "kampung", "di", "kecamatan", "lokasi"}
)
#: Words right before a name that make it something else than the complaint's place.
_NOT_A_PLACE_BEFORE = frozenset({"puskesmas", "pkm", "sdn", "smpn", "sman", "smkn", "tk"})

# Rank of a match kind: lower wins.
_RANK = {"kelurahan": 0, "alias": 0, "landmark": 1, "street": 2, "kecamatan": 3}
_MAX_WORDS = 4
#: Texts whose ``Gazetteer.matches`` are kept (all forgotten when there are more).
_MATCHES_KEPT = 4096


@dataclass(frozen=True)
class PlaceMatch:
    """One place named in a text: the area code it points to and how it was named."""

    area: str  # area code ("" for a street known to cross several kelurahan)
    kind: str  # kelurahan | alias | landmark | street | kecamatan
    surface: str  # the words as normalised
    position: int  # word index in the normalised text
    prefixed: bool  # preceded by "kelurahan", "di", "warga"...


@dataclass
class Gazetteer:
    """Lookup tables for one jurisdiction."""

    slug: str
    names: dict[str, str] = field(default_factory=dict)  # area code -> display name
    kinds: dict[str, str] = field(default_factory=dict)  # area code -> kelurahan|kecamatan
    parents: dict[str, str] = field(default_factory=dict)  # kelurahan code -> kecamatan code
    keys: dict[str, tuple[str, str]] = field(default_factory=dict)  # compact -> (code, kind)
    ambiguous: frozenset[str] = frozenset()
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)
    streets: dict[str, str] = field(default_factory=dict)  # compact key -> street name
    landmarks: dict[str, str] = field(default_factory=dict)  # compact key -> landmark name
    ids: dict[str, int] = field(default_factory=dict)  # area code -> Area pk (database only)
    _prefixes: set[str] | None = field(default=None, repr=False, compare=False)
    #: ``matches`` of recent texts: one complaint's text is read for places by several
    #: features (its details, its place-less words, its kelurahan), and a duplicate search
    #: reads each candidate's
    _matched: dict[str, tuple[PlaceMatch, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def changed(self) -> None:
        """Forget what was read from the tables (the prefixes, the kept matches): called
        whenever a name, an ambiguous word, a street or a landmark is set."""
        self._prefixes = None
        self._matched = {}

    def add(self, text: str, code: str, kind: str) -> None:
        key = normalise(text).replace(" ", "")
        if not key:
            return
        self.changed()
        current = self.keys.get(key)
        # A current name beats an alias; a kelurahan beats a kecamatan of the same name.
        if (
            current is None
            or _RANK[kind] < _RANK[current[1]]
            or (kind == "kelurahan" and current[1] == "alias")
        ):
            self.keys[key] = (code, kind)

    # -- queries -------------------------------------------------------------------------

    def _longest(self, words: list[str], i: int, table: dict) -> tuple[int, str] | None:
        """The longest key of ``table`` made of the words from ``i`` on (a prefix walk)."""
        prefixes = self._prefixes
        if prefixes is None:
            prefixes = {
                key[:j]
                for key in (*self.keys, *self.streets, *self.landmarks)
                for j in range(1, len(key) + 1)
            }
            self._prefixes = prefixes
        hit = None
        acc = ""
        for n in range(1, min(_MAX_WORDS, len(words) - i) + 1):
            acc += words[i + n - 1]
            if acc not in prefixes:
                break
            if acc in table:
                hit = (n, acc)
        return hit

    def matches(self, text: str) -> list[PlaceMatch]:
        """Every place named in ``text``, longest names first at each position."""
        memo = self._matched
        found = memo.get(text)
        if found is None:
            found = tuple(self._matches(text))
            if len(memo) >= _MATCHES_KEPT:
                memo.clear()
            memo[text] = found
        return list(found)

    def _matches(self, text: str) -> list[PlaceMatch]:
        words = normalise(text).split()
        found: list[PlaceMatch] = []
        i = 0
        while i < len(words):
            hit = self._longest(words, i, self.keys)
            if hit is None:
                i += 1
                continue
            n, key = hit
            code, kind = self.keys[key]
            before = words[i - 1] if i > 0 else ""
            prefixed = before in _PREFIXES
            if key in self.ambiguous and before not in {"kelurahan", "desa", "warga"}:
                i += n
                continue
            if before in _NOT_A_PLACE_BEFORE and kind in {"kelurahan", "alias"}:
                # "Puskesmas Tirto" names the clinic, which still lies in Tirto: keep it,
                # ranked as a landmark.
                kind = "landmark"
            found.append(PlaceMatch(code, kind, " ".join(words[i : i + n]), i, prefixed))
            i += n
        return found

    def kelurahan(self, text: str) -> str | None:
        """The code of the kelurahan ``text`` is about, or None.

        Prefers a name after "di", "kelurahan", "warga"...; then kelurahan names and aliases,
        then landmarks, then streets; then the earliest. A kecamatan alone is not a
        kelurahan (see ``area``).
        """
        best = self._best(text, kelurahan_only=True)
        return best.area if best else None

    def area(self, text: str) -> str | None:
        """Like ``kelurahan`` but falls back to a kecamatan named in the text."""
        best = self._best(text, kelurahan_only=False)
        return best.area if best else None

    def code_of(self, label: str | None) -> str | None:
        """The area code a label names: a code as it is, or a name ("Panjang Wetan", an old
        name) read as "kelurahan <name>"; None when empty or unknown."""
        if not label:
            return None
        return label if label in self.names else self.area(f"kelurahan {label}")

    def _best(self, text: str, *, kelurahan_only: bool) -> PlaceMatch | None:
        candidates = [
            m
            for m in self.matches(text)
            if m.area and (m.kind != "kecamatan" or not kelurahan_only)
        ]
        if not candidates:
            return None
        candidates.sort(
            key=lambda m: (_RANK[m.kind] > 0, not m.prefixed, _RANK[m.kind], m.position)
        )
        return candidates[0]

    def details(self, text: str) -> set[str]:
        """Streets and landmarks named in ``text`` (their display names), for pair scoring."""
        words = normalise(text).split()
        out: set[str] = set()
        for i in range(len(words)):
            for table in (self.streets, self.landmarks):
                hit = self._longest(words, i, table)
                if hit is not None:
                    out.add(table[hit[1]])
        return out

    def details_by_kind(self, text: str) -> tuple[set[str], set[str]]:
        """(streets, landmarks) named in ``text`` (their display names)."""
        words = normalise(text).split()
        streets: set[str] = set()
        landmarks: set[str] = set()
        for i in range(len(words)):
            for table, out in ((self.streets, streets), (self.landmarks, landmarks)):
                hit = self._longest(words, i, table)
                if hit is not None:
                    out.add(table[hit[1]])
        return streets, landmarks

    def neighbourhood(self, code: str) -> tuple[str, ...]:
        """``code`` and its neighbours; without a neighbour list, the kelurahan of the same
        kecamatan."""
        if code in self.neighbours:
            return (code, *self.neighbours[code])
        parent = self.parents.get(code)
        if parent:
            return (code, *sorted(c for c, p in self.parents.items() if p == parent and c != code))
        return (code,)


def _load_places(g: Gazetteer) -> None:
    path = DATA_DIR / "places" / f"{g.slug}.toml"
    if not path.exists():
        return
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    g.ambiguous = frozenset(normalise(a).replace(" ", "") for a in data.get("ambiguous", []))
    for kind in ("landmark", "street"):
        for row in data.get(kind, []):
            for key in row.get("keys", []):
                compact = normalise(key).replace(" ", "")
                (g.landmarks if kind == "landmark" else g.streets)[compact] = row["name"]
                if row.get("area"):
                    g.add(key, row["area"], kind)
    g.neighbours = {k: tuple(v) for k, v in data.get("neighbours", {}).items()}
    g.changed()  # the ambiguous words, streets and landmarks above were set directly


def gazetteer_from_defaults(slug: str = "pekalongan") -> Gazetteer:
    """The gazetteer of a jurisdiction as shipped in the organisation defaults (no database)."""
    g = Gazetteer(slug=slug)
    base = DEFAULTS_DIR / slug
    with (base / "areas.toml").open("rb") as fh:
        areas = tomllib.load(fh)
    for row in areas.get("kecamatan", []):
        g.names[row["code"]] = row["name"]
        g.kinds[row["code"]] = "kecamatan"
        g.add(row["name"], row["code"], "kecamatan")
        g.add("kecamatan " + row["name"], row["code"], "kecamatan")
    for row in areas.get("kelurahan", []):
        g.names[row["code"]] = row["name"]
        g.kinds[row["code"]] = "kelurahan"
        g.parents[row["code"]] = row.get("kecamatan", "")
        g.add(row["name"], row["code"], "kelurahan")
    alias_path = base / "aliases.toml"
    if alias_path.exists():
        with alias_path.open("rb") as fh:
            aliases = tomllib.load(fh)
        for row in aliases.get("alias", []):
            g.add(row["name"], row["area"], "alias")
    _load_places(g)
    return g


def gazetteer_from_db(jurisdiction: Jurisdiction) -> Gazetteer:
    """The gazetteer of ``jurisdiction`` from its Area and AreaAlias rows. Two queries."""
    from aduan.organisation.models import Area, AreaAlias

    g = Gazetteer(slug=jurisdiction.slug)
    areas = list(
        Area.objects.filter(jurisdiction=jurisdiction).values_list(
            "pk", "code", "name", "kind", "parent__code"
        )
    )
    for pk, code, name, kind, parent in sorted(areas, key=lambda a: a[3] != "kecamatan"):
        g.ids[code] = pk
        g.names[code] = name
        g.kinds[code] = kind
        if kind == "kecamatan":
            g.add(name, code, "kecamatan")
            g.add("kecamatan " + name, code, "kecamatan")
        else:
            g.parents[code] = parent or ""
            g.add(name, code, "kelurahan")
    for name, code in AreaAlias.objects.filter(area__jurisdiction=jurisdiction).values_list(
        "name", "area__code"
    ):
        g.add(name, code, "alias")
    _load_places(g)
    return g


#: A database gazetteer is reused for this long; an alias edited in the admin counts at once
#: in the process that saved it, in the others after at most this long.
_gazetteers: LocalCache[Gazetteer] = LocalCache(
    "gazetteers",
    seconds=300.0,
    invalidated_by=("organisation.Area", "organisation.AreaAlias"),
)


def gazetteer_for(jurisdiction: Jurisdiction | None) -> Gazetteer:
    """The cached gazetteer of ``jurisdiction`` (from the database), or the Pekalongan
    defaults when there is none."""
    if jurisdiction is None:
        return default_gazetteer()
    return _gazetteers.get(jurisdiction.pk, lambda: gazetteer_from_db(jurisdiction))


def gazetteer_cache_clear() -> None:
    _gazetteers.clear()


_DEFAULTS: dict[str, Gazetteer] = {}


def default_gazetteer(slug: str = "pekalongan") -> Gazetteer:
    """The gazetteer of the shipped defaults of ``slug``, read once per process."""
    if slug not in _DEFAULTS:
        _DEFAULTS[slug] = gazetteer_from_defaults(slug)
    return _DEFAULTS[slug]
