"""Practice pages: my assignments and free practice, a scenario with live feedback, and the
trainer's view of their officers' progress. Nothing here reaches a citizen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aduan.accounts.access import staff_user
from aduan.practice import selectors, services
from aduan.practice.flaws import FLAW_LABELS
from aduan.practice.forms import AssignForm, ReplyForm
from aduan.practice.models import Attempt, Scenario
from aduan.replies.checker import Verdict, check
from aduan.replies.selectors import unit_names

if TYPE_CHECKING:
    pass


def _feedback_context(verdict: Verdict) -> dict:
    return {
        "verdict": verdict,
        "flaws": [(FLAW_LABELS[f.code], f) for f in verdict.flaws],
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    mine = selectors.progress_for([user])[user.pk]
    assignments = []
    for assignment in selectors.assignments_of(user):
        scenarios = list(assignment.scenario_set.scenarios.all())
        assignments.append(
            {
                "assignment": assignment,
                "rows": [(s, mine.best.get(s.pk), s.pk in mine.passed) for s in scenarios],
                "passed": sum(1 for s in scenarios if s.pk in mine.passed),
                "total": len(scenarios),
            }
        )
    free = [(s, mine.best.get(s.pk), s.pk in mine.passed) for s in selectors.active_scenarios()]
    return render(
        request,
        "practice/index.html",
        {
            "assignments": assignments,
            "scenarios": free,
            "progress": mine,
            "is_trainer": selectors.is_trainer(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def scenario(request: HttpRequest, code: str) -> HttpResponse:
    user = staff_user(request)
    item = get_object_or_404(Scenario, code=code, is_active=True)
    context: dict = {"scenario": item}
    if request.method == "POST":
        form = ReplyForm(request.POST)
        if form.is_valid():
            _attempt, verdict = services.attempt_record(
                user=user, scenario=item, reply=form.cleaned_data["reply"]
            )
            context.update(_feedback_context(verdict))
            context["submitted"] = True
    else:
        form = ReplyForm()
    previous = Attempt.objects.filter(user=user, scenario=item).order_by("-created_at")[:5]
    context.update({"form": form, "previous": previous})
    return render(request, "practice/scenario.html", context)


@login_required
@require_POST
def feedback(request: HttpRequest, code: str) -> HttpResponse:
    """Live feedback while the officer types (htmx); nothing is stored."""
    staff_user(request)
    item = get_object_or_404(Scenario, code=code, is_active=True)
    reply = request.POST.get("reply", "").strip()[: services.MAX_REPLY]
    context: dict = {"scenario": item, "live": True}
    if reply:
        units = unit_names(getattr(request.user, "jurisdiction_id", None))
        context.update(_feedback_context(check(reply, item.complaint, units)))
    return render(request, "practice/_feedback.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest) -> HttpResponse:
    """The trainer's page: their officers' progress and assigning sets."""
    user = staff_user(request)
    if not selectors.is_trainer(user):
        raise PermissionDenied
    people = list(selectors.trainees(user))
    form = AssignForm(request.POST or None, trainees=selectors.trainees(user))
    if request.method == "POST" and form.is_valid():
        services.assignment_create(
            trainer=user,
            officer=form.cleaned_data["officer"],
            scenario_set=form.cleaned_data["scenario_set"],
            due_date=form.cleaned_data["due_date"],
        )
        messages.success(
            request,
            _("Paket “%(set)s” ditugaskan kepada %(name)s.")
            % {
                "set": form.cleaned_data["scenario_set"].name,
                "name": form.cleaned_data["officer"].display_name,
            },
        )
        return redirect("practice:team")
    progress = selectors.progress_for(people)
    rows = [
        (
            progress[p.pk],
            [(FLAW_LABELS[c], n) for c, n in progress[p.pk].recurring],
        )
        for p in people
    ]
    return render(request, "practice/team.html", {"rows": rows, "form": form})


@login_required
def officer(request: HttpRequest, user_id: int) -> HttpResponse:
    """One officer's progress: their own, or a trainee's for their trainer."""
    viewer = staff_user(request)
    person = get_user_model().objects.filter(pk=user_id).first()
    if person is None or not selectors.can_view_progress(viewer, person):
        raise Http404
    progress = selectors.progress_for([person])[person.pk]
    scenarios = {s.pk: s for s in Scenario.objects.filter(pk__in=progress.best)}
    rows = [
        (scenarios[pk], best, pk in progress.passed)
        for pk, best in sorted(progress.best.items(), key=lambda kv: kv[1])
    ]
    recent = Attempt.objects.filter(user=person).select_related("scenario")[:10]
    return render(
        request,
        "practice/officer.html",
        {
            "person": person,
            "progress": progress,
            "rows": rows,
            "recent": recent,
            "recurring": [(FLAW_LABELS[c], n) for c, n in progress.recurring],
            "assignments": selectors.assignments_of(person),
            "own": viewer.pk == person.pk,
        },
    )
