"""The verifier decides what the public reads; the public page and Open311 both obey."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from aduan.complaints.choices import EventKind
from aduan.complaints.models import Complaint
from aduan.complaints.services import ComplaintInputError
from aduan.open311.tests.conftest import url as open311_url
from aduan.transparency import publish, services
from aduan.transparency.tests.conftest import LEAKY
from conftest import PASSWORD

pytestmark = pytest.mark.django_db

EDITED = "Truk parkir menutup jalan lingkungan sejak seminggu."


def edit(client, code: str, text: str = EDITED, hidden: bool = False):
    data = {"public_text": text}
    if hidden:
        data["hidden"] = "on"
    return client.post(reverse("transparency:publication", args=[code]), data)


class PublicationEditTests:
    def test_the_verifier_replaces_the_public_text_on_the_timeline(self, client, submit, people):
        complaint = submit(description=LEAKY).complaint
        client.login(username=people.verifier.username, password=PASSWORD)
        detail = reverse("complaints:detail", args=[complaint.tracking_code])
        page = client.get(detail).content.decode()
        assert 'id="publication"' in page and "[disamarkan]" in page
        response = edit(client, complaint.tracking_code)
        assert response.status_code == 302 and response.url == detail
        complaint.refresh_from_db()
        assert complaint.public_text == EDITED
        assert complaint.public_search == EDITED.lower()
        event = complaint.events.get(kind=EventKind.PUBLICATION_EDITED)
        assert event.actor == people.verifier and not event.is_public
        public = client.get(reverse("transparency:detail", args=[complaint.tracking_code]))
        assert EDITED in public.content.decode()
        assert "Truk G 1234 AB" not in public.content.decode()

    def test_an_empty_text_goes_back_to_the_masked_description(self, submit, people):
        complaint = submit(description=LEAKY).complaint
        services.complaint_publication_edit(
            complaint=complaint, actor=people.verifier, public_text=EDITED, hidden=False
        )
        complaint = services.complaint_publication_edit(
            complaint=complaint, actor=people.verifier, public_text="  ", hidden=False
        )
        assert publish.public_text(complaint) == publish.mask(complaint.description, complaint)
        assert complaint.events.filter(kind=EventKind.PUBLICATION_EDITED).count() == 2

    def test_a_public_text_with_personal_data_is_refused_and_kept_in_the_form(
        self, client, submit, people
    ):
        complaint = submit().complaint
        client.login(username=people.verifier.username, password=PASSWORD)
        response = edit(client, complaint.tracking_code, "Hubungi Bu Siti di 081211112222.")
        body = response.content.decode()
        assert response.status_code == 400
        assert "masih memuat data pribadi" in body
        assert "Hubungi Bu Siti di 081211112222." in body  # nothing lost
        assert Complaint.objects.get(pk=complaint.pk).public_text == ""

    def test_officers_supervisors_and_anonymous_visitors_cannot_edit(
        self, client, submit, flow, people
    ):
        complaint = flow.dispose(submit().complaint)
        for user in (people.officer_a, people.supervisor):
            client.login(username=user.username, password=PASSWORD)
            assert edit(client, complaint.tracking_code).status_code == 403
            page = client.get(reverse("complaints:detail", args=[complaint.tracking_code]))
            assert "Ubah tampilan publik" not in page.content.decode()
        client.logout()
        assert edit(client, complaint.tracking_code).status_code == 302  # to the login page
        with pytest.raises(PermissionDenied):
            services.complaint_publication_edit(
                complaint=complaint, actor=people.officer_a, public_text="x", hidden=True
            )
        assert Complaint.objects.get(pk=complaint.pk).public_text == ""

    def test_a_too_long_text_is_refused(self, submit, people):
        with pytest.raises(ComplaintInputError):
            services.complaint_publication_edit(
                complaint=submit().complaint,
                actor=people.verifier,
                public_text="a" * (services.PUBLIC_TEXT_MAX + 1),
                hidden=False,
            )


class Open311UsesTheSameMechanismTests:
    def test_open311_publishes_the_verifiers_text(self, client, submit, people):
        complaint = submit(description=LEAKY).complaint
        [row] = client.get(open311_url("requests", "json")).json()
        assert row["description"] == publish.mask(LEAKY, complaint)
        assert "1234" not in row["description"] and "3375" not in row["description"]
        services.complaint_publication_edit(
            complaint=complaint, actor=people.verifier, public_text=EDITED, hidden=False
        )
        [row] = client.get(open311_url("requests", "json")).json()
        assert row["description"] == EDITED

    def test_a_hidden_complaint_leaves_open311_too(self, client, submit, people):
        complaint = submit().complaint
        services.complaint_publication_edit(
            complaint=complaint, actor=people.verifier, public_text="", hidden=True
        )
        assert client.get(open311_url("requests", "json")).json() == []
        response = client.get(open311_url(f"requests/{complaint.tracking_code}", "json"))
        assert response.status_code == 404


class MergedIntoConfidentialTests:
    def test_no_public_surface_names_a_confidential_target(self, client, submit, flow):
        secret = submit(privacy="rahasia").complaint
        merged = flow.merge(submit().complaint, into=secret)
        page = client.get(reverse("transparency:detail", args=[merged.tracking_code]))
        body = page.content.decode()
        assert page.status_code == 200 and "Digabung dengan laporan lain." in body
        assert secret.tracking_code not in body
        updates = client.get(open311_url("servicerequestupdates", "json")).content.decode()
        assert merged.tracking_code in updates and secret.tracking_code not in updates

    def test_a_public_target_is_named(self, client, submit, flow):
        target = submit().complaint
        merged = flow.merge(submit().complaint, into=target)
        body = client.get(reverse("transparency:detail", args=[merged.tracking_code])).content
        assert f"/publik/laporan/{target.tracking_code}/" in body.decode()
