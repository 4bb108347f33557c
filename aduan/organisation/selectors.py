"""Reads of the organisation app shared by the intake, the forms and the staff views."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from aduan.lib.options import OptionList
from aduan.lib.refcache import LocalCache
from aduan.lib.text import compact_name, normalise_name
from aduan.organisation.choices import AreaKind, RoutingTarget, UnitKind
from aduan.organisation.models import (
    Area,
    AreaAlias,
    Category,
    Jurisdiction,
    RoutingRule,
    Unit,
)

#: Seconds a process keeps a jurisdiction's areas, categories and routing rules; a change in
#: the admin applies in the process that made it at once, in the others within this time.
REFERENCE_SECONDS = 60.0

# Words people put before an area name: "Kel. Tirto", "Kelurahan Tirto", "Kec Pekalongan Barat".
_AREA_PREFIX = re.compile(r"^(?:kelurahan|kel|kecamatan|kec|desa|ds)\s+")


def _area_keys(text: str) -> list[str]:
    """Compact lookup keys for ``text``: as written, and without a kelurahan/kecamatan prefix."""
    normalised = normalise_name(text)
    keys = [normalised.replace(" ", "")]
    stripped = _AREA_PREFIX.sub("", normalised)
    if stripped != normalised:
        keys.append(stripped.replace(" ", ""))
    return [k for k in keys if k]


_jurisdictions: LocalCache[Jurisdiction | None] = LocalCache(
    "jurisdictions", seconds=REFERENCE_SECONDS, invalidated_by=("organisation.Jurisdiction",)
)


def active_jurisdiction(pk: int | None = None, *, slug: str = "") -> Jurisdiction | None:
    """The active jurisdiction with ``pk`` (or ``slug``), or None; cached."""
    lookup: dict[str, object] = {"slug": slug} if slug else {"pk": pk}
    return _jurisdictions.get(
        (pk, slug), lambda: Jurisdiction.objects.filter(**lookup, is_active=True).first()
    )


class _AreaIndex:
    """A jurisdiction's areas by compact name or code and by alias, for ``area_resolve``."""

    def __init__(self, jurisdiction_id: int) -> None:
        areas = list(Area.objects.filter(jurisdiction_id=jurisdiction_id).select_related("parent"))
        self.by_key: dict[str, Area] = {}
        # Kecamatan first so that a kelurahan of the same name overwrites it.
        for area in sorted(areas, key=lambda a: a.kind != AreaKind.KECAMATAN):
            self.by_key[compact_name(area.name)] = area
            self.by_key.setdefault(compact_name(area.code), area)
        self.by_code = {a.code: a for a in areas}
        self.by_id = by_id = {a.pk: a for a in areas}
        aliases = (
            AreaAlias.objects.filter(area__jurisdiction_id=jurisdiction_id)
            .values_list("normalised", "area_id")
            .order_by("unconfirmed", "pk")
        )
        self.by_alias: dict[str, Area] = {}
        for normalised, area_id in aliases:
            if area_id in by_id:
                self.by_alias.setdefault(normalised.replace(" ", ""), by_id[area_id])


_areas: LocalCache[_AreaIndex] = LocalCache(
    "areas",
    seconds=REFERENCE_SECONDS,
    invalidated_by=("organisation.Area", "organisation.AreaAlias"),
)


def _area_index(jurisdiction_id: int) -> _AreaIndex:
    return _areas.get(jurisdiction_id, lambda: _AreaIndex(jurisdiction_id))


def area_resolve(*, jurisdiction: Jurisdiction, text: str) -> Area | None:
    """The kelurahan (or kecamatan) of ``jurisdiction`` that ``text`` names, or None.

    Matches the area's name or code, or any of its aliases (pre-2015 kelurahan names,
    spelling variants), ignoring case, spaces and punctuation: "sapuro kebulen",
    "SapuroKebulen", "Kel. Sapuro-Kebulen" and the alias "Kramatsari" all resolve. A current
    name beats an alias; a kelurahan beats a kecamatan of the same name. No query while the
    jurisdiction's areas are cached (``aduan.lib.refcache``).
    """
    keys = _area_keys(text or "")
    if not keys:
        return None
    index = _area_index(jurisdiction.pk)
    for key in keys:
        if key in index.by_key:
            return index.by_key[key]
    for key in keys:
        if key in index.by_alias:
            return index.by_alias[key]
    return None


def area_by_code(*, jurisdiction: Jurisdiction, code: str) -> Area | None:
    """The area of ``jurisdiction`` with ``code`` (its parent loaded), or None; cached."""
    return _area_index(jurisdiction.pk).by_code.get(code)


class _CategoryIndex:
    """A jurisdiction's categories (their default units loaded): all by id, active by code."""

    def __init__(self, jurisdiction_id: int) -> None:
        rows = Category.objects.filter(jurisdiction_id=jurisdiction_id).select_related(
            "default_unit"
        )
        self.by_id = {c.pk: c for c in rows}
        self.active_by_code = {c.code: c for c in self.by_id.values() if c.is_active}


_categories: LocalCache[_CategoryIndex] = LocalCache(
    "categories",
    seconds=REFERENCE_SECONDS,
    invalidated_by=("organisation.Category", "organisation.Unit"),
)


def _category_index(jurisdiction_id: int) -> _CategoryIndex:
    return _categories.get(jurisdiction_id, lambda: _CategoryIndex(jurisdiction_id))


def active_category(*, jurisdiction: Jurisdiction, code: str) -> Category | None:
    """The active category of ``jurisdiction`` with ``code`` (its default unit loaded), or
    None; cached."""
    return _category_index(jurisdiction.pk).active_by_code.get(code)


_units: LocalCache[dict[int, Unit]] = LocalCache(
    "units", seconds=REFERENCE_SECONDS, invalidated_by=("organisation.Unit",)
)


@dataclass(frozen=True)
class Reference:
    """A jurisdiction's units, categories and areas by id, as the reference cache holds them:
    for pages that show many complaints' unit, category and kelurahan without joining their
    tables (``complaints.selectors.attach_reference``). Shared between requests: read only."""

    units: dict[int, Unit]
    categories: dict[int, Category]
    areas: dict[int, Area]


def reference(jurisdiction_id: int) -> Reference:
    """The cached ``Reference`` of ``jurisdiction_id`` (up to four queries when not cached)."""
    units = _units.get(
        jurisdiction_id,
        lambda: {u.pk: u for u in Unit.objects.filter(jurisdiction_id=jurisdiction_id)},
    )
    return Reference(
        units=units,
        categories=_category_index(jurisdiction_id).by_id,
        areas=_area_index(jurisdiction_id).by_id,
    )


def categories_to_choose(jurisdiction_id: int) -> QuerySet[Category]:
    """The categories a complaint can be put in: the active ones, in their order."""
    return Category.objects.filter(jurisdiction_id=jurisdiction_id, is_active=True)


def units_to_choose(jurisdiction_id: int, *, external: bool = False) -> QuerySet[Unit]:
    """The active units a complaint can be sent to (``external``: the outside bodies it can
    be referred to), by kind and name."""
    units = Unit.objects.filter(jurisdiction_id=jurisdiction_id, is_active=True)
    units = (
        units.filter(kind=UnitKind.EXTERNAL) if external else units.exclude(kind=UnitKind.EXTERNAL)
    )
    return units.order_by("kind", "name")


_filter_options: LocalCache[OptionList] = LocalCache(
    "filter_options",
    seconds=REFERENCE_SECONDS,
    invalidated_by=("organisation.Category", "organisation.Area", "organisation.Unit"),
)


class FilterOptions:
    """A jurisdiction's filter lists as every staff and public list page offers them, each
    with its ``<option>`` markup rendered once; cached, and read only when a page shows it
    (one query each when not cached)."""

    def __init__(self, jurisdiction_id: int) -> None:
        self.jurisdiction_id = jurisdiction_id

    def _list(self, name: str, load: Callable[[], Iterable[tuple[object, object]]]) -> OptionList:
        return _filter_options.get((self.jurisdiction_id, name), lambda: OptionList(load()))

    @property
    def categories(self) -> OptionList:
        """Every category: code, name."""
        return self._list(
            "categories",
            lambda: Category.objects.filter(jurisdiction_id=self.jurisdiction_id).values_list(
                "code", "name"
            ),
        )

    def _active_categories(self, value: str) -> OptionList:
        return self._list(
            f"active_categories_{value}",
            lambda: categories_to_choose(self.jurisdiction_id).values_list(value, "name"),
        )

    @property
    def active_categories(self) -> OptionList:
        """The categories a citizen can still choose, by code."""
        return self._active_categories("code")

    @property
    def active_category_ids(self) -> OptionList:
        """The same by id (what a staff form's category choice posts)."""
        return self._active_categories("id")

    @property
    def kelurahan(self) -> OptionList:
        return self._list(
            "kelurahan",
            lambda: Area.objects.filter(
                jurisdiction_id=self.jurisdiction_id, kind=AreaKind.KELURAHAN
            ).values_list("id", "name"),
        )

    @property
    def units(self) -> OptionList:
        """The units (short name, else name), not the external bodies complaints go to."""
        return self._list(
            "units",
            lambda: (
                (pk, short or name)
                for pk, short, name in Unit.objects.filter(jurisdiction_id=self.jurisdiction_id)
                .exclude(kind=UnitKind.EXTERNAL)
                .values_list("id", "short_name", "name")
            ),
        )

    def _active_units(self, *, external: bool) -> OptionList:
        return self._list(
            f"active_units_{external}",
            lambda: (
                (unit.pk, str(unit))
                for unit in units_to_choose(self.jurisdiction_id, external=external)
            ),
        )

    @property
    def active_units(self) -> OptionList:
        """The active units a complaint can be sent to, by kind and name (as forms offer
        them)."""
        return self._active_units(external=False)

    @property
    def active_bodies(self) -> OptionList:
        """The active outside bodies a complaint can be referred to, by name."""
        return self._active_units(external=True)


def filter_options(jurisdiction_id: int) -> FilterOptions:
    """The category, kelurahan and unit filter lists of ``jurisdiction_id``."""
    return FilterOptions(jurisdiction_id)


def area_choices(*, jurisdiction: Jurisdiction) -> list[tuple[str, str]]:
    """(value, label) per kelurahan and per alias, sorted by value, for a datalist or select.

    The value is the name as a citizen types it and resolves with ``area_resolve``; the label
    says where it is ("Tirto — Kec. Pekalongan Barat") or what it is now ("Kramatsari
    (sekarang Pasirkratonkramat)"). Aliases that only differ from the current name by spaces
    or punctuation are left out. Two queries.
    """
    kelurahan = list(
        Area.objects.filter(jurisdiction=jurisdiction, kind=AreaKind.KELURAHAN).select_related(
            "parent"
        )
    )
    choices: list[tuple[str, str]] = []
    seen: set[str] = set()
    for area in kelurahan:
        label = f"{area.name} — Kec. {area.parent.name}" if area.parent else area.name
        choices.append((area.name, label))
        seen.add(compact_name(area.name))
    aliases = (
        AreaAlias.objects.filter(area__jurisdiction=jurisdiction, area__kind=AreaKind.KELURAHAN)
        .select_related("area")
        .order_by("name", "pk")
    )
    for alias in aliases:
        key = compact_name(alias.name)
        if key in seen:
            continue
        seen.add(key)
        choices.append((alias.name, f"{alias.name} (sekarang {alias.area.name})"))
    choices.sort(key=lambda c: c[0].casefold())
    return choices


def _unit_phrases(unit_name: str, keywords: str) -> list[str]:
    """Compact phrases that name a unit in free text: its name and its keywords."""
    phrases = [compact_name(p) for p in (unit_name, *keywords.split(","))]
    # Very short keywords ("pkm") would match inside unrelated words.
    return [p for p in phrases if len(p) >= 4]


def _puskesmas_named(*, jurisdiction: Jurisdiction, area: Area | None, text: str) -> Unit | None:
    """The puskesmas named in ``text``; one covering ``area`` first, then the earliest named."""
    haystack = compact_name(text or "")
    if not haystack:
        return None
    covering = (
        Exists(Unit.covered_areas.through.objects.filter(unit_id=OuterRef("pk"), area_id=area.pk))
        if area is not None
        else None
    )
    qs = Unit.objects.filter(jurisdiction=jurisdiction, kind=UnitKind.PUSKESMAS, is_active=True)
    if covering is not None:
        qs = qs.annotate(covers_area=covering)
    found: list[tuple[bool, int, int, Unit]] = []
    for unit in qs.order_by("pk"):
        positions = [
            pos
            for pos in (haystack.find(p) for p in _unit_phrases(unit.name, unit.keywords))
            if pos >= 0
        ]
        if positions:
            covers = bool(getattr(unit, "covers_area", False))
            found.append((not covers, min(positions), unit.pk, unit))
    if not found:
        return None
    found.sort(key=lambda f: f[:3])
    return found[0][3]


def _office(*, jurisdiction: Jurisdiction, kind: str, area: Area | None) -> Unit | None:
    if area is None:
        return None
    return (
        Unit.objects.filter(jurisdiction=jurisdiction, kind=kind, area=area, is_active=True)
        .order_by("pk")
        .first()
    )


def route_complaint(
    *, jurisdiction: Jurisdiction, category: Category, area: Area | None, text: str = ""
) -> Unit | None:
    """The unit that should handle a complaint of ``category`` at ``area``, or None.

    Applies the jurisdiction's routing rules of the category by priority (lower first; at the
    same priority a rule for the complaint's kelurahan comes before one for its kecamatan,
    which comes before a rule for all areas); a rule whose target cannot be found falls
    through. Targets: a fixed unit; the office of the complaint's kelurahan; the office of its
    kecamatan; a puskesmas named in ``text``, preferring one whose working area includes the
    location. Without a usable rule, the category's default unit. Units of other
    jurisdictions and inactive units are never returned.
    """
    if category is None or category.jurisdiction_id != jurisdiction.pk:
        return None
    if area is not None and area.jurisdiction_id != jurisdiction.pk:
        area = None
    area_ids = [a for a in (area.pk if area else None, area.parent_id if area else None) if a]
    rules = [
        r
        for r in _routing_rules(jurisdiction, category)
        if r.area_id is None or r.area_id in area_ids
    ]

    def specificity(rule: RoutingRule) -> int:
        if rule.area_id is None:
            return 2
        return 0 if area is not None and rule.area_id == area.pk else 1

    rules.sort(key=lambda r: (r.priority, specificity(r), r.pk))
    for rule in rules:
        unit: Unit | None = None
        if rule.target == RoutingTarget.UNIT:
            unit = rule.unit
        elif rule.target == RoutingTarget.KELURAHAN_OFFICE:
            if area is not None and area.kind == AreaKind.KELURAHAN:
                unit = _office(jurisdiction=jurisdiction, kind=UnitKind.KELURAHAN, area=area)
        elif rule.target == RoutingTarget.KECAMATAN_OFFICE:
            kecamatan = None
            if area is not None:
                kecamatan = area if area.kind == AreaKind.KECAMATAN else area.parent
            unit = _office(jurisdiction=jurisdiction, kind=UnitKind.KECAMATAN, area=kecamatan)
        elif rule.target == RoutingTarget.PUSKESMAS_NAMED:
            unit = _puskesmas_named(jurisdiction=jurisdiction, area=area, text=text)
        if _usable(unit, jurisdiction):
            return unit
    default = category.default_unit if category.default_unit_id else None
    return default if _usable(default, jurisdiction) else None


_rules: LocalCache[list[RoutingRule]] = LocalCache(
    "routing rules",
    seconds=REFERENCE_SECONDS,
    invalidated_by=("organisation.RoutingRule", "organisation.Unit"),
)


def _routing_rules(jurisdiction: Jurisdiction, category: Category) -> list[RoutingRule]:
    return _rules.get(
        (jurisdiction.pk, category.pk),
        lambda: list(
            RoutingRule.objects.filter(jurisdiction=jurisdiction, category=category).select_related(
                "unit"
            )
        ),
    )


def _usable(unit: Unit | None, jurisdiction: Jurisdiction) -> bool:
    return unit is not None and unit.is_active and unit.jurisdiction_id == jurisdiction.pk
