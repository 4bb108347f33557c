"""Production settings pass ``check --deploy``; secrets come from the environment or files;
every response carries the security headers and a strict Content-Security-Policy; templates
have no inline script; errors are the site's own pages, never debug pages."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.views.defaults import server_error

import aduan
from aduan.lib.env import env_secret

ROOT = Path(aduan.__file__).resolve().parent.parent


def run_deploy_check(extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ADUAN_", "DJANGO_", "DATABASE_URL"))
    }
    env.update({"PYTHONPATH": str(ROOT), "ADUAN_ALLOWED_HOSTS": "aduan.pekalongankota.go.id"})
    env.update(extra)
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "aduan", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


class DeployCheckTests:
    def test_production_settings_pass_check_deploy_without_a_warning(self):
        result = run_deploy_check({"ADUAN_SECRET_KEY": secrets.token_urlsafe(50)})
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no issues" in result.stdout

    def test_the_secret_key_may_come_from_a_file(self, tmp_path):
        key_file = tmp_path / "secret_key"
        key_file.write_text(secrets.token_urlsafe(50) + "\n")
        result = run_deploy_check({"ADUAN_SECRET_KEY_FILE": str(key_file)})
        assert result.returncode == 0, result.stdout + result.stderr

    def test_without_a_secret_key_production_refuses_to_start(self):
        result = run_deploy_check({})
        assert result.returncode != 0
        assert "ADUAN_SECRET_KEY" in result.stderr


class EnvSecretTests:
    def test_it_reads_the_variable_or_the_file(self, monkeypatch, tmp_path):
        monkeypatch.setenv("ADUAN_UJI_TOKEN", "dari-env")
        assert env_secret("ADUAN_UJI_TOKEN") == "dari-env"
        monkeypatch.delenv("ADUAN_UJI_TOKEN")
        path = tmp_path / "token"
        path.write_text("dari-berkas\n")
        monkeypatch.setenv("ADUAN_UJI_TOKEN_FILE", str(path))
        assert env_secret("ADUAN_UJI_TOKEN") == "dari-berkas"
        assert env_secret("ADUAN_TIDAK_ADA", "bawaan") == "bawaan"

    def test_both_at_once_is_refused(self, monkeypatch, tmp_path):
        path = tmp_path / "token"
        path.write_text("x")
        monkeypatch.setenv("ADUAN_UJI_TOKEN", "y")
        monkeypatch.setenv("ADUAN_UJI_TOKEN_FILE", str(path))
        with pytest.raises(ImproperlyConfigured):
            env_secret("ADUAN_UJI_TOKEN")


def directives(header: str) -> dict[str, list[str]]:
    result = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


class HeaderTests:
    def test_pages_carry_a_strict_policy_and_the_security_headers(self, client, pekalongan):
        response = client.get("/lapor/")
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"]
        assert "'unsafe-inline'" not in policy["script-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert "'unsafe-inline'" not in policy["style-src"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"

    def test_https_responses_carry_hsts(self, client, settings, pekalongan):
        settings.SECURE_HSTS_SECONDS = 31536000
        settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
        response = client.get("/", secure=True)
        assert response["Strict-Transport-Security"].startswith("max-age=31536000")

    def test_only_the_api_documentation_gets_the_relaxed_policy(self, client, db):
        docs = directives(client.get("/api/v1/docs/")["Content-Security-Policy"])
        assert "'unsafe-inline'" in docs["script-src"]
        assert docs["frame-ancestors"] == ["'none'"]
        api = client.get("/api/v1/categories/")
        assert "'unsafe-inline'" not in directives(api["Content-Security-Policy"])["script-src"]

    def test_attachments_keep_their_own_sandbox_policy(self, client, people, submit):
        from aduan.complaints.tests.helpers import png

        result = submit(attachments=[png()])
        attachment = result.complaint.attachments.get()
        url = f"/lacak/{result.complaint.tracking_code}/{result.secret}/lampiran/{attachment.pk}/"
        response = client.get(url)
        assert response.status_code == 200
        assert "sandbox" in response["Content-Security-Policy"]


class KeptPolicyTests:
    """The middleware keeps the headers it can (``content_policy.policy``): every header it
    writes is the one django-csp's own ``process_response`` writes for the same parts."""

    @staticmethod
    def both(path, *, nonce=False, decorate=None):
        from csp.middleware import CSPMiddleware
        from django.http import HttpResponse

        from aduan.accounts.content_policy import ContentSecurityPolicyMiddleware

        middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
        answers = []
        ours = middleware.process_response

        def stock(request, response):
            return CSPMiddleware.process_response(middleware, request, response)

        for process in (ours, stock):
            request = RequestFactory().get(path)
            middleware.process_request(request)
            if nonce:
                str(request.csp_nonce)  # a template that used the nonce
            response = HttpResponse("{}")
            for name, value in (decorate or {}).items():
                setattr(response, name, value)
            process(request, response)
            answers.append(
                (
                    response.get("Content-Security-Policy"),
                    response.get("Content-Security-Policy-Report-Only"),
                    getattr(request, "_csp_nonce", None),
                )
            )
        return answers

    def test_the_same_headers_as_django_csp_for_every_kind_of_response(self, settings):
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
            "DIRECTIVES": {"default-src": ["'none'"], "script-src": ["'self'"]}
        }
        cases: list[tuple[str, dict[str, Any]]] = [
            ("/api/v1/categories/", {}),
            ("/lapor/", {"nonce": True}),
            ("/api/v1/docs/", {}),
            ("/api/v1/docs/", {"nonce": True}),
            ("/lapor/", {"decorate": {"_csp_update": {"img-src": ["https://peta.example"]}}}),
            ("/lapor/", {"decorate": {"_csp_replace": {"script-src": ["'none'"]}}}),
            ("/lapor/", {"decorate": {"_csp_exempt": True}}),
            ("/lapor/", {"decorate": {"_csp_exempt_ro": True}}),
        ]
        for path, options in cases:
            kept, stock = self.both(path, **options)
            assert (kept[2] is None) == (stock[2] is None)  # each request its own nonce
            for mine, theirs in zip(kept[:2], stock[:2], strict=True):
                if theirs is None:
                    assert mine is None, (path, options)
                    continue
                if options.get("nonce"):
                    theirs = theirs.replace(stock[2] or "", kept[2] or "")
                assert directives(mine) == directives(theirs), (path, options)
        kept, _stock = self.both("/lapor/", nonce=True)
        assert f"'nonce-{kept[2]}'" in directives(kept[0])["script-src"]

    def test_a_changed_setting_is_followed_at_once(self, settings):
        before = directives(self.both("/lapor/")[0][0])
        settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
        after = directives(self.both("/lapor/")[0][0])
        assert before["default-src"] == ["'self'"]
        assert after == {"default-src": ["'none'"]}
        settings.CONTENT_SECURITY_POLICY = {
            **settings.CONTENT_SECURITY_POLICY,
            "EXCLUDE_URL_PREFIXES": ["/lapor/"],
        }
        assert self.both("/lapor/")[0][0] is None
        assert self.both("/lapor/")[1][0] is None  # django-csp agrees


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE)
JS_URL = re.compile(r"""href\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def test_no_template_has_inline_script_or_event_handlers():
    """The policy forbids them (a nonce is the way out: ``<script nonce="{{ CSP_NONCE }}">``)."""
    found = []
    for path in sorted((ROOT / "aduan").rglob("templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, JS_URL):
            for match in pattern.finditer(text):
                if "CSP_NONCE" not in match.group(0):
                    found.append(f"{path.relative_to(ROOT)}: {match.group(0)!r}")
    assert not found, found


class ErrorPageTests:
    def test_an_unknown_address_gets_the_sites_own_404_in_bahasa_indonesia(
        self, client, settings, pekalongan
    ):
        settings.DEBUG = False
        response = client.get("/tidak-ada-halaman-ini/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "Halaman tidak ditemukan" in html
        assert "Traceback" not in html and "URLconf" not in html

    def test_and_in_english(self, client, pekalongan):
        client.cookies["django_language"] = "en"
        html = client.get("/tidak-ada-halaman-ini/").content.decode()
        assert "Page not found" in html

    def test_the_500_page_needs_no_context_and_speaks_both_languages(self):
        response = server_error(RequestFactory().get("/"))
        html = response.content.decode()
        assert response.status_code == 500
        assert "Terjadi kesalahan di server" in html and "Server error" in html
