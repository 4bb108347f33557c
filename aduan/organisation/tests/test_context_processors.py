import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from aduan.accounts.models import User
from aduan.organisation.context_processors import jurisdiction
from aduan.organisation.models import Jurisdiction


@pytest.fixture
def request_for(rf: RequestFactory):
    def _request(user=None):
        request = rf.get("/")
        request.user = user or AnonymousUser()
        return request

    return _request


@pytest.mark.django_db
class TestJurisdictionContext:
    def test_visitors_get_the_default_jurisdiction(
        self, pekalongan, request_for, settings, django_assert_max_num_queries
    ):
        settings.ADUAN_DEFAULT_JURISDICTION = "pekalongan"
        with django_assert_max_num_queries(1):
            assert jurisdiction(request_for()) == {"jurisdiction": pekalongan}

    def test_staff_get_their_own_jurisdiction(
        self, pekalongan, request_for, django_assert_max_num_queries
    ):
        other = Jurisdiction.objects.create(slug="lain", name="Kota Lain", kind="kota")
        user = User.objects.create_user(username="petugas", jurisdiction=other)
        user = User.objects.get(pk=user.pk)
        with django_assert_max_num_queries(1):
            assert jurisdiction(request_for(user)) == {"jurisdiction": other}

    def test_staff_without_jurisdiction_get_the_default(self, pekalongan, request_for):
        user = User.objects.create_user(username="root", is_superuser=True)
        assert jurisdiction(request_for(user)) == {"jurisdiction": pekalongan}

    def test_it_is_none_when_the_default_does_not_exist(self, db, request_for, settings):
        settings.ADUAN_DEFAULT_JURISDICTION = "tidak-ada"
        assert jurisdiction(request_for()) == {"jurisdiction": None}

    def test_an_inactive_default_is_not_offered(self, pekalongan, request_for):
        Jurisdiction.objects.filter(pk=pekalongan.pk).update(is_active=False)
        assert jurisdiction(request_for()) == {"jurisdiction": None}

    def test_a_second_page_reads_the_jurisdiction_from_the_cache(
        self, pekalongan, request_for, django_assert_num_queries
    ):
        User.objects.create_user(username="petugas2", jurisdiction=pekalongan)
        jurisdiction(request_for(User.objects.get(username="petugas2")))
        user = User.objects.get(username="petugas2")
        with django_assert_num_queries(0):
            assert jurisdiction(request_for(user)) == {"jurisdiction": pekalongan}
        pekalongan.name = "Kota Batik"
        pekalongan.save()
        user = User.objects.get(username="petugas2")
        assert jurisdiction(request_for(user))["jurisdiction"].name == "Kota Batik"

    def test_an_inactive_jurisdiction_of_staff_is_still_theirs(self, pekalongan, request_for):
        user = User.objects.create_user(username="petugas3", jurisdiction=pekalongan)
        Jurisdiction.objects.filter(pk=pekalongan.pk).update(is_active=False)
        user = User.objects.get(pk=user.pk)
        assert jurisdiction(request_for(user)) == {"jurisdiction": pekalongan}
