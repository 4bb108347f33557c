"""What each flaw of the reply-tone checker is called on the practice pages.

The checker's own messages and suggestions (``aduan.replies.checker.MESSAGES`` and
``SUGGESTIONS``) are Indonesian msgids translated in this app's catalogue; ``MESSAGE_IDS``
repeats them for ``makemessages`` (a test keeps the two lists equal).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from aduan.replies.checker import MESSAGES, SUGGESTIONS

FLAW_LABELS = {
    "no_greeting": _("Tanpa sapaan"),
    "no_thanks": _("Tanpa terima kasih"),
    "no_empathy": _("Tanpa empati"),
    "blames_citizen": _("Menyalahkan warga"),
    "rude": _("Kasar atau menyindir"),
    "dismissive": _("Mengabaikan keluhan"),
    "no_action": _("Tanpa tindakan"),
    "no_timeline": _("Tanpa waktu"),
    "vague": _("Samar-samar"),
    "all_caps": _("Huruf kapital semua"),
    "jargon": _("Singkatan atau bahasa peraturan"),
    "wrong_unit_deflection": _("Melempar tanpa rujukan"),
}

MESSAGE_IDS = [
    gettext_noop("Balasan tidak dibuka dengan sapaan."),
    gettext_noop("Balasan tidak berterima kasih kepada pelapor."),
    gettext_noop("Balasan tidak menunjukkan empati atas kesulitan pelapor."),
    gettext_noop("Balasan menyalahkan pelapor atau warga."),
    gettext_noop("Balasan memakai kata-kata kasar, merendahkan, atau menyindir."),
    gettext_noop("Balasan mengabaikan atau menolak keluhan tanpa bantuan."),
    gettext_noop("Balasan tidak menyebut tindakan apa pun yang dilakukan atau akan dilakukan."),
    gettext_noop(
        "Balasan tidak memberi waktu: kapan ditangani atau kapan selesai (tanggal, "
        "hari, atau lama pengerjaan)."
    ),
    gettext_noop("Tindakan disebut samar-samar: tanpa apa, siapa, atau di mana."),
    gettext_noop("Balasan ditulis dengan huruf kapital semua, terbaca seperti berteriak."),
    gettext_noop(
        "Balasan memakai istilah teknis, singkatan, atau bahasa peraturan yang tidak dijelaskan."
    ),
    gettext_noop("Balasan menyatakan bukan kewenangan tanpa menyebut ke mana laporan diteruskan."),
    gettext_noop('Awali dengan sapaan, mis. "Yth. Bapak/Ibu ..., selamat pagi."'),
    gettext_noop('Sampaikan terima kasih, mis. "Terima kasih atas laporan Bapak/Ibu."'),
    gettext_noop(
        'Tunjukkan empati, mis. "Kami mohon maaf atas ketidaknyamanan ini dan '
        'memahami kesulitan Bapak/Ibu."'
    ),
    gettext_noop(
        'Jelaskan langkah yang perlu diambil tanpa menyalahkan, mis. "Agar '
        "berkas dapat diproses, mohon lengkapi ... ; kami bantu bila ada "
        'kesulitan."'
    ),
    gettext_noop(
        'Ganti dengan bahasa yang santun dan netral, mis. "Kami memahami '
        'keluhan Bapak/Ibu dan akan membantu."'
    ),
    gettext_noop(
        'Tawarkan bantuan nyata, mis. "Kami bantu: petugas kami akan '
        'menghubungi Bapak/Ibu hari ini untuk ..."'
    ),
    gettext_noop(
        'Sebutkan tindakan nyata, mis. "Petugas kami akan memeriksa lokasi dan '
        'memperbaiki ... pada hari Kamis, 12 Maret."'
    ),
    gettext_noop(
        'Sebutkan apa yang akan dilakukan dan kapan, mis. "Petugas kami akan '
        "memeriksa lokasi besok pagi dan menyelesaikannya paling lambat 3 hari kerja "
        '(Jumat, 14 Maret)."'
    ),
    gettext_noop(
        'Sebutkan siapa melakukan apa dan di mana, mis. "Tim pemeliharaan jalan'
        ' akan menambal lubang di Jl. ... depan SD ..."'
    ),
    gettext_noop("Tulis dengan huruf biasa; huruf kapital hanya untuk awal kalimat dan nama."),
    gettext_noop(
        'Jelaskan istilah teknis dan aturan dengan bahasa sehari-hari, mis. "izin '
        'bangunan (PBG) diurus lewat aplikasi perizinan bangunan (SIMBG)" atau '
        '"menurut Perwal No. 12/2019, artinya ..."'
    ),
    gettext_noop(
        'Sebutkan ke mana laporan diteruskan, mis. "Laporan ini kewenangan PLN '
        'UP3 Pekalongan; sudah kami teruskan ke sana hari ini."'
    ),
]

#: Every checker text the pages show (messages and suggestions), for the catalogue test.
CHECKER_TEXTS = [*MESSAGES.values(), *SUGGESTIONS.values()]
