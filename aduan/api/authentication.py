"""``Authorization: Bearer adn_…``: API tokens of integrations and staff apps."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from aduan.api.models import ApiToken

INVALID = (
    "Token API tidak valid, kedaluwarsa atau sudah dicabut. / Invalid, expired or revoked "
    "API token."
)


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """A token with a user acts as that user; a token without one is an integration, and
    the request's user stays anonymous (``request.auth`` holds the token)."""

    keyword = "bearer"

    def authenticate(self, request: Request) -> tuple[object, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        scheme, _sep, raw = header.strip().partition(" ")
        if scheme.lower() != self.keyword:
            return None
        raw = raw.strip()
        if not raw or " " in raw:
            raise exceptions.AuthenticationFailed(INVALID)
        token = ApiToken.authenticate(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(INVALID)
        user = token.user
        if user is None:
            return AnonymousUser(), token
        if not user.is_active or user.jurisdiction_id != token.jurisdiction_id:
            raise exceptions.AuthenticationFailed(INVALID)
        return user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="aduan"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "aduan.api.authentication.BearerTokenAuthentication"
    name = "bearerToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "An API token (`adn_…`), issued with `aduan api_token issue`. A token with a "
                "user acts as that user, within its scopes and units; a token without a user "
                "is an integration that may submit complaints."
            ),
        }
