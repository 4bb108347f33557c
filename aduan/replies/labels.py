"""Names of the checker's flaw codes, as reports show them."""

from django.utils.translation import gettext_lazy as _

FLAW_LABELS = {
    "no_greeting": _("Tanpa sapaan"),
    "no_thanks": _("Tanpa ucapan terima kasih"),
    "no_empathy": _("Tanpa empati"),
    "blames_citizen": _("Menyalahkan warga"),
    "rude": _("Kasar"),
    "dismissive": _("Meremehkan"),
    "no_action": _("Tanpa tindakan nyata"),
    "no_timeline": _("Tanpa waktu/tanggal"),
    "vague": _("Tidak jelas"),
    "all_caps": _("Huruf kapital semua"),
    "jargon": _("Istilah teknis"),
    "wrong_unit_deflection": _("Melempar ke unit lain"),
}
