"""The GeoReport v2 endpoints: parse the parameters, call a selector or the intake adapter,
render XML or JSON. Errors are Open311 error bodies: 404 missing resource, 403 api_key
problem, 400 anything else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.views.decorators.csrf import csrf_exempt

from aduan.complaints import spam
from aduan.lib import clock, ratelimit
from aduan.open311 import output, selectors
from aduan.open311.formats import Open311Error, format_of_path, parse_w3c, render, render_error
from aduan.open311.services import Params, authenticate, request_submit
from aduan.open311.status import STATUS_FILTERS

#: The widest start_date..end_date window, and the default one (the latest 90 days).
MAX_WINDOW = timedelta(days=90)

View = Callable[..., HttpResponse]

#: The largest page or page_size accepted (anything larger is a 400, not a database error).
MAX_INT_PARAM = 1_000_000


def endpoint(*methods: str) -> Callable[[View], View]:
    """An Open311 endpoint answering ``methods`` (GET includes HEAD): errors become error
    bodies in the requested format; GET responses may be read from any web origin."""
    allowed = set(methods) | ({"HEAD"} if "GET" in methods else set())

    def decorate(view: View) -> View:
        @csrf_exempt  # api_key authenticates a POST; no cookie is ever read
        @wraps(view)
        def wrapper(request: HttpRequest, fmt: str, **kwargs: Any) -> HttpResponse:
            if request.method not in allowed:
                response = render_error(
                    fmt,
                    Open311Error(
                        400,
                        f"Metode {request.method} tidak didukung di sini / method "
                        f"{request.method} is not supported here",
                    ),
                )
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            try:
                _refuse_nul(request)
                response = view(request, fmt, **kwargs)
            except Open311Error as exc:
                response = render_error(fmt, exc)
            if request.method in ("GET", "HEAD"):
                response["Access-Control-Allow-Origin"] = "*"
            return response

        return wrapper

    return decorate


# --------------------------------------------------------------------------- parameters


def _refuse_nul(request: HttpRequest) -> None:
    """No parameter may hold a NUL character (no database stores one): 400."""
    sources = (request.GET, request.POST) if request.method == "POST" else (request.GET,)
    for params in sources:
        if any("\x00" in value for _name, values in params.lists() for value in values):
            raise Open311Error(
                400, "Parameter berisi karakter NUL / a parameter contains a NUL character"
            )


def _param(params: QueryDict, name: str) -> str | None:
    """A parameter's first non-empty value; empty counts as absent."""
    for value in params.getlist(name):
        if value.strip():
            return value.strip()
    return None


def _list(params: QueryDict, name: str) -> list[str]:
    """A comma-separated (or repeated) parameter's values."""
    return [
        item.strip() for value in params.getlist(name) for item in value.split(",") if item.strip()
    ]


def _positive_int(params: QueryDict, name: str, default: int) -> int:
    value = _param(params, name)
    if value is None:
        return default
    if not value.isdigit() or not 1 <= int(value) <= MAX_INT_PARAM:
        raise Open311Error(
            400, f"{name}: bilangan bulat positif / {name}: must be a positive integer"
        )
    return int(value)


def _window(params: QueryDict) -> tuple[datetime, datetime]:
    """start_date..end_date: at most 90 days; one of them alone spans 90 days from it; none
    is the latest 90 days. A window beyond the calendar (year 9999) is a 400."""
    try:
        return _window_of(params)
    except OverflowError:
        raise Open311Error(400, "Tanggal di luar rentang / date out of range") from None


def _window_of(params: QueryDict) -> tuple[datetime, datetime]:
    start_value, end_value = _param(params, "start_date"), _param(params, "end_date")
    start = parse_w3c(start_value, "start_date") if start_value else None
    end = parse_w3c(end_value, "end_date") if end_value else None
    if start is not None and end is not None:
        if end < start:
            raise Open311Error(
                400,
                "end_date sebelum start_date / end_date is before start_date",
            )
        if end - start > MAX_WINDOW:
            raise Open311Error(
                400,
                "Rentang start_date..end_date paling lama 90 hari / start_date and end_date "
                "may not span more than 90 days",
            )
        return start, end
    if start is not None:
        return start, start + MAX_WINDOW
    if end is not None:
        return end - MAX_WINDOW, end
    now = clock.now()
    return now - MAX_WINDOW, now


def _extensions(params: QueryDict) -> bool:
    return (_param(params, "extensions") or "").lower() in ("true", "1", "yes")


def _request_query(params: QueryDict) -> selectors.RequestQuery:
    limit = selectors.max_rows()
    page = _positive_int(params, "page", 1)
    page_size = min(_positive_int(params, "page_size", limit), limit)
    ids = _list(params, "service_request_id")
    if ids:  # overrides every other filter
        now = clock.now()
        return selectors.RequestQuery(
            start=now, end=now, ids=ids[:limit], page=page, page_size=page_size
        )
    statuses = [s.lower() for s in _list(params, "status")]
    unknown = sorted(set(statuses) - set(STATUS_FILTERS))
    if unknown:
        raise Open311Error(
            400,
            f"status '{','.join(unknown)}' tidak dikenal; gunakan open atau closed / "
            "unknown status; use open or closed",
        )
    start, end = _window(params)
    return selectors.RequestQuery(
        start=start,
        end=end,
        service_codes=_list(params, "service_code"),
        statuses=statuses,
        page=page,
        page_size=page_size,
    )


# --------------------------------------------------------------------------- endpoints


@endpoint("GET")
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    node = output.discovery(request, selectors.active_jurisdictions())
    return render(fmt, "discovery", node)


@endpoint("GET")
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    jurisdiction = selectors.jurisdiction_get(_param(request.GET, "jurisdiction_id"))
    return render(fmt, "services", output.services(selectors.service_list(jurisdiction)))


@endpoint("GET")
def service_definition(request: HttpRequest, fmt: str, code: str) -> HttpResponse:
    jurisdiction = selectors.jurisdiction_get(_param(request.GET, "jurisdiction_id"))
    category = selectors.service_get(jurisdiction, code)
    node = output.service_definition(category, selectors.kelurahan_list(jurisdiction))
    return render(fmt, "service_definition", node)


@endpoint("GET", "POST")
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _submit(request, fmt)
    jurisdiction = selectors.jurisdiction_get(_param(request.GET, "jurisdiction_id"))
    query = _request_query(request.GET)
    rows = selectors.request_list(jurisdiction, query)
    node = output.requests(rows, jurisdiction=jurisdiction, extensions=_extensions(request.GET))
    return render(fmt, "service_requests", node)


def _submit(request: HttpRequest, fmt: str) -> HttpResponse:
    params = Params(request.POST, request.GET)
    jurisdiction = selectors.jurisdiction_get(params.get("jurisdiction_id"))
    token = authenticate(jurisdiction, params.get("api_key"))
    refused = spam.intake_limit(
        token=f"token:{token.pk}", phone=params.get("phone") or "", email=params.get("email") or ""
    )
    if refused is not None:
        response = render_error(
            fmt, Open311Error(429, ratelimit.retry_message(refused.retry_after))
        )
        response["Retry-After"] = str(refused.retry_after)
        return response
    result = request_submit(
        jurisdiction=jurisdiction,
        token=token,
        params=params,
        idempotency_key=request.headers.get("Idempotency-Key", ""),
    )
    node = output.submitted(
        result.complaint, created=result.created, account_id=params.get("account_id")
    )
    return render(fmt, "service_requests", node)


@endpoint("GET")
def request_detail(request: HttpRequest, fmt: str, request_id: str) -> HttpResponse:
    jurisdiction = selectors.jurisdiction_get(_param(request.GET, "jurisdiction_id"))
    row = selectors.request_row_get(jurisdiction, request_id)
    node = output.requests([row], jurisdiction=jurisdiction, extensions=_extensions(request.GET))
    return render(fmt, "service_requests", node)


@endpoint("GET")
def token(request: HttpRequest, fmt: str, token_id: str) -> HttpResponse:
    """Requests are created synchronously and their token is their service_request_id."""
    jurisdiction = selectors.jurisdiction_get(_param(request.GET, "jurisdiction_id"))
    try:
        complaint = selectors.request_get(jurisdiction, token_id)
    except Open311Error:
        raise Open311Error(404, f"token '{token_id}' tidak ditemukan / token not found") from None
    return render(fmt, "service_requests", output.token(complaint))


@endpoint("GET")
def updates(request: HttpRequest, fmt: str) -> HttpResponse:
    jurisdiction = selectors.jurisdiction_get(_param(request.GET, "jurisdiction_id"))
    start, end = _window(request.GET)
    rows = selectors.update_list(
        jurisdiction, start=start, end=end, ids=_list(request.GET, "service_request_id")
    )
    return render(fmt, "service_requests_updates", output.updates(rows))


@csrf_exempt
def not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    return render_error(
        format_of_path(request.path),
        Open311Error(404, "Sumber tidak ditemukan / resource not found"),
    )
