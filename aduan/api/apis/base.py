"""The base of every API view: authentication, language, error body, idempotent POSTs."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import (
    HttpRequest,
    HttpResponseBase,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from rest_framework import exceptions, parsers, renderers
from rest_framework.authentication import SessionAuthentication
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api import errors, idempotency
from aduan.api.access import Caller, caller_of
from aduan.api.authentication import BearerTokenAuthentication
from aduan.api.i18n import language_from_header


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with absurdly nested bodies refused as a parse error (400)
    rather than a RecursionError (500)."""

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise exceptions.ParseError(
                "JSON terlalu bersarang. / JSON nested too deeply."
            ) from exc


class ApiView(GenericAPIView):
    """Token or session authentication (CSRF enforced for sessions), JSON out, JSON or
    multipart in, errors as ``{"error": …}`` in the language of ``Accept-Language``.

    Subclasses load and check what the request is about in ``prepare`` (404/403 there), so
    that a repeated POST is replayed only to a caller who may still make it."""

    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    renderer_classes = [renderers.JSONRenderer]
    parser_classes = [JSONParser, parsers.MultiPartParser]
    pagination_class: type[BasePagination] | None = None
    metadata_class = None  # OPTIONS: 405, the OpenAPI schema describes everything
    _claim: idempotency.Claim | None = None

    @property
    def caller(self) -> Caller:
        return caller_of(self.request)

    def get_exception_handler(self) -> Any:
        return errors.exception_handler

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        language = language_from_header(request.headers.get("Accept-Language", ""))
        with translation.override(language):
            if request.method == "POST" and idempotency.HEADER in request.headers:
                response = self._dispatch_in_one_transaction(request, *args, **kwargs)
            else:
                response = super().dispatch(request, *args, **kwargs)
                if isinstance(response, Response):
                    response.render()  # while the language is active
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language", "Authorization"))
        return response

    def _dispatch_in_one_transaction(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        """A POST with an ``Idempotency-Key``: the key's claim, the work and the stored
        answer are one transaction, committed before the answer leaves (one commit instead
        of three). A second request with the same key waits on the claim's unique index and
        then replays the stored answer; a request that fails or is killed leaves nothing,
        not even its claim. Anything but a 2xx rolls back."""
        with transaction.atomic():
            response = super().dispatch(request, *args, **kwargs)
            if isinstance(response, Response):
                response.render()  # while the language is active
            if not 200 <= response.status_code < 300:
                transaction.set_rollback(True)
        return response

    def prepare(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """Load and check the objects the request is about (after authentication)."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.prepare(request, *args, **kwargs)
        if request.method == "POST":
            key = idempotency.key_from(request)
            if key is not None:
                self._claim = idempotency.begin(request, self.caller.idempotency_key, key)

    @property
    def idempotency_key(self) -> str | None:
        return self._claim.record.key if self._claim is not None else None

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, idempotency.Replay):
            return exc.response
        if self._claim is not None:
            idempotency.release(self._claim)
            self._claim = None
        return super().handle_exception(exc)

    def finalize_response(
        self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        response = super().finalize_response(request, response, *args, **kwargs)
        if self._claim is not None and isinstance(response, Response):
            idempotency.finish(self._claim, response)
            self._claim = None
        return response


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
    """Any other address under the API: a JSON 404 rather than the site's HTML page, or,
    when only the final slash is missing, a 308 redirect (which keeps the method and body,
    unlike APPEND_SLASH's 301)."""
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            target = request.path + "/" + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(target, preserve_request=True)
    language = language_from_header(request.headers.get("Accept-Language", ""))
    with translation.override(language):
        body = errors.error_body("not_found", errors.generic_message(404))
    response = JsonResponse(body, status=404)
    response.headers["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))
    return response
