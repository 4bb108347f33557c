"""The verifier's page for a citizen's request to see their personal data (UU 27/2022)."""

from __future__ import annotations

import json

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from aduan.accounts.choices import Role
from aduan.lib import clock
from aduan.privacy.services import personal_data_export


class ExportForm(forms.Form):
    phone = forms.CharField(label=_("Nomor WhatsApp/telepon"), required=False, max_length=40)
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)
    confirmed = forms.BooleanField(
        label=_("Identitas pemohon sudah saya periksa (KTP dan nomor/e-mail miliknya)."),
        required=True,
    )

    def clean(self):
        data = super().clean() or {}
        if not (data.get("phone") or "").strip() and not (data.get("email") or "").strip():
            raise forms.ValidationError(
                "Isi nomor telepon atau e-mail pemohon. / Give the requester's phone or e-mail."
            )
        return data


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: the JSON file of everything held about that person."""
    user = request.user
    if getattr(user, "role", "") not in (Role.VERIFIER, Role.ADMIN) or not getattr(
        user, "jurisdiction_id", None
    ):
        raise PermissionDenied("Halaman ini untuk verifikator. / Verifiers only.")
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        body = personal_data_export(
            jurisdiction=user.jurisdiction,  # type: ignore[union-attr,arg-type]
            phone=form.cleaned_data["phone"].strip(),
            email=form.cleaned_data["email"].strip(),
            actor=user,  # type: ignore[arg-type]
        )
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = clock.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="data-pribadi-{stamp}.json"'
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request,
        "privacy/export.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
