"""Forms of the replies app."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from aduan.organisation.models import Category
from aduan.replies import access
from aduan.replies.fill import PLACEHOLDERS, unknown_placeholders
from aduan.replies.models import ResponseTemplate


class TemplateForm(forms.ModelForm):
    """A template as an administrator (any unit, or none) or a unit head (their units) edits
    it."""

    class Meta:
        model = ResponseTemplate
        fields = ["title", "code", "situation", "unit", "category", "body", "is_active"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["unit"].queryset = access.template_units(user)  # type: ignore[attr-defined]
        self.fields["category"].queryset = Category.objects.filter(  # type: ignore[attr-defined]
            jurisdiction_id=user.jurisdiction_id
        )
        if access.template_scope(user) is not access.ALL:
            self.fields["unit"].required = True
            self.fields["unit"].help_text = _("Unit yang Anda pimpin.")
        self.fields["body"].help_text = _("Isian yang dapat dipakai: %(names)s.") % {
            "names": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        }

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        unknown = unknown_placeholders(body)
        if unknown:
            raise forms.ValidationError(
                _("Isian tidak dikenal: %(names)s. Yang dapat dipakai: %(known)s."),
                params={
                    "names": ", ".join(f"{{{n}}}" for n in unknown),
                    "known": ", ".join(f"{{{n}}}" for n in PLACEHOLDERS),
                },
            )
        return body

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        clash = ResponseTemplate.objects.filter(
            jurisdiction_id=self.user.jurisdiction_id, code=code
        ).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Kode ini sudah dipakai templat lain."))
        return code


class PeriodForm(forms.Form):
    dari = forms.DateField(
        label=_("Dari"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sampai = forms.DateField(
        label=_("Sampai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: date | None = data.get("dari")
        end: date | None = data.get("sampai")
        if start and end and start > end:
            raise forms.ValidationError(_("Tanggal awal harus sebelum tanggal akhir."))
        return data
