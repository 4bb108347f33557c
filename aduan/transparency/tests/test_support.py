"""Citizens support a public complaint instead of filing the same report again."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from aduan.complaints.models import Complaint, Supporter
from aduan.transparency import services
from aduan.transparency.views import SUPPORT_COOKIE, SUPPORT_COOKIE_SALT
from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def support_url(code: str) -> str:
    return reverse("transparency:support", args=[code])


def count(complaint: Complaint) -> int:
    return Complaint.objects.get(pk=complaint.pk).support_count


class SupportTests:
    def test_one_browser_supports_once_and_the_count_shows(self, client, submit):
        complaint = submit().complaint
        first = client.post(support_url(complaint.tracking_code), {"contact": "081299998888"})
        assert first.status_code == 302 and SUPPORT_COOKIE in first.cookies
        again = client.post(support_url(complaint.tracking_code), {})
        assert again.status_code == 302
        assert count(complaint) == 1
        supporter = Supporter.objects.get(complaint=complaint)
        assert supporter.contact == "081299998888" and supporter.source is None
        # The key is the keyed hash of the browser's random token, never of the contact.
        request = RequestFactory().get("/")
        request.COOKIES[SUPPORT_COOKIE] = first.cookies[SUPPORT_COOKIE].value
        token = request.get_signed_cookie(SUPPORT_COOKIE, salt=SUPPORT_COOKIE_SALT)
        assert token is not None and len(token) == 32
        assert supporter.browser_key == services.visitor_key(token)
        assert supporter.browser_key != services.visitor_key("081299998888")
        page = client.get(reverse("transparency:detail", args=[complaint.tracking_code]))
        body = page.content.decode()
        assert 'id="support-count">1<' in body
        assert "Anda sudah mendukung laporan ini" in body
        assert "081299998888" not in body

    def test_another_browser_adds_to_the_count(self, client, submit):
        from django.test import Client

        complaint = submit().complaint
        client.post(support_url(complaint.tracking_code))
        Client().post(support_url(complaint.tracking_code))
        assert count(complaint) == 2

    def test_a_second_support_fills_in_a_contact_given_later(self, client, submit):
        complaint = submit().complaint
        client.post(support_url(complaint.tracking_code))
        client.post(support_url(complaint.tracking_code), {"name": "Pak Darto"})
        assert Supporter.objects.get(complaint=complaint).name == "Pak Darto"
        assert count(complaint) == 1

    def test_a_bad_contact_is_refused_with_a_clear_message(self, client, submit):
        complaint = submit().complaint
        response = client.post(support_url(complaint.tracking_code), {"contact": "besok"})
        assert response.status_code == 400
        assert "minimal 8 angka" in response.content.decode()
        assert count(complaint) == 0

    def test_confidential_hidden_or_closed_complaints_cannot_be_supported(
        self, client, submit, flow, people
    ):
        secret = submit(privacy="rahasia").complaint
        assert client.post(support_url(secret.tracking_code)).status_code == 404
        hidden = submit().complaint
        services.complaint_publication_edit(
            complaint=hidden, actor=people.verifier, public_text="", hidden=True
        )
        assert client.post(support_url(hidden.tracking_code)).status_code == 404
        closed = flow.resolve(submit().complaint)
        response = client.post(support_url(closed.tracking_code), HTTP_HX_REQUEST="true")
        assert response.status_code == 409
        assert "tidak dapat didukung" in response.content.decode()
        assert count(secret) == count(hidden) == count(closed) == 0

    def test_one_network_address_is_rate_limited(self, submit, monkeypatch):
        monkeypatch.setattr(services, "SUPPORTS_PER_NETWORK", 2)
        complaints = [submit().complaint for _ in range(3)]
        network = services.visitor_key("10.0.0.7")
        for i, complaint in enumerate(complaints[:2]):
            services.complaint_support(
                complaint=complaint, browser_key=services.visitor_key(f"b{i}"), network_key=network
            )
        with pytest.raises(services.SupportRefused) as refused:
            services.complaint_support(
                complaint=complaints[2], browser_key=services.visitor_key("b9"), network_key=network
            )
        assert refused.value.status == 429
        assert count(complaints[2]) == 0

    def test_a_merge_after_supports_keeps_every_supporter(self, client, submit, flow):
        duplicate, target = submit().complaint, submit().complaint
        client.post(support_url(duplicate.tracking_code))
        flow.merge(Complaint.objects.get(pk=duplicate.pk), into=target)
        assert count(target) == 2  # the duplicate's reporter and its supporter
        assert Supporter.objects.filter(complaint=target).count() == 2

    def test_a_merge_keeps_one_support_of_a_browser_that_supported_both(self, client, submit, flow):
        duplicate, target = submit().complaint, submit().complaint
        client.post(support_url(duplicate.tracking_code))
        client.post(support_url(target.tracking_code))
        flow.merge(Complaint.objects.get(pk=duplicate.pk), into=target)
        assert count(target) == 2  # this browser once, and the duplicate's reporter
        assert Supporter.objects.filter(complaint=target).count() == 2

    def test_the_verifier_sees_supporters_contacts_and_officers_do_not(
        self, client, submit, flow, people
    ):
        complaint = flow.dispose(submit().complaint)
        client.post(
            support_url(complaint.tracking_code), {"name": "Pak Darto", "contact": "081299998888"}
        )
        detail = reverse("complaints:detail", args=[complaint.tracking_code])
        client.login(username=people.verifier.username, password=PASSWORD)
        assert "081299998888" in client.get(detail).content.decode()
        client.login(username=people.officer_a.username, password=PASSWORD)
        body = client.get(detail).content.decode()
        assert "081299998888" not in body and "Pak Darto" not in body
