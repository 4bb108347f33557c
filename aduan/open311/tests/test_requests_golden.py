"""The exact bytes of GET requests (lists, one request, services) for a fixed set of varied
complaints, in JSON and XML: any change to what a client receives shows up here.

The expected bodies are in ``golden/``. After an intended change of the output, write them
again with ``ADUAN_GOLDEN_WRITE=1`` and review the diff.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine

from aduan.complaints.models import Complaint
from aduan.open311.tests.conftest import url
from conftest import wib

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).parent / "golden"
NAME, PHONE, EMAIL, NIK = "Siti Aminah", "0812-1111-2222", "siti@example.org", "3375012345678901"


@pytest.fixture
def varied(submit, flow, pekalongan, people):
    """Complaints in most states a public list can show, a minute or more apart; returns
    tracking codes by name."""
    from aduan.organisation.models import Category, ServiceStandard

    codes: dict[str, str] = {}
    with time_machine.travel(wib(2026, 3, 2, 8, 0), tick=False) as clock:

        def later(minutes: int = 7) -> None:
            clock.shift(timedelta(minutes=minutes))

        def new(name: str, **kwargs) -> Complaint:
            later()
            complaint = submit(**kwargs).complaint
            codes[name] = complaint.tracking_code
            return complaint

        new(
            "personal",
            description=f"Saya {NAME}, NIK {NIK}, HP {PHONE}, surel {EMAIL}: KTP-el belum jadi.",
            address=f"Jl. Merdeka 5 (rumah {NAME})",
            latitude=-6.8886,
            longitude=109.6753,
            media_url="https://foto.example.org/1.jpg",
            channel="open311",
        )
        anonymous = new("anonymous", privacy="anonim", reporter_name="Budi", channel="whatsapp")
        later()
        anonymous = flow.dispose(anonymous, note=f"Diteruskan; hubungi {PHONE}.")
        later()
        anonymous = flow.start(anonymous)
        later()
        flow.follow_up(anonymous, text=f"Sudah dicek, Pak Budi. Kirim e-mail ke {EMAIL}.")
        later()
        flow.note(anonymous, "Catatan internal: pemohon sering datang.")
        later()
        flow.resolve(new("resolved", report_type="aspirasi", category="jalan", area="podosugih"))
        later()
        flow.refer(new("referred", category=None), note="Silakan hubungi kantor BPJS.")
        later()
        flow.archive(new("spam", description="Jual pulsa murah, hubungi 0813-9999-8888!"))
        later()
        flow.archive(new("incomplete"), reason="tidak_lengkap")
        target = new("target", latitude=-6.9, longitude=109.68)
        later()
        flow.merge(new("merged"), into=target)
        secret = new("secret", privacy="rahasia")
        later()
        flow.merge(new("merged_into_secret"), into=secret)
        new("nowhere", category=None, area=None, description="Tanpa\x07 kategori <&> ünïcode")
        later()
        flow.schedule(flow.start(flow.dispose(new("planned", category="jalan"))))
        asked = new("asked")
        later()
        asked = flow.request_info(asked, question="Mohon kirim foto KK.")
        later()
        flow.add_info(asked, message=f"Ini NIK saya {NIK}")
        reopened = new("reopened")
        later()
        flow.reopen(
            flow.follow_up(flow.start(flow.dispose(reopened))), reason=f"Belum jadi, {NAME}."
        )
        edited = new("edited")
        Complaint.objects.filter(pk=edited.pk).update(
            public_text="Teks publik dari verifikator.", support_count=4
        )
        hidden = new("hidden")
        Complaint.objects.filter(pk=hidden.pk).update(public_hidden=True)
        held = new("held")
        Complaint.objects.filter(pk=held.pk).update(held_as_spam=True)
        # with a unit but no resolution target yet: the unit's service standard applies
        standard = new("standard", category="jalan")
        category = Category.objects.get(jurisdiction=pekalongan, code="jalan")
        ServiceStandard.objects.create(unit=people.unit_a, category=category, resolution_days=3)
        Complaint.objects.filter(pk=standard.pk).update(unit=people.unit_a)
    return codes


def check(name: str, body: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("ADUAN_GOLDEN_WRITE"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(body)
    assert body == path.read_bytes(), name


WINDOW = {"start_date": "2026-03-01", "end_date": "2026-03-31"}
CASES = [
    ("requests", {}),
    ("requests-ext", {"extensions": "true"}),
    ("requests-open", {"status": "open", "extensions": "true"}),
    ("requests-closed", {"status": "closed"}),
    ("requests-page2", {"page": "2", "page_size": "4", "extensions": "true"}),
]


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("name", "params"), CASES, ids=[c[0] for c in CASES])
def test_request_lists_are_byte_for_byte(client, varied, fmt, name, params):
    with time_machine.travel(wib(2026, 3, 20, 9, 0), tick=False):
        response = client.get(url("requests", fmt), WINDOW | params)
    assert response.status_code == 200
    check(f"{name}.{fmt}", response.content)
    assert response.content.count(b"service_request_id") // (1 if fmt == "json" else 2) > 1


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_ids_one_request_and_services_are_byte_for_byte(client, varied, fmt):
    ids = ",".join(
        codes
        for name, codes in sorted(varied.items())
        if name in ("personal", "merged", "secret", "hidden", "nowhere", "planned")
    )
    with time_machine.travel(wib(2026, 3, 20, 9, 0), tick=False):
        by_id = client.get(url("requests", fmt), {"service_request_id": ids + ",XX-0"})
        one = client.get(url(f"requests/{varied['anonymous']}", fmt), {"extensions": "true"})
        services = client.get(url("services", fmt))
    check(f"requests-ids.{fmt}", by_id.content)
    check(f"request-one.{fmt}", one.content)
    check(f"services.{fmt}", services.content)


def test_no_personal_data_in_any_body():
    for path in GOLDEN.iterdir():
        body = path.read_text(encoding="utf-8")
        for value in (NAME, PHONE, EMAIL, NIK, "0813-9999-8888", "Budi", "internal"):
            assert value not in body, (path.name, value)


def test_the_list_reads_in_constant_queries(client, varied, django_assert_max_num_queries):
    one = {"service_request_id": varied["standard"], "extensions": "true"}
    with time_machine.travel(wib(2026, 3, 20, 9, 0), tick=False):
        client.get(url("requests", "json"), one)  # the working calendar is cached from here
        with django_assert_max_num_queries(4) as few:
            assert len(client.get(url("requests", "json"), one).json()) == 1
        with django_assert_max_num_queries(len(few.captured_queries)):
            rows = client.get(url("requests", "json"), WINDOW | {"extensions": "true"}).json()
    assert len(rows) == len(varied) - 3  # not the confidential, hidden and held ones
