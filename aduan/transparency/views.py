"""The public transparency page (/publik/), a public complaint's page, support, the citizen
form's "similar reports", and the verifier's publication panel. Views parse, call a
selector or service, render; what may be published is decided in ``publish``."""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from aduan.complaints import permissions
from aduan.complaints.choices import OPEN_STATUSES
from aduan.complaints.models import Complaint, Supporter
from aduan.complaints.selectors import complaint_get_for_user
from aduan.complaints.services import ComplaintInputError
from aduan.lib import ratelimit
from aduan.organisation.models import Category, Jurisdiction
from aduan.organisation.selectors import area_resolve, filter_options
from aduan.transparency import publish, selectors, services
from aduan.transparency.forms import PublicationForm, SupportForm

log = logging.getLogger(__name__)

SUPPORT_COOKIE = "aduan_dukungan"
SUPPORT_COOKIE_SALT = "aduan.transparency.support"
SUPPORT_COOKIE_AGE = 365 * 24 * 3600
#: Requests to "similar reports" per visitor and minute.
#: Similar reports shown at most.
SIMILAR_SHOWN = 3
#: Years offered for the statistics.
YEARS_BACK = 5


def _jurisdiction() -> Jurisdiction:
    return get_object_or_404(Jurisdiction, slug=settings.ADUAN_DEFAULT_JURISDICTION, is_active=True)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _with_public_text(complaints: list[Complaint]) -> list[Complaint]:
    for c in complaints:
        c.shown_text = publish.public_text(c)  # type: ignore[attr-defined]
        for answer in getattr(c, "public_answers", []):
            answer.shown_text = publish.public_note(answer, c)
    return complaints


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    jurisdiction = _jurisdiction()
    state = request.GET.get("status", "")
    filters = selectors.ListFilters(
        q=request.GET.get("q", "")[:100],
        category=request.GET.get("kategori", "")[:60],
        area=_int(request.GET.get("kelurahan")),
        state=state if state in ("terbuka", "selesai") else "",
    )
    page = selectors.public_list(jurisdiction, filters, cursor=request.GET.get("sesudah", ""))
    _with_public_text(page.items)
    params = request.GET.copy()
    params.pop("sesudah", None)
    context = {"page": page, "querystring": params.urlencode()}
    if request.headers.get("HX-Request"):
        return render(request, "transparency/_list.html", context)
    this_year = timezone.localdate().year
    years = list(range(this_year, this_year - YEARS_BACK, -1))
    year = _int(request.GET.get("tahun"))
    year = year if year in years else None
    context.update(
        {
            "stats": selectors.statistics(jurisdiction, year),
            "year": year,
            "years": years,
            "options": filter_options(jurisdiction.pk),
        }
    )
    return render(request, "transparency/index.html", context)


def _browser_token(request: HttpRequest) -> str:
    token = request.get_signed_cookie(SUPPORT_COOKIE, default="", salt=SUPPORT_COOKIE_SALT)
    return token if isinstance(token, str) and len(token) == 32 else ""


def _remember_browser(response: HttpResponse, token: str) -> None:
    response.set_signed_cookie(
        SUPPORT_COOKIE,
        token,
        salt=SUPPORT_COOKIE_SALT,
        max_age=SUPPORT_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _supported(request: HttpRequest, complaint: Complaint) -> bool:
    token = _browser_token(request)
    return (
        bool(token)
        and Supporter.objects.filter(
            complaint=complaint, browser_key=services.visitor_key(token)
        ).exists()
    )


@require_GET
def detail(request: HttpRequest, code: str) -> HttpResponse:
    complaint = selectors.public_get(_jurisdiction(), code)
    if complaint is None:
        raise Http404("Laporan tidak ditemukan. / Complaint not found.")
    return _render_detail(request, complaint, SupportForm())


def _render_detail(
    request: HttpRequest, complaint: Complaint, form: SupportForm, status: int = 200
) -> HttpResponse:
    events = [(e, publish.public_note(e, complaint)) for e in complaint.shown_events]  # type: ignore[attr-defined]
    merged_into = complaint.merged_into
    return render(
        request,
        "transparency/detail.html",
        {
            "complaint": complaint,
            "text": publish.public_text(complaint),
            "address": publish.public_address(complaint),
            "events": events,
            "merged_into": merged_into if merged_into and publish.is_public(merged_into) else None,
            "form": form,
            "can_support": complaint.status in OPEN_STATUSES,
            "supported": _supported(request, complaint),
        },
        status=status,
    )


@require_POST
def support(request: HttpRequest, code: str) -> HttpResponse:
    """Support a public complaint (from its page, or from the citizen form's suggestions)."""
    complaint = selectors.public_get(_jurisdiction(), code)
    if complaint is None:
        raise Http404("Laporan tidak ditemukan. / Complaint not found.")
    htmx = bool(request.headers.get("HX-Request"))
    form = SupportForm(request.POST)
    if not form.is_valid():
        if htmx:
            return render(
                request,
                "transparency/_supported.html",
                {"complaint": complaint, "form": form},
                status=400,
            )
        return _render_detail(request, complaint, form, status=400)
    token = _browser_token(request) or secrets.token_hex(16)
    error, status = "", 200
    result = None
    try:
        result = services.complaint_support(
            complaint=complaint,
            browser_key=services.visitor_key(token),
            network_key=services.visitor_key(ratelimit.client_ip(request)),
            name=form.cleaned_data["name"],
            contact=form.cleaned_data["contact"],
        )
    except services.SupportRefused as exc:
        error, status = str(exc), exc.status
    if htmx:
        response = render(
            request,
            "transparency/_supported.html",
            {"complaint": complaint, "result": result, "error": error},
            status=status,
        )
    else:
        if error:
            messages.error(request, error)
        elif result is not None and result.created:
            messages.success(
                request, "Terima kasih, dukungan Anda tercatat. / Thank you for your support."
            )
        else:
            messages.info(request, "Anda sudah mendukung laporan ini. / Already supported.")
        response = redirect("transparency:detail", complaint.tracking_code)
    _remember_browser(response, token)
    return response


@require_POST
def similar(request: HttpRequest) -> HttpResponse:
    """Open public complaints that look like the report being written (the citizen form
    asks while the citizen types): masked text, status, a support button. Never identity,
    never rahasia or hidden complaints. A POST, so that the text being written never lands
    in a URL or an access log."""
    if not ratelimit.hit("public_similar", ratelimit.client_ip(request)).allowed:
        return HttpResponse("", status=429)
    text = request.POST.get("description", "")[: settings.ADUAN_MAX_DESCRIPTION_CHARS].strip()
    if len(text) < 15:
        return HttpResponse("")
    jurisdiction = _jurisdiction()
    kelurahan = request.POST.get("kelurahan", "")[:120].strip()
    area = area_resolve(jurisdiction=jurisdiction, text=kelurahan) if kelurahan else None
    code = request.POST.get("category", "")[:60]
    category = (
        Category.objects.filter(jurisdiction=jurisdiction, code=code, is_active=True).first()
        if code
        else None
    )
    from aduan.triage.services import find_duplicates

    try:
        found = find_duplicates(
            jurisdiction=jurisdiction, text=text, area=area, category=category, limit=10
        )
    except Exception:  # noqa: BLE001 - the form works without suggestions
        log.exception("similar-report search failed")
        return HttpResponse("")
    order = {c.pk: i for i, (c, _score) in enumerate(found)}
    rows = (
        selectors.listed(jurisdiction)
        .filter(pk__in=list(order), status__in=[*OPEN_STATUSES])
        .select_related("category", "area")
    )
    candidates = sorted(rows, key=lambda c: order[c.pk])[:SIMILAR_SHOWN]
    return render(
        request, "transparency/_similar.html", {"candidates": _with_public_text(candidates)}
    )


# --------------------------------------------------------------------------- staff


@login_required
@require_POST
def publication(request: HttpRequest, code: str) -> HttpResponse:
    """A verifier sets the public text of a complaint, or hides it from public pages."""
    user = request.user
    complaint = complaint_get_for_user(user, code)  # type: ignore[arg-type]
    if not permissions.can_verify(user, complaint):  # type: ignore[arg-type]
        raise PermissionDenied("Hanya verifikator. / Verifiers only.")
    form = PublicationForm(request.POST)
    if form.is_valid():
        try:
            services.complaint_publication_edit(
                complaint=complaint,
                actor=user,  # type: ignore[arg-type]
                public_text=form.cleaned_data["public_text"],
                hidden=form.cleaned_data["hidden"],
            )
        except ComplaintInputError as exc:
            for field, msgs in exc.errors.items():
                for message in msgs:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, "Tampilan publik disimpan. / Public view saved.")
            return redirect(reverse("complaints:detail", args=[complaint.tracking_code]))
    return render(
        request,
        "transparency/publication.html",
        {
            "complaint": complaint,
            "form": form,
            "preview": publish.mask(complaint.description, complaint),
        },
        status=400,
    )
