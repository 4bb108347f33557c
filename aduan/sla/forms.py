"""Forms of the calendar page. They parse input; ``aduan.sla.services`` decides."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from aduan.sla.choices import CalendarDayKind
from aduan.sla.models import CalendarDay

NAME_MAX = CalendarDay._meta.get_field("name").max_length
NOTE_MAX = CalendarDay._meta.get_field("note").max_length


class CalendarDayAddForm(forms.Form):
    """Add a local day or an extra national day / cuti bersama."""

    date = forms.DateField(
        label=_("Tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )
    kind = forms.ChoiceField(
        label=_("Jenis"),
        choices=[
            (CalendarDayKind.LOCAL.value, CalendarDayKind.LOCAL.label),
            (CalendarDayKind.NON_WORKING.value, CalendarDayKind.NON_WORKING.label),
        ],
        initial=CalendarDayKind.LOCAL,
    )
    name = forms.CharField(
        label=_("Nama"),
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"placeholder": _("mis. Hari Jadi Kota Pekalongan")}),
    )
    note = forms.CharField(
        label=_("Catatan"),
        max_length=NOTE_MAX,
        required=False,
        help_text=_("Dasar penetapan, mis. nomor SKB atau surat edaran."),
    )


class CalendarDayWorkingForm(forms.Form):
    """Make a listed non-working day a working day."""

    date = forms.DateField(widget=forms.HiddenInput, input_formats=["%Y-%m-%d"])
    note = forms.CharField(label=_("Dasar perubahan"), max_length=NOTE_MAX, required=False)


class CalendarDayRemoveForm(forms.Form):
    """Delete this jurisdiction's override of a date."""

    date = forms.DateField(widget=forms.HiddenInput, input_formats=["%Y-%m-%d"])
