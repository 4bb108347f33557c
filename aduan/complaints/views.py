"""Citizen portal and staff workspace. Views parse input, call a service, render."""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from aduan.accounts.access import staff_user
from aduan.accounts.audit import record_identity_view
from aduan.accounts.choices import Role
from aduan.accounts.models import IdentitySurface
from aduan.complaints import forms, permissions, selectors, services, spam
from aduan.complaints.attachments import serve as serve_attachment
from aduan.complaints.choices import (
    OPEN_STATUSES,
    ComplaintStatus,
    Privacy,
    Stage,
    WorkflowError,
)
from aduan.complaints.models import Attachment, Complaint
from aduan.organisation.models import Area, Category, Jurisdiction
from aduan.organisation.selectors import (
    active_jurisdiction,
    area_choices,
    area_resolve,
    filter_options,
)
from aduan.sla import clocks
from aduan.surveys.views import rating_context

S = ComplaintStatus
log = logging.getLogger(__name__)


def _public_jurisdiction(slug: str | None = None) -> Jurisdiction:
    jurisdiction = active_jurisdiction(slug=slug or settings.ADUAN_DEFAULT_JURISDICTION)
    if jurisdiction is None:
        raise Http404
    return jurisdiction


# --------------------------------------------------------------------------- citizen portal


def home(request: HttpRequest, jurisdiction_slug: str | None = None) -> HttpResponse:
    jurisdiction = active_jurisdiction(
        slug=jurisdiction_slug or settings.ADUAN_DEFAULT_JURISDICTION
    )
    if jurisdiction is None and jurisdiction_slug:
        raise Http404
    counts: dict[str, int] = {}
    if jurisdiction is not None:
        rows = (
            Complaint.objects.filter(jurisdiction=jurisdiction, held_as_spam=False)
            .values("status")
            .annotate(n=Count("id"))
        )
        by_status = {row["status"]: row["n"] for row in rows}
        counts = {
            "total": sum(by_status.values()),
            "open": sum(n for s, n in by_status.items() if s in OPEN_STATUSES),
            "done": by_status.get(S.SELESAI, 0),
        }
    return render(
        request,
        "complaints/home.html",
        {
            "jurisdiction": jurisdiction,
            "counts": counts,
            "track_form": forms.TrackForm(),
        },
    )


def _submit_form(
    request: HttpRequest,
    jurisdiction: Jurisdiction,
    form: forms.ComplaintForm,
    spam_reasons: list[str] | None = None,
) -> HttpResponse | None:
    """Hand a valid form to the intake service; on refusal put its messages on the form."""
    data = form.cleaned_data
    area: Area | None = None
    kelurahan = (data.get("kelurahan") or "").strip()
    if kelurahan:
        area = area_resolve(jurisdiction=jurisdiction, text=kelurahan)
        if area is None:
            form.add_error(
                "kelurahan",
                f"Kelurahan '{kelurahan}' tidak dikenal. Pilih dari "
                "daftar. / Unknown kelurahan: choose from the list.",
            )
            return None
    try:
        result = services.complaint_submit(
            jurisdiction=jurisdiction,
            channel="web",
            report_type=data["report_type"],
            description=data["description"],
            category=data.get("category"),
            area=area,
            address=data.get("address") or "",
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            privacy=data["privacy"],
            reporter_name=data.get("reporter_name") or "",
            reporter_phone=data.get("reporter_phone") or "",
            reporter_email=data.get("reporter_email") or "",
            attachments=data.get("attachments") or [],
            submission_key=data.get("submission_key") or None,
            spam_reasons=spam_reasons or [],
        )
    except services.ComplaintInputError as exc:
        for field, msgs in exc.errors.items():
            for message in msgs:
                form.add_error(field if field in form.fields else None, message)
        return None
    return redirect(
        reverse("complaints:citizen_status", args=[result.complaint.tracking_code, result.secret])
        + "?terkirim=1"
    )


def complaint_new(request: HttpRequest, jurisdiction_slug: str | None = None) -> HttpResponse:
    jurisdiction = _public_jurisdiction(jurisdiction_slug)
    guard = spam.WebGuard(request)  # rate limits, honeypot, challenge (complaints.spam)
    if request.method == "POST":
        form = forms.ComplaintForm(request.POST, request.FILES, jurisdiction=jurisdiction)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            if guard.check(phone=data.get("reporter_phone") or "", email=data["reporter_email"]):
                response = _submit_form(request, jurisdiction, form, guard.reasons)
                if response is not None:
                    guard.submitted()
                    return response
            else:
                form.add_error(None, guard.error)
                status = 429 if guard.retry_after else 400
    else:
        form = forms.ComplaintForm(
            jurisdiction=jurisdiction, initial={"submission_key": uuid.uuid4().hex}
        )
        status = 200
    guard.prepare_page()
    response = render(
        request,
        "complaints/citizen_form.html",
        {
            "form": form,
            "jurisdiction": jurisdiction,
            "kelurahan_options": area_choices(jurisdiction=jurisdiction),
            "standards": Category.objects.filter(jurisdiction=jurisdiction, is_active=True),
            "verification_days": int(clocks.setting(jurisdiction, "verification_days")),
            "max_mb": settings.ADUAN_MAX_ATTACHMENT_BYTES // 1024 // 1024,
            "guard": guard,
        },
        status=status,
    )
    if guard.retry_after:
        response["Retry-After"] = str(guard.retry_after)
    return response


def track(request: HttpRequest) -> HttpResponse:
    form = forms.TrackForm(request.GET or None)
    if form.is_valid():
        code = form.cleaned_data["tracking_code"].strip().upper()
        secret = form.cleaned_data["secret"].strip().upper().replace("-", "").replace(" ", "")
        try:
            selectors.complaint_get_for_citizen(code, secret)
        except Http404:
            form.add_error(
                None,
                "Kode lacak atau kode rahasia tidak cocok. / Tracking code or "
                "secret does not match.",
            )
        else:
            return redirect("complaints:citizen_status", code, secret)
    return render(
        request, "complaints/track.html", {"form": form}, status=400 if form.errors else 200
    )


def citizen_status(request: HttpRequest, code: str, secret: str) -> HttpResponse:
    try:
        complaint = selectors.complaint_get_for_citizen(code, secret)
    except Http404:
        queued = selectors.queued_for_citizen(code, secret)
        if queued is None:
            raise
        # Acknowledged by the API, not yet a complaint: say so, and nothing else.
        return render(request, "complaints/citizen_queued.html", {"queued": queued})
    add_info_form: Form | None = None
    respond_form: Form | None = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "add_info" and complaint.status == S.MENUNGGU_INFO:
                add_info_form = forms.AddInfoForm(request.POST, request.FILES)
                if add_info_form.is_valid():
                    services.complaint_add_info(
                        complaint=complaint,
                        message=add_info_form.cleaned_data["message"],
                        attachments=add_info_form.cleaned_data["attachments"],
                    )
                    messages.success(
                        request,
                        "Terima kasih, informasi Anda sudah kami terima. "
                        "/ Thank you, we received your information.",
                    )
                    return redirect("complaints:citizen_status", code, secret)
            elif action == "respond" and complaint.status == S.DITINDAKLANJUTI:
                respond_form = forms.RespondForm(request.POST)
                if respond_form.is_valid():
                    services.complaint_citizen_respond(
                        complaint=complaint,
                        satisfied=respond_form.cleaned_data["satisfied"],
                        reason=respond_form.cleaned_data["reason"],
                    )
                    messages.success(
                        request, "Terima kasih atas tanggapan Anda. / Thank you for your response."
                    )
                    return redirect("complaints:citizen_status", code, secret)
            else:
                messages.error(
                    request,
                    "Tindakan ini tidak tersedia untuk laporan ini. / This "
                    "action is not available.",
                )
                return redirect("complaints:citizen_status", code, secret)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect("complaints:citizen_status", code, secret)
        except services.ComplaintInputError as exc:
            target = add_info_form if action == "add_info" else respond_form
            for field, msgs in exc.errors.items():
                for message in msgs:
                    if target is not None:
                        target.add_error(field if field in target.fields else None, message)
    if complaint.status == S.MENUNGGU_INFO and add_info_form is None:
        add_info_form = forms.AddInfoForm()
    if complaint.status == S.DITINDAKLANJUTI and respond_form is None:
        respond_form = forms.RespondForm()
    if request.method == "POST":
        # A refused action may have changed the object before it was refused: show what
        # is stored.
        complaint = selectors.complaint_get_for_citizen(code, secret)
    planning_item = selectors.planning_item(complaint)
    return render(
        request,
        "complaints/citizen_status.html",
        {
            "complaint": complaint,
            "secret": secret,
            "events": selectors.timeline(complaint, public_only=True),
            "just_submitted": request.GET.get("terkirim") == "1",
            "add_info_form": add_info_form,
            "respond_form": respond_form,
            "expected": clocks.expected_completion(complaint),
            "handler": complaint.unit or complaint.suggested_unit,
            "planning": planning_item,
            # surveys: the rating form (selesai, not yet rated) or the rating given
            **rating_context(complaint),
        },
        status=400 if request.method == "POST" else 200,
    )


def citizen_attachment(request: HttpRequest, code: str, secret: str, pk: int) -> FileResponse:
    complaint = selectors.complaint_get_for_citizen(code, secret)
    attachment = get_object_or_404(Attachment, pk=pk, complaint=complaint)
    if not attachment.from_citizen and not (attachment.event and attachment.event.is_public):
        raise Http404
    return serve_attachment(attachment)


# --------------------------------------------------------------------------- staff workspace


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    role = getattr(request.user, "role", "")
    if role in (Role.VERIFIER, Role.ADMIN):
        return redirect("complaints:inbox", queue="verifikasi")
    if role == Role.OFFICER:
        return redirect("complaints:inbox", queue="unit")
    return redirect("complaints:inbox", queue="semua")


QUEUES = {
    "verifikasi": "Antrean verifikasi",
    "unit": "Kotak masuk unit",
    "semua": "Semua laporan",
    "spam": "Spam (ditahan)",
}


def inbox_filters(request: HttpRequest, queue: str) -> selectors.InboxFilters:
    """The inbox's queue and filters from the query string (the inbox and its exports)."""
    if queue not in QUEUES:
        raise Http404
    staff_user(request)
    data: dict[str, Any] = {}
    if request.GET:  # without a query string, no filter (an unbound form is never valid)
        filter_form = forms.InboxFilterForm(request.GET)
        if filter_form.is_valid():
            data = filter_form.cleaned_data
    return selectors.InboxFilters(
        queue="" if queue == "semua" else queue,
        status=data.get("status") or "",
        category=data.get("category") or "",
        area=data.get("area"),
        unit=data.get("unit"),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        q=data.get("q") or "",
        due=data.get("due") or "",
        sort=data.get("sort") or "",
        channel=data.get("channel") or "",
        report_type=data.get("report_type") or "",
        stage=data.get("stage") or "",
        thorough=bool(data.get("lengkap")),
    )


@login_required
def inbox(request: HttpRequest, queue: str) -> HttpResponse:
    user = request.user
    filters = inbox_filters(request, queue)
    page = selectors.inbox_page(
        user,  # type: ignore[arg-type]
        filters,
        after=request.GET.get("setelah", ""),
        before=request.GET.get("sebelum", ""),
    )
    _label_rows(page.rows)
    jurisdiction_id: int = user.jurisdiction_id  # type: ignore[union-attr,assignment]
    params = request.GET.copy()
    for key in ("setelah", "sebelum", "page"):
        params.pop(key, None)
    template = (
        "complaints/_inbox_rows.html"
        if request.headers.get("HX-Request")
        else "complaints/inbox.html"
    )
    return render(
        request,
        template,
        {
            "queue": queue,
            "queues": {k: v for k, v in QUEUES.items() if k != "spam" or user.is_verifier},  # type: ignore[union-attr]
            "page": page,
            "filters": filters,
            "querystring": params.urlencode(),
            "statuses": ComplaintStatus.choices,
            "options": filter_options(jurisdiction_id),
        },
    )


def _label_rows(rows: list[Complaint]) -> None:
    """Status and stage labels translated once per language in each process (the labels are
    the code's own), not once per row through ``get_*_display``."""
    statuses, stages = _row_labels(get_language())
    for row in rows:
        row.status_label = statuses.get(row.status, row.status)  # type: ignore[attr-defined]
        row.stage_label = stages.get(row.stage, row.stage)  # type: ignore[attr-defined]


@functools.cache
def _row_labels(language: str | None) -> tuple[dict[str, str], dict[str, str]]:
    with translation.override(language):
        return (
            {value: str(label) for value, label in ComplaintStatus.choices},
            {value: str(label) for value, label in Stage.choices},
        )


ACTION_FORMS: dict[str, type[Form]] = {
    "dispose": forms.DisposeForm,
    "hold": forms.ReasonForm,
    "refer": forms.ReferForm,
    "archive": forms.ArchiveForm,
    "merge": forms.MergeForm,
    "start": Form,
    "request_info": forms.QuestionForm,
    "forward": forms.ForwardForm,
    "note": forms.TextForm,
    "follow_up": forms.FollowUpForm,
    "flag_tapd": forms.FlagTapdForm,
    "resolve": forms.ResolveForm,
    "tapd_decide": forms.TapdDecisionForm,
    "release_spam": forms.ResolveForm,
}
NEEDS_JURISDICTION = {"dispose", "forward", "refer"}

ACTION_LABELS = {
    "dispose": "Verifikasi & disposisi",
    "hold": "Tunda",
    "refer": "Bukan wewenang (rujuk)",
    "archive": "Arsipkan",
    "merge": "Gabungkan ke laporan lain",
    "start": "Mulai proses",
    "request_info": "Minta informasi ke pelapor",
    "forward": "Teruskan ke unit lain",
    "note": "Catatan internal",
    "follow_up": "Kirim tindak lanjut",
    "flag_tapd": "Tandai perlu perencanaan & anggaran (TAPD)",
    "resolve": "Selesaikan",
    "tapd_decide": "Keputusan TAPD",
    "release_spam": "Bukan spam: masukkan ke antrean verifikasi",
}


def _make_form(action: str, complaint: Complaint, data: Any = None, files: Any = None) -> Form:
    cls = ACTION_FORMS[action]
    kwargs: dict[str, Any] = {}
    if action in NEEDS_JURISDICTION:
        kwargs["jurisdiction"] = complaint.jurisdiction
    if data is None:
        if action == "dispose":
            kwargs["initial"] = {
                "unit": complaint.suggested_unit_id,
                "category": complaint.category_id or complaint.suggested_category_id,
            }
        return cls(prefix=action, **kwargs)
    return cls(data, files, prefix=action, **kwargs)


def _run_action(action: str, complaint: Complaint, user: Any, data: dict[str, Any]) -> None:
    calls: dict[str, Callable[[], object]] = {
        "dispose": lambda: services.complaint_dispose(
            complaint=complaint,
            actor=user,
            unit=data["unit"],
            category=data.get("category"),
            note=data.get("note", ""),
        ),
        "hold": lambda: services.complaint_hold(
            complaint=complaint, actor=user, reason=data["reason"]
        ),
        "refer": lambda: services.complaint_refer(
            complaint=complaint,
            actor=user,
            note_to_citizen=data["note_to_citizen"],
            body=data.get("body"),
        ),
        "archive": lambda: services.complaint_archive(
            complaint=complaint, actor=user, reason=data["reason"], note=data.get("note", "")
        ),
        "merge": lambda: services.complaint_merge(
            complaint=complaint,
            actor=user,
            into=selectors.complaint_get_for_user(user, data["into"].strip().upper()),
        ),
        "start": lambda: services.complaint_start(complaint=complaint, actor=user),
        "request_info": lambda: services.complaint_request_info(
            complaint=complaint, actor=user, question=data["question"]
        ),
        "forward": lambda: services.complaint_forward(
            complaint=complaint, actor=user, unit=data["unit"], reason=data["reason"]
        ),
        "note": lambda: services.complaint_add_note(
            complaint=complaint, actor=user, text=data["text"]
        ),
        "follow_up": lambda: services.complaint_follow_up(
            complaint=complaint,
            actor=user,
            text=data["text"],
            attachments=data.get("attachments") or [],
        ),
        "flag_tapd": lambda: services.complaint_flag_tapd(
            complaint=complaint, actor=user, reason=data["reason"], scope=data.get("scope", "")
        ),
        "tapd_decide": lambda: services.complaint_tapd_decide(
            complaint=complaint,
            actor=user,
            decision=data["decision"],
            budget_year=data.get("budget_year"),
            programme=data.get("programme", ""),
            estimated_cost=data.get("estimated_cost"),
            reason=data.get("reason", ""),
        ),
        "resolve": lambda: services.complaint_resolve(
            complaint=complaint, actor=user, note=data.get("note", "")
        ),
        "release_spam": lambda: services.complaint_release_spam(
            complaint=complaint, actor=user, note=data.get("note", "")
        ),
    }
    calls[action]()


def _detail_context(
    user: Any, complaint: Complaint, bound: dict[str, Form] | None = None
) -> dict[str, Any]:
    actions = permissions.available_actions(user, complaint)
    action_forms = [
        (name, ACTION_LABELS[name], (bound or {}).get(name) or _make_form(name, complaint))
        for name in actions
    ]
    planning = selectors.planning_item(complaint)
    attachments = list(complaint.attachments.all())
    show_identity = permissions.can_see_identity(user, complaint)
    if show_identity:
        record_identity_view(user=user, complaint=complaint, surface=IdentitySurface.PAGE)
    if planning is not None and permissions.can_decide_tapd(user, complaint):
        action_forms.append(
            (
                "tapd_decide",
                ACTION_LABELS["tapd_decide"],
                (bound or {}).get("tapd_decide") or _make_form("tapd_decide", complaint),
            )
        )
    return {
        "complaint": complaint,
        # Scoring the candidates is the page's most expensive part: the panel comes in its
        # own request once the page is shown (``duplicates``), a link without JavaScript.
        "duplicates_url": (
            reverse("complaints:duplicates", args=[complaint.tracking_code])
            if "merge" in actions
            else ""
        ),
        "planning": planning,
        "events": selectors.timeline(
            complaint, public_only=False, attachments=attachments, units=("to_unit",)
        ),
        "attachments": attachments,
        "show_identity": show_identity,
        "action_forms": action_forms,
        "supporters": complaint.support_count,
        "Privacy": Privacy,
    }


def _possible_duplicates(user: Any, complaint: Complaint) -> list[tuple[Complaint, float]]:
    """Open complaints that look like the same incident, for a one-click merge."""
    from aduan.triage.services import duplicates_of

    try:
        found = duplicates_of(complaint)
    except Exception:  # noqa: BLE001 - the page works without suggestions
        log.exception("duplicate search failed for %s", complaint.tracking_code)
        return []
    return [(c, score) for c, score in found if permissions.can_view(user, c)]


@login_required
def detail(request: HttpRequest, code: str) -> HttpResponse:
    complaint = selectors.complaint_get_for_user(request.user, code)  # type: ignore[arg-type]
    return render(request, "complaints/detail.html", _detail_context(request.user, complaint))


@login_required
@require_GET
def duplicates(request: HttpRequest, code: str) -> HttpResponse:
    """The detail page's "possible same report" panel, for whoever may merge the complaint:
    the htmx fragment, or a small page of its own without JavaScript."""
    user = request.user
    complaint = selectors.complaint_get_for_user(user, code)  # type: ignore[arg-type]
    mergeable = "merge" in permissions.available_actions(user, complaint)  # type: ignore[arg-type]
    context = {
        "complaint": complaint,
        "duplicates": _possible_duplicates(user, complaint) if mergeable else [],
    }
    if request.headers.get("HX-Request"):
        return render(request, "complaints/_duplicates.html", context)
    return render(request, "complaints/duplicates.html", context)


@login_required
@require_POST
def act(request: HttpRequest, code: str, action: str) -> HttpResponse:
    user = request.user
    complaint = selectors.complaint_get_for_user(user, code)  # type: ignore[arg-type]
    if action not in ACTION_FORMS:
        raise Http404
    allowed = permissions.available_actions(user, complaint)  # type: ignore[arg-type]
    if permissions.can_decide_tapd(user, complaint):  # type: ignore[arg-type]
        allowed.append("tapd_decide")
    if action not in allowed:
        raise PermissionDenied("Tindakan ini tidak tersedia. / This action is not available.")
    form = _make_form(action, complaint, request.POST, request.FILES)
    if form.is_valid():
        try:
            _run_action(action, complaint, user, form.cleaned_data)
        except services.ComplaintInputError as exc:
            for field, msgs in exc.errors.items():
                for message in msgs:
                    form.add_error(field if field in form.fields else None, message)
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        except Http404:
            form.add_error(None, "Laporan tujuan tidak ditemukan. / Target complaint not found.")
        else:
            messages.success(request, f"{ACTION_LABELS[action]}: berhasil. / Done.")
            return redirect("complaints:detail", code)
    complaint.refresh_from_db()
    context = _detail_context(user, complaint, {action: form})
    context["open_action"] = action
    return render(request, "complaints/detail.html", context, status=400)


@login_required
def staff_attachment(request: HttpRequest, code: str, pk: int) -> FileResponse:
    complaint = selectors.complaint_get_for_user(request.user, code)  # type: ignore[arg-type]
    attachment = get_object_or_404(Attachment, pk=pk, complaint=complaint)
    # ?asli=1: the photo as uploaded, EXIF/GPS included, for whoever may see the reporter.
    original = request.GET.get("asli") == "1"
    if original and not permissions.can_see_identity(request.user, complaint):  # type: ignore[arg-type]
        raise Http404("Berkas asli tidak tersedia. / Original not available.")
    return serve_attachment(attachment, original=original)


@login_required
def planning(request: HttpRequest) -> HttpResponse:
    """TAPD's planning queue (and what it already decided)."""
    user = request.user
    if getattr(user, "role", "") == Role.OFFICER:
        raise PermissionDenied("Halaman ini untuk TAPD dan pimpinan. / TAPD and leaders only.")
    group = request.GET.get("kelompok", "kategori")
    if group not in selectors.PLANNING_GROUPS:
        group = "kategori"
    decided = request.GET.get("status") == "diputuskan"
    groups = selectors.planning_queue(user, group=group, decided=decided)  # type: ignore[arg-type]
    return render(
        request,
        "complaints/planning.html",
        {
            "groups": groups,
            "group": group,
            "decided": decided,
            "group_choices": selectors.PLANNING_GROUPS,
            "total": sum(len(g["items"]) for g in groups),
        },
    )


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    """Overdue complaints per unit and stage, for supervisors and Dinkominfo."""
    user = request.user
    if getattr(user, "role", "") == Role.OFFICER:
        raise PermissionDenied("Halaman ini untuk pimpinan dan verifikator. / Leaders only.")
    rows = selectors.overdue_counts(user)  # type: ignore[arg-type]
    inbox_url = reverse("complaints:inbox", args=["semua"])
    for row in rows:  # each unit's overdue complaints, the longest overdue first
        query = {"unit": row["unit_id"], "stage": row["stage"], "due": "lewat", "sort": "batas"}
        row["link"] = f"{inbox_url}?{urlencode(query)}" if row["unit_id"] else ""
    return render(
        request,
        "complaints/overdue.html",
        {
            "rows": rows,
            "total": sum(r["n"] for r in rows),
            "capped": any(r["capped"] for r in rows),
            "cap": selectors.OVERDUE_CAP,
        },
    )
