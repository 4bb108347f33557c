"""The site's Content-Security-Policy (settings.CONTENT_SECURITY_POLICY), relaxed only for
the API documentation pages, whose third-party viewers need inline script and style."""

from __future__ import annotations

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(DOC_PATHS):
            # Without a nonce: a nonce beside 'unsafe-inline' would switch the latter off.
            return PolicyParts(config=dict(DOC_POLICY))
        return parts
