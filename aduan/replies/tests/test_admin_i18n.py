"""The Django admin of templates (scoped to the administrator's jurisdiction) and the English
translation of the replies pages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from aduan.accounts.models import User
from aduan.replies.models import ResponseTemplate
from conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_admin(client, pekalongan):
    user = User.objects.create_user(
        username="admin-kota",
        password=PASSWORD,
        jurisdiction=pekalongan,
        role="admin",
        is_staff=True,
        is_superuser=True,
    )
    client.force_login(user)
    return client


class TemplateAdminTests:
    def test_it_lists_only_its_own_jurisdictions_templates(self, city_admin, elsewhere, people):
        other, _admin = elsewhere
        ResponseTemplate.objects.create(
            jurisdiction=other, code="x", title="Templat Batang", situation="closing", body="Yth."
        )
        ResponseTemplate.objects.create(
            jurisdiction=people.jurisdiction,
            code="y",
            title="Templat Kota",
            situation="closing",
            body="Yth.",
        )
        body = city_admin.get(reverse("admin:replies_responsetemplate_changelist")).content
        assert b"Templat Kota" in body and b"Templat Batang" not in body

    def test_saving_in_the_admin_checks_placeholders_and_marks_it_edited(self, city_admin, people):
        url = reverse("admin:replies_responsetemplate_add")
        data = {
            "jurisdiction": people.jurisdiction.pk,
            "code": "baru",
            "title": "Baru",
            "situation": "closing",
            "unit": "",
            "category": "",
            "body": "Yth. {nama}, NIK {nik}",
            "is_active": "on",
        }
        response = city_admin.post(url, data)
        assert response.status_code == 200 and b"{nik}" in response.content
        data["body"] = "Yth. {nama}, terima kasih."
        assert city_admin.post(url, data).status_code == 302
        assert ResponseTemplate.objects.get(code="baru").customised


class EnglishTests:
    def test_the_quality_page_reads_in_english(self, client, people):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        client.force_login(people.supervisor)
        page = client.get("/kerja/balasan/mutu/").content.decode()
        assert "Reply quality" in page and "Most frequent flaws" in page
        assert "Kekurangan tersering" not in page

    def test_the_tone_partial_reads_in_english(self, client, people):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        client.force_login(people.officer_a)
        page = client.post(
            "/kerja/balasan/periksa/", {"reply": "ok"}, HTTP_HX_REQUEST="true"
        ).content.decode()
        assert "Reply tone" in page
