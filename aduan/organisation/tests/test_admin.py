import pytest
from django.urls import reverse

from aduan.accounts.models import User
from aduan.organisation.models import (
    Area,
    AreaAlias,
    Category,
    Jurisdiction,
    Membership,
    RoutingRule,
    Unit,
)

MODELS = (Jurisdiction, Area, AreaAlias, Unit, Category, RoutingRule, Membership)


@pytest.fixture
def admin_client_(client, pekalongan):
    user = User.objects.create_superuser(username="root", password="sandi-uji-123")
    client.force_login(user)
    return client


@pytest.mark.django_db
class TestOrganisationAdmin:
    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_list_and_add_pages_open(self, admin_client_, model):
        opts = model._meta
        for view in ("changelist", "add"):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}")
            assert admin_client_.get(url).status_code == 200, url

    def test_change_pages_open(self, admin_client_, pekalongan):
        objects = [
            pekalongan,
            Area.objects.get(jurisdiction=pekalongan, code="pasirkratonkramat"),
            Unit.objects.get(jurisdiction=pekalongan, code="pkm-tirto"),
            Category.objects.get(jurisdiction=pekalongan, code="kesehatan"),
            RoutingRule.objects.filter(jurisdiction=pekalongan).first(),
        ]
        for obj in objects:
            opts = obj._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            response = admin_client_.get(url)
            assert response.status_code == 200, url

    def test_units_can_be_found_by_autocomplete(self, admin_client_):
        url = reverse("admin:autocomplete")
        response = admin_client_.get(
            url,
            {
                "term": "tirto",
                "app_label": "organisation",
                "model_name": "membership",
                "field_name": "unit",
            },
        )
        assert response.status_code == 200
        texts = [r["text"] for r in response.json()["results"]]
        assert "PKM Tirto" in texts

    def test_filters_by_unconfirmed(self, admin_client_):
        url = reverse("admin:organisation_unit_changelist")
        response = admin_client_.get(url, {"unconfirmed__exact": "1"})
        assert response.status_code == 200
        assert b"Disperkim" in response.content


@pytest.mark.django_db
class TestJurisdictionScopedAdmin:
    """A jurisdiction's administrator manages only their own jurisdiction's rows."""

    @pytest.fixture
    def batang(self):
        other = Jurisdiction.objects.create(slug="batang", name="Kab. Batang", kind="kabupaten")
        Unit.objects.create(
            jurisdiction=other,
            code="dinas-rahasia-batang",
            name="Dinas Khusus Batang",
            short_name="DKB",
            kind="opd",
        )
        return other

    @pytest.fixture
    def city_admin(self, client, pekalongan):
        user = User.objects.create_user(
            username="admin-kota",
            password="sandi-uji-123",
            jurisdiction=pekalongan,
            role="admin",
            is_staff=True,
            is_superuser=True,
        )
        client.force_login(user)
        return client

    def test_it_lists_only_its_own_units(self, city_admin, batang):
        page = city_admin.get(reverse("admin:organisation_unit_changelist") + "?q=Dinas")
        body = page.content.decode()
        assert "Dinas Khusus Batang" not in body
        assert "Dinas Kesehatan" in body or "Dinkes" in body

    def test_another_jurisdictions_unit_is_not_found(self, city_admin, batang):
        unit = Unit.objects.get(code="dinas-rahasia-batang")
        response = city_admin.get(reverse("admin:organisation_unit_change", args=[unit.pk]))
        assert response.status_code == 302  # the admin's "does not exist" redirect
        assert "Dinas Khusus Batang" not in city_admin.get(response["Location"]).content.decode()

    def test_choices_offer_only_its_own_jurisdiction(self, city_admin, batang):
        body = city_admin.get(reverse("admin:organisation_category_add")).content.decode()
        assert "Kab. Batang" not in body

    def test_the_installation_superuser_sees_everything(self, admin_client_, batang):
        body = admin_client_.get(
            reverse("admin:organisation_unit_changelist") + "?q=Dinas"
        ).content.decode()
        assert "Dinas Khusus Batang" in body
