"""``Authorization: Bearer adn_…``: API tokens of integrations and staff apps."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from aduan.api.models import ApiToken
from aduan.lib.refcache import LocalCache

INVALID = (
    "Token API tidak valid, kedaluwarsa atau sudah dicabut. / Invalid, expired or revoked "
    "API token."
)


def usable(token: ApiToken | None) -> ApiToken:
    """``token`` when it may be used now: it exists and is active, and a staff token's user
    is active in the token's jurisdiction; else ``AuthenticationFailed``."""
    if token is None or not token.is_active:
        raise exceptions.AuthenticationFailed(INVALID)
    user = token.user
    if user is not None and (not user.is_active or user.jurisdiction_id != token.jurisdiction_id):
        raise exceptions.AuthenticationFailed(INVALID)
    return token


#: Tokens by the digest of their key, for the asynchronous intake (``apis.intake``), which
#: answers without a query: kept 30 s, emptied at once in this process when a token or a
#: user is saved (a revocation), within 30 s in the others.
_tokens: LocalCache[ApiToken | None] = LocalCache(
    "api_tokens", seconds=30.0, invalidated_by=("api.ApiToken", "accounts.User")
)


def cached_token(raw: str) -> ApiToken:
    """The usable token behind the raw key ``raw`` (``usable``), from the per-process cache
    (``ApiToken.authenticate`` when not cached, which records its use once a minute)."""
    if not raw or not raw.startswith(ApiToken.PREFIX) or len(raw) > 200:
        raise exceptions.AuthenticationFailed(INVALID)
    digest = hashlib.sha256(raw.encode()).hexdigest()
    token = _tokens.get(digest, lambda: ApiToken.authenticate(raw))
    if token is None:
        _tokens.discard(digest)  # unknown keys are not remembered
    return usable(token)


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
        token = usable(ApiToken.authenticate(raw))
        return (token.user or AnonymousUser()), token

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
