import pytest

from aduan.organisation.choices import AreaKind, RoutingTarget, UnitKind
from aduan.organisation.defaults import load_defaults
from aduan.organisation.models import Area, Category, Jurisdiction, RoutingRule, Unit
from aduan.organisation.selectors import area_choices, area_resolve, route_complaint

# Pre-2015 names listed in reference/pekalongan.md -> the kelurahan that absorbed them.
OLD_NAMES = {
    "Kramatsari": "pasirkratonkramat",
    "Pasirsari": "pasirkratonkramat",
    "Kraton Kidul": "pasirkratonkramat",
    "Bendan": "bendan-kergon",
    "Kergon": "bendan-kergon",
    "Sapuro": "sapuro-kebulen",
    "Kebulen": "sapuro-kebulen",
    "Kuripan Kidul": "kuripan-kertoharjo",
    "Kuripan Lor": "kuripan-yosorejo",
    "Kertoharjo": "kuripan-kertoharjo",
    "Yosorejo": "kuripan-yosorejo",
    "Soko": "sokoduwet",
    "Duwet": "sokoduwet",
    "Buaran": "buaran-kradenan",
    "Kradenan": "buaran-kradenan",
    "Krapyak Kidul": "krapyak",
    "Krapyak Lor": "krapyak",
    "Noyontaan": "noyontaansari",
    "Sugihwaras": "kauman",
    "Banyurip Alit": "banyurip",
    "Banyurip Ageng": "banyurip",
    "Pringlangu": "pringrejo",
    "Tegalrejo": "pringrejo",
    "Keputran": "kauman",
    "Sampangan": "kauman",
    "Karangmalang": "setono",
    "Baros": "kalibaros",
    "Sokorejo": "kalibaros",
    "Kandang Panjang": "kandang-panjang",
    # found while researching Perda 8/2013
    "Landungsari": "noyontaansari",
    "Bumirejo": "pringrejo",
    "Dekoro": "setono",
    "Pabean": "padukuhan-kraton",
    "Dukuh": "padukuhan-kraton",
    "Kraton Lor": "padukuhan-kraton",
}

VARIANTS = {
    "sapuro kebulen": "sapuro-kebulen",
    "SapuroKebulen": "sapuro-kebulen",
    "SAPURO-KEBULEN": "sapuro-kebulen",
    "  Sapuro   Kebulen. ": "sapuro-kebulen",
    "sapuro-kebulen": "sapuro-kebulen",
    "Kel. Sapuro Kebulen": "sapuro-kebulen",
    "kelurahan tirto": "tirto",
    "Pasir Kraton Kramat": "pasirkratonkramat",
    "pasirkraton kramat": "pasirkratonkramat",
    "Noyontaan Sari": "noyontaansari",
    "Kali Baros": "kalibaros",
    "Padukuhan-Kraton": "padukuhan-kraton",
    "panjangwetan": "panjang-wetan",
    "Kramat Sari": "pasirkratonkramat",
    "kramatsari": "pasirkratonkramat",
    "Kuryos": "kuripan-yosorejo",
    "Pekalongan Barat": "pekalongan-barat",
    "Kec. Pekalongan Utara": "pekalongan-utara",
}


def _area(jurisdiction: Jurisdiction, code: str) -> Area:
    return Area.objects.get(jurisdiction=jurisdiction, code=code)


def _category(jurisdiction: Jurisdiction, code: str) -> Category:
    return Category.objects.get(jurisdiction=jurisdiction, code=code)


def _unit(jurisdiction: Jurisdiction, code: str) -> Unit:
    return Unit.objects.get(jurisdiction=jurisdiction, code=code)


@pytest.mark.django_db
class TestAreaResolve:
    @pytest.mark.parametrize(("text", "code"), sorted(OLD_NAMES.items()))
    def test_every_old_kelurahan_name_resolves_to_its_merged_kelurahan(
        self, pekalongan, text, code
    ):
        area = area_resolve(jurisdiction=pekalongan, text=text)
        assert area is not None and area.code == code

    @pytest.mark.parametrize(("text", "code"), sorted(VARIANTS.items()))
    def test_it_ignores_case_spaces_punctuation_and_prefixes(self, pekalongan, text, code):
        area = area_resolve(jurisdiction=pekalongan, text=text)
        assert area is not None and area.code == code

    def test_every_kelurahan_resolves_by_name_and_code(self, pekalongan):
        for area in Area.objects.filter(jurisdiction=pekalongan):
            assert area_resolve(jurisdiction=pekalongan, text=area.name) == area
            assert area_resolve(jurisdiction=pekalongan, text=area.code) == area

    @pytest.mark.parametrize("text", ["", "   ", "Semarang", "Kel.", "Kuripan"])
    def test_it_returns_none_for_unknown_or_ambiguous_names(self, pekalongan, text):
        assert area_resolve(jurisdiction=pekalongan, text=text) is None

    def test_it_is_cheap(self, pekalongan, django_assert_max_num_queries):
        with django_assert_max_num_queries(2):
            assert area_resolve(jurisdiction=pekalongan, text="Kramatsari") is not None


@pytest.mark.django_db
class TestAreaChoices:
    def test_it_lists_every_kelurahan_and_old_name(self, pekalongan):
        choices = dict(area_choices(jurisdiction=pekalongan))
        assert choices["Kramatsari"] == "Kramatsari (sekarang Pasirkratonkramat)"
        assert choices["Tirto"] == "Tirto — Kec. Pekalongan Barat"
        for area in Area.objects.filter(jurisdiction=pekalongan, kind=AreaKind.KELURAHAN):
            assert area.name in choices
        for name in OLD_NAMES:
            assert name in choices, name

    def test_every_value_resolves_to_a_kelurahan(self, pekalongan):
        for value, _label in area_choices(jurisdiction=pekalongan):
            area = area_resolve(jurisdiction=pekalongan, text=value)
            assert area is not None and area.kind == AreaKind.KELURAHAN, value

    def test_values_are_unique_and_sorted(self, pekalongan):
        values = [v for v, _ in area_choices(jurisdiction=pekalongan)]
        assert len(values) == len(set(values))
        assert values == sorted(values, key=str.casefold)

    def test_it_is_cheap(self, pekalongan, django_assert_max_num_queries):
        with django_assert_max_num_queries(2):
            area_choices(jurisdiction=pekalongan)


@pytest.mark.django_db
class TestRouteComplaint:
    def route(self, jurisdiction, category, area=None, text=""):
        return route_complaint(
            jurisdiction=jurisdiction,
            category=_category(jurisdiction, category),
            area=_area(jurisdiction, area) if area else None,
            text=text,
        )

    def test_kelurahan_services_go_to_the_kelurahan_office(self, pekalongan):
        unit = self.route(pekalongan, "pelayanan_kelurahan", "sapuro-kebulen")
        assert unit == _unit(pekalongan, "kel-sapuro-kebulen")
        assert unit.kind == UnitKind.KELURAHAN

    def test_kelurahan_services_known_only_by_kecamatan_go_to_the_kecamatan_office(
        self, pekalongan
    ):
        unit = self.route(pekalongan, "pelayanan_kelurahan", "pekalongan-utara")
        assert unit == _unit(pekalongan, "kec-pekalongan-utara")

    def test_kelurahan_services_without_location_go_to_dinkominfo(self, pekalongan):
        assert self.route(pekalongan, "pelayanan_kelurahan") == _unit(pekalongan, "dinkominfo")

    def test_health_naming_a_puskesmas_that_covers_the_area_goes_to_it(self, pekalongan):
        unit = self.route(
            pekalongan,
            "kesehatan",
            "tirto",
            "Antrean di Puskesmas Tirto lama sekali, petugas tidak ramah.",
        )
        assert unit == _unit(pekalongan, "pkm-tirto")

    @pytest.mark.parametrize("text", ["pkm tirto", "PKM-Tirto", "puskesmastirto"])
    def test_puskesmas_names_are_matched_loosely(self, pekalongan, text):
        assert self.route(pekalongan, "kesehatan", "tirto", f"Di {text} obat habis") == _unit(
            pekalongan, "pkm-tirto"
        )

    def test_health_naming_no_facility_goes_to_dinkes(self, pekalongan):
        unit = self.route(
            pekalongan,
            "kesehatan",
            "tirto",
            "Fogging DBD belum dilakukan padahal ada warga yang sakit.",
        )
        assert unit == _unit(pekalongan, "dinkes")

    def test_a_kelurahan_name_alone_does_not_pick_its_puskesmas(self, pekalongan):
        unit = self.route(pekalongan, "kesehatan", "tirto", "Warga Tirto butuh ambulans.")
        assert unit == _unit(pekalongan, "dinkes")

    def test_the_covering_puskesmas_wins_when_several_are_named(self, pekalongan):
        text = "Dirujuk dari puskesmas Tirto ke puskesmas Klego, tetap tidak dilayani."
        assert self.route(pekalongan, "kesehatan", "klego", text) == _unit(pekalongan, "pkm-klego")

    def test_a_named_puskesmas_is_used_even_outside_its_area(self, pekalongan):
        assert self.route(pekalongan, "kesehatan", "banyurip", "puskesmas tirto") == _unit(
            pekalongan, "pkm-tirto"
        )

    def test_an_inactive_puskesmas_falls_through_to_dinkes(self, pekalongan):
        Unit.objects.filter(jurisdiction=pekalongan, code="pkm-tirto").update(is_active=False)
        assert self.route(pekalongan, "kesehatan", "tirto", "puskesmas tirto") == _unit(
            pekalongan, "dinkes"
        )

    @pytest.mark.parametrize(
        ("category", "unit"),
        [
            ("jalan", "dpupr"),
            ("adminduk", "disdukcapil"),
            ("air_bersih", "pdam-tirtayasa"),
            ("banjir_rob", "bpbd"),
            ("lainnya", "dinkominfo"),
        ],
    )
    def test_other_categories_go_to_their_default_unit(self, pekalongan, category, unit):
        assert self.route(pekalongan, category, "tirto") == _unit(pekalongan, unit)

    def test_an_area_rule_beats_a_general_rule_of_the_same_priority(self, pekalongan):
        jalan = _category(pekalongan, "jalan")
        RoutingRule.objects.create(
            jurisdiction=pekalongan,
            category=jalan,
            priority=50,
            target=RoutingTarget.UNIT,
            unit=_unit(pekalongan, "dlh"),
        )
        RoutingRule.objects.create(
            jurisdiction=pekalongan,
            category=jalan,
            priority=50,
            area=_area(pekalongan, "tirto"),
            target=RoutingTarget.UNIT,
            unit=_unit(pekalongan, "bpbd"),
        )
        RoutingRule.objects.create(
            jurisdiction=pekalongan,
            category=jalan,
            priority=50,
            area=_area(pekalongan, "pekalongan-barat"),
            target=RoutingTarget.UNIT,
            unit=_unit(pekalongan, "dishub"),
        )
        assert self.route(pekalongan, "jalan", "tirto") == _unit(pekalongan, "bpbd")
        assert self.route(pekalongan, "jalan", "medono") == _unit(pekalongan, "dishub")
        assert self.route(pekalongan, "jalan", "klego") == _unit(pekalongan, "dlh")
        assert self.route(pekalongan, "jalan") == _unit(pekalongan, "dlh")

    def test_a_lower_priority_number_wins(self, pekalongan):
        jalan = _category(pekalongan, "jalan")
        RoutingRule.objects.create(
            jurisdiction=pekalongan,
            category=jalan,
            priority=50,
            area=_area(pekalongan, "tirto"),
            target=RoutingTarget.UNIT,
            unit=_unit(pekalongan, "bpbd"),
        )
        RoutingRule.objects.create(
            jurisdiction=pekalongan,
            category=jalan,
            priority=10,
            target=RoutingTarget.UNIT,
            unit=_unit(pekalongan, "dlh"),
        )
        assert self.route(pekalongan, "jalan", "tirto") == _unit(pekalongan, "dlh")

    def test_it_returns_none_when_nothing_matches(self, pekalongan):
        Category.objects.filter(jurisdiction=pekalongan, code="jalan").update(default_unit=None)
        assert self.route(pekalongan, "jalan", "tirto") is None

    def test_it_is_cheap(self, pekalongan, django_assert_max_num_queries):
        category = _category(pekalongan, "kesehatan")
        area = _area(pekalongan, "tirto")
        with django_assert_max_num_queries(3):
            route_complaint(
                jurisdiction=pekalongan, category=category, area=area, text="puskesmas tirto"
            )


TINY_CITY = {
    "jurisdiction.toml": """
[jurisdiction]
slug = "contoh"
name = "Pemerintah Kota Contoh"
kind = "kota"
tracking_prefix = "CTH"
operator_unit = "kominfo"
""",
    "areas.toml": """
[[kecamatan]]
code = "kota"
name = "Kota"

[[kelurahan]]
code = "tirto"
name = "Tirto"
kecamatan = "kota"
""",
    "aliases.toml": """
[[alias]]
name = "Kramatsari"
area = "tirto"
""",
    "units.toml": """
[offices]
kelurahan = true

[[unit]]
code = "kominfo"
name = "Dinas Kominfo Kota Contoh"
kind = "opd"

[[unit]]
code = "dinkes"
name = "Dinas Kesehatan Kota Contoh"
kind = "opd"

[[unit]]
code = "pkm-tirto"
name = "Puskesmas Tirto"
kind = "puskesmas"
parent = "dinkes"
keywords = "puskesmas tirto, pkm tirto"
covered_areas = ["tirto"]

[[unit]]
code = "dpupr"
name = "DPU Kota Contoh"
kind = "opd"
""",
    "categories.toml": """
[[category]]
code = "kesehatan"
name = "Kesehatan"
default_unit = "dinkes"

[[category]]
code = "pelayanan_kelurahan"
name = "Layanan Kelurahan"
default_unit = "kominfo"

[[category]]
code = "jalan"
name = "Jalan"
default_unit = "dpupr"
""",
    "routing.toml": """
[[rule]]
category = "kesehatan"
target = "puskesmas_named"
priority = 10

[[rule]]
category = "pelayanan_kelurahan"
target = "kelurahan_office"
priority = 10
""",
}


@pytest.fixture
def contoh(db, tmp_path) -> Jurisdiction:
    """A tiny second city whose codes and names collide with Pekalongan's on purpose."""
    folder = tmp_path / "contoh"
    folder.mkdir()
    for name, text in TINY_CITY.items():
        (folder / name).write_text(text)
    load_defaults("contoh", base_dir=tmp_path)
    return Jurisdiction.objects.get(slug="contoh")


@pytest.mark.django_db
class TestJurisdictionsStayApart:
    def test_a_second_city_loads_beside_pekalongan(self, pekalongan, contoh):
        assert contoh.operator_unit.code == "kominfo"
        assert Unit.objects.filter(jurisdiction=contoh).count() == 5
        assert Category.objects.filter(jurisdiction=pekalongan).count() == 20

    def test_names_resolve_within_their_own_jurisdiction(self, pekalongan, contoh):
        assert area_resolve(jurisdiction=pekalongan, text="Tirto") == _area(pekalongan, "tirto")
        assert area_resolve(jurisdiction=contoh, text="Tirto") == _area(contoh, "tirto")
        assert area_resolve(jurisdiction=pekalongan, text="Kramatsari") == _area(
            pekalongan, "pasirkratonkramat"
        )
        assert area_resolve(jurisdiction=contoh, text="Kramatsari") == _area(contoh, "tirto")
        assert area_resolve(jurisdiction=contoh, text="Medono") is None

    def test_routing_in_pekalongan_never_picks_the_other_citys_units(self, pekalongan, contoh):
        cases = [
            ("kesehatan", "tirto", "puskesmas tirto", "pkm-tirto"),
            ("kesehatan", "tirto", "fogging", "dinkes"),
            ("pelayanan_kelurahan", "tirto", "", "kel-tirto"),
            ("jalan", "tirto", "", "dpupr"),
        ]
        for jurisdiction in (pekalongan, contoh):
            for category, area, text, expected in cases:
                unit = route_complaint(
                    jurisdiction=jurisdiction,
                    category=_category(jurisdiction, category),
                    area=_area(jurisdiction, area),
                    text=text,
                )
                assert unit == _unit(jurisdiction, expected), (jurisdiction, category)
                assert unit.jurisdiction == jurisdiction

    def test_another_citys_category_or_area_is_not_routed(self, pekalongan, contoh):
        assert (
            route_complaint(
                jurisdiction=pekalongan,
                category=_category(contoh, "jalan"),
                area=_area(pekalongan, "tirto"),
            )
            is None
        )
        unit = route_complaint(
            jurisdiction=pekalongan,
            category=_category(pekalongan, "pelayanan_kelurahan"),
            area=_area(contoh, "tirto"),
        )
        assert unit == _unit(pekalongan, "dinkominfo")

    def test_a_rule_pointing_at_another_citys_unit_is_ignored(self, pekalongan, contoh):
        RoutingRule.objects.create(
            jurisdiction=pekalongan,
            category=_category(pekalongan, "jalan"),
            priority=1,
            target=RoutingTarget.UNIT,
            unit=_unit(contoh, "dpupr"),
        )
        unit = route_complaint(
            jurisdiction=pekalongan, category=_category(pekalongan, "jalan"), area=None
        )
        assert unit == _unit(pekalongan, "dpupr")


@pytest.mark.django_db
class TestFilterOptions:
    def test_lists_follow_changes_and_cost_no_query_when_cached(
        self, pekalongan, django_assert_num_queries
    ):
        from aduan.organisation.selectors import filter_options

        options = filter_options(pekalongan.pk)
        categories = list(options.categories)
        assert len(categories) == Category.objects.filter(jurisdiction=pekalongan).count()
        kelurahan = dict(options.kelurahan)
        assert (
            len(kelurahan)
            == Area.objects.filter(jurisdiction=pekalongan, kind=AreaKind.KELURAHAN).count()
        )
        units = dict(options.units)
        with django_assert_num_queries(0):
            assert list(filter_options(pekalongan.pk).categories) == categories
            assert dict(filter_options(pekalongan.pk).units) == units
        external = Unit.objects.create(
            jurisdiction=pekalongan, code="ombudsman-x", name="Ombudsman X", kind=UnitKind.EXTERNAL
        )
        unnamed = Unit.objects.create(
            jurisdiction=pekalongan, code="unit-x", name="Unit Tanpa Singkatan", short_name=""
        )
        units = dict(filter_options(pekalongan.pk).units)
        assert str(external.pk) not in units
        assert units[str(unnamed.pk)] == "Unit Tanpa Singkatan"
        old = Category.objects.filter(jurisdiction=pekalongan).first()
        old.is_active = False
        old.save()
        options = filter_options(pekalongan.pk)
        assert old.code in dict(options.categories)
        assert old.code not in dict(options.active_categories)
