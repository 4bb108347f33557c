"""The printable IKM report (numbers as ``ikm.py`` computes them, respondent profile,
follow-up plan) and the QR poster of a unit's public questionnaire."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
import segno
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image

from aduan.accounts.choices import Role
from aduan.accounts.models import User
from aduan.organisation.choices import MembershipRole
from aduan.organisation.models import Membership
from aduan.surveys import ikm, services
from aduan.surveys.models import IkmFollowUpPlan
from aduan.surveys.printable import qr_svg, survey_url
from conftest import PASSWORD, at

pytestmark = pytest.mark.django_db

ANSWER_SETS = [
    (
        {"u1": 4, "u2": 3, "u3": 2, "u4": 4, "u5": 3, "u6": 3, "u7": 4, "u8": 2, "u9": 3},
        {"age_band": "20-29", "sex": "P", "education": "s1", "occupation": "swasta"},
    ),
    (
        {"u1": 3, "u2": 3, "u3": 1, "u4": 4, "u5": 3, "u6": 4, "u7": 3, "u8": 2, "u9": 2},
        {"age_band": "30-39", "sex": "L", "education": "sma", "occupation": "wirausaha"},
    ),
    (
        {"u1": 4, "u2": 4, "u3": 2, "u4": 4, "u5": 4, "u6": 3, "u7": 4, "u8": 3, "u9": 3},
        {"age_band": "20-29", "sex": "P", "education": "sma", "occupation": "pelajar"},
    ),
]
URL = "/survei/ikm/cetak/disdukcapil/"
PERIOD = {"dari": "2026-01-01", "sampai": "2026-06-30"}


@pytest.fixture
def answered(people):
    with at(2026, 3, 17, 10):
        for answers, profile in ANSWER_SETS:
            services.ikm_submit(unit=people.unit_a, answers=answers, profile=profile)
    with at(2026, 8, 1, 10):  # outside the period
        services.ikm_submit(unit=people.unit_a, answers=dict.fromkeys(ANSWER_SETS[0][0], 1))
    return [a for a, _p in ANSWER_SETS]


@pytest.fixture
def head_a(people):
    user = User.objects.create_user(
        username="gita", password=PASSWORD, jurisdiction=people.jurisdiction, role=Role.OFFICER
    )
    Membership.objects.create(user=user, unit=people.unit_a, role=MembershipRole.HEAD)
    return user


def text_of(page: str, element_id: str) -> str:
    """The element's text, with the Indonesian decimal comma read as a point."""
    match = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', page)
    assert match, element_id
    return match.group(1).strip().replace(",", ".")


class IkmPrintTests:
    def test_the_numbers_are_those_of_ikm_py(self, client, people, answered):
        client.force_login(people.supervisor)
        response = client.get(URL, PERIOD)
        assert response.status_code == 200
        page = response.content.decode()
        expected = ikm.compute(answered)
        assert text_of(page, "ikm-index") == str(expected.index)
        assert text_of(page, "ikm-grade") == expected.grade
        assert text_of(page, "ikm-label") == expected.label
        assert text_of(page, "ikm-respondents") == "3"
        assert text_of(page, "ikm-weighted") == f"{expected.weighted:.3f}"
        for code, value in expected.nrr_rounded().items():
            row = re.search(rf'<tr data-code="{code}">(.*?)</tr>', page, re.S).group(1)
            printed = re.search(r'class="num nrr">([^<]+)<', row).group(1)
            assert printed.replace(",", ".") == str(value)
        population = response.context["row"].population
        assert text_of(page, "ikm-minimum") == str(ikm.krejcie_morgan(population))

    def test_the_respondent_profile_is_counted(self, client, people, answered):
        client.force_login(people.supervisor)
        response = client.get(URL, PERIOD)
        profile = dict(response.context["profile"])
        ages = {r.label: (r.count, r.percent) for r in profile["Umur"]}
        assert ages["20–29 tahun"] == (2, Decimal("66.7"))
        assert ages["30–39 tahun"] == (1, Decimal("33.3"))
        sexes = {r.label: r.count for r in profile["Jenis kelamin"]}
        assert sexes == {"Laki-laki": 1, "Perempuan": 2}
        assert sum(r.count for r in profile["Pekerjaan"]) == 3
        assert sum(r.count for r in profile["Pendidikan"]) == 3

    def test_the_weakest_elements_come_with_suggestions(self, client, people, answered):
        client.force_login(people.supervisor)
        response = client.get(URL, PERIOD)
        weakest = [w["code"] for w in response.context["weakest"]]
        assert weakest == ikm.compute(answered).weakest
        assert "aduan/print-sheet.css" in response.content.decode()
        found = finders.find("aduan/print-sheet.css")
        assert isinstance(found, str)
        css = Path(found).read_text()
        assert "@media print" in css

    def test_a_unit_head_writes_the_follow_up_plan_for_the_period(
        self, client, people, answered, head_a
    ):
        client.force_login(head_a)
        response = client.post(URL, {**PERIOD, "rencana": "Tambah loket informasi."})
        assert response.status_code == 302
        plan = IkmFollowUpPlan.objects.get()
        assert (plan.unit, str(plan.date_from), str(plan.date_to)) == (
            people.unit_a,
            "2026-01-01",
            "2026-06-30",
        )
        page = client.get(URL, PERIOD).content.decode()
        assert "Tambah loket informasi." in page
        # another period has its own plan
        assert (
            "Tambah loket informasi."
            not in client.get(URL, {"dari": "2026-07-01", "sampai": "2026-12-31"}).content.decode()
        )

    def test_others_cannot_write_the_plan_or_read_other_units(self, client, people, answered):
        client.force_login(people.supervisor)
        assert client.post(URL, {**PERIOD, "rencana": "x"}).status_code == 403
        client.force_login(people.officer_b)  # officer of DPUPR
        assert client.get(URL, PERIOD).status_code == 404
        client.force_login(people.officer_a)  # reads own unit, cannot write the plan
        assert client.get(URL, PERIOD).status_code == 200
        assert client.post(URL, {**PERIOD, "rencana": "x"}).status_code == 403
        client.logout()
        assert client.get(URL).status_code == 302
        assert not IkmFollowUpPlan.objects.exists()

    def test_a_period_without_respondents_prints_without_numbers(self, client, people):
        client.force_login(people.admin)
        page = client.get(URL, PERIOD).content.decode()
        assert text_of(page, "ikm-index") == "—"
        assert "Belum ada responden pada periode ini." in page


class IkmPosterTests:
    def test_the_qr_code_is_the_units_public_survey_link(self, client, people, settings):
        settings.ADUAN_PUBLIC_URL = "https://lapor.pekalongankota.go.id/"
        client.force_login(people.officer_a)
        response = client.get("/survei/ikm/poster/disdukcapil/")
        assert response.status_code == 200
        url = "https://lapor.pekalongankota.go.id" + reverse(
            "surveys:ikm_survey", args=["pekalongan", "disdukcapil"]
        )
        assert survey_url(people.unit_a) == url
        page = response.content.decode()
        assert url in page
        svg = qr_svg(url)
        assert svg.startswith("<svg") and svg in page
        # the same QR code, rendered as an image, decodes to the link
        zxingcpp = pytest.importorskip("zxingcpp")
        qr = segno.make(url, error="m", micro=False)
        buffer = io.BytesIO()
        qr.save(buffer, kind="png", scale=4)
        buffer.seek(0)
        assert [r.text for r in zxingcpp.read_barcodes(Image.open(buffer))] == [url]
        # and the public link answers
        assert client.get(url.removeprefix("https://lapor.pekalongankota.go.id")).status_code == 200

    def test_the_poster_is_for_staff_who_read_the_units_ikm(self, client, people):
        assert client.get("/survei/ikm/poster/disdukcapil/").status_code == 302
        client.force_login(people.officer_b)
        assert client.get("/survei/ikm/poster/disdukcapil/").status_code == 404
