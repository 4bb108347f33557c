"""Pages of the replies app: the template library, filling a template into a reply, the
live tone check, and reply quality for supervisors and unit heads."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aduan.accounts.access import staff_and_jurisdiction, staff_user
from aduan.complaints import selectors as complaint_selectors
from aduan.complaints.models import Complaint
from aduan.organisation.models import Unit
from aduan.replies import access, checker, forms, selectors, services, tools
from aduan.replies.fill import PLACEHOLDERS, fill
from aduan.replies.models import ResponseTemplate
from aduan.replies.tools import REPLY_FIELDS


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


# --------------------------------------------------------------------------- template library


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not access.can_manage_templates(user):
        raise PermissionDenied(_("Hanya administrator dan kepala unit yang mengelola templat."))
    templates = access.templates_manageable_by(user).select_related("unit", "category")
    return render(
        request,
        "replies/template_list.html",
        {"templates": templates, "placeholders": PLACEHOLDERS},
    )


def _template_form_page(
    request: HttpRequest, user: Any, instance: ResponseTemplate | None
) -> HttpResponse:
    form = forms.TemplateForm(request.POST or None, instance=instance, user=user)
    if request.method == "POST" and form.is_valid():
        template = form.save(commit=False)
        template.jurisdiction_id = user.jurisdiction_id
        services.template_mark_edited(template=template, user=user)
        messages.success(request, _("Templat tersimpan."))
        return redirect("replies:templates")
    return render(
        request,
        "replies/template_form.html",
        {"form": form, "template": instance, "placeholders": PLACEHOLDERS},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def template_create(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not access.can_manage_templates(user):
        raise PermissionDenied(_("Hanya administrator dan kepala unit yang mengelola templat."))
    return _template_form_page(request, user, None)


@login_required
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_user(request)
    if not access.can_manage_templates(user):
        raise PermissionDenied(_("Hanya administrator dan kepala unit yang mengelola templat."))
    template = get_object_or_404(access.templates_manageable_by(user), pk=pk)
    return _template_form_page(request, user, template)


# --------------------------------------------------------------------------- reply form tools


def _verdict_context(text: str, complaint: Complaint | None) -> dict[str, Any]:
    text = text.strip()
    if not text:
        return {"verdict": None, "empty": True}
    if len(text) > settings.ADUAN_MAX_DESCRIPTION_CHARS:
        return {
            "verdict": None,
            "error": _("Teks terlalu panjang untuk diperiksa (batas %(n)s huruf).")
            % {"n": settings.ADUAN_MAX_DESCRIPTION_CHARS},
        }
    verdict = checker.check(
        text,
        complaint.description if complaint is not None else "",
        selectors.unit_names(complaint.jurisdiction_id if complaint is not None else None),
    )
    return {"verdict": verdict}


def _reply_page(
    request: HttpRequest, user: Any, complaint: Complaint, action: str, text: str, status: int
) -> HttpResponse:
    """The page without JavaScript: the action's form with ``text``, its verdict and the
    template picker; it sends to the complaint page's own action."""
    form = tools.action_form(complaint, action, text)
    from aduan.complaints.views import ACTION_LABELS

    return render(
        request,
        "replies/reply_page.html",
        {
            **tools.tool_context(user, complaint, action, form),
            **_verdict_context(text, complaint),
            "form": form,
            "label": ACTION_LABELS[action],
        },
        status=status,
    )


@login_required
def fill_template(request: HttpRequest, code: str, action: str) -> HttpResponse:
    """The chosen template filled for this complaint: with htmx the action's textarea (and
    its verdict out of band), otherwise a page holding the action's form."""
    user = staff_user(request)
    complaint = complaint_selectors.complaint_get_for_user(user, code)
    tools.check_action(user, complaint, action)
    data = request.POST if request.method == "POST" else request.GET
    raw = (data.get("templat") or "").strip()
    template = None
    if raw.isdigit():
        template = selectors.templates_for(complaint).filter(pk=int(raw)).first()
    if template is None:
        if _is_htmx(request):
            return HttpResponse(status=204)
        messages.error(request, _("Pilih templat dari daftar."))
        current = data.get(tools.field_name(action), "")
        return _reply_page(request, user, complaint, action, current, 400)
    text = fill(template.body, user, complaint)
    if not _is_htmx(request):
        return _reply_page(request, user, complaint, action, text, 200)
    form = tools.action_form(complaint, action, text)
    return render(
        request,
        "replies/_filled.html",
        {
            "field": form[REPLY_FIELDS[action]],
            "action": action,
            **_verdict_context(text, complaint),
        },
    )


@login_required
@require_POST
def check_tone(request: HttpRequest) -> HttpResponse:
    """The verdict on a draft: a partial for htmx; otherwise the reply page again (when the
    draft came from an action form) or a page with the verdict."""
    user = staff_user(request)
    complaint: Complaint | None = None
    code = (request.POST.get("reply_complaint") or "").strip()
    if code:
        complaint = complaint_selectors.complaint_get_for_user(user, code)
    action = request.POST.get("reply_action") or ""
    if action and action not in REPLY_FIELDS:
        raise Http404
    text = request.POST.get(tools.field_name(action) if action else "reply", "")
    if _is_htmx(request):
        return render(request, "replies/_verdict.html", _verdict_context(text, complaint))
    if complaint is not None and action:
        tools.check_action(user, complaint, action)
        return _reply_page(request, user, complaint, action, text, 200)
    return render(
        request,
        "replies/check_page.html",
        {"text": text, **_verdict_context(text, complaint)},
    )


# --------------------------------------------------------------------------- quality


def _default_start(today: date) -> date:
    month = today.replace(day=1)
    for _step in range(5):
        month = (month - timedelta(days=1)).replace(day=1)
    return month


@login_required
def quality(request: HttpRequest) -> HttpResponse:
    user, jurisdiction = staff_and_jurisdiction(request)
    scope = access.quality_scope(user)
    if scope == set():
        raise PermissionDenied(_("Halaman ini untuk pengawas, administrator dan kepala unit."))
    form = forms.PeriodForm(request.GET or None)
    today = timezone.localdate()
    start, end = _default_start(today), today
    if form.is_valid():
        start = form.cleaned_data.get("dari") or start
        end = form.cleaned_data.get("sampai") or end
    units = Unit.objects.filter(jurisdiction=jurisdiction).exclude(kind="external")
    if scope is not access.ALL:
        units = units.filter(id__in=scope)
    unit = None
    unit_code = request.GET.get("unit") or ""
    if unit_code:
        unit = units.filter(code=unit_code).first()
    result = selectors.reply_quality(
        jurisdiction,
        start,
        end,
        unit,
        unit_ids=None if scope is access.ALL else scope,
    )
    return render(
        request,
        "replies/quality.html",
        {
            "form": form,
            "result": result,
            "units": units.order_by("name").only("code", "name"),
            "unit": unit,
            "can_manage_templates": access.can_manage_templates(user),
        },
        status=400 if form.errors else 200,
    )
