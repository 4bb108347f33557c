"""The same report through every door — web form, REST API, Open311, WhatsApp, e-mail —
becomes the same complaint, apart from its channel: one intake service, no rule twice."""

from __future__ import annotations

import time

import pytest

from aduan.api.models import ApiToken, Scope
from aduan.complaints.models import Complaint
from aduan.intake.tests.conftest import post_webhook, wa_message, wa_payload
from aduan.intake.tests.test_email import SECRET, citizen_mail, post_mail
from aduan.notifications.models import OutboxMessage
from conftest import at

TEXT = "Lampu penerangan jalan di Jl. Sriwijaya depan masjid mati sejak seminggu, Medono."


def snapshot(complaint: Complaint) -> dict:
    """What must not depend on the door it came in by."""
    return {
        "description": complaint.description,
        "report_type": complaint.report_type,
        "status": complaint.status,
        "stage": complaint.stage,
        "due_at": complaint.due_at,
        "unit": complaint.unit_id,
        "events": [(e.kind, e.to_status, e.is_public) for e in complaint.events.all()],
        "receipt": OutboxMessage.objects.filter(complaint=complaint, kind="receipt").count(),
    }


@pytest.mark.django_db
def test_every_channel_makes_the_same_complaint(client, pekalongan, graph, settings):
    settings.ADUAN_INBOUND_EMAIL_SECRET = SECRET
    _token, key = ApiToken.issue(jurisdiction=pekalongan, name="App", scopes=[Scope.OPEN311])
    made: dict[str, Complaint] = {}
    with at(2026, 11, 2, 10, 0):
        client.post(
            "/lapor/",
            {
                "report_type": "aduan",
                "description": TEXT,
                "category": "pju",
                "kelurahan": "Medono",
                "privacy": "biasa",
                "reporter_name": "Siti Aminah",
                "reporter_phone": "081211112222",
                "submission_key": "web-1",
            },
        )
        made["web"] = Complaint.objects.get(channel="web")
        response = client.post(
            "/api/v1/complaints/",
            {
                "report_type": "aduan",
                "description": TEXT,
                "category": "pju",
                "area": "medono",
                "privacy": "biasa",
                "reporter_name": "Siti Aminah",
                "reporter_phone": "081211112222",
            },
            content_type="application/json",
        )
        assert response.status_code == 201, response.content
        made["api"] = Complaint.objects.get(channel="api")
        response = client.post(
            "/open311/v2/requests.json",
            {
                "api_key": key,
                "service_code": "pju",
                "description": TEXT,
                "attribute[kelurahan]": "medono",
                "address_string": "Jl. Sriwijaya",
                "first_name": "Siti",
                "last_name": "Aminah",
                "phone": "081211112222",
            },
        )
        assert response.status_code == 200, response.content
        made["open311"] = Complaint.objects.get(channel="open311")
        payload = wa_payload(wa_message(text=TEXT, sent=time.time()))
        assert post_webhook(client, payload).status_code == 200
        made["whatsapp"] = Complaint.objects.get(channel="whatsapp")
        assert (
            post_mail(client, citizen_mail(subject="Lampu jalan mati", text=TEXT)).status_code
            == 200
        )
        made["email"] = Complaint.objects.get(channel="email")

    shots = {channel: snapshot(c) for channel, c in made.items()}
    reference = shots.pop("web")
    for channel, shot in shots.items():
        assert shot == reference, channel
    # where the door carries them, category and kelurahan arrive the same way too
    for channel in ("web", "api", "open311"):
        assert made[channel].category.code == "pju", channel
    for channel in ("web", "api", "open311", "whatsapp"):
        assert made[channel].area.code == "medono", channel
    assert made["whatsapp"].reporter_phone and made["email"].reporter_email
