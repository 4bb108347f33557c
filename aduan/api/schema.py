"""OpenAPI helpers: the documented error responses and the examples."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from aduan.api.errors import ErrorSerializer

_ERRORS: dict[int, str] = {
    400: "Invalid input (`validation_error`, `parse_error`, `invalid_cursor`).",
    401: "No or invalid credentials (`not_authenticated`, `authentication_failed`).",
    403: "Not allowed (`permission_denied`, `insufficient_scope`, `csrf_failed`).",
    404: "Not found, or not visible to the caller (`not_found`).",
    406: "The Accept header asks for a format the API cannot give (`not_acceptable`).",
    409: (
        "The complaint's status does not allow this now (`workflow_conflict`), or a request "
        "with the same Idempotency-Key is still running (`idempotency_in_progress`)."
    ),
    413: "The request body is too large (`request_too_large`).",
    429: "Too many submissions from this address, key or phone number (`throttled`); "
    "`Retry-After` says when to try again.",
    415: "Unsupported request content type (`unsupported_media_type`).",
    422: "The Idempotency-Key was already used for a different request.",
}

ERROR_EXAMPLES = [
    OpenApiExample(
        "Validation error (Accept-Language: en)",
        value={
            "error": {
                "code": "validation_error",
                "message": "The request is not valid.",
                "fields": {"description": ["Describe the problem in at least 15 characters."]},
            }
        },
        response_only=True,
        status_codes=["400"],
    ),
    OpenApiExample(
        "Galat validasi (Accept-Language: id)",
        value={
            "error": {
                "code": "validation_error",
                "message": "Data yang dikirim tidak valid.",
                "fields": {
                    "description": [
                        "Ceritakan masalahnya minimal 15 huruf: apa, di mana, sejak kapan."
                    ]
                },
            }
        },
        response_only=True,
        status_codes=["400"],
    ),
    OpenApiExample(
        "Workflow conflict",
        value={
            "error": {
                "code": "workflow_conflict",
                "message": "Action 'start' is not available in status baru.",
                "fields": {},
            }
        },
        response_only=True,
        status_codes=["409"],
    ),
]


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    """The error responses an operation may give, every one with the error body. Every
    operation can also answer 406 (Accept); one that reads a body (415) also 413."""
    wanted = sorted({*codes, 406, *((413,) if 415 in codes else ())})
    return {code: OpenApiResponse(ErrorSerializer, description=_ERRORS[code]) for code in wanted}


SECRET_HEADER = OpenApiParameter(
    "X-Tracking-Secret",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="The complaint's secret code (or pass it as the `secret` query parameter).",
)
SECRET_QUERY = OpenApiParameter(
    "secret",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    required=False,
    description="The complaint's secret code, when the header cannot be set (e.g. `<img>`).",
)
CODE_PATH = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Tracking code, e.g. `ADU-2026-000123`.",
)
LANGUAGE_HEADER = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="`id` (default) or `en`: the language of messages and labels.",
)

PREFER_HEADER = OpenApiParameter(
    "Prefer",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    enum=["respond-async"],
    description=(
        "`respond-async` (RFC 7240), with a JSON body: the submission is checked as usual, "
        "stored and answered at once with `202 Accepted` and "
        "`Preference-Applied: respond-async`; the complaint is recorded by the worker "
        "within seconds under the tracking code and secret of the answer. Until then the "
        "citizen endpoint answers `202` with the status `diterima`. Without it, with "
        "multipart, or in a staff session, the answer is the `201` as usual."
    ),
)

BINARY_RESPONSES = {
    (200, media): OpenApiResponse(OpenApiTypes.BINARY, description="The file.")
    for media in ("image/jpeg", "image/png", "image/webp", "application/pdf")
}

COMPLAINT_CREATE_EXAMPLE = OpenApiExample(
    "A citizen reports a broken street light",
    value={
        "report_type": "aduan",
        "description": "Lampu jalan di Jl. Hayam Wuruk mati sejak seminggu, gelap sekali.",
        "category": "pju",
        "area": "Kramatsari",
        "address": "depan masjid",
        "privacy": "biasa",
        "reporter_name": "Rina",
        "reporter_phone": "081234567890",
    },
    request_only=True,
)
COMPLAINT_CREATED_EXAMPLE = OpenApiExample(
    "Received",
    value={
        "tracking_code": "ADU-2026-000123",
        "secret": "K7QW2M4XJ9TB3HNA",
        "status": "baru",
        "status_label": "Baru (belum terverifikasi)",
        "submitted_at": "2026-03-17T10:00:00+07:00",
        "expected_completion": "2026-03-30T10:00:00+07:00",
        "status_page_url": "https://aduan.example.go.id/lacak/ADU-2026-000123/K7QW2M4XJ9TB3HNA/",
        "api_url": "https://aduan.example.go.id/api/v1/citizen/complaints/ADU-2026-000123/",
    },
    response_only=True,
    status_codes=["201"],
)
