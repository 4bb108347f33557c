"""Who is calling and what they may reach.

Three kinds of caller:

- **staff**: a logged-in session (all scopes) or a token issued for a user (its scopes). They
  act as that user: ``complaints.permissions`` and ``complaints.selectors`` decide, and a
  token's ``units``, when set, narrow what it sees further.
- **integration**: a token without a user. It may submit complaints (``complaints:submit``)
  and read the public data (categories, units, areas, public statistics).
- **anonymous**: anyone else; may submit a complaint, read public data and reach one
  complaint with its tracking code and secret (``/citizen/…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from rest_framework import exceptions, permissions
from rest_framework.request import Request

from aduan.accounts.models import User
from aduan.api.errors import InsufficientScope
from aduan.api.models import ApiToken, Scope
from aduan.complaints import selectors
from aduan.complaints.models import Complaint
from aduan.organisation.models import Jurisdiction

STAFF = "staff"
INTEGRATION = "integration"
ANONYMOUS = "anonymous"

#: What a tracking code looks like (anything else cannot exist and is not looked up).
TRACKING_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,31}$")

NOT_FOUND = "Laporan tidak ditemukan. / Complaint not found."


@dataclass
class Caller:
    user: User | None
    token: ApiToken | None
    address: str = ""

    @property
    def kind(self) -> str:
        if self.user is not None:
            return STAFF
        return INTEGRATION if self.token is not None else ANONYMOUS

    @property
    def jurisdiction_id(self) -> int | None:
        if self.token is not None:
            return self.token.jurisdiction_id
        return self.user.jurisdiction_id if self.user is not None else None

    def has_scope(self, scope: str) -> bool:
        """A session has every scope; a token only those it was issued with."""
        if self.token is not None:
            return self.token.has_scope(scope)
        return self.user is not None

    @property
    def actor(self) -> User:
        """The staff user acting (for views that let only staff in). Never None: a None
        actor means "the system" to the services, which skips their permission checks."""
        if self.user is None:
            raise exceptions.NotAuthenticated()
        return self.user

    @cached_property
    def token_unit_ids(self) -> frozenset[int]:
        """The units a token is limited to; empty when it is not limited."""
        if self.token is None:
            return frozenset()
        return frozenset(self.token.units.values_list("id", flat=True))

    @property
    def idempotency_key(self) -> str:
        """Whose Idempotency-Keys these are: the token, else the user, else the address."""
        if self.token is not None:
            return f"token:{self.token.pk}"
        if self.user is not None:
            return f"user:{self.user.pk}"
        return f"ip:{self.address}"[:80]


def caller_of(request: Request) -> Caller:
    cached = getattr(request, "_aduan_caller", None)
    if cached is not None:
        return cached
    token = request.auth if isinstance(request.auth, ApiToken) else None
    user = request.user if getattr(request.user, "is_authenticated", False) else None
    caller = Caller(
        user=user,
        token=token,
        address=request.META.get("REMOTE_ADDR", "") or "",
    )
    request._aduan_caller = caller
    return caller


# --------------------------------------------------------------------------- complaints


def visible_complaints(caller: Caller) -> QuerySet[Complaint]:
    """What the staff caller may see, narrowed to the token's units when it has some."""
    if caller.user is None:
        return Complaint.objects.none()
    return narrow(caller, selectors.complaints_visible_to(caller.user))


def narrow(caller: Caller, qs: QuerySet[Complaint]) -> QuerySet[Complaint]:
    if caller.token_unit_ids:
        return qs.filter(unit_id__in=caller.token_unit_ids)
    return qs


def complaint_for(caller: Caller, code: str) -> Complaint:
    """The complaint, or 404 when it does not exist or the caller may not see it."""
    code = code.strip().upper()
    if caller.user is None or not TRACKING_CODE.match(code):
        raise Http404(NOT_FOUND)
    complaint = selectors.complaint_get_for_user(caller.user, code)
    if caller.token_unit_ids and complaint.unit_id not in caller.token_unit_ids:
        raise Http404(NOT_FOUND)
    return complaint


def complaint_for_citizen(code: str, secret: str) -> Complaint:
    code = code.strip().upper()
    if not secret or len(secret) > 64 or not TRACKING_CODE.match(code):
        raise Http404(NOT_FOUND)
    return selectors.complaint_get_for_citizen(code, secret)


def jurisdiction_for(caller: Caller, slug: str | None) -> Jurisdiction:
    """The jurisdiction a public request is about: the one named, else the caller's, else
    the site's default."""
    if slug:
        found = Jurisdiction.objects.filter(slug=slug, is_active=True).first()
    elif caller.jurisdiction_id is not None:
        found = Jurisdiction.objects.filter(pk=caller.jurisdiction_id, is_active=True).first()
    else:
        found = Jurisdiction.objects.filter(
            slug=settings.ADUAN_DEFAULT_JURISDICTION, is_active=True
        ).first()
    if found is None:
        raise Http404("Yurisdiksi tidak ditemukan. / Jurisdiction not found.")
    return found


# --------------------------------------------------------------------------- permissions


class _ScopePermission(permissions.BasePermission):
    scope = ""
    staff_only = True

    def has_permission(self, request: Request, view: object) -> bool:
        caller = caller_of(request)
        if caller.kind == ANONYMOUS:
            raise exceptions.NotAuthenticated(
                "Perlu autentikasi (token API atau sesi petugas). / Authentication required "
                "(API token or staff session)."
            )
        if self.staff_only and caller.kind != STAFF:
            raise InsufficientScope(
                "Token integrasi tidak dapat mengakses data laporan. / Integration tokens "
                "cannot access complaint data."
            )
        if not caller.has_scope(self.scope):
            raise InsufficientScope(
                f"Token ini tidak memiliki cakupan {self.scope}. / This token lacks the "
                f"{self.scope} scope."
            )
        return True


class CanReadComplaints(_ScopePermission):
    scope = Scope.READ


class CanActOnComplaints(_ScopePermission):
    scope = Scope.WRITE


class CanReadStatistics(_ScopePermission):
    scope = Scope.STATS


class CanSubmit(permissions.BasePermission):
    """Anyone may file a complaint; a token needs ``complaints:submit``."""

    def has_permission(self, request: Request, view: object) -> bool:
        if request.method != "POST":
            return True
        check_may_submit(caller_of(request))
        return True


def check_may_submit(caller: Caller) -> None:
    """Anyone may file a complaint; a token needs ``complaints:submit`` (else 403)."""
    if caller.token is not None and not caller.has_scope(Scope.SUBMIT):
        raise InsufficientScope(
            f"Token ini tidak memiliki cakupan {Scope.SUBMIT}. / This token lacks the "
            f"{Scope.SUBMIT} scope."
        )
