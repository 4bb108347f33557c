"""POST requests: the api_key, the translation into the intake, errors, idempotency."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
import xmltodict
from django.utils import timezone

from aduan.api.models import ApiToken, Scope
from aduan.complaints.models import Complaint
from aduan.open311.tests.conftest import FORMATS, errors, items, url
from aduan.organisation.models import Jurisdiction

pytestmark = pytest.mark.django_db

DESCRIPTION = "Jalan berlubang besar di depan SD Negeri Medono, membahayakan pengendara motor."


def body(**extra) -> dict[str, str]:
    values = {
        "service_code": "jalan",
        "lat": "-6.8886",
        "long": "109.6753",
        "description": DESCRIPTION,
    }
    values.update(extra)
    return {k: v for k, v in values.items() if v is not None}


def post(client, fmt: str = "json", query: Any = None, headers: Any = None, **data: Any):
    path = url("requests", fmt)
    if query:
        from urllib.parse import urlencode

        path += "?" + urlencode(query)
    return client.post(path, data, headers=headers or {})


def only_complaint() -> Complaint:
    [complaint] = Complaint.objects.all()
    return complaint


class PostTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_api_key_in_the_body(self, client, api_key, fmt):
        response = post(client, fmt, **body(api_key=api_key))
        assert response.status_code == 200, response.content
        complaint = only_complaint()
        [reply] = items(response, fmt, "request")
        assert reply["service_request_id"] == complaint.tracking_code
        assert "token" not in reply  # realtime: an id, never a token
        assert complaint.tracking_code in reply["service_notice"]
        if fmt == "xml":
            one = xmltodict.parse(response.content)["service_requests"]["request"]
            assert one["service_request_id"] == complaint.tracking_code
        else:
            assert isinstance(response.json(), list)

    def test_api_key_and_jurisdiction_in_the_query(self, client, api_key):
        response = post(
            client, "xml", query={"api_key": api_key, "jurisdiction_id": "pekalongan"}, **body()
        )
        assert response.status_code == 200, response.content
        assert only_complaint().channel == "open311"

    def test_the_request_becomes_a_complaint(self, client, api_key):
        response = post(
            client,
            **body(
                api_key=api_key,
                address_string="Jl. Merdeka No. 5",
                media_url="https://aplikasi.example.org/foto/123.jpg",
                first_name="Siti",
                last_name="Aminah",
                phone="0812-1111-2222",
                email="siti@example.org",
                **{"attribute[kelurahan]": "medono"},
            ),
        )
        assert response.status_code == 200, response.content
        complaint = only_complaint()
        assert complaint.channel == "open311"
        assert complaint.category.code == "jalan"
        assert complaint.area.code == "medono"
        assert complaint.address == "Jl. Merdeka No. 5"
        assert (complaint.latitude, complaint.longitude) == (-6.8886, 109.6753)
        assert complaint.media_url == "https://aplikasi.example.org/foto/123.jpg"
        assert complaint.description == DESCRIPTION
        assert complaint.reporter_name == "Siti Aminah"
        assert complaint.reporter_phone == "0812-1111-2222"
        assert complaint.reporter_email == "siti@example.org"
        assert complaint.privacy == "biasa"
        assert complaint.status == "baru"
        # routed like any other complaint
        assert complaint.suggested_unit is not None
        # the reporter's identity never comes back, not even in the POST reply
        for secret in ("Siti", "Aminah", "0812", "siti@example.org"):
            assert secret not in response.content.decode()

    def test_without_name_and_contact_it_is_anonymous(self, client, api_key):
        post(client, **body(api_key=api_key, phone="0812-1111-2222"))
        complaint = only_complaint()
        assert complaint.privacy == "anonim"
        assert complaint.reporter_phone == "0812-1111-2222"

    def test_an_address_alone_is_a_location(self, client, api_key):
        response = post(client, **body(api_key=api_key, lat="", long="", address_string="Pasar"))
        assert response.status_code == 200, response.content
        assert only_complaint().latitude is None

    @pytest.mark.parametrize("key", ["attribute[kelurahan][]", "attribute[kelurahan]"])
    def test_kelurahan_attribute_forms_and_names(self, client, api_key, key):
        post(client, **body(api_key=api_key, **{key: "Kel. Sapuro Kebulen"}))
        assert only_complaint().area.code == "sapuro-kebulen"

    def test_unknown_attributes_are_ignored(self, client, api_key):
        response = post(client, **body(api_key=api_key, **{"attribute[warna]": "merah"}))
        assert response.status_code == 200

    def test_account_id_is_echoed(self, client, api_key):
        response = post(client, **body(api_key=api_key, account_id="u-77"))
        assert response.json()[0]["account_id"] == "u-77"


class PostKeyErrorTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_missing_key_is_403(self, client, pekalongan, fmt):
        response = post(client, fmt, **body())
        assert response.status_code == 403
        assert "api_key" in errors(response, fmt)[0]["description"]
        assert not Complaint.objects.exists()

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_an_invalid_key_is_403(self, client, pekalongan, fmt):
        response = post(client, fmt, **body(api_key="adn_bukan-kunci"))
        assert response.status_code == 403
        errors(response, fmt)

    def test_a_revoked_key_is_403(self, client, pekalongan, api_key):
        ApiToken.objects.get().revoke()
        assert post(client, **body(api_key=api_key)).status_code == 403

    def test_a_key_without_the_scope_is_403(self, client, pekalongan):
        _token, raw = ApiToken.issue(
            jurisdiction=pekalongan, name="Statistik", scopes=[Scope.STATS.value]
        )
        response = post(client, **body(api_key=raw))
        assert response.status_code == 403
        assert "open311" in errors(response, "json")[0]["description"]

    def test_a_key_of_another_jurisdiction_is_403(self, client, pekalongan):
        other = Jurisdiction.objects.create(slug="batang", name="Kab. Batang", kind="kabupaten")
        _token, raw = ApiToken.issue(
            jurisdiction=other, name="App Batang", scopes=[Scope.OPEN311.value]
        )
        response = post(client, **body(api_key=raw, jurisdiction_id="pekalongan"))
        assert response.status_code == 403

    def test_a_get_needs_no_key(self, client, pekalongan):
        assert client.get(url("requests", "json")).status_code == 200


class PostInputErrorTests:
    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"service_code": None}, "service_code"),
            ({"service_code": "tidak-ada"}, "service_code"),
            ({"lat": None, "long": None}, "lat"),
            ({"lat": None, "long": None, "address_id": "A-17"}, "address_id"),
            ({"lat": "utara"}, "lat"),
            ({"long": None}, "lat"),  # an incomplete point: the intake's rule
            ({"lat": "95"}, "lat"),
            ({"attribute[kelurahan]": "atlantis"}, "attribute[kelurahan]"),
            ({"description": "Rusak."}, "description"),  # too short: the intake's rule
            ({"description": "x" * 4001}, "description"),
            ({"phone": "telepon saya"}, "phone"),
            ({"email": "bukan-email"}, "email"),
            ({"media_url": "ftp://foto.example.org/1.jpg"}, "media_url"),
        ],
    )
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_bad_input_is_400_naming_the_parameter(self, client, api_key, changes, field, fmt):
        response = post(client, fmt, **body(api_key=api_key, **changes))
        assert response.status_code == 400, response.content
        descriptions = [e["description"] for e in errors(response, fmt)]
        assert any(d.startswith(field) for d in descriptions), descriptions
        assert not Complaint.objects.exists()

    def test_two_kelurahan_values_are_400(self, client, api_key):
        data: dict[str, Any] = body(api_key=api_key)
        data["attribute[kelurahan][]"] = ["medono", "tirto"]
        response = client.post(url("requests", "json"), data)
        assert response.status_code == 400

    def test_several_errors_are_several_error_elements(self, client, api_key):
        response = post(
            client, "xml", **body(api_key=api_key, phone="xx", email="yy", first_name="A")
        )
        assert response.status_code == 400
        assert len(errors(response, "xml")) == 2

    def test_a_description_of_4000_characters_is_accepted(self, client, api_key):
        response = post(client, **body(api_key=api_key, description="Jalan rusak. " * 307 + "a"))
        assert response.status_code == 200, response.content


class IdempotencyTests:
    def test_a_retry_returns_the_first_request(self, client, api_key):
        first = post(client, **body(api_key=api_key, device_id="hp-1")).json()[0]
        again = post(client, **body(api_key=api_key, device_id="hp-1")).json()[0]
        assert again["service_request_id"] == first["service_request_id"]
        assert "sudah diterima" in again["service_notice"]
        assert Complaint.objects.count() == 1

    def test_key_placement_does_not_matter(self, client, api_key):
        post(client, **body(api_key=api_key))
        post(client, query={"api_key": api_key}, **body())
        assert Complaint.objects.count() == 1

    def test_another_device_or_text_is_another_request(self, client, api_key):
        post(client, **body(api_key=api_key, device_id="hp-1"))
        post(client, **body(api_key=api_key, device_id="hp-2"))
        post(client, **body(api_key=api_key, device_id="hp-1", description=DESCRIPTION + "!"))
        assert Complaint.objects.count() == 3

    def test_another_integration_is_another_request(self, client, pekalongan, api_key):
        _token, other = ApiToken.issue(
            jurisdiction=pekalongan, name="App Lain", scopes=[Scope.OPEN311.value]
        )
        post(client, **body(api_key=api_key))
        post(client, **body(api_key=other))
        assert Complaint.objects.count() == 2

    def test_a_retry_the_next_day_is_still_a_retry_but_not_two_days_later(self, client, api_key):
        first = post(client, **body(api_key=api_key)).json()[0]["service_request_id"]
        with time_machine.travel(timezone.now() + timedelta(days=1), tick=False):
            again = post(client, **body(api_key=api_key)).json()[0]["service_request_id"]
        assert again == first
        with time_machine.travel(timezone.now() + timedelta(days=2), tick=False):
            later = post(client, **body(api_key=api_key)).json()[0]["service_request_id"]
        assert later != first
        assert Complaint.objects.count() == 2

    def test_an_idempotency_key_header_wins(self, client, api_key):
        headers = {"Idempotency-Key": "kirim-42"}
        first = post(client, headers=headers, **body(api_key=api_key)).json()[0]
        changed = body(api_key=api_key, description=DESCRIPTION + " Tolong segera.")
        with time_machine.travel(timezone.now() + timedelta(days=5), tick=False):
            again = post(client, headers=headers, **changed).json()[0]
        assert again["service_request_id"] == first["service_request_id"]
        assert Complaint.objects.count() == 1
