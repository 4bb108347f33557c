"""Errors and labels in Bahasa Indonesia by default, English when Accept-Language asks."""

from __future__ import annotations

import pytest

from aduan.api.i18n import language_from_header

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "header, language",
    [
        ("", "id"),
        ("en", "en"),
        ("en-US,en;q=0.9", "en"),
        ("id-ID,id;q=0.9,en;q=0.8", "id"),
        ("fr, en;q=0.5", "en"),
        ("en;q=0.2, id;q=0.9", "id"),
        ("in", "id"),
        ("de", "id"),
        ("en;q=0", "id"),
        ("en;q=abc", "id"),
    ],
)
def test_the_language_comes_from_accept_language(header, language):
    assert language_from_header(header) == language


class ErrorLanguageTests:
    BAD = {"description": "pendek", "privacy": "biasa"}

    def test_validation_errors_in_english(self, pekalongan, as_role):
        response = as_role("anonymous").post(
            "/api/v1/complaints/", self.BAD, format="json", HTTP_ACCEPT_LANGUAGE="en-GB,en"
        )
        error = response.json()["error"]
        assert response["Content-Language"] == "en"
        assert error["message"] == "The request is not valid."
        assert error["fields"]["description"] == ["Describe the problem in at least 15 characters."]
        assert error["fields"]["reporter_name"] == ["Name is required, or choose Anonymous."]

    def test_validation_errors_in_indonesian_by_default(self, pekalongan, as_role):
        response = as_role("anonymous").post("/api/v1/complaints/", self.BAD, format="json")
        error = response.json()["error"]
        assert response["Content-Language"] == "id"
        assert error["message"] == "Data yang dikirim tidak valid."
        assert error["fields"]["description"][0].startswith("Ceritakan masalahnya minimal 15 huruf")

    def test_framework_messages_follow_too(self, pekalongan, as_role):
        client = as_role("anonymous")
        en = client.post("/api/v1/complaints/", {}, format="json", HTTP_ACCEPT_LANGUAGE="en")
        id_ = client.post("/api/v1/complaints/", {}, format="json", HTTP_ACCEPT_LANGUAGE="id")
        assert en.json()["error"]["fields"]["description"] == ["This field is required."]
        assert id_.json()["error"]["fields"]["description"] == ["Bidang ini harus diisi."]

    @pytest.mark.parametrize(
        "language, words",
        [("en", "Complaint not found."), ("id", "Laporan tidak ditemukan.")],
    )
    def test_not_found(self, world, as_role, language, words):
        response = as_role("officer_b").get(
            f"/api/v1/complaints/{world.a.tracking_code}/", HTTP_ACCEPT_LANGUAGE=language
        )
        assert response.json()["error"] == {"code": "not_found", "message": words, "fields": {}}

    def test_workflow_conflicts(self, world, as_role):
        url = f"/api/v1/complaints/{world.new.tracking_code}/actions/start/"
        en = as_role("admin").post(url, {}, format="json", HTTP_ACCEPT_LANGUAGE="en")
        id_ = as_role("admin").post(url, {}, format="json")
        assert en.json()["error"]["message"] == "Action 'start' is not available in status baru."
        assert id_.json()["error"]["message"].startswith("Tindakan ini tidak dapat dilakukan")

    def test_authentication_and_scope_errors(self, world, as_role):
        en = as_role("anonymous").get("/api/v1/complaints/", HTTP_ACCEPT_LANGUAGE="en")
        assert en.json()["error"]["message"].startswith("Authentication required")
        id_ = as_role("integration").get("/api/v1/complaints/")
        assert id_.json()["error"]["code"] == "insufficient_scope"
        assert id_.json()["error"]["message"].startswith("Token integrasi")

    def test_labels_are_translated(self, world, as_role):
        en = (
            as_role("verifier")
            .get(f"/api/v1/complaints/{world.new.tracking_code}/", HTTP_ACCEPT_LANGUAGE="en")
            .json()
        )
        id_ = as_role("verifier").get(f"/api/v1/complaints/{world.new.tracking_code}/").json()
        assert id_["status_label"] == "Baru (belum terverifikasi)"
        assert en["status_label"] != id_["status_label"]

    def test_the_web_language_cookie_does_not_decide_for_the_api(self, pekalongan, as_role):
        client = as_role("anonymous")
        client.cookies["django_language"] = "en"
        response = client.post("/api/v1/complaints/", self.BAD, format="json")
        assert response["Content-Language"] == "id"
