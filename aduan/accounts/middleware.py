"""Staff sessions: idle timeout, then the second factor before anything else."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode

from aduan.accounts import twofactor

LAST_SEEN = "aduan_last_seen"
#: Paths a half-logged-in user may still reach: the login and 2FA pages, logout, language.
OPEN_PREFIXES = ("/akun/", "/i18n/", "/static/", "/media/")
#: Requests that a page makes by itself (the notification bell polls every minute): they do
#: not keep an idle session alive.
BACKGROUND_TRIGGERS = frozenset({"bell"})


class StaffAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            if self._expired(request):
                logout(request)
                messages.info(
                    request,
                    "Sesi Anda berakhir karena tidak ada aktivitas. Silakan masuk lagi. "
                    "/ Your session expired after inactivity; please log in again.",
                )
                return self._to(request, "accounts:login")
            blocked = self._second_factor(request)
            if blocked is not None:
                return blocked
        return self.get_response(request)

    def _expired(self, request: HttpRequest) -> bool:
        now = int(time.time())
        idle = settings.ADUAN_SESSION_IDLE_MINUTES * 60
        last = request.session.get(LAST_SEEN)
        if last is not None and now - int(last) > idle:
            return True
        background = request.headers.get("HX-Trigger") in BACKGROUND_TRIGGERS
        # Written at most once a minute, so that every request does not save the session.
        if not background and (last is None or now - int(last) >= 60):
            request.session[LAST_SEEN] = now
        return False

    def _second_factor(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if twofactor.is_verified(user):
            return None
        if twofactor.has_device(user):  # type: ignore[arg-type]
            target = "accounts:otp_verify"
        elif twofactor.required(user):  # type: ignore[arg-type]
            target = "accounts:otp_setup"
        else:
            return None
        # Templates show a half-logged-in user no staff navigation.
        request.second_factor_pending = True  # type: ignore[attr-defined]
        if request.path.startswith(OPEN_PREFIXES):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "error": {
                        "code": "second_factor_required",
                        "message": "Selesaikan verifikasi dua langkah dulu. / Complete "
                        "two-factor verification first.",
                        "fields": {},
                    }
                },
                status=403,
            )
        return self._to(request, target)

    @staticmethod
    def _to(request: HttpRequest, name: str) -> HttpResponse:
        url = reverse(name)
        if request.method == "GET" and not request.headers.get("HX-Request"):
            url += "?" + urlencode({"next": request.get_full_path()})
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)


def stamp_login(sender: object, request: HttpRequest, user: object, **kwargs: object) -> None:
    """``user_logged_in``: the idle clock starts at the login (saved with the new session)."""
    session = getattr(request, "session", None)
    if session is not None:
        session[LAST_SEEN] = int(time.time())
