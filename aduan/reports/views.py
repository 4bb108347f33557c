"""Dashboards, the complaint map and the PDF reports (staff only)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from aduan.accounts.access import staff_and_jurisdiction, staff_user
from aduan.complaints import permissions
from aduan.complaints.choices import ComplaintStatus
from aduan.organisation.models import Unit
from aduan.organisation.selectors import filter_options
from aduan.reports import dashboard, geo, pdf
from aduan.reports import selectors as sel
from aduan.reports.forms import DashboardFilterForm, parse_month


def _choices(jurisdiction_id: int) -> dict:
    # Each list is read (from the cache) only if the page shows it.
    return {"options": filter_options(jurisdiction_id)}


@login_required
def leadership(request: HttpRequest) -> HttpResponse:
    """The jurisdiction's dashboard; officers go to their unit's."""
    user = staff_user(request)
    scope = sel.leadership_scope(user)
    if scope is None:
        units = sorted(permissions.unit_ids(user))
        if not units:
            raise PermissionDenied("Dasbor hanya untuk petugas. / Staff only.")
        return redirect("reports:unit", unit_id=units[0])
    form = DashboardFilterForm(request.GET or None, jurisdiction=scope.jurisdiction)
    filters = form.filters()
    board = dashboard.cached_build(scope, filters)
    this_month = timezone.localdate().replace(day=1)
    return render(
        request,
        "reports/dashboard.html",
        {
            "board": board,
            "form": form,
            "filters": filters,
            # The monthly PDF of the last whole month of the period.
            "report_month": min(filters.end, sel.add_months(this_month, -1)),
            "unit": None,
            "jurisdiction": scope.jurisdiction,
            **_choices(scope.jurisdiction.pk),
        },
    )


@login_required
def unit_dashboard(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = staff_user(request)
    unit = get_object_or_404(Unit, pk=unit_id, jurisdiction_id=user.jurisdiction_id)
    scope = sel.unit_scope(user, unit)
    if scope is None:
        raise PermissionDenied("Dasbor unit hanya untuk anggota unit. / Unit members only.")
    form = DashboardFilterForm(
        request.GET or None, jurisdiction=scope.jurisdiction, fixed_unit=unit
    )
    filters = form.filters()
    board = dashboard.cached_build(
        scope, filters, unit=unit, officers=sel.sees_officer_workload(user, unit)
    )
    my_units = Unit.objects.filter(pk__in=permissions.unit_ids(user)).only("id", "short_name")
    return render(
        request,
        "reports/dashboard.html",
        {
            "board": board,
            "form": form,
            "filters": filters,
            "unit": unit,
            "my_units": my_units,
            "jurisdiction": scope.jurisdiction,
            **_choices(scope.jurisdiction.pk),
        },
    )


# --------------------------------------------------------------------------- map


@login_required
def complaint_map(request: HttpRequest) -> HttpResponse:
    user, jurisdiction = staff_and_jurisdiction(request)
    form = DashboardFilterForm(request.GET or None, jurisdiction=jurisdiction)
    filters = form.filters()
    return render(
        request,
        "reports/map.html",
        {
            "form": form,
            "filters": filters,
            "tiles": settings.ADUAN_MAP_TILES,
            "tiles_attribution": settings.ADUAN_MAP_ATTRIBUTION,
            "statuses": ComplaintStatus.choices,
            "status": request.GET.get("status", ""),
            "jurisdiction": jurisdiction,
            "data_query": request.GET.urlencode(),
            **_choices(jurisdiction.pk),
        },
    )


@login_required
def complaint_map_data(request: HttpRequest) -> JsonResponse:
    """Markers (no reporter identity ever) and kelurahan totals of the visible complaints."""
    user, jurisdiction = staff_and_jurisdiction(request)
    form = DashboardFilterForm(request.GET or None, jurisdiction=jurisdiction)
    filters = form.filters()
    status = request.GET.get("status", "")
    if status and status != "terbuka" and status not in ComplaintStatus.values:
        status = ""
    data = geo.map_data(user, filters, status=status)
    response = JsonResponse(data)
    response["Cache-Control"] = "private, no-store"
    return response


# --------------------------------------------------------------------------- PDF


@login_required
def report_pdf(request: HttpRequest, kind: str) -> HttpResponse:
    """The monthly (``?bulan=2026-10``) or annual (``?tahun=2026``) report as a PDF, for
    the mayor (``untuk=walikota``) or the Ombudsman assessment (``untuk=ombudsman``)."""
    user = staff_user(request)
    scope = sel.leadership_scope(user)
    if scope is None:
        raise PermissionDenied("Laporan hanya untuk pimpinan. / Leaders only.")
    audience = request.GET.get("untuk", "walikota")
    if audience not in pdf.AUDIENCES:
        audience = "walikota"
    today = timezone.localdate()
    if kind == "bulanan":
        month = parse_month(request.GET.get("bulan", "")) or sel.add_months(
            today.replace(day=1), -1
        )
        filters = sel.Filters(start=month, end=month)
        name = f"laporan-bulanan-{month:%Y-%m}.pdf"
    else:
        try:
            year = int(request.GET.get("tahun", "") or today.year - 1)
        except ValueError:
            year = today.year - 1
        year = min(max(year, 2000), 2100)
        filters = sel.Filters(start=date(year, 1, 1), end=date(year, 12, 1))
        name = f"laporan-tahunan-{year}.pdf"
    content = pdf.render(scope, filters, kind=kind, audience=audience)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
