"""The citizen's rating, the public IKM questionnaire and the staff IKM report."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_POST

from aduan.complaints import selectors as complaint_selectors
from aduan.complaints.choices import ComplaintStatus
from aduan.complaints.models import Complaint
from aduan.complaints.services import ComplaintInputError
from aduan.organisation.models import Unit
from aduan.surveys import forms, selectors, services
from aduan.surveys.models import Rating


def rating_context(complaint: Complaint) -> dict:
    """What the citizen status page needs for the rating block: a form while the complaint
    is selesai and not yet rated, the rating once given."""
    rating = Rating.objects.filter(complaint=complaint).first()
    form = None
    if rating is None and complaint.status == ComplaintStatus.SELESAI:
        form = forms.RatingForm()
    return {"rating_form": form, "rating": rating}


@require_POST
def rate(request: HttpRequest, code: str, secret: str) -> HttpResponse:
    complaint = complaint_selectors.complaint_get_for_citizen(code, secret)
    form = forms.RatingForm(request.POST)
    if form.is_valid():
        try:
            services.rating_submit(
                complaint=complaint,
                score=form.cleaned_data["score"],
                resolved=form.cleaned_data["resolved"],
                comment=form.cleaned_data["comment"],
            )
        except ComplaintInputError as exc:
            for msgs in exc.errors.values():
                for message in msgs:
                    messages.error(request, message.rpartition(" / ")[0] or message)
        else:
            messages.success(request, "Terima kasih atas penilaian Anda.")
    else:
        messages.error(request, "Penilaian belum lengkap: pilih nilai dan jawab pertanyaannya.")
    return redirect("complaints:citizen_status", complaint.tracking_code, secret)


def _unit(jurisdiction_slug: str, unit_code: str) -> Unit:
    return get_object_or_404(
        Unit.objects.select_related("jurisdiction").exclude(kind="external"),
        jurisdiction__slug=jurisdiction_slug,
        jurisdiction__is_active=True,
        code=unit_code,
    )


def ikm_survey(request: HttpRequest, jurisdiction_slug: str, unit_code: str) -> HttpResponse:
    unit = _unit(jurisdiction_slug, unit_code)
    form = forms.IkmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.ikm_submit(
                unit=unit,
                answers={
                    code: data[code]
                    for code in ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
                },
                profile={
                    name: data[name] for name in ("age_band", "sex", "education", "occupation")
                },
            )
        except ComplaintInputError as exc:
            for field, msgs in exc.errors.items():
                for message in msgs:
                    form.add_error(
                        field if field in form.fields else None,
                        message.rpartition(" / ")[0] or message,
                    )
        else:
            return redirect("surveys:ikm_thanks", jurisdiction_slug, unit_code)
    return render(
        request,
        "surveys/ikm_survey.html",
        {"unit": unit, "jurisdiction": unit.jurisdiction, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def ikm_thanks(request: HttpRequest, jurisdiction_slug: str, unit_code: str) -> HttpResponse:
    unit = _unit(jurisdiction_slug, unit_code)
    return render(
        request, "surveys/ikm_thanks.html", {"unit": unit, "jurisdiction": unit.jurisdiction}
    )


def _date(value: str | None) -> date | None:
    try:
        return parse_date(value or "")
    except ValueError:
        return None


@login_required
def ikm_report(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not getattr(user, "jurisdiction_id", None):
        raise PermissionDenied
    date_from = _date(request.GET.get("dari"))
    date_to = _date(request.GET.get("sampai"))
    rows = selectors.ikm_overview(user, date_from=date_from, date_to=date_to)  # type: ignore[arg-type]
    return render(
        request,
        "surveys/ikm_report.html",
        {"rows": rows, "date_from": date_from, "date_to": date_to},
    )
