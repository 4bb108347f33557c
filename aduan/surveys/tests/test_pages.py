"""The rating block on the citizen status page, the public IKM questionnaire, the staff IKM
report and the ``aduan ikm`` command."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from aduan.surveys import services
from aduan.surveys.models import IkmResponse, Rating
from aduan.surveys.tests.conftest import ANSWERS

pytestmark = pytest.mark.django_db


def status_url(item) -> str:
    return f"/lacak/{item.complaint.tracking_code}/{item.secret}/"


def rate_url(item, secret=None) -> str:
    return f"/survei/nilai/{item.complaint.tracking_code}/{secret or item.secret}/"


class RatingPageTests:
    def test_the_form_shows_once_selesai_and_rating_is_saved(self, client, closed):
        page = client.get(status_url(closed)).content.decode()
        assert 'id="rating-form"' in page
        assert "Nilai penanganan laporan Anda" in page
        response = client.post(
            rate_url(closed), {"score": "5", "resolved": "ya", "comment": "Mantap."}, follow=True
        )
        assert response.redirect_chain[-1][0] == status_url(closed)
        body = response.content.decode()
        assert "Terima kasih atas penilaian Anda." in body
        assert 'id="rating-form"' not in body and 'id="rating"' in body
        rating = Rating.objects.get()
        assert (rating.score, rating.resolved, rating.comment) == (5, True, "Mantap.")

    def test_a_second_rating_is_refused(self, client, closed):
        services.rating_submit(complaint=closed.complaint, score=3, resolved=False)
        response = client.post(rate_url(closed), {"score": "5", "resolved": "ya"}, follow=True)
        assert "sudah dinilai" in response.content.decode()
        assert Rating.objects.get().score == 3

    def test_no_form_before_selesai_and_posting_is_refused(self, client, open_complaint):
        assert 'id="rating-form"' not in client.get(status_url(open_complaint)).content.decode()
        response = client.post(rate_url(open_complaint), {"score": "5", "resolved": "ya"})
        assert response.status_code == 302
        assert not Rating.objects.exists()

    def test_the_secret_is_needed(self, client, closed):
        response = client.post(
            rate_url(closed, "SALAHSALAHSALAH1"), {"score": "5", "resolved": "ya"}
        )
        assert response.status_code == 404
        assert not Rating.objects.exists()

    def test_incomplete_form(self, client, closed):
        response = client.post(rate_url(closed), {"resolved": "ya"}, follow=True)
        assert "Penilaian belum lengkap" in response.content.decode()
        assert not Rating.objects.exists()


class IkmSurveyPageTests:
    URL = "/survei/pekalongan/disdukcapil/"

    def test_the_questionnaire(self, client, pekalongan):
        page = client.get(self.URL).content.decode()
        for name in ("Persyaratan", "Biaya/tarif", "Penanganan pengaduan, saran dan masukan"):
            assert name in page
        assert "Sangat sesuai" in page and "Jenis kelamin" in page and "Pendidikan" in page

    def test_answering(self, client, people):
        data = {**{k: str(v) for k, v in ANSWERS.items()}, "u4": "4", "sex": "L", "age_band": ""}
        response = client.post(self.URL, data)
        assert response.status_code == 302
        assert response["Location"] == f"{self.URL}terima-kasih/"
        stored = IkmResponse.objects.get()
        assert (stored.unit, stored.u4, stored.sex) == (people.unit_a, 4, "L")
        assert "Terima kasih" in client.get(response["Location"]).content.decode()

    def test_unanswered_questions(self, client, pekalongan):
        response = client.post(self.URL, {"u1": "3"})
        assert response.status_code == 400
        assert "Pilih salah satu jawaban." in response.content.decode()
        assert not IkmResponse.objects.exists()

    def test_unknown_unit(self, client, pekalongan):
        assert client.get("/survei/pekalongan/tidak-ada/").status_code == 404
        assert client.get("/survei/tidak-ada/disdukcapil/").status_code == 404


class IkmReportPageTests:
    URL = "/survei/ikm/"

    def test_login_required(self, client, pekalongan):
        response = client.get(self.URL)
        assert response.status_code == 302 and "/akun/" in response["Location"]

    def test_verifier_sees_every_unit_officers_their_own(self, client, people):
        services.ikm_submit(unit=people.unit_a, answers=ANSWERS)
        services.ikm_submit(unit=people.unit_b, answers=dict.fromkeys(ANSWERS, 4))
        client.force_login(people.verifier)
        page = client.get(self.URL).content.decode()
        assert 'id="ikm-disdukcapil"' in page and 'id="ikm-dpupr"' in page
        assert "75,00" in page and "100,00" in page and "Sangat Baik" in page
        client.force_login(people.officer_a)
        page = client.get(self.URL).content.decode()
        assert 'id="ikm-disdukcapil"' in page and 'id="ikm-dpupr"' not in page
        client.force_login(people.officer_b)
        page = client.get(self.URL + "?dari=2000-01-01&sampai=tidak").content.decode()
        assert 'id="ikm-disdukcapil"' not in page and 'id="ikm-dpupr"' in page


class IkmCommandTests:
    def test_per_unit_index_grade_and_nrr(self, tmp_path):
        path = tmp_path / "ikm.csv"
        path.write_text(
            "unit,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"
            "a,3,3,3,4,3,3,4,2,3\n"
            "a,4,3,2,4,3,4,4,3,3\n"
            "b,2,2,2,2,2,2,2,2,2\n",
            encoding="utf-8",
        )
        out = StringIO()
        call_command("ikm", "--input", str(path), stdout=out)
        text = out.getvalue()
        # a: NRR sum 29.00 / 9 × 25 = 80.555… → 80.56 (B).
        assert "a: IKM 80.56 B (Baik), 2 respondents" in text
        assert "U1 Persyaratan: NRR 3.50" in text
        assert "b: IKM 50.00 D (Tidak Baik), 1 respondents" in text

    def test_without_unit_column(self, tmp_path):
        path = tmp_path / "ikm.csv"
        path.write_text("u1,u2,u3,u4,u5,u6,u7,u8,u9\n4,4,4,4,4,4,4,4,4\n", encoding="utf-8")
        out = StringIO()
        call_command("ikm", "--input", str(path), stdout=out)
        assert "-: IKM 100.00 A (Sangat Baik)" in out.getvalue()

    @pytest.mark.parametrize(
        "content",
        [
            "u1,u2\n1,2\n",
            "u1,u2,u3,u4,u5,u6,u7,u8,u9\n1,2,3,4,5,1,1,1,1\n",
            "u1,u2,u3,u4,u5,u6,u7,u8,u9\n",
        ],
    )
    def test_bad_files(self, tmp_path, content):
        path = tmp_path / "ikm.csv"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(CommandError):
            call_command("ikm", "--input", str(path), stdout=StringIO())
