"""Forms of the practice pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from aduan.practice.models import ScenarioSet
from aduan.practice.services import MAX_REPLY


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Jawaban Anda"),
        max_length=MAX_REPLY,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Tulis jawaban Anda terlebih dahulu."),
            "max_length": _("Jawaban terlalu panjang (paling banyak %(limit_value)d karakter)."),
        },
    )


class AssignForm(forms.Form):
    officer: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Petugas"), queryset=None)
    scenario_set = forms.ModelChoiceField(
        label=_("Paket latihan"), queryset=ScenarioSet.objects.all()
    )
    due_date = forms.DateField(
        label=_("Tenggat (boleh kosong)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, trainees=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = trainees  # type: ignore[attr-defined]
        self.fields["officer"].label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]
