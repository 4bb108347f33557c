"""Forms of the transparency app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from aduan.transparency.services import PUBLIC_TEXT_MAX


class SupportForm(forms.Form):
    """Support a public complaint; name and contact are optional."""

    name = forms.CharField(label=_("Nama (boleh dikosongkan)"), required=False, max_length=120)
    contact = forms.CharField(
        label=_("WhatsApp atau e-mail (boleh dikosongkan)"),
        required=False,
        max_length=254,
        help_text=_("Hanya untuk petugas verifikasi, tidak pernah ditampilkan."),
    )

    def clean_contact(self) -> str:
        value = self.cleaned_data["contact"].strip()
        if not value:
            return ""
        if "@" in value:
            return str(forms.EmailField().clean(value))
        digits = sum(ch.isdigit() for ch in value)
        if digits < 8 or any(ch.isalpha() for ch in value):
            raise forms.ValidationError(
                _("Tulis nomor WhatsApp/telepon (minimal 8 angka) atau alamat e-mail.")
            )
        return value


class PublicationForm(forms.Form):
    """What the public reads of a complaint (verifiers)."""

    public_text = forms.CharField(
        label=_("Teks di halaman publik"),
        required=False,
        max_length=PUBLIC_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Kosongkan untuk memakai uraian dengan data pribadi yang disamarkan otomatis."),
    )
    hidden = forms.BooleanField(label=_("Sembunyikan dari halaman publik"), required=False)
