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
        response = admin_client_.get(url, {
            "term": "tirto", "app_label": "organisation", "model_name": "membership",
            "field_name": "unit",
        })
        assert response.status_code == 200
        texts = [r["text"] for r in response.json()["results"]]
        assert "PKM Tirto" in texts

    def test_filters_by_unconfirmed(self, admin_client_):
        url = reverse("admin:organisation_unit_changelist")
        response = admin_client_.get(url, {"unconfirmed__exact": "1"})
        assert response.status_code == 200
        assert b"Disperkim" in response.content
