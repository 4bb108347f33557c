"""Input no database can store, made harmless at the edges.

PostgreSQL text cannot hold NUL (``\\x00``) and no UTF-8 column can hold a lone surrogate
(``"\\ud800"`` is valid JSON). Both would turn hostile input into a 500:

* ``RefuseNullBytesMiddleware`` answers 400 to a request whose path or query string holds a
  NUL, before any lookup sees it (forms refuse NUL themselves: Django's and DRF's
  ``CharField`` validate it);
* ``storable`` is applied by the intake services to text that arrives outside forms (Open311
  parameters, WhatsApp and e-mail messages): NUL removed, lone surrogates replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

MESSAGE = (
    "Permintaan berisi karakter NUL yang tidak diizinkan. / The request contains a NUL "
    "character, which is not allowed."
)


def storable(value: str) -> str:
    """``value`` without NUL characters and with lone surrogates replaced by U+FFFD."""
    if not value:
        return value
    value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return value


class RefuseNullBytesMiddleware:
    """400 for a NUL in the path or the query string (``%00`` or raw)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "\x00" in unquote(query):
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
