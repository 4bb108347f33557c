"""Confidential (rahasia) complaints never appear; the reporter's identity never appears."""

from __future__ import annotations

import pytest

from aduan.open311.tests.conftest import FORMATS, url
from aduan.transparency.publish import MASK, mask, public_text

pytestmark = pytest.mark.django_db

NAME, PHONE, EMAIL = "Siti Aminah", "0812-1111-2222", "siti@example.org"


def every_get(client, fmt: str, code: str) -> dict[str, object]:
    """Every public GET endpoint, in one format; path -> response."""
    paths = {
        "requests": {},
        "requests+ext": {"extensions": "true"},
        "requests+id": {"service_request_id": code},
        "requests+closed": {"status": "closed", "extensions": "true"},
        f"requests/{code}": {"extensions": "true"},
        f"tokens/{code}": {},
        "servicerequestupdates": {},
        "servicerequestupdates+id": {"service_request_id": code},
    }
    return {
        name: client.get(url(name.split("+")[0], fmt), params) for name, params in paths.items()
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_confidential_complaint_never_appears(client, submit, flow, fmt):
    public = submit().complaint
    secret = submit(
        privacy="rahasia",
        description="Kepala seksi meminta uang Rp500.000 untuk mempercepat KTP-el saya.",
    ).complaint
    secret = flow.follow_up(flow.start(flow.dispose(secret)), "Sedang diperiksa Inspektorat.")
    closed = flow.refer(submit(privacy="rahasia").complaint)
    unknown = "ADU-1999-999999"
    nothing = [r.content.decode() for r in every_get(client, fmt, unknown).values()]
    for code in (secret.tracking_code, closed.tracking_code):
        for (name, response), expected in zip(
            every_get(client, fmt, code).items(), nothing, strict=True
        ):
            content = response.content.decode()
            assert "Rp500.000" not in content and "Inspektorat" not in content, name
            # exactly what a code that does not exist gets (a 404 echoes the code asked for)
            assert content.replace(code, unknown) == expected, name
            assert response.status_code == (404 if "/" in name else 200), name
    listed = client.get(url("requests", fmt)).content.decode()
    assert public.tracking_code in listed


def test_a_merge_into_a_confidential_complaint_does_not_name_it(client, submit, flow):
    secret = submit(privacy="rahasia").complaint
    merged = flow.merge(submit().complaint, into=secret)
    [row] = client.get(url("requests", "json"), {"extensions": "true"}).json()
    assert row["service_request_id"] == merged.tracking_code
    assert row["status_notes"] == "Digabung dengan laporan lain."
    assert row["extended_attributes"]["duplicate_of"] is None
    assert row["extended_attributes"]["status"] == "DUPLICATE"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_reporters_identity_never_appears(client, submit, flow, fmt):
    complaint = submit(
        reporter_name=NAME,
        reporter_phone=PHONE,
        reporter_email=EMAIL,
        description=(
            "Saya Siti Aminah (WA +62 812 1111 2222, siti@example.org) belum menerima KTP-el "
            "sejak dua bulan."
        ),
        address="Rumah Bu Aminah, Jl. Merdeka 5",
    ).complaint
    complaint = flow.dispose(complaint, note="Yth. Ibu Siti Aminah, laporan diteruskan.")
    complaint = flow.request_info(complaint, "Bu Siti, mohon hubungi 0812-1111-2222 kembali.")
    flow.add_info(complaint, "Nomor saya 081211112222, email siti@example.org.")
    for name, response in every_get(client, fmt, complaint.tracking_code).items():
        assert response.status_code == 200, name
        content = response.content.decode().lower()
        for secret in ("siti", "aminah", "1111", "2222", "example.org"):
            assert secret not in content, (name, secret)
    [row] = client.get(url("requests", "json")).json()
    assert row["description"] == (
        f"Saya {MASK} (WA {MASK}, {MASK}) belum menerima KTP-el sejak dua bulan."
    )
    assert row["address"] == f"Rumah Bu {MASK}, Jl. Merdeka 5, Kel. Medono"


def test_mask_leaves_other_text_alone(submit):
    complaint = submit(
        reporter_name="Ali", reporter_phone="", reporter_email="ali@example.org"
    ).complaint
    text = "Kali di Jl. Ali Baba meluap; hubungi RT 0285-123456."
    # a name part shorter than four letters is masked only as the whole name
    assert mask(text, complaint) == f"Kali di Jl. {MASK} Baba meluap; hubungi RT 0285-123456."
    assert public_text(complaint) == complaint.description
