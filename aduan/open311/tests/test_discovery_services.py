"""Discovery, services, service definitions, jurisdictions and the generic error paths."""

from __future__ import annotations

import pytest
import xmltodict

from aduan.open311.tests.conftest import FORMATS, errors, items, read, url
from aduan.organisation.models import Category, Jurisdiction

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_jurisdiction(pekalongan):
    return Jurisdiction.objects.create(
        slug="batang", name="Pemerintah Kabupaten Batang", kind="kabupaten"
    )


class DiscoveryTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_it_describes_the_v2_endpoint(self, client, pekalongan, fmt):
        response = client.get(f"/open311/discovery.{fmt}")
        assert response.status_code == 200
        data = read(response, fmt)
        if fmt == "xml":
            doc = xmltodict.parse(response.content)["discovery"]
            endpoint = doc["endpoints"]["endpoint"]
            formats = endpoint["formats"]["format"]
        else:
            doc = data
            endpoint = doc["endpoints"][0]
            formats = endpoint["formats"]
        assert doc["changeset"].endswith("+07:00")
        assert "Lapor Ajib" in doc["contact"]
        assert doc["key_service"]
        assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
        assert endpoint["url"] == "http://testserver/open311/v2"
        assert endpoint["type"] in ("production", "test")
        assert formats == ["text/xml", "application/json"]

    def test_the_discovered_url_serves_services(self, client, pekalongan):
        root = client.get("/open311/discovery.json").json()["endpoints"][0]["url"]
        path = root.removeprefix("http://testserver")
        assert client.get(f"{path}/services.json").status_code == 200

    def test_it_is_also_found_beside_the_endpoints(self, client, pekalongan):
        assert client.get("/open311/v2/discovery.json").status_code == 200

    def test_get_answers_any_origin(self, client, pekalongan):
        response = client.get("/open311/discovery.json")
        assert response["Access-Control-Allow-Origin"] == "*"


class ServicesTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_categories_are_services(self, client, pekalongan, fmt):
        response = client.get(url("services", fmt))
        assert response.status_code == 200
        services = items(response, fmt, "service")
        assert len(services) == Category.objects.filter(jurisdiction=pekalongan).count() == 20
        jalan = next(s for s in services if s["service_code"] == "jalan")
        assert jalan["service_name"] == "Jalan, Jembatan & Trotoar"
        assert jalan["description"] == "Jalan berlubang, jalan dan jembatan rusak, trotoar"
        assert jalan["keywords"].startswith("Jalan berlubang, jalan dan jembatan rusak, trotoar")
        assert "Roads, bridges & pavements" in jalan["keywords"]
        assert jalan["group"] == "Dinas Pekerjaan Umum dan Penataan Ruang"
        assert jalan["type"] == "realtime"
        assert jalan["metadata"] in (True, "true")
        assert all(isinstance(s["service_code"], str) for s in services)
        assert [s["service_code"] for s in services][0] == "adminduk"  # display order

    def test_inactive_categories_are_not_offered(self, client, pekalongan):
        Category.objects.filter(jurisdiction=pekalongan, code="pajak").update(is_active=False)
        codes = [s["service_code"] for s in client.get(url("services", "json")).json()]
        assert "pajak" not in codes
        assert client.get(url("services/pajak", "json")).status_code == 404

    def test_xml_is_valid_for_none_and_one(self, client, pekalongan):
        Category.objects.filter(jurisdiction=pekalongan).update(is_active=False)
        response = client.get(url("services", "xml"))
        assert response.status_code == 200
        assert read(response, "xml").tag == "services"
        assert xmltodict.parse(response.content) == {"services": None}
        assert client.get(url("services", "json")).json() == []
        Category.objects.filter(jurisdiction=pekalongan, code="jalan").update(is_active=True)
        one = xmltodict.parse(client.get(url("services", "xml")).content)["services"]["service"]
        assert one["service_code"] == "jalan"  # a single child: a dict


class ServiceDefinitionTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_kelurahan_is_a_single_value_list(self, client, pekalongan, fmt):
        response = client.get(url("services/jalan", fmt))
        assert response.status_code == 200
        if fmt == "xml":
            assert read(response, fmt).tag == "service_definition"
            doc = xmltodict.parse(response.content)["service_definition"]
            attribute = doc["attributes"]["attribute"]  # a single attribute: a dict
            values = attribute["values"]["value"]
        else:
            doc = read(response, fmt)
            attribute = doc["attributes"][0]
            values = attribute["values"]
        assert doc["service_code"] == "jalan"
        assert attribute["code"] == "kelurahan"
        assert attribute["datatype"] == "singlevaluelist"
        assert attribute["variable"] in (True, "true")
        assert attribute["required"] in (False, "false")
        assert str(attribute["order"]) == "1"
        assert attribute["datatype_description"]
        assert len(values) == 27
        medono = next(v for v in values if v["key"] == "medono")
        assert medono["name"].startswith("Medono")

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_an_unknown_service_is_404(self, client, pekalongan, fmt):
        response = client.get(url("services/tidak-ada", fmt))
        assert response.status_code == 404
        assert "tidak-ada" in errors(response, fmt)[0]["description"]


class JurisdictionTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_it_is_optional_with_one_jurisdiction(self, client, pekalongan, fmt):
        assert client.get(url("services", fmt)).status_code == 200
        response = client.get(url("services", fmt), {"jurisdiction_id": "pekalongan"})
        assert response.status_code == 200

    def test_empty_is_absent(self, client, pekalongan):
        assert client.get(url("services", "json"), {"jurisdiction_id": ""}).status_code == 200

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_an_unknown_one_is_404(self, client, pekalongan, fmt):
        response = client.get(url("services", fmt), {"jurisdiction_id": "atlantis"})
        assert response.status_code == 404
        errors(response, fmt)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_it_is_required_with_several(self, client, second_jurisdiction, fmt):
        for path in ("services", "requests", "servicerequestupdates", "services/jalan"):
            response = client.get(url(path, fmt))
            assert response.status_code == 400, path
            assert "jurisdiction_id" in errors(response, fmt)[0]["description"]
        response = client.get(url("services", fmt), {"jurisdiction_id": "pekalongan"})
        assert response.status_code == 200
        response = client.get(url("services", fmt), {"jurisdiction_id": "batang"})
        assert items(response, fmt, "service") == []

    def test_an_inactive_one_is_unknown(self, client, second_jurisdiction):
        second_jurisdiction.is_active = False
        second_jurisdiction.save()
        assert client.get(url("services", "json")).status_code == 200
        response = client.get(url("services", "json"), {"jurisdiction_id": "batang"})
        assert response.status_code == 404


class ErrorPathTests:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_an_unknown_path_is_an_open311_404(self, client, pekalongan, fmt):
        response = client.get(f"/open311/v2/nothing.{fmt}")
        assert response.status_code == 404
        errors(response, fmt)

    def test_an_unknown_format_is_a_404_in_xml(self, client, pekalongan):
        response = client.get("/open311/v2/services.csv")
        assert response.status_code == 404
        errors(response, "xml")

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_method_not_offered_is_400(self, client, pekalongan, fmt):
        response = client.delete(url("services", fmt))
        assert response.status_code == 400
        assert response["Allow"] == "GET, HEAD"
        errors(response, fmt)
        assert client.put(url("requests", fmt)).status_code == 400

    def test_head_is_get_without_a_body(self, client, pekalongan):
        assert client.head(url("services", "json")).status_code == 200
