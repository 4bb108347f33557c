"""A public Open311 client from PyPI reads every GET endpoint of a live server.

``georeport`` (0.3.1) wraps services, service definitions, requests and one request, in JSON
and in XML (through xmltodict). It has no call for discovery, tokens or the updates extension:
those are read the way it reads the others (requests + xmltodict / json). The other Python
clients on PyPI (``open311`` 1.1, ``three`` 0.8) are Python 2 only and do not import.

A known limit of georeport's XML mode: an empty list (``<service_requests />``) parses to
``None`` and its ``['request']`` fails. That output is valid GeoReport XML; the tests read
empty lists through its JSON mode.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests
import xmltodict
from django.utils import timezone
from georeport import GeoReport

from aduan.complaints.models import Complaint

pytestmark = pytest.mark.django_db(transaction=True)

FORMATS = ["json", "xml"]


def as_list(value):
    """xmltodict gives a dict for one child and a list for several."""
    return value if isinstance(value, list) else [value]


@pytest.fixture
def endpoint(live_server, pekalongan) -> str:
    """The endpoint root as discovery publishes it."""
    discovery = requests.get(f"{live_server.url}/open311/discovery.json", timeout=10).json()
    return discovery["endpoints"][0]["url"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_georeport_reads_every_get_endpoint(endpoint, submit, flow, api_key, fmt):
    client = GeoReport(endpoint, jurisdiction="pekalongan", output_format=fmt)

    if fmt == "json":
        assert client.get_service_requests() == []

    first = submit().complaint
    services = as_list(client.get_service_list())
    assert {s["service_code"] for s in services} >= {"adminduk", "jalan", "sampah"}
    definition = client.get_service_definition("jalan")
    attribute = (
        definition["attributes"]["attribute"] if fmt == "xml" else definition["attributes"][0]
    )
    assert attribute["code"] == "kelurahan"

    [one] = as_list(client.get_service_requests())  # one item
    assert one["service_request_id"] == first.tracking_code
    assert one["status"] == "open"

    flow.resolve(submit(category="kesehatan").complaint)
    posted = requests.post(
        f"{endpoint}/requests.{fmt}",
        params={"api_key": api_key},
        data={
            "service_code": "jalan",
            "lat": "-6.8886",
            "long": "109.6753",
            "description": "Jalan berlubang di depan pasar, sudah dua minggu belum ditambal.",
            "attribute[kelurahan]": "medono",
        },
        timeout=10,
    )
    assert posted.status_code == 200, posted.text
    assert Complaint.objects.filter(channel="open311").count() == 1

    many = as_list(client.get_service_requests())
    assert len(many) == 3
    closed = as_list(client.get_service_requests(status="closed", service_code="kesehatan"))
    assert [r["service_code"] for r in closed] == ["kesehatan"]
    both = as_list(
        client.get_service_requests(
            service_request_id=",".join(r["service_request_id"] for r in many[:2])
        )
    )
    assert len(both) == 2
    if fmt == "json":  # empty: see the module docstring for XML
        empty = client.get_service_requests(
            start_date="2020-01-01T00:00:00Z", end_date="2020-03-01T00:00:00Z"
        )
        assert empty == []
    now = timezone.now()
    windowed = client.get_service_requests(
        start_date=(now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        end_date=(now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        status="open",
    )
    assert len(as_list(windowed)) == 2

    single = client.get_service_request(first.tracking_code)
    assert single["service_request_id"] == first.tracking_code
    assert single["requested_datetime"].endswith("+07:00")

    # The calls georeport does not wrap, read as it reads the others.
    def get(path: str, **params):
        response = requests.get(
            f"{endpoint}/{path}.{fmt}",
            params={"jurisdiction_id": "pekalongan", **params},
            timeout=10,
        )
        response.raise_for_status()
        return response.json() if fmt == "json" else xmltodict.parse(response.content)

    token = get(f"tokens/{first.tracking_code}")
    token = token[0] if fmt == "json" else token["service_requests"]["request"]
    assert token["service_request_id"] == first.tracking_code

    updates = get("servicerequestupdates")
    updates = updates if fmt == "json" else updates["service_requests_updates"]["request_update"]
    assert len(as_list(updates)) >= 6

    discovery = requests.get(f"{endpoint.rsplit('/', 1)[0]}/discovery.{fmt}", timeout=10)
    discovery.raise_for_status()
    if fmt == "xml":
        assert xmltodict.parse(discovery.content)["discovery"]["endpoints"]["endpoint"]
