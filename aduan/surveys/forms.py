"""Forms of the citizen's rating and the public IKM questionnaire (Bahasa Indonesia)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from aduan.surveys.choices import QUESTIONS, AgeBand, Education, Occupation, Sex
from aduan.surveys.ikm import ELEMENTS
from aduan.surveys.models import COMMENT_MAX

SCORE_CHOICES = [(i, str(i)) for i in range(1, 6)]
YES_NO = [("ya", _("Ya, sudah selesai")), ("tidak", _("Belum/tidak selesai"))]


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Nilai pelayanan (1 = sangat buruk, 5 = sangat baik)"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    resolved = forms.ChoiceField(
        label=_("Apakah masalah Anda selesai?"), choices=YES_NO, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Komentar (boleh dikosongkan)"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_resolved(self) -> bool:
        return self.cleaned_data["resolved"] == "ya"


def _blank(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("— pilih —")), *choices]


class IkmForm(forms.Form):
    """The nine elements with their questions and answers, then the respondent profile."""

    age_band = forms.ChoiceField(label=_("Umur"), choices=_blank(AgeBand.choices), required=False)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=_blank(Sex.choices), required=False)
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"), choices=_blank(Education.choices), required=False
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan utama"), choices=_blank(Occupation.choices), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in ELEMENTS:
            question, answers = QUESTIONS[code]
            self.fields[code] = forms.TypedChoiceField(
                label=f"{code.upper()}. {name}",
                help_text=question,
                choices=[(i + 1, f"{i + 1} – {label}") for i, label in enumerate(answers)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
        # The elements first, then the profile.
        order = [code for code, _name in ELEMENTS] + ["age_band", "sex", "education", "occupation"]
        self.order_fields(order)

    @property
    def element_fields(self) -> list[forms.BoundField]:
        return [self[code] for code, _name in ELEMENTS]

    @property
    def profile_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("age_band", "sex", "education", "occupation")]
