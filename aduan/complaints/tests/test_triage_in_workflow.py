"""The triage's suggestions where people work: on a new report, and duplicates for the
verifier with a one-click merge."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aduan.complaints import services
from conftest import PASSWORD

pytestmark = pytest.mark.django_db

FLOOD = (
    "Tanggul jebol di Tirto, air rob masuk rumah warga setinggi pinggang, ada lansia "
    "terjebak! tolong segera"
)


def test_a_new_report_carries_the_suggestion(submit):
    c = submit(category=None, description=FLOOD).complaint
    assert c.suggested_category.code == "banjir_rob"
    assert c.suggested_unit.code == "bpbd"
    assert c.is_urgent
    triage = c.events.get().data["triage"]
    assert triage["category"] == "banjir_rob" and triage["urgent"] is True


def test_the_verifier_sees_a_likely_duplicate_and_merges_it(client, submit, people):
    first = submit(category=None, description=FLOOD).complaint
    second = submit(
        category=None,
        description="Tanggul jebol di Tirto, air rob masuk rumah warga, lansia terjebak, "
        "mohon bantuan segera",
    ).complaint
    client.login(username=people.verifier.username, password=PASSWORD)
    page = client.get(reverse("complaints:detail", args=[second.tracking_code]))
    body = page.content.decode()
    panel_url = reverse("complaints:duplicates", args=[second.tracking_code])
    assert f'hx-get="{panel_url}"' in body  # the panel loads after the page
    assert 'id="triage"' in body and "MENDESAK" in body
    panel = client.get(panel_url, HTTP_HX_REQUEST="true").content.decode()
    assert "Kemungkinan laporan yang sama" in panel and first.tracking_code in panel
    assert "<html" not in panel
    without_js = client.get(panel_url).content.decode()  # the link, without JavaScript
    assert "<html" in without_js and first.tracking_code in without_js
    response = client.post(
        reverse("complaints:act", args=[second.tracking_code, "merge"]),
        {"merge-into": first.tracking_code},
    )
    assert response.status_code == 302
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.merged_into == first and first.support_count == 1


def test_officers_get_no_duplicate_panel(client, submit, people):
    c = services.complaint_dispose(
        complaint=submit(description=FLOOD).complaint, actor=people.verifier, unit=people.unit_a
    )
    client.login(username=people.officer_a.username, password=PASSWORD)
    body = client.get(reverse("complaints:detail", args=[c.tracking_code])).content.decode()
    assert "Kemungkinan laporan yang sama" not in body
    assert reverse("complaints:duplicates", args=[c.tracking_code]) not in body
    panel = client.get(reverse("complaints:duplicates", args=[c.tracking_code]))
    assert panel.status_code == 200 and 'id="duplicates"' not in panel.text
