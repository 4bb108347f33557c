"""The staff member's notifications: the list behind the bell, marking them read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from aduan.notifications import selectors, services

PAGE_SIZE = 30


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("notifications:list")


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.inapp_notifications(request.user), PAGE_SIZE).get_page(  # type: ignore[arg-type]
        request.GET.get("page")
    )
    template = (
        "notifications/_items.html"
        if request.headers.get("HX-Request")
        else "notifications/list.html"
    )
    return render(request, template, {"page": page})


@require_GET
def bell(request: HttpRequest) -> HttpResponse:
    """The bell alone (htmx polls it to keep the count fresh). Signed out, it answers 286,
    which tells htmx to stop polling instead of swapping a login page into the header."""
    if not request.user.is_authenticated:
        return HttpResponse(status=286)
    return render(request, "notifications/_bell.html")


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read; then go to ``next`` (e.g. the complaint), or with htmx
    answer the updated item and the bell."""
    notification = get_object_or_404(
        selectors.inapp_notifications(request.user),  # type: ignore[arg-type]
        pk=pk,
    )
    services.notification_mark_read(user=request.user, ids=[pk])  # type: ignore[arg-type]
    if request.headers.get("HX-Request") and not request.POST.get("next"):
        notification.refresh_from_db(fields=["read_at"])
        return render(request, "notifications/_item_read.html", {"n": notification})
    return redirect(_next_url(request))


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.notification_mark_read(user=request.user)  # type: ignore[arg-type]
    if request.headers.get("HX-Request"):
        page = Paginator(selectors.inapp_notifications(request.user), PAGE_SIZE).get_page(  # type: ignore[arg-type]
            request.POST.get("page")
        )
        return render(request, "notifications/_items.html", {"page": page, "oob_bell": True})
    return redirect(_next_url(request))
