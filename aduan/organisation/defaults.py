"""Load a jurisdiction's default configuration from the TOML files under ``defaults/<slug>/``.

A folder holds one jurisdiction, in files an administrator can read and edit:

==================  ==========================================================================
jurisdiction.toml   ``[jurisdiction]``: slug, name, kind, tracking prefix, service name, ...
areas.toml          ``[[kecamatan]]`` and ``[[kelurahan]]`` (code, name, centroid, flags)
aliases.toml        ``[[alias]]``: other names of an area (pre-merger kelurahan, spellings)
units.toml          ``[offices]`` switches and ``[[unit]]`` (OPD, RSUD, BUMD, external bodies)
puskesmas.toml      more ``[[unit]]`` rows (kept apart because they are many)
categories.toml     ``[[category]]``: the complaint taxonomy with default unit and SLA
routing.toml        ``[[rule]]``: category (+ area) to unit, kelurahan office, puskesmas, ...
==================  ==========================================================================

Only ``jurisdiction.toml`` is required. Another city is another folder with the same files.

Loading is idempotent and runs in one transaction: rows are matched by their codes (aliases by
their normalised name, rules by category, area, target and unit) and their listed fields are
set from the files; a second run writes nothing. Rows that only exist in the database (added in
the admin) are never deleted, fields the files do not describe (``is_active``) are never
touched, and a puskesmas' working area only ever grows.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from aduan.lib.text import normalise_name
from aduan.organisation.choices import AreaKind, RoutingTarget, UnitKind
from aduan.organisation.models import (
    Area,
    AreaAlias,
    Category,
    Jurisdiction,
    RoutingRule,
    Unit,
)

_M = TypeVar("_M", bound=models.Model)

DEFAULTS_DIR = Path(__file__).resolve().parent / "defaults"

#: The files of a defaults folder, in loading order.
FILES = (
    "jurisdiction.toml",
    "areas.toml",
    "aliases.toml",
    "units.toml",
    "puskesmas.toml",
    "categories.toml",
    "routing.toml",
)

#: Entities reported in the summary, in order, with their Indonesian labels.
ENTITIES = {
    "jurisdiction": "yurisdiksi",
    "areas": "wilayah",
    "aliases": "nama lain wilayah",
    "units": "unit",
    "categories": "kategori",
    "rules": "aturan rute",
}


class _Writer(Protocol):
    def write(self, msg: str, /) -> Any: ...


class DefaultsError(ValueError):
    """The defaults folder is missing or its files are inconsistent; nothing was written."""


def available_defaults(base_dir: Path | None = None) -> list[str]:
    """Names of the defaults folders (one per jurisdiction), e.g. ``["pekalongan"]``."""
    root = base_dir or DEFAULTS_DIR
    if not root.is_dir():
        return []
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and (p / "jurisdiction.toml").is_file()
    )


def read_defaults(slug: str, *, base_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """The parsed files of one defaults folder, keyed by file name (missing files: ``{}``)."""
    root = base_dir or DEFAULTS_DIR
    names = available_defaults(root)
    if slug not in names:
        raise DefaultsError(
            f"Data bawaan '{slug}' tidak ditemukan. Tersedia: {', '.join(names) or '-'}."
        )
    folder = root / slug
    data: dict[str, dict[str, Any]] = {}
    for name in FILES:
        path = folder / name
        if not path.is_file():
            data[name] = {}
            continue
        try:
            with path.open("rb") as fh:
                data[name] = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise DefaultsError(f"{slug}/{name}: TOML tidak valid: {exc}") from exc
    return data


def load_defaults(
    slug: str = "pekalongan", *, stdout: _Writer | None = None, base_dir: Path | None = None
) -> dict[str, int]:
    """Create or update the jurisdiction described by ``defaults/<slug>/``; return counts.

    The result has ``<entity>``, ``<entity>_created`` and ``<entity>_updated`` for every
    entity in ``ENTITIES`` plus the totals ``created`` and ``updated``. Raises
    ``DefaultsError`` (and writes nothing) when the files are inconsistent.
    """
    data = read_defaults(slug, base_dir=base_dir)
    loader = _Loader(slug, data)
    with transaction.atomic():
        loader.run()
    counts = loader.counts.as_dict()
    if stdout is not None:
        stdout.write(loader.summary())
    return counts


# --- implementation ------------------------------------------------------------------------


@dataclass
class _Counts:
    seen: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITIES, 0))
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITIES, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITIES, 0))

    def as_dict(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for key in ENTITIES:
            result[key] = self.seen[key]
            result[f"{key}_created"] = self.created[key]
            result[f"{key}_updated"] = self.updated[key]
        result["created"] = sum(self.created.values())
        result["updated"] = sum(self.updated.values())
        return result


def _text(entry: dict[str, Any], key: str, default: str = "") -> str:
    value = entry.get(key, default)
    return "" if value is None else str(value).strip()


#: The keys each kind of entry may have; anything else is a typo worth reporting.
_KEYS = {
    "jurisdiction": {
        "slug",
        "name",
        "kind",
        "tracking_prefix",
        "service_name",
        "contact_whatsapp",
        "operator_unit",
        "settings",
    },
    "kecamatan": {"code", "name", "lat", "lon", "unconfirmed", "note"},
    "kelurahan": {"code", "name", "kecamatan", "lat", "lon", "unconfirmed", "note"},
    "alias": {"name", "area", "unconfirmed", "note"},
    "offices": {"kecamatan", "kelurahan"},
    "unit": {
        "code",
        "name",
        "short_name",
        "kind",
        "parent",
        "area",
        "covered_areas",
        "keywords",
        "unconfirmed",
        "coverage_unconfirmed",
    },
    "category": {
        "code",
        "name",
        "name_en",
        "description",
        "default_unit",
        "sla_days",
        "typically_needs_planning",
    },
    "rule": {"category", "target", "unit", "area", "priority", "note"},
}


def _check_keys(entry: Any, kind: str, where: str) -> None:
    if not isinstance(entry, dict):
        raise DefaultsError(f"{where}: harus berupa tabel.")
    unknown = sorted(set(entry) - _KEYS[kind])
    if unknown:
        raise DefaultsError(f"{where}: kunci tidak dikenal: {', '.join(unknown)}.")


def _required(entry: dict[str, Any], key: str, where: str) -> str:
    value = _text(entry, key)
    if not value:
        raise DefaultsError(f"{where}: '{key}' wajib diisi.")
    return value


class _Loader:
    """One loading run; keeps the code → row maps that later files refer to."""

    def __init__(self, slug: str, data: dict[str, dict[str, Any]]) -> None:
        self.slug = slug
        self.data = data
        self.counts = _Counts()
        self.jurisdiction: Jurisdiction | None = None
        self.areas: dict[str, Area] = {}
        self.units: dict[str, Unit] = {}
        self.categories: dict[str, Category] = {}

    # -- generic upsert ----------------------------------------------------------------------

    def _upsert(
        self,
        entity: str,
        model: type[_M],
        lookup: dict[str, Any],
        values: dict[str, Any],
        where: str,
        *,
        exclude: Iterable[str] = (),
    ) -> _M:
        """Find the row by ``lookup``; create it, or save only the fields that differ."""
        self.counts.seen[entity] += 1
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            self._validate(obj, where, exclude)
            obj.save()
            self.counts.created[entity] += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            self._validate(obj, where, exclude)
            obj.save(update_fields=[_field_name(model, name) for name in changed])
            self.counts.updated[entity] += 1
        return obj

    @staticmethod
    def _validate(obj: models.Model, where: str, exclude: Iterable[str]) -> None:
        try:
            obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            raise DefaultsError(f"{where}: {exc.message_dict}") from exc

    # -- lookups by code ---------------------------------------------------------------------

    def _area(self, code: str, where: str) -> Area:
        try:
            return self.areas[code]
        except KeyError:
            raise DefaultsError(f"{where}: kode wilayah '{code}' tidak dikenal.") from None

    def _unit(self, code: str, where: str) -> Unit:
        try:
            return self.units[code]
        except KeyError:
            raise DefaultsError(f"{where}: kode unit '{code}' tidak dikenal.") from None

    # -- the run -----------------------------------------------------------------------------

    def run(self) -> None:
        self._load_jurisdiction()
        self._load_areas()
        self._load_aliases()
        self._load_units()
        self._set_operator_unit()
        self._load_categories()
        self._load_rules()

    def _load_jurisdiction(self) -> None:
        entry = self.data["jurisdiction.toml"].get("jurisdiction")
        where = f"{self.slug}/jurisdiction.toml"
        if not isinstance(entry, dict):
            raise DefaultsError(f"{where}: tabel [jurisdiction] tidak ada.")
        _check_keys(entry, "jurisdiction", where)
        slug = _required(entry, "slug", where)
        existing = Jurisdiction.objects.filter(slug=slug).first()
        file_settings = entry.get("settings") or {}
        if not isinstance(file_settings, dict):
            raise DefaultsError(f"{where}: 'settings' harus berupa tabel.")
        # The file gives defaults; a value an administrator already set is kept.
        merged = {**file_settings, **(existing.settings if existing else {})}
        values = {
            "name": _required(entry, "name", where),
            "kind": _required(entry, "kind", where),
            "tracking_prefix": _text(entry, "tracking_prefix", "ADU"),
            "service_name": _text(entry, "service_name"),
            "contact_whatsapp": _text(entry, "contact_whatsapp"),
            "settings": merged,
        }
        self.jurisdiction = self._upsert(
            "jurisdiction", Jurisdiction, {"slug": slug}, values, where
        )

    def _load_areas(self) -> None:
        assert self.jurisdiction is not None  # noqa: S101 - set by _load_jurisdiction
        data = self.data["areas.toml"]
        self.areas = {a.code: a for a in Area.objects.filter(jurisdiction=self.jurisdiction)}
        for kind, key in ((AreaKind.KECAMATAN, "kecamatan"), (AreaKind.KELURAHAN, "kelurahan")):
            for i, entry in enumerate(data.get(key, []), start=1):
                where = f"{self.slug}/areas.toml [[{key}]] #{i}"
                _check_keys(entry, key, where)
                code = _required(entry, "code", where)
                parent_id = None
                if kind == AreaKind.KELURAHAN:
                    parent = self._area(_required(entry, "kecamatan", where), where)
                    if parent.kind != AreaKind.KECAMATAN:
                        raise DefaultsError(f"{where}: '{parent.code}' bukan kecamatan.")
                    parent_id = parent.pk
                values = {
                    "name": _required(entry, "name", where),
                    "kind": kind,
                    "parent_id": parent_id,
                    "latitude": entry.get("lat"),
                    "longitude": entry.get("lon"),
                    "unconfirmed": bool(entry.get("unconfirmed", False)),
                    "note": _text(entry, "note"),
                }
                self.areas[code] = self._upsert(
                    "areas",
                    Area,
                    {"jurisdiction": self.jurisdiction, "code": code},
                    values,
                    where,
                )

    def _load_aliases(self) -> None:
        existing: dict[str, list[AreaAlias]] = {}
        for alias in AreaAlias.objects.filter(area__jurisdiction=self.jurisdiction):
            existing.setdefault(alias.normalised, []).append(alias)
        for i, entry in enumerate(self.data["aliases.toml"].get("alias", []), start=1):
            where = f"{self.slug}/aliases.toml [[alias]] #{i}"
            _check_keys(entry, "alias", where)
            name = _required(entry, "name", where)
            area = self._area(_required(entry, "area", where), where)
            normalised = normalise_name(name)
            if not normalised:
                raise DefaultsError(f"{where}: nama '{name}' kosong setelah dinormalisasi.")
            values = {
                "name": name,
                "unconfirmed": bool(entry.get("unconfirmed", False)),
                "note": _text(entry, "note"),
            }
            rows = existing.get(normalised, [])
            same_area = [r for r in rows if r.area_id == area.pk]
            if same_area:
                lookup: dict[str, Any] = {"pk": same_area[0].pk}
            elif len(rows) == 1:
                # The files moved this name to another area: follow them.
                lookup = {"pk": rows[0].pk}
                values["area_id"] = area.pk
            else:
                lookup = {"area": area, "normalised": normalised}
            alias = self._upsert(
                "aliases", AreaAlias, lookup, values, where, exclude=["normalised"]
            )
            if alias not in rows:
                existing.setdefault(normalised, []).append(alias)

    def _unit_specs(self) -> list[tuple[str, dict[str, Any]]]:
        """(where, entry) for every unit: generated offices first, then the listed units."""
        specs: dict[str, tuple[str, dict[str, Any]]] = {}
        offices = self.data["units.toml"].get("offices", {})
        _check_keys(offices, "offices", f"{self.slug}/units.toml [offices]")
        for area in self.areas.values():
            if area.kind == AreaKind.KECAMATAN and offices.get("kecamatan"):
                specs[f"kec-{area.code}"] = (
                    f"{self.slug}/units.toml [offices]",
                    {
                        "code": f"kec-{area.code}",
                        "name": f"Kecamatan {area.name}",
                        "short_name": f"Kec. {area.name}",
                        "kind": UnitKind.KECAMATAN,
                        "area": area.code,
                    },
                )
        for area in self.areas.values():
            if area.kind == AreaKind.KELURAHAN and offices.get("kelurahan"):
                parent = next((a.code for a in self.areas.values() if a.pk == area.parent_id), None)
                specs[f"kel-{area.code}"] = (
                    f"{self.slug}/units.toml [offices]",
                    {
                        "code": f"kel-{area.code}",
                        "name": f"Kelurahan {area.name}",
                        "short_name": f"Kel. {area.name}",
                        "kind": UnitKind.KELURAHAN,
                        "area": area.code,
                        "parent": f"kec-{parent}" if parent and offices.get("kecamatan") else "",
                    },
                )
        for file in ("units.toml", "puskesmas.toml"):
            for i, entry in enumerate(self.data[file].get("unit", []), start=1):
                where = f"{self.slug}/{file} [[unit]] #{i}"
                _check_keys(entry, "unit", where)
                code = _required(entry, "code", where)
                base = specs.get(code, (where, {}))[1]
                specs[code] = (where, {**base, **entry})
        return list(specs.values())

    def _load_units(self) -> None:
        self.units = {u.code: u for u in Unit.objects.filter(jurisdiction=self.jurisdiction)}
        pending = self._unit_specs()
        # Parents may be listed after their children: load in rounds until nothing is left.
        while pending:
            waiting = []
            for where, entry in pending:
                parent_code = _text(entry, "parent")
                if parent_code and parent_code not in self.units:
                    waiting.append((where, entry))
                    continue
                self._load_unit(where, entry)
            if len(waiting) == len(pending):
                where, entry = waiting[0]
                raise DefaultsError(
                    f"{where}: unit induk '{_text(entry, 'parent')}' tidak dikenal."
                )
            pending = waiting

    def _load_unit(self, where: str, entry: dict[str, Any]) -> None:
        code = _required(entry, "code", where)
        parent_code = _text(entry, "parent")
        area_code = _text(entry, "area")
        name = _required(entry, "name", where)
        values = {
            "name": name,
            "short_name": _text(entry, "short_name") or name[:60],
            "kind": _required(entry, "kind", where),
            "parent_id": self._unit(parent_code, where).pk if parent_code else None,
            "area_id": self._area(area_code, where).pk if area_code else None,
            "keywords": _text(entry, "keywords"),
            "unconfirmed": bool(entry.get("unconfirmed", False)),
            "coverage_unconfirmed": bool(entry.get("coverage_unconfirmed", False)),
        }
        created_before = self.counts.created["units"]
        updated_before = self.counts.updated["units"]
        unit = self._upsert(
            "units", Unit, {"jurisdiction": self.jurisdiction, "code": code}, values, where
        )
        self.units[code] = unit
        covered = [self._area(str(c), where).pk for c in entry.get("covered_areas", [])]
        if covered:
            have = set(unit.covered_areas.values_list("pk", flat=True))
            missing = [pk for pk in covered if pk not in have]
            if missing:
                unit.covered_areas.add(*missing)
                touched = (
                    self.counts.created["units"] > created_before
                    or self.counts.updated["units"] > updated_before
                )
                if not touched:
                    self.counts.updated["units"] += 1

    def _set_operator_unit(self) -> None:
        assert self.jurisdiction is not None  # noqa: S101 - set by _load_jurisdiction
        entry = self.data["jurisdiction.toml"]["jurisdiction"]
        where = f"{self.slug}/jurisdiction.toml"
        code = _text(entry, "operator_unit")
        unit_id = self._unit(code, where).pk if code else None
        if self.jurisdiction.operator_unit_id != unit_id:
            self.jurisdiction.operator_unit_id = unit_id
            self.jurisdiction.save(update_fields=["operator_unit"])
            if self.counts.created["jurisdiction"] == 0:
                self.counts.updated["jurisdiction"] += 1

    def _load_categories(self) -> None:
        for i, entry in enumerate(self.data["categories.toml"].get("category", []), start=1):
            where = f"{self.slug}/categories.toml [[category]] #{i}"
            _check_keys(entry, "category", where)
            code = _required(entry, "code", where)
            unit_code = _text(entry, "default_unit")
            values = {
                "name": _required(entry, "name", where),
                "name_en": _text(entry, "name_en"),
                "description": _text(entry, "description"),
                "default_unit_id": self._unit(unit_code, where).pk if unit_code else None,
                "sla_days": int(entry.get("sla_days", 5)),
                "typically_needs_planning": bool(entry.get("typically_needs_planning", False)),
                "position": i * 10,
            }
            self.categories[code] = self._upsert(
                "categories",
                Category,
                {"jurisdiction": self.jurisdiction, "code": code},
                values,
                where,
            )

    def _category(self, code: str, where: str) -> Category:
        if code not in self.categories:
            found = Category.objects.filter(jurisdiction=self.jurisdiction, code=code).first()
            if found is None:
                raise DefaultsError(f"{where}: kode kategori '{code}' tidak dikenal.")
            self.categories[code] = found
        return self.categories[code]

    def _load_rules(self) -> None:
        for i, entry in enumerate(self.data["routing.toml"].get("rule", []), start=1):
            where = f"{self.slug}/routing.toml [[rule]] #{i}"
            _check_keys(entry, "rule", where)
            category = self._category(_required(entry, "category", where), where)
            target = _required(entry, "target", where)
            if target not in RoutingTarget.values:
                raise DefaultsError(f"{where}: tujuan '{target}' tidak dikenal.")
            unit_code = _text(entry, "unit")
            if (target == RoutingTarget.UNIT) != bool(unit_code):
                raise DefaultsError(
                    f"{where}: 'unit' wajib diisi bila dan hanya bila tujuan = unit."
                )
            area_code = _text(entry, "area")
            lookup = {
                "jurisdiction": self.jurisdiction,
                "category": category,
                "area": self._area(area_code, where) if area_code else None,
                "target": target,
                "unit": self._unit(unit_code, where) if unit_code else None,
            }
            values = {"priority": int(entry.get("priority", 100)), "note": _text(entry, "note")}
            self._upsert("rules", RoutingRule, lookup, values, where)

    # -- report ------------------------------------------------------------------------------

    def summary(self) -> str:
        name = self.jurisdiction.name if self.jurisdiction else self.slug
        lines = [f"Data bawaan '{self.slug}' dimuat: {name}"]
        for key, label in ENTITIES.items():
            lines.append(
                f"  {label}: {self.counts.seen[key]} "
                f"(baru {self.counts.created[key]}, diubah {self.counts.updated[key]})"
            )
        return "\n".join(lines) + "\n"


def _field_name(model: type[models.Model], attname: str) -> str:
    """``parent_id`` → ``parent`` for ``save(update_fields=...)`` (both work; be explicit)."""
    for f in model._meta.concrete_fields:
        if f.attname == attname:
            return f.name
    return attname
