"""The site's Content-Security-Policy (settings.CONTENT_SECURITY_POLICY), relaxed only for
the API documentation pages, whose third-party viewers need inline script and style.

django-csp builds the header anew for every response (``dataclasses.asdict`` of the parts,
then ``build_policy``), which costs about as much as the rest of a small JSON answer. A
response that brings no policy of its own (no ``@csp_update`` and the like) gets one of a
few headers that depend only on the settings, whether the page is the API documentation, and
whether its template used a nonce: each is built once by ``build_policy`` itself (with a
placeholder for the nonce) and kept until the settings change."""

from __future__ import annotations

import functools
import http.client

from csp.constants import HEADER, HEADER_REPORT_ONLY, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

DOC_PATHS = ("/api/v1/docs/", "/api/v1/redoc/")
DOC_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:"],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [NONE],
    "frame-ancestors": [NONE],
}
# Stands for the response's nonce in a kept header (letters and digits only, so that
# build_policy keeps it as it is; no policy source looks like it).
_NONCE_PLACEHOLDER = "aduanNoncePlaceholder7f3c9e"
# Per report-only or not: the header, the setting that configures it, the response's
# attribute that exempts it (set by django-csp's decorators).
_HEADERS = (
    (False, HEADER, "CONTENT_SECURITY_POLICY", "_csp_exempt"),
    (True, HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", "_csp_exempt_ro"),
)
_DEBUG_EXEMPT = (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)


@functools.cache
def _kept(report_only: bool, docs: bool, nonce: bool) -> str:
    return build_policy(
        config=DOC_POLICY if docs else None,
        nonce=_NONCE_PLACEHOLDER if nonce else None,
        report_only=report_only,
    )


@functools.cache
def _excluded_prefixes(setting: str) -> tuple[str, ...]:
    return tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ())


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs: object) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _kept.cache_clear()
        _excluded_prefixes.cache_clear()


def policy(parts: PolicyParts, report_only: bool = False) -> str:
    """``build_policy(**asdict(parts), report_only=report_only)``, kept when the parts are
    the settings' or the documentation's policy (see the module docstring)."""
    if parts.update is None and parts.replace is None:
        if parts.config is None or parts.config is DOC_POLICY:
            text = _kept(report_only, parts.config is DOC_POLICY, parts.nonce is not None)
            return text.replace(_NONCE_PLACEHOLDER, parts.nonce) if parts.nonce else text
    return build_policy(
        config=parts.config,
        update=parts.update,
        replace=parts.replace,
        nonce=parts.nonce,
        report_only=report_only,
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(DOC_PATHS):
            # Without a nonce: a nonce beside 'unsafe-inline' would switch the latter off.
            return PolicyParts(config=DOC_POLICY)
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        """As django-csp 4.0's, with the header from ``policy`` (kept, not built anew)."""
        if response.status_code in _DEBUG_EXEMPT and settings.DEBUG:
            return response
        for report_only, header, setting, exempt in _HEADERS:
            parts = self.get_policy_parts(request, response, report_only)
            text = policy(parts, report_only)
            if (
                text
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(_excluded_prefixes(setting))
            ):
                response[header] = text
        # After the header is written a nonce can no longer reach it: asking for one fails.
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response
