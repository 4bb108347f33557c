"""Forms of the citizen portal and the staff workspace. They parse input; the services
decide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from aduan.complaints.choices import (
    ArchiveReason,
    Channel,
    Privacy,
    ReportType,
    Stage,
    TapdDecision,
)
from aduan.lib.forms import OptionSelect
from aduan.organisation.models import Category, Jurisdiction, Unit
from aduan.organisation.selectors import (
    categories_to_choose,
    filter_options,
    units_to_choose,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Accept several files; each is checked by content in the intake service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [f for f in items if f]


class ComplaintForm(forms.Form):
    """The citizen's report form."""

    report_type = forms.ChoiceField(
        label=_("Jenis laporan"),
        choices=ReportType.choices,
        initial=ReportType.ADUAN,
        widget=forms.RadioSelect,
    )
    description = forms.CharField(
        label=_("Apa yang terjadi?"),
        widget=forms.Textarea(
            attrs={"rows": 6, "placeholder": _("Ceritakan masalahnya: apa, di mana, sejak kapan.")}
        ),
        required=False,  # the intake service explains what a good description needs
    )
    category = forms.ModelChoiceField(
        label=_("Kategori (boleh dikosongkan)"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("— Biarkan petugas memilih —"),
        to_field_name="code",
    )
    kelurahan = forms.CharField(
        label=_("Kelurahan"),
        required=False,
        max_length=120,
        widget=forms.TextInput(
            attrs={
                "list": "kelurahan-list",
                "autocomplete": "off",
                "placeholder": _("Ketik nama kelurahan, juga nama lama"),
            }
        ),
    )
    address = forms.CharField(label=_("Alamat / patokan lokasi"), required=False, max_length=300)
    latitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    longitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    attachments = MultipleFileField(label=_("Foto atau dokumen (maks. 5)"))
    privacy = forms.ChoiceField(
        label=_("Kerahasiaan"),
        choices=Privacy.choices,
        initial=Privacy.BIASA,
        widget=forms.RadioSelect,
    )
    reporter_name = forms.CharField(label=_("Nama"), required=False, max_length=120)
    reporter_phone = forms.CharField(
        label=_("Nomor WhatsApp/telepon"), required=False, max_length=40
    )
    reporter_email = forms.CharField(label=_("E-mail"), required=False, max_length=254)
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, jurisdiction: Jurisdiction, **kwargs):
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["category"] = _category_field(jurisdiction, self.fields["category"])


def _unit_field(
    jurisdiction: Jurisdiction,
    *,
    label: StrOrPromise,
    external: bool = False,
    required: bool = True,
) -> forms.ModelChoiceField:
    """The active units (or, ``external``, outside bodies) of ``jurisdiction`` to choose
    from, their options rendered once per process (``OptionSelect``)."""
    field = forms.ModelChoiceField(
        label=label,
        queryset=units_to_choose(jurisdiction.pk, external=external),
        required=required,
    )
    options = filter_options(jurisdiction.pk)
    field.widget = OptionSelect(
        (lambda: options.active_bodies) if external else (lambda: options.active_units),
        empty_label=field.empty_label,
    )
    return field


def _category_field(jurisdiction: Jurisdiction, field: forms.Field) -> forms.ModelChoiceField:
    """``field`` (a category choice) narrowed to the active categories of ``jurisdiction``,
    its options rendered once per process."""
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
    field.queryset = categories_to_choose(jurisdiction.pk)
    options = filter_options(jurisdiction.pk)
    by_code = field.to_field_name == "code"
    field.widget = OptionSelect(
        (lambda: options.active_categories) if by_code else (lambda: options.active_category_ids),
        empty_label=field.empty_label,
        attrs=field.widget.attrs,
    )
    return field


class DisposeForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit tujuan"))
    category = forms.ModelChoiceField(
        queryset=Category.objects.none(), label=_("Kategori"), required=False
    )
    note = forms.CharField(
        label=_("Catatan untuk unit (tampil ke warga)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, jurisdiction: Jurisdiction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _unit_field(jurisdiction, label=_("Unit tujuan"))
        self.fields["category"] = _category_field(jurisdiction, self.fields["category"])


class ForwardForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Teruskan ke unit"))
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, jurisdiction: Jurisdiction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _unit_field(jurisdiction, label=_("Teruskan ke unit"))


class ReferForm(forms.Form):
    body = forms.ModelChoiceField(
        queryset=Unit.objects.none(), required=False, label=_("Instansi yang berwenang")
    )
    note_to_citizen = forms.CharField(
        label=_("Keterangan untuk warga: ke mana dan bagaimana melapor"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, jurisdiction: Jurisdiction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = _unit_field(
            jurisdiction, label=_("Instansi yang berwenang"), external=True, required=False
        )


class ArchiveForm(forms.Form):
    reason = forms.ChoiceField(label=_("Alasan arsip"), choices=ArchiveReason.choices)
    note = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Kode lacak laporan induk"), max_length=32)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}))


class FlagTapdForm(forms.Form):
    reason = forms.CharField(
        label=_("Mengapa perlu perencanaan & anggaran"), widget=forms.Textarea(attrs={"rows": 3})
    )
    scope = forms.CharField(
        label=_("Perkiraan lingkup (mis. 300 m jalan, 2 pompa rob)"),
        required=False,
        max_length=300,
    )


class TapdDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Keputusan"), choices=TapdDecision.choices)
    budget_year = forms.IntegerField(label=_("Tahun anggaran"), required=False)
    programme = forms.CharField(label=_("Program/kegiatan"), required=False, max_length=300)
    estimated_cost = forms.DecimalField(
        label=_("Perkiraan biaya (Rp)"), required=False, max_digits=16, decimal_places=0
    )
    reason = forms.CharField(
        label=_("Alasan/keterangan untuk warga"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Informasi yang diperlukan dari pelapor"), widget=forms.Textarea(attrs={"rows": 3})
    )


class TextForm(forms.Form):
    text = forms.CharField(label=_("Teks"), widget=forms.Textarea(attrs={"rows": 5}))


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("Tindak lanjut untuk pelapor"), widget=forms.Textarea(attrs={"rows": 6})
    )
    attachments = MultipleFileField(label=_("Lampiran (foto/PDF)"))


class ResolveForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan penyelesaian"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AddInfoForm(forms.Form):
    message = forms.CharField(
        label=_("Informasi tambahan"), widget=forms.Textarea(attrs={"rows": 4}), max_length=100_000
    )
    attachments = MultipleFileField(label=_("Foto atau dokumen"))


class RespondForm(forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Apakah tindak lanjut ini menyelesaikan masalah Anda?"),
        choices=[("1", _("Ya, saya puas")), ("0", _("Belum, masalah belum selesai"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Alasan (wajib bila belum puas)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TrackForm(forms.Form):
    tracking_code = forms.CharField(label=_("Kode lacak"), max_length=32)
    secret = forms.CharField(label=_("Kode rahasia"), max_length=40)


class InboxFilterForm(forms.Form):
    status = forms.CharField(required=False)
    category = forms.CharField(required=False)
    # Ids within what every database stores (a 40-digit number is a refused filter, not a 500).
    area = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    unit = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    date_from = forms.DateField(required=False)
    date_to = forms.DateField(required=False)
    q = forms.CharField(required=False, max_length=100)
    due = forms.ChoiceField(
        required=False, choices=[("", ""), ("lewat", "lewat"), ("hari_ini", "hari_ini")]
    )
    sort = forms.ChoiceField(
        required=False, choices=[("", ""), ("batas", "batas"), ("lama", "lama")]
    )
    channel = forms.ChoiceField(required=False, choices=[("", ""), *Channel.choices])
    report_type = forms.ChoiceField(required=False, choices=[("", ""), *ReportType.choices])
    stage = forms.ChoiceField(required=False, choices=Stage.choices)
    lengkap = forms.BooleanField(required=False)
