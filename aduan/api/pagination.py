"""Keyset (cursor) pagination of the API over ``aduan.lib.keyset``: a page starts strictly
after the last row of the previous one, compared on every ordering column (the last being
unique), so rows added or removed meanwhile never shift, repeat or skip anything, and deep
pages cost what the first does. The cursor is a signed position (``encode_cursor``).

A view names its ordering with ``keyset_ordering`` (``["-submitted_at", "-id"]``) or
``get_keyset_ordering(request)``; the columns may be annotations.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core import signing
from django.db.models import QuerySet
from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from aduan.api.errors import InvalidCursor
from aduan.lib import keyset

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


class PageParams(serializers.Serializer):
    cursor = serializers.CharField(required=False, max_length=400)
    page_size = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE
    )


def _encode_value(value: Any) -> list:
    if isinstance(value, datetime):
        return ["t", value.isoformat()]
    if isinstance(value, date):
        return ["d", value.isoformat()]
    if isinstance(value, Decimal):
        return ["n", str(value)]
    if isinstance(value, int | float | str):
        return ["v", value]
    return ["v", str(value)]


def _decode_value(item: Any) -> Any:
    if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
        raise ValueError("bad cursor value")
    kind, value = item
    if kind == "t":
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("naive datetime")
        return parsed
    if kind == "d":
        return date.fromisoformat(value)
    if kind == "n":
        return Decimal(value)
    if kind == "v" and isinstance(value, int | float | str) and not isinstance(value, bool):
        return value
    raise ValueError("bad cursor value")


_SALT = "aduan.api.cursor"


def encode_cursor(ordering: list[str], values: list[Any], reverse: bool) -> str:
    """A signed cursor: clients cannot forge positions, only pass ours back."""
    payload = {"o": ordering, "p": [_encode_value(v) for v in values], "r": int(reverse)}
    return signing.dumps(payload, salt=_SALT, compress=True)


def decode_cursor(cursor: str, ordering: list[str]) -> tuple[list[Any], bool]:
    try:
        data = signing.loads(cursor, salt=_SALT)
        if data["o"] != ordering:
            raise ValueError("cursor of another ordering")
        values = [_decode_value(item) for item in data["p"]]
        reverse = bool(data.get("r", 0))
    except (signing.BadSignature, ValueError, KeyError, TypeError) as exc:
        raise InvalidCursor() from exc
    if len(values) != len(ordering):
        raise InvalidCursor()
    return values, reverse


class KeysetPagination(BasePagination):
    """``?cursor=…&page_size=…``; the body is ``{"next", "previous", "results"}``."""

    def paginate_queryset(
        self, queryset: QuerySet | list, request: Request, view: Any = None
    ) -> list[Any]:
        params = PageParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        self.page_size: int = params.validated_data["page_size"]
        self.request = request
        getter = getattr(view, "get_keyset_ordering", None)
        self.ordering: list[str] = (
            getter(request) if getter is not None else list(view.keyset_ordering)
        )
        cursor = params.validated_data.get("cursor")
        reverse = False
        values: list[Any] | None = None
        if cursor:
            values, reverse = decode_cursor(cursor, self.ordering)
        self.columns = keyset.from_names(self.ordering)
        if isinstance(queryset, list):
            window = keyset.read_list(
                queryset, self.columns, values, size=self.page_size, reverse=reverse
            )
        else:
            window = keyset.read(
                queryset, self.columns, values, size=self.page_size, reverse=reverse
            )
        self.has_next, self.has_previous = window.has_next, window.has_previous
        self.rows = window.rows
        return window.rows

    def _link(self, row: Any, reverse: bool) -> str:
        url = self.request.build_absolute_uri()
        return replace_query_param(
            url,
            "cursor",
            encode_cursor(self.ordering, keyset.position(row, self.columns), reverse),
        )

    def get_next_link(self) -> str | None:
        if not self.has_next or not self.rows:
            return None
        return self._link(self.rows[-1], reverse=False)

    def get_previous_link(self) -> str | None:
        if not self.has_previous:
            return None
        if not self.rows:  # past the end: back to the start
            return remove_query_param(self.request.build_absolute_uri(), "cursor")
        return self._link(self.rows[0], reverse=True)

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page, or null on the last one."},
                "previous": {**link, "description": "The previous page, or null."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        return [
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Opaque position from a `next` or `previous` link.",
                "schema": {"type": "string", "maxLength": 400},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": f"Rows per page (default {DEFAULT_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
