import io
import tomllib
from pathlib import Path

import pytest
from django.core.management import call_command

from aduan.organisation.choices import AreaKind, UnitKind
from aduan.organisation.defaults import (
    DEFAULTS_DIR,
    DefaultsError,
    available_defaults,
    load_defaults,
)
from aduan.organisation.models import (
    Area,
    AreaAlias,
    Category,
    Jurisdiction,
    RoutingRule,
    Unit,
)

MODELS = (Jurisdiction, Area, AreaAlias, Unit, Category, RoutingRule)

# taxonomy.md: code -> (SLA in working days, default unit code)
TAXONOMY = {
    "adminduk": (3, "disdukcapil"),
    "bansos": (5, "dinsos-p2kb"),
    "kesehatan": (3, "dinkes"),
    "pendidikan": (5, "disdik"),
    "jalan": (14, "dpupr"),
    "drainase": (7, "dpupr"),
    "banjir_rob": (1, "bpbd"),
    "sampah": (3, "dlh"),
    "pencemaran": (7, "dlh"),
    "air_bersih": (3, "pdam-tirtayasa"),
    "pju": (5, "dishub"),
    "lalu_lintas": (5, "dishub"),
    "ketertiban": (3, "satpol-p3kp"),
    "perizinan": (5, "dpmptsp"),
    "pajak": (5, "bpkad"),
    "pelayanan_kelurahan": (3, "dinkominfo"),
    "aparatur": (5, "inspektorat"),
    "ketenagakerjaan": (5, "disnaker"),
    "perumahan": (14, "disperkim"),
    "lainnya": (5, "dinkominfo"),
}


@pytest.fixture
def empty(db) -> None:
    """No jurisdiction at all (the shared test database starts with Pekalongan loaded)."""
    Unit.objects.update(parent=None)
    Area.objects.update(parent=None)
    Jurisdiction.objects.all().delete()


def _row_counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS} | {
        "coverage": Unit.covered_areas.through.objects.count()
    }


@pytest.mark.django_db
class TestLoadDefaults:
    def test_it_lists_the_shipped_folders(self):
        assert "pekalongan" in available_defaults()

    def test_it_creates_the_jurisdiction_as_described(self, empty):
        counts = load_defaults("pekalongan")
        j = Jurisdiction.objects.get(slug="pekalongan")
        assert j.name == "Pemerintah Kota Pekalongan"
        assert j.kind == "kota"
        assert j.tracking_prefix == "ADU"
        assert j.service_name == "Lapor Ajib"
        assert j.contact_whatsapp == "0816-644-000"
        assert j.operator_unit is not None and j.operator_unit.code == "dinkominfo"
        assert counts["categories_created"] == 20
        assert counts["created"] == sum(
            counts[f"{k}_created"]
            for k in ("jurisdiction", "areas", "aliases", "units", "categories", "rules")
        )

    def test_loading_twice_changes_nothing(self, empty):
        load_defaults("pekalongan")
        before = _row_counts()
        counts = load_defaults("pekalongan")
        assert counts["created"] == 0
        assert counts["updated"] == 0
        assert _row_counts() == before

    def test_loading_twice_creates_no_duplicate_codes(self, empty):
        load_defaults("pekalongan")
        load_defaults("pekalongan")
        for model in (Area, Unit, Category):
            codes = list(model.objects.values_list("code", flat=True))
            assert len(codes) == len(set(codes)), model.__name__
        names = list(AreaAlias.objects.values_list("area_id", "normalised"))
        assert len(names) == len(set(names))
        rules = list(RoutingRule.objects.values_list("category_id", "area_id", "target", "unit_id"))
        assert len(rules) == len(set(rules))

    def test_it_keeps_rows_and_links_added_in_the_admin(self, pekalongan):
        tirto = Area.objects.get(jurisdiction=pekalongan, code="tirto")
        extra_unit = Unit.objects.create(
            jurisdiction=pekalongan,
            code="dinas-baru",
            name="Dinas Baru",
            short_name="DB",
            kind=UnitKind.OPD,
        )
        AreaAlias.objects.create(area=tirto, name="Tirto Lama")
        jalan = Category.objects.get(jurisdiction=pekalongan, code="jalan")
        RoutingRule.objects.create(
            jurisdiction=pekalongan,
            category=jalan,
            target="unit",
            unit=extra_unit,
            area=tirto,
            priority=5,
        )
        pkm_tirto = Unit.objects.get(jurisdiction=pekalongan, code="pkm-tirto")
        pkm_tirto.covered_areas.add(Area.objects.get(jurisdiction=pekalongan, code="medono"))
        Unit.objects.filter(code="bappeda").update(is_active=False)

        load_defaults("pekalongan")

        assert Unit.objects.filter(code="dinas-baru").exists()
        assert AreaAlias.objects.filter(area=tirto, name="Tirto Lama").exists()
        assert RoutingRule.objects.filter(unit=extra_unit).exists()
        assert pkm_tirto.covered_areas.filter(code="medono").exists()
        assert not Unit.objects.get(code="bappeda").is_active

    def test_it_sets_listed_values_back_from_the_files(self, pekalongan):
        Category.objects.filter(jurisdiction=pekalongan, code="jalan").update(sla_days=99)
        counts = load_defaults("pekalongan")
        assert Category.objects.get(jurisdiction=pekalongan, code="jalan").sla_days == 14
        assert counts["categories_updated"] == 1
        assert counts["created"] == 0

    def test_it_keeps_settings_keys_added_by_an_administrator(self, pekalongan):
        pekalongan.settings["verification_days"] = 2
        pekalongan.save()
        load_defaults("pekalongan")
        pekalongan.refresh_from_db()
        assert pekalongan.settings["verification_days"] == 2
        assert pekalongan.settings["processing_working_days"] == 14

    def test_it_refuses_an_unknown_folder(self):
        with pytest.raises(DefaultsError):
            load_defaults("atlantis")

    def test_it_writes_nothing_when_the_files_are_inconsistent(self, tmp_path):
        city = tmp_path / "rusak"
        city.mkdir()
        (city / "jurisdiction.toml").write_text(
            '[jurisdiction]\nslug = "rusak"\nname = "Kota Rusak"\nkind = "kota"\n'
        )
        (city / "categories.toml").write_text(
            '[[category]]\ncode = "jalan"\nname = "Jalan"\ndefault_unit = "tidak-ada"\n'
        )
        with pytest.raises(DefaultsError, match="tidak-ada"):
            load_defaults("rusak", base_dir=tmp_path)
        assert not Jurisdiction.objects.filter(slug="rusak").exists()

    def test_it_reports_a_misspelt_key(self, tmp_path):
        city = tmp_path / "salah"
        city.mkdir()
        (city / "jurisdiction.toml").write_text(
            '[jurisdiction]\nslug = "salah"\nname = "Kota Salah"\nkind = "kota"\n'
        )
        (city / "areas.toml").write_text(
            '[[kecamatan]]\ncode = "a"\nname = "A"\nunconfirmd = true\n'
        )
        with pytest.raises(DefaultsError, match="unconfirmd"):
            load_defaults("salah", base_dir=tmp_path)

    def test_the_command_prints_a_summary(self, empty):
        out = io.StringIO()
        call_command("load-defaults", "--jurisdiction", "pekalongan", stdout=out)
        assert "kategori: 20 (baru 20" in out.getvalue()
        out = io.StringIO()
        call_command("load-defaults", stdout=out)
        assert "kategori: 20 (baru 0, diubah 0)" in out.getvalue()


@pytest.mark.django_db
class TestPekalonganData:
    def test_it_has_the_twenty_taxonomy_codes_with_sla_and_default_unit(self, pekalongan):
        categories = {
            code: (sla, unit_code)
            for code, sla, unit_code in Category.objects.filter(
                jurisdiction=pekalongan
            ).values_list("code", "sla_days", "default_unit__code")
        }
        assert categories == TAXONOMY

    def test_planning_categories_are_flagged(self, pekalongan):
        flagged = set(
            Category.objects.filter(
                jurisdiction=pekalongan, typically_needs_planning=True
            ).values_list("code", flat=True)
        )
        assert flagged == {"jalan", "drainase", "banjir_rob", "perumahan"}

    def test_category_order_follows_the_file(self, pekalongan):
        codes = list(
            Category.objects.filter(jurisdiction=pekalongan).values_list("code", flat=True)
        )
        assert codes == list(TAXONOMY)

    def test_it_has_four_kecamatan_and_twenty_seven_kelurahan(self, pekalongan):
        areas = Area.objects.filter(jurisdiction=pekalongan)
        assert areas.filter(kind=AreaKind.KECAMATAN).count() == 4
        kelurahan = areas.filter(kind=AreaKind.KELURAHAN)
        assert kelurahan.count() == 27
        assert not kelurahan.filter(parent__isnull=True).exists()
        per_kecamatan = {k.code: k.children.count() for k in areas.filter(kind=AreaKind.KECAMATAN)}
        assert per_kecamatan == {
            "pekalongan-barat": 7,
            "pekalongan-timur": 7,
            "pekalongan-utara": 7,
            "pekalongan-selatan": 6,
        }

    def test_centroids_lie_in_the_city(self, pekalongan):
        for area in Area.objects.filter(jurisdiction=pekalongan):
            assert area.latitude is not None and -6.95 < area.latitude < -6.83, area
            assert area.longitude is not None and 109.62 < area.longitude < 109.73, area

    def test_every_area_has_its_office(self, pekalongan):
        units = {u.code: u for u in Unit.objects.filter(jurisdiction=pekalongan)}
        areas = {a.pk: a for a in Area.objects.filter(jurisdiction=pekalongan)}
        for area in areas.values():
            prefix = "kel" if area.kind == AreaKind.KELURAHAN else "kec"
            office = units[f"{prefix}-{area.code}"]
            assert office.kind == area.kind
            assert office.area_id == area.pk
            if area.kind == AreaKind.KELURAHAN:
                assert area.parent_id is not None
                kecamatan_office = units[f"kec-{areas[area.parent_id].code}"]
                assert office.parent_id == kecamatan_office.pk

    def test_every_kelurahan_is_in_some_puskesmas_working_area(self, pekalongan):
        uncovered = Area.objects.filter(
            jurisdiction=pekalongan, kind=AreaKind.KELURAHAN, covering_units__isnull=True
        )
        assert list(uncovered) == []

    def test_puskesmas_are_under_dinkes_and_marked_as_guessed(self, pekalongan):
        puskesmas = Unit.objects.filter(jurisdiction=pekalongan, kind=UnitKind.PUSKESMAS)
        assert puskesmas.count() == 15
        assert puskesmas.filter(unconfirmed=False).count() == 10
        dinkes = Unit.objects.get(jurisdiction=pekalongan, code="dinkes")
        for unit in puskesmas:
            assert unit.parent_id == dinkes.pk
            assert unit.coverage_unconfirmed
            assert unit.keywords

    def test_unconfirmed_units_are_flagged(self, pekalongan):
        flagged = set(
            Unit.objects.filter(
                jurisdiction=pekalongan, unconfirmed=True, kind=UnitKind.OPD
            ).values_list("code", flat=True)
        )
        assert flagged == {"disperkim", "bpkad", "bappeda", "disnaker", "bkpsdm"}
        assert Unit.objects.get(jurisdiction=pekalongan, code="pdam-tirtayasa").kind == "bumd"

    def test_the_files_are_valid_toml(self):
        for path in sorted(Path(DEFAULTS_DIR).glob("*/*.toml")):
            with path.open("rb") as fh:
                tomllib.load(fh)
