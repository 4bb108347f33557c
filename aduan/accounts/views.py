"""Login extras for staff: the lockout page, two-factor verification and enrolment, and the
administrators' audit of who viewed reporters' identities."""

from __future__ import annotations

from typing import Any

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice

from aduan.accounts import twofactor
from aduan.accounts.choices import Role
from aduan.accounts.forms import TokenForm
from aduan.accounts.models import IdentityView

CODES_KEY = "aduan_recovery_codes"


def locked_out(request: HttpRequest, response: Any = None, credentials: Any = None) -> HttpResponse:
    """django-axes: the login page with the lockout message (429 Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/login.html",
        {"locked_out": True, "cooloff_minutes": minutes, "form": None},
        status=429,
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second step of the login: a code from the app, or a recovery code."""
    user = request.user
    if twofactor.is_verified(user):
        return redirect(_next_url(request))
    if not twofactor.has_device(user):  # type: ignore[arg-type]
        return redirect("accounts:otp_setup")
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        device = form.is_valid() and django_otp.match_token(user, form.cleaned_data["token"])
        if device:
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                left = twofactor.recovery_codes_left(user)  # type: ignore[arg-type]
                messages.warning(
                    request,
                    _(
                        "Kode pemulihan dipakai. Sisa kode: %(n)s. Buat kode baru di halaman "
                        "Keamanan akun bila hampir habis."
                    )
                    % {"n": left},
                )
            return redirect(_next_url(request))
        form.add_error(
            None,
            _("Kode salah atau sudah kedaluwarsa. Coba kode terbaru dari aplikasi Anda."),
        )
        status = 400
    return render(
        request,
        "accounts/otp_verify.html",
        {"form": form, "next": request.GET.get("next", request.POST.get("next", ""))},
        status=status,
    )


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app (QR code and key), or, once enrolled, renew the recovery
    codes. Someone with a device who has not verified this session must verify first."""
    user: Any = request.user
    enrolled = twofactor.has_device(user)
    if enrolled and not twofactor.is_verified(user):
        return redirect("accounts:otp_verify")
    status = 200
    form = TokenForm()
    if request.method == "POST" and request.POST.get("action") == "codes" and enrolled:
        request.session[CODES_KEY] = twofactor.issue_recovery_codes(user)
        return redirect("accounts:recovery_codes")
    if enrolled:
        return render(
            request,
            "accounts/otp_setup.html",
            {"enrolled": True, "codes_left": twofactor.recovery_codes_left(user)},
        )
    device = twofactor.pending_device(user)
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid() and device.verify_token(form.cleaned_data["token"]):
            request.session[CODES_KEY] = twofactor.confirm(device)
            django_otp.login(request, device)
            messages.success(request, _("Verifikasi dua langkah aktif."))
            return redirect("accounts:recovery_codes")
        form.add_error(
            "token", _("Kode tidak cocok. Periksa jam ponsel Anda dan coba kode terbaru.")
        )
        status = 400
    return render(
        request,
        "accounts/otp_setup.html",
        {
            "enrolled": False,
            "required": twofactor.required(user),
            "form": form,
            "qr": twofactor.qr_svg(device),
            "secret": twofactor.secret_for_display(device),
            "next": request.GET.get("next", ""),
        },
        status=status,
    )


@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes, shown once, right after they were made."""
    codes = request.session.pop(CODES_KEY, None)
    if not codes or not twofactor.is_verified(request.user):
        return redirect("accounts:otp_setup")
    response = render(request, "accounts/recovery_codes.html", {"codes": codes})
    response["Cache-Control"] = "no-store"
    return response


@login_required
def identity_audit(request: HttpRequest) -> HttpResponse:
    """Administrators: who saw which reporter's identity, where and when."""
    user: Any = request.user
    if user.role != Role.ADMIN or not user.jurisdiction_id:
        raise PermissionDenied(_("Halaman ini untuk administrator."))
    rows = IdentityView.objects.filter(complaint__jurisdiction_id=user.jurisdiction_id)
    code = request.GET.get("kode", "").strip().upper()
    if code:
        rows = rows.filter(complaint__tracking_code=code)
    who = request.GET.get("pengguna", "").strip()
    if who:
        rows = rows.filter(user__username=who)
    rows = rows.select_related("user", "complaint").order_by("-last_seen", "-pk")
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    return render(request, "accounts/identity_audit.html", {"page": page, "code": code, "who": who})
