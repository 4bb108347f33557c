"""Smoke."""
import pytest
from aduan.complaints.models import Complaint, QueuedSubmission
from aduan.complaints.services import queued_submissions_process

pytestmark = pytest.mark.django_db

BODY = {
    "description": "Lampu jalan di Jl. Hayam Wuruk mati sejak seminggu, gelap sekali.",
    "category": "pju",
    "area": "Kramatsari",
    "address": "depan masjid",
    "reporter_name": "Rina",
    "reporter_phone": "081234567890",
}

def test_smoke(pekalongan, as_role):
    client = as_role("integration")
    r = client.post("/api/v1/complaints/", BODY, format="json", HTTP_PREFER="respond-async", HTTP_IDEMPOTENCY_KEY="k1")
    print(r.status_code, r.content, dict(r.headers))
    assert r.status_code == 202
    r2 = client.post("/api/v1/complaints/", BODY, format="json", HTTP_PREFER="respond-async", HTTP_IDEMPOTENCY_KEY="k1")
    print(r2.status_code, r2.content, dict(r2.headers))
    assert QueuedSubmission.objects.count() == 1
    assert queued_submissions_process() == 1
    c = Complaint.objects.get()
    print(c.tracking_code, c.submitted_at, c.category, c.area, list(c.events.values_list("kind", flat=True)))
    r3 = client.post("/api/v1/complaints/", BODY, format="json", HTTP_PREFER="respond-async", HTTP_IDEMPOTENCY_KEY="k1")
    print(r3.status_code, r3.content)
    r4 = as_role("anonymous").post("/api/v1/complaints/", {"description": "x"}, format="json", HTTP_PREFER="respond-async")
    print(r4.status_code, r4.content)
