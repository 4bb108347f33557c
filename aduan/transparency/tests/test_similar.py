"""The citizen form's "similar reports": the triage's duplicate finder, public complaints
only, masked text only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aduan.complaints.models import Complaint
from aduan.transparency import views

pytestmark = pytest.mark.django_db

SIMILAR = reverse("transparency:similar")
FLOOD = (
    "Tanggul jebol di Tirto, air rob masuk rumah warga setinggi pinggang, ada lansia "
    "terjebak! tolong segera. Saya Siti Aminah WA 0812-1111-2222, NIK 3375012345670001"
)
TYPED = "Tanggul jebol di Tirto, air rob masuk rumah warga, lansia terjebak, mohon bantuan"


def ask(client, text: str = TYPED, kelurahan: str = "Tirto", **extra):
    return client.post(SIMILAR, {"description": text, "kelurahan": kelurahan, **extra})


class SimilarReportsTests:
    def test_it_offers_an_open_public_complaint_with_masked_text_and_no_identity(
        self, client, submit
    ):
        existing = submit(category=None, area="tirto", description=FLOOD).complaint
        response = ask(client)
        body = response.content.decode()
        assert response.status_code == 200
        assert "Laporan serupa sudah ada: dukung?" in body
        assert existing.tracking_code in body and "Tanggul jebol" in body
        assert "[disamarkan]" in body
        lowered = body.lower()
        for secret in ("siti", "aminah", "1111", "2222", "3375012345670001", "example.org"):
            assert secret not in lowered, secret
        assert "Dukung laporan ini" in body

    @pytest.mark.parametrize("privacy", ["rahasia", "anonim"])
    def test_it_never_offers_a_confidential_complaint_nor_an_identity(
        self, client, submit, privacy
    ):
        existing = submit(category=None, area="tirto", description=FLOOD, privacy=privacy).complaint
        body = ask(client).content.decode()
        if privacy == "rahasia":
            assert existing.tracking_code not in body and "Tanggul" not in body
        else:
            assert existing.tracking_code in body
        assert "aminah" not in body.lower() and "2222" not in body

    def test_it_never_offers_a_hidden_or_closed_complaint(self, client, submit, flow, people):
        from aduan.transparency.services import complaint_publication_edit

        hidden = submit(category=None, area="tirto", description=FLOOD).complaint
        complaint_publication_edit(
            complaint=hidden, actor=people.verifier, public_text="", hidden=True
        )
        closed = flow.resolve(
            submit(category="banjir_rob", area="tirto", description=FLOOD).complaint
        )
        body = ask(client).content.decode()
        assert hidden.tracking_code not in body and closed.tracking_code not in body

    def test_it_uses_the_verifiers_public_text(self, client, submit, people):
        from aduan.transparency.services import complaint_publication_edit

        existing = submit(category=None, area="tirto", description=FLOOD).complaint
        complaint_publication_edit(
            complaint=existing,
            actor=people.verifier,
            public_text="Tanggul jebol di Tirto; air rob masuk permukiman.",
            hidden=False,
        )
        body = ask(client).content.decode()
        assert "air rob masuk permukiman" in body

    def test_a_different_incident_or_a_short_text_gets_nothing(self, client, submit):
        submit(category=None, area="tirto", description=FLOOD)
        assert ask(client, text="Tanggul").content == b""
        other = ask(client, text="KTP-el saya belum jadi sudah dua bulan di Disdukcapil.")
        assert "Laporan serupa" not in other.content.decode()

    def test_supporting_from_the_form_gives_the_public_link(self, client, submit):
        existing = submit(category=None, area="tirto", description=FLOOD).complaint
        response = client.post(
            reverse("transparency:support", args=[existing.tracking_code]),
            HTTP_HX_REQUEST="true",
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert reverse("transparency:detail", args=[existing.tracking_code]) in body
        assert "dukungan Anda tercatat" in body and "/lacak/" not in body
        assert Complaint.objects.get(pk=existing.pk).support_count == 1

    def test_it_is_rate_limited(self, client, submit, settings):
        settings.ADUAN_RATE_LIMITS = {**settings.ADUAN_RATE_LIMITS, "public_similar": "2/m"}
        submit(category=None, area="tirto", description=FLOOD)
        assert ask(client).status_code == 200
        assert ask(client).status_code == 200
        assert ask(client).status_code == 429

    def test_the_form_asks_for_suggestions_and_still_submits_without_them(self, client, pekalongan):
        page = client.get(reverse("complaints:new")).content.decode()
        assert f'hx-post="{SIMILAR}"' in page and 'id="similar"' in page
        assert client.get(SIMILAR, {"description": TYPED}).status_code == 405
        response = client.post(
            reverse("complaints:new"),
            {
                "report_type": "aduan",
                "description": TYPED,
                "kelurahan": "Tirto",
                "privacy": "anonim",
            },
        )
        assert response.status_code == 302

    def test_it_runs_a_bounded_number_of_queries(
        self, client, submit, django_assert_max_num_queries
    ):
        for _ in range(6):
            submit(category=None, area="tirto", description=FLOOD)
        with django_assert_max_num_queries(8):
            body = ask(client).content.decode()
        assert body.count('class="similar-item"') == views.SIMILAR_SHOWN
