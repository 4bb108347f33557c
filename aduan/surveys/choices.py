"""The respondent profile of the IKM questionnaire (PermenPANRB 14/2017's report form)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    UNDER_20 = "lt20", _("Di bawah 20 tahun")
    A20_29 = "20-29", _("20–29 tahun")
    A30_39 = "30-39", _("30–39 tahun")
    A40_49 = "40-49", _("40–49 tahun")
    A50_59 = "50-59", _("50–59 tahun")
    FROM_60 = "60+", _("60 tahun ke atas")


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class Education(models.TextChoices):
    SD = "sd", _("SD ke bawah")
    SMP = "smp", _("SMP/SLTP")
    SMA = "sma", _("SMA/SLTA")
    DIPLOMA = "diploma", _("D1/D2/D3/D4")
    S1 = "s1", _("S1")
    S2 = "s2", _("S2 ke atas")


class Occupation(models.TextChoices):
    PNS = "pns", _("PNS")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("POLRI")
    SWASTA = "swasta", _("Pegawai swasta")
    WIRAUSAHA = "wirausaha", _("Wirausaha")
    PELAJAR = "pelajar", _("Pelajar/mahasiswa")
    LAINNYA = "lainnya", _("Lainnya")


#: The usual wording of the four answers to every element (1 worst … 4 best).
ANSWER_LABELS: dict[int, str] = {
    1: "Tidak baik",
    2: "Kurang baik",
    3: "Baik",
    4: "Sangat baik",
}

#: The question of each element, as the questionnaire asks it, with answer wording where the
#: element has its own (otherwise ANSWER_LABELS).
QUESTIONS: dict[str, tuple[str, tuple[str, str, str, str]]] = {
    "u1": (
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
        "pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    "u2": (
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    "u3": (
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    "u4": (
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    "u5": (
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
        "dalam standar pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    "u6": (
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    "u7": (
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
        "kesopanan dan keramahan?",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
    ),
    "u8": (
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
    ),
    "u9": (
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
}
