"""Hand-written phrasings of complaints, suggestions and questions, per category and issue.

The raw material of ``corpus_builder``: each ``Issue`` is one kind of problem citizens report,
with several ways of saying it (formal, WhatsApp, Javanese-flavoured). ``corpus_builder``
fills the slots, wraps them in greetings and closings, and adds register noise.

Template syntax: ``((a|b|c))`` picks one alternative; ``{slot}`` is filled by the builder:
``{loc}`` a location phrase (street, landmark, RT/RW, kelurahan), ``{kel}`` a kelurahan name
(current or pre-2015), ``{jalan}`` a street, ``{lm}`` a landmark, ``{rt}`` "RT 03 RW 05",
``{waktu}`` how long it has lasted, ``{pkm}`` a puskesmas, ``{sekolah}`` a school, ``{n}`` a
small number, ``{rp}`` an amount of money. A phrasing without ``{loc}`` gets a location added
by the builder (or none).

Kinds: "a" aduan (complaint), "s" aspirasi (suggestion), "i" informasi (question).
``urgent``: danger to life or health now (a phrasing starting with "!" is urgent even in an
issue that is not). ``hard``: two topics or misleading words, the label
being the topic the citizen asks to be handled.

These phrasings are for training only. The held-out set (``data/heldout.jsonl``) was written
separately, without these templates.
"""

# ruff: noqa: E501 - phrasings are data: one phrasing, one line.
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    key: str
    kind: str  # "a" | "s" | "i"
    phrasings: tuple[str, ...]
    urgent: bool = False
    hard: bool = False
    #: The report type the examples are labelled with, when it is not ``kind`` ("a" | "s" |
    #: "i"). ``kind`` still chooses the openers and closers and whether pairs are drawn from
    #: the issue, so a corrected label leaves the generated texts and pairs as they were.
    label: str | None = None


def _i(
    key: str,
    kind: str,
    *phrasings: str,
    urgent: bool = False,
    hard: bool = False,
    label: str | None = None,
) -> Issue:
    return Issue(key, kind, tuple(phrasings), urgent=urgent, hard=hard, label=label)


ISSUES: dict[str, tuple[Issue, ...]] = {
    # ------------------------------------------------------------------ adminduk
    "adminduk": (
        _i(
            "ktp_belum_cetak",
            "a",
            "KTP-el saya belum dicetak padahal sudah rekam {waktu}, katanya blanko ((habis|kosong)).",
            "sudah perekaman e-KTP dari ((bulan lalu|tiga bulan lalu|awal tahun)) tapi kartunya belum jadi juga",
            "min ktp el sy udh rekam lama tp blm jadi2, alasannya blangko kosong trs",
            "Kapan KTP elektronik saya bisa diambil? Sudah ((dua|tiga|empat)) kali bolak-balik ke capil tetap belum dicetak.",
            "e ktp anak saya yg baru 17 tahun belum dicetak, padahal sudah rekam di kantor dukcapil",
            "KTP kulo dereng dicetak, sampun rekam ((sasi wingi|rong sasi)) ",
            "pembuatan KTP lama sekali, sudah {waktu} belum selesai, butuh untuk melamar kerja",
        ),
        _i(
            "ktp_rusak_hilang",
            "a",
            "KTP saya hilang dan mau cetak ulang tapi di Disdukcapil disuruh kembali minggu depan terus.",
            "ktp el sy patah/rusak, mau ganti baru katanya harus antri lama bgt",
            "Chip KTP-el saya tidak terbaca saat verifikasi di bank, mohon dibantu penggantian KTP.",
            "ktp ilang pas mudik, ngurus ktp baru di capil kok ribet bgt",
        ),
        _i(
            "kk_belum_terbit",
            "a",
            "Kartu Keluarga baru saya belum terbit setelah ((menikah|pisah KK|menambah anggota keluarga)), sudah {waktu}.",
            "KK ((baru|perubahan)) blm keluar2 min, pdhl berkas udh lengkap dr {waktu}",
            "Perubahan data di KK (status kawin dan pekerjaan) belum diproses oleh Dukcapil.",
            "nama ibu kandung di KK salah ketik, sudah minta perbaikan tapi belum dibetulkan",
            "Kartu keluarga rusak kena ((banjir|rob)), mau cetak ulang KK prosesnya lama sekali",
            "kk kulo salah tanggal lahir, pripun carane ndandani nggih",
        ),
        _i(
            "akta",
            "a",
            "Akta kelahiran anak saya belum terbit padahal pengajuan online sudah {waktu}.",
            "akte lahir anak sy salah nama bapaknya, minta dibetulkan di capil",
            "Pengurusan akta kematian almarhum ((ayah|ibu|suami)) saya lambat sekali, sudah {waktu}.",
            "Status permohonan akta lahir di aplikasi masih menunggu verifikasi terus tanpa kabar.",
            "akta lahir anak ku durung metu, wis sebulan",
        ),
        _i(
            "pindah_datang",
            "a",
            "Untuk surat pindah keluar saya disuruh pulang ke daerah asal, padahal bisa online.",
            "Pencatatan perkawinan dan perceraian di Disdukcapil dipersulit dengan syarat tambahan.",
            "Surat pindah saya dari ((Kabupaten Batang|Kabupaten Pekalongan|Kota Tegal|Pemalang)) sudah diserahkan tapi data saya belum masuk di Kota Pekalongan.",
            "Urus pindah datang ke {kel} sudah {waktu}, NIK saya masih terdaftar di daerah asal.",
            "mau pindah domisili keluar kota, SKPWNI nya blm jadi2 padahal udh diajukan",
        ),
        _i(
            "nik",
            "a",
            "NIK saya tidak terdaftar / tidak ditemukan saat daftar ((BPJS|sekolah anak|kartu SIM|pinjaman bank)).",
            "nik sy ga ditemukan di dukcapil pas mau daftar, pdhl ktp msh berlaku",
            "Data NIK ganda sehingga saya tidak bisa mengurus administrasi, mohon dinonaktifkan yang salah.",
            "NIK anak saya tidak valid saat daftar sekolah, kata operator harus ke Disdukcapil dulu.",
            "nik e kulo mboten kedaftar, pripun niki",
        ),
        _i(
            "kia_ikd",
            "a",
            "Pembuatan Kartu Identitas Anak (KIA) di Disdukcapil sudah {waktu} belum jadi.",
            "aktivasi IKD (identitas kependudukan digital) selalu gagal, QR code tidak bisa discan",
            "aplikasi IKD error trs pas aktivasi, disuruh ke capil tp antrinya penuh",
        ),
        _i(
            "antrean_capil",
            "a",
            "Antrean di kantor Disdukcapil sangat panjang, kuota nomor antrean habis sejak pagi.",
            "capil buka jam 8 tp jam 7 antrian udh habis, sy udh 3x dtg ga kebagian",
            "Sistem SIAK di Disdukcapil offline terus sehingga pelayanan KTP dan KK berhenti.",
            "Pelayanan adminduk di Mal Pelayanan Publik lambat, loket Dukcapil hanya dibuka satu.",
        ),
        _i(
            "adminduk_info",
            "i",
            "Apa saja syarat membuat ((KTP-el|Kartu Keluarga baru|akta kelahiran|KIA|akta kematian)) dan berapa lama jadinya?",
            "min mau tanya syarat bikin akte kelahiran apa aja ya? bisa online gk?",
            "Bagaimana cara mengurus pindah datang dari luar kota ke Kota Pekalongan?",
            "Mohon info, apakah perekaman KTP-el bisa dilakukan hari Sabtu?",
            "nyuwun pirsa, syarat ngurus KK anyar punapa mawon nggih",
            "Berapa biaya mengganti KTP yang hilang? Apakah perlu surat kehilangan dari polisi?",
            "Apakah pencetakan ulang KK karena salah data dipungut biaya?",
        ),
        _i(
            "adminduk_usul",
            "s",
            "Saya mengusulkan layanan jemput bola perekaman KTP-el untuk lansia dan difabel di kelurahan.",
            "usul min, pelayanan capil dibuka hari sabtu biar pekerja bisa ngurus ktp/kk",
            "Sebaiknya ada antrean online untuk layanan KTP dan KK agar warga tidak antre dari subuh.",
            "Mohon disediakan pelayanan adminduk keliling di tiap kecamatan.",
        ),
        _i(
            "adminduk_hard",
            "a",
            "Bantuan PKH saya tidak cair karena NIK tidak padan di Dukcapil, mohon data kependudukan saya diperbaiki dulu.",
            "anak sy ditolak daftar SD karena nama di akta beda dengan di KK, mohon akta dibetulkan",
            "Saya tidak bisa berobat pakai BPJS karena NIK di kartu keluarga belum aktif, tolong NIK saya diaktifkan.",
            "KTP saya masih alamat lama di {kel}, mau ubah alamat di KTP tapi disuruh bolak-balik",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ bansos
    "bansos": (
        _i(
            "pkh_tidak_cair",
            "a",
            "Bantuan PKH saya tahap ini belum cair, padahal tetangga sudah menerima.",
            "pkh sy blm cair min, saldo kks kosong trs, tlg dicek",
            "Dana PKH untuk anak sekolah dan lansia di keluarga kami tidak masuk ke rekening.",
            "bantuan pkh kulo kok dereng cair nggih, tonggo-tonggo sampun",
            "Saya KPM PKH tapi sudah ((dua|tiga)) tahap tidak menerima bantuan tanpa pemberitahuan.",
        ),
        _i(
            "bpnt",
            "a",
            "BPNT / bantuan sembako keluarga saya tiba-tiba dihentikan tanpa alasan.",
            "kartu sembako sy ga bs dipake di e-warong, katanya saldonya 0",
            "Beras bantuan dari e-warong kualitasnya jelek dan jumlahnya dikurangi.",
            "bpnt tahap iki durung cair, ning agen e jare durung mlebu",
            "Penyaluran bansos sembako di kantor pos antreannya berdesakan dan lansia pingsan.",
        ),
        _i(
            "salah_sasaran",
            "a",
            "Pendataan penerima bantuan di {kel} dikuasai keluarga pengurus RT/RW, warga miskin lain terlewat.",
            "Penerima bantuan di lingkungan kami tidak tepat sasaran, orang mampu dapat sedangkan janda miskin tidak.",
            "yg dapet bansos di {rt} malah org kaya punya mobil, yg miskin ga dapet",
            "Ada perangkat RT yang keluarganya menerima BLT padahal ekonominya mampu.",
            "tonggo kulo sing sugih entuk bantuan, sing mlarat malah mboten",
            "Mohon pendataan ulang penerima bansos karena banyak yang salah sasaran.",
        ),
        _i(
            "dtks",
            "a",
            "Keluarga saya miskin tetapi tidak terdaftar di DTKS/DTSEN sehingga tidak bisa menerima bantuan apa pun.",
            "udh daftar dtks lewat kelurahan dr tahun lalu tp ga pernah masuk data",
            "Nama saya tiba-tiba hilang dari data DTSEN sehingga bantuan berhenti.",
            "Status desil keluarga saya di DTSEN tidak sesuai kenyataan, kami bukan keluarga mampu.",
        ),
        _i(
            "pbi_kis",
            "a",
            "Kartu KIS PBI ((ibu|bapak|anak)) saya mendadak nonaktif, padahal ((harus cuci darah|sedang dirawat|rutin kontrol)).",
            "bpjs pbi sy dinonaktifkan sepihak, skrg hrs bayar mandiri pdhl ga mampu",
            "Mohon reaktivasi PBI-JK keluarga kami yang dicoret dari daftar penerima iuran.",
            "kis gratis dari pemerintah kok mati, mboten saged berobat",
        ),
        _i(
            "bantuan_lain",
            "a",
            "Bantuan untuk lansia dan penyandang disabilitas di keluarga kami tidak pernah diterima lagi.",
            "blt dana desa/bansos tunai yg dijanjikan blm dibagi di {kel}",
            "Pendamping PKH meminta potongan dari bantuan yang kami terima.",
            "Bantuan permakanan untuk lansia sebatang kara di lingkungan kami terhenti.",
            "Ada keluarga dengan ODGJ terlantar di {kel} yang belum mendapat bantuan sosial.",
        ),
        _i(
            "bansos_info",
            "i",
            "Kapan bantuan untuk nelayan/buruh yang terdampak cuaca buruk dibagikan?",
            "Bagaimana cara mendaftar sebagai penerima PKH atau BPNT?",
            "min cara daftar dtks gimana ya? sy baru kena phk",
            "Mohon informasi jadwal pencairan bansos ((PKH|BPNT|BLT)) tahap berikutnya.",
            "Bagaimana cara cek apakah saya masih terdaftar sebagai penerima bantuan sosial?",
            "pripun carane ngecek kulo taksih nampi bansos nopo mboten",
            "Apakah warga pendatang yang KTP-nya luar kota bisa mendapat bantuan sosial?",
        ),
        _i(
            "bansos_usul",
            "s",
            "Saya usul agar daftar penerima bansos diumumkan di papan kelurahan supaya transparan.",
            "saran min, pendataan bansos melibatkan rt rw biar tepat sasaran",
            "Mohon ada program bantuan khusus untuk buruh batik yang kehilangan pekerjaan.",
        ),
        _i(
            "bansos_hard",
            "a",
            "Data KTP saya sudah benar di Dukcapil tapi bantuan PKH tetap tidak cair, mohon Dinsos mengecek data penerima.",
            "anak sy sakit dan harus ke rumah sakit tp kis pbi nonaktif, tolong diaktifkan lagi bantuannya",
            "Saya terkena PHK dari pabrik dan sekarang tidak punya penghasilan, mohon didaftarkan sebagai penerima bansos.",
            "Rumah kami terendam rob dan sekarang kami tidak punya apa-apa, tapi bantuan sosial PKH kami malah dihentikan.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ kesehatan
    "kesehatan": (
        _i(
            "antre_puskesmas",
            "a",
            "Antrean di Puskesmas {pkm} sangat lama, dari jam 7 baru dilayani jam 11.",
            "puskesmas {pkm} pelayanannya lambat bgt, antri ber jam2",
            "Dokter umum di Puskesmas {pkm} sering tidak ada di tempat sehingga pasien hanya dilayani perawat.",
            "ten puskesmas {pkm} antrine dangu sanget, dokter e telat",
            "Pendaftaran online puskesmas tidak berfungsi, tetap harus antre dari subuh.",
        ),
        _i(
            "rsud",
            "a",
            "Petugas IGD meminta berkas ((KTP|kartu BPJS|uang jaminan)) dulu sebelum menolong pasien gawat.",
            "Hasil cek laboratorium dan rontgen di rumah sakit lama keluar, pasien disuruh bolak-balik.",
            "Pelayanan IGD RSUD Bendan lambat, pasien kritis menunggu berjam-jam di lorong.",
            "rsud bendan nolak pasien bpjs katanya kamar penuh",
            "Pasien BPJS di rumah sakit diminta membeli obat sendiri di luar.",
            "Perawat di bangsal rumah sakit kurang perhatian, infus habis tidak segera diganti.",
            "rs nyuruh pasien bpjs pulang padahal belum sembuh, alasan kuota",
            "Kamar mandi ruang rawat inap RSUD kotor dan airnya mati.",
        ),
        _i(
            "obat",
            "a",
            "Obat di apotek puskesmas sering kosong sehingga pasien disuruh beli sendiri.",
            "obat rutin diabetes/hipertensi bapak sy di puskesmas ((kosong|habis)) trs",
            "Stok vaksin di posyandu habis, anak saya belum diimunisasi sesuai jadwal.",
        ),
        _i(
            "dbd",
            "a",
            "Sudah ((dua|tiga|empat)) warga {rt} kena demam berdarah, mohon fogging dan pemeriksaan jentik.",
            "min tlg fogging di {kel}, bnyk yg kena db, nyamuke akeh",
            "Anak tetangga meninggal karena DBD, lingkungan kami belum pernah difogging.",
            "wonten kasus DB malih ten {rt}, nyuwun fogging",
            "Kasus demam berdarah di ((kampung|perumahan)) kami meningkat, mohon tindakan dari dinas kesehatan.",
            urgent=True,
        ),
        _i(
            "ambulans",
            "a",
            "Ambulans yang kami telepon tidak datang-datang, pasien ((sesak napas|stroke|pendarahan)) akhirnya dibawa dengan motor.",
            "ambulan gratis pemkot susah dihubungi, pasien kritis nunggu lama",
            "Tolong segera kirim ambulans, ada warga pingsan ((tidak sadarkan diri|kejang)) di {loc}.",
            urgent=True,
        ),
        _i(
            "keracunan",
            "a",
            "Puluhan warga {kel} mual dan muntah setelah makan nasi kotak hajatan, diduga keracunan makanan.",
            "bnyk anak sd keracunan makanan habis jajan/makan bergizi gratis, skrg dibawa ke puskesmas",
            "Ada wabah diare di lingkungan kami, banyak anak-anak dan lansia dirawat.",
            urgent=True,
        ),
        _i(
            "imunisasi_posyandu",
            "a",
            "Ada balita gizi buruk dan kurang gizi di {rt} yang belum ditangani petugas gizi puskesmas.",
            "Anak-anak di kampung kami banyak yang terkena ((campak|cacar|diare|batuk pilek)), belum ada pemeriksaan dari puskesmas.",
            "Ibu hamil di lingkungan kami tidak mendapat pemeriksaan kehamilan dan tablet tambah darah dari bidan.",
            "Posyandu di {kel} tidak berjalan lagi, balita tidak ditimbang dan tidak diimunisasi.",
            "bidan ga dateng2 pas jadwal posyandu, ibu2 udh nunggu lama",
            "Banyak balita stunting di lingkungan kami tetapi tidak ada pendampingan gizi dari puskesmas.",
            "Petugas kesehatan menolak memberi imunisasi karena buku KIA anak hilang.",
        ),
        _i(
            "bpjs_faskes",
            "a",
            "Di klinik faskes pertama saya ditolak memakai BPJS dan diminta membayar sebagai pasien umum.",
            "rujukan bpjs dr puskesmas dipersulit, disuruh balik lagi minggu depan",
            "Pasien BPJS dibedakan pelayanannya dengan pasien umum di puskesmas.",
            "Puskesmas meminta biaya untuk surat keterangan sehat padahal katanya gratis.",
        ),
        _i(
            "kesehatan_info",
            "i",
            "Jadwal imunisasi dan posyandu di {kel} bulan ini kapan ya?",
            "Bagaimana cara mendapatkan layanan ambulans gratis dari Pemkot?",
            "min puskesmas {pkm} buka hari minggu gk? anak sy demam",
            "Apakah vaksin ((HPV|campak|polio)) untuk anak sekolah gratis di puskesmas?",
            "Apa syarat berobat gratis bagi warga yang belum punya BPJS?",
        ),
        _i(
            "kesehatan_usul",
            "s",
            "Saya mengusulkan Puskesmas {pkm} buka layanan sore hari untuk pekerja.",
            "usul min puskesmas pake antrian online biar gk numpuk dr subuh",
            "Mohon diadakan pemeriksaan kesehatan gratis untuk lansia di tiap kelurahan.",
            "Sebaiknya ditambah dokter spesialis anak di RSUD Bendan.",
        ),
        _i(
            "kesehatan_hard",
            "a",
            "!Genangan air di depan rumah jadi sarang nyamuk dan sudah ada anak kena DBD, mohon fogging segera.",
            "Setelah banjir banyak warga terkena penyakit kulit dan diare, mohon posko kesehatan dan pemeriksaan dari puskesmas.",
            "Sampah menumpuk bikin banyak lalat, anak sy diare, tlg ada pemeriksaan kesehatan dr puskesmas",
            "jalan ke puskesmas rusak, tapi yg paling parah dokternya sering ga ada, pasien pulang tanpa diperiksa",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ pendidikan
    "pendidikan": (
        _i(
            "spmb_zonasi",
            "a",
            "Anak saya tidak diterima di {sekolah} lewat jalur zonasi padahal rumah kami hanya ((300|500|700)) meter dari sekolah.",
            "ppdb/spmb zonasi ga adil min, yg rumahnya jauh malah ketrima",
            "Ada dugaan manipulasi KK untuk jalur domisili SPMB di {sekolah}.",
            "sistem spmb online error pas hari terakhir pendaftaran, anak sy ga bs daftar",
            "anak kulo mboten ketampi ten SMP negeri, padahal griyane cedhak",
        ),
        _i(
            "pungutan",
            "a",
            "{sekolah} meminta sumbangan ((pembangunan|seragam|study tour|perpisahan)) sebesar {rp} yang terkesan wajib.",
            "sekolah negeri kok narik uang lks dan seragam mahal bgt",
            "Ijazah anak saya ditahan sekolah karena belum melunasi uang komite.",
            "Komite sekolah mewajibkan iuran bulanan padahal sekolah negeri katanya gratis.",
            "wali murid dipaksa bayar study tour {rp}, yg gk bayar anaknya ditegur guru",
        ),
        _i(
            "beasiswa_pip",
            "a",
            "Anak saya tidak tahu apakah terdaftar Program Indonesia Pintar, sekolah tidak pernah memberi informasi.",
            "Dana PIP anak saya tidak pernah diterima padahal namanya tercantum sebagai penerima.",
            "kip/pip anak sy dipotong pihak sekolah {rp}",
            "Pencairan beasiswa daerah untuk siswa berprestasi tertunda tanpa kejelasan.",
        ),
        _i(
            "guru",
            "a",
            "Guru kelas di {sekolah} sering tidak masuk mengajar sehingga murid dibiarkan belajar sendiri.",
            "gurunya jarang ngajar, anak2 disuruh nyatet aja tiap hari",
            "Ada guru yang membentak dan memukul murid di {sekolah}.",
            "Sekolah kekurangan guru, satu guru mengajar dua kelas sekaligus.",
            "gaji guru honorer di sekolah negeri blm dibayar {waktu}",
        ),
        _i(
            "perundungan",
            "a",
            "Anak saya menjadi korban perundungan (bullying) di {sekolah} dan pihak sekolah tidak bertindak.",
            "anak sy dibully temen sekelas sampe ga mau sekolah, wali kelas diem aja",
            "Terjadi perkelahian antar siswa di sekolah, mohon pengawasan Dinas Pendidikan.",
        ),
        _i(
            "sarana_sekolah",
            "a",
            "Siswa {sekolah} harus membawa kursi dan meja sendiri karena perabot kelas kurang.",
            "Atap ruang kelas {sekolah} bocor dan plafonnya ((hampir runtuh|jebol)), membahayakan murid.",
            "bangunan sd negeri rusak parah, murid belajar di teras",
            "Toilet sekolah rusak dan tidak ada air, murid terpaksa pulang kalau mau buang air.",
            "Meja dan kursi di {sekolah} sudah rusak dan tidak diganti bertahun-tahun.",
        ),
        _i(
            "paud_lain",
            "a",
            "Pendaftaran anak ke TK negeri/PAUD dipersulit karena usia kurang beberapa bulan.",
            "anak berkebutuhan khusus ditolak sekolah negeri, katanya ga ada guru pendamping",
            "Anak putus sekolah di lingkungan kami tidak didata dan tidak dibantu kembali sekolah.",
        ),
        _i(
            "pendidikan_info",
            "i",
            "Kapan jadwal pendaftaran SPMB SD dan SMP negeri tahun ini dan apa syaratnya?",
            "min syarat daftar sd negeri umur brp ya?",
            "Bagaimana cara mengajukan beasiswa untuk siswa dari keluarga tidak mampu?",
            "Apakah sekolah negeri boleh memungut biaya seragam dan buku?",
            "pripun carane daftar PIP kangge anak kulo",
        ),
        _i(
            "pendidikan_usul",
            "s",
            "Saya usul kuota jalur afirmasi SPMB ditambah untuk anak keluarga miskin.",
            "saran min, sekolah negeri di pekalongan utara ditambah biar gk rebutan",
            "Mohon dibangun SMP negeri baru di wilayah selatan karena sekolah yang ada selalu penuh.",
            "Sebaiknya ada bus sekolah gratis untuk siswa dari daerah pinggiran.",
        ),
        _i(
            "pendidikan_hard",
            "a",
            "Jalan menuju {sekolah} memang rusak, tapi yang saya adukan sekolah menahan rapor anak karena belum bayar uang komite.",
            "Akta lahir anak saya sudah lengkap, tapi tetap ditolak daftar SD negeri dengan alasan zonasi, padahal dekat.",
            "Halaman sekolah sering tergenang, tapi yang lebih penting guru kelas anak saya sudah sebulan tidak mengajar.",
            "kepala sekolah minta uang pelicin {rp} biar anak sy diterima di sekolah negeri",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ jalan
    "jalan": (
        _i(
            "jalan_berlubang",
            "a",
            "Jalan di {loc} berlubang besar dan dalam, sudah banyak pengendara motor jatuh.",
            "jln {jalan} bolong2 parah min, tiap malem ada yg jatuh",
            "Lubang jalan di {loc} makin lebar setelah hujan, mohon segera ditambal.",
            "dalane rusak parah, growong-growong, montor podo tibo",
            "Aspal jalan mengelupas dan berlubang sepanjang {n}00 meter di {loc}.",
            "Jalan rusak di {jalan} belum diperbaiki {waktu}, air menggenang di lubang-lubangnya.",
            "JALAN RUSAK BERLUBANG DI {jalan} KAPAN DIPERBAIKI",
        ),
        _i(
            "jalan_rusak_berat",
            "a",
            "Paving/aspal di gang kami dibongkar untuk proyek pipa atau kabel lalu dibiarkan berantakan tidak dikembalikan.",
            "jalan kampung hancur habis dilewati truk proyek, batu2 makadam berserakan",
            "Jalan cor di gang kami retak dan ambles sehingga tidak bisa dilewati mobil.",
            "jalan ambles di {loc}, takut makin parah kalau dilewati truk",
            "Paving jalan kampung di {rt} rusak dan lepas-lepas sejak proyek galian pipa.",
            "Bekas galian kabel/pipa di {jalan} tidak ditutup rapi, jalan jadi bergelombang.",
            "Jalan penghubung antar kelurahan masih tanah, becek dan licin saat hujan.",
        ),
        _i(
            "jembatan",
            "a",
            "Jembatan kayu penyeberangan di {loc} papannya lapuk, setiap hari dilewati anak sekolah dan warga.",
            "Tutup gorong-gorong di badan jalan {jalan} jebol sehingga ada lubang besar di jalan.",
            "Jembatan kecil di {loc} pagarnya patah dan lantainya berlubang, membahayakan anak sekolah.",
            "jembatan penyeberangan di kali dkt {lm} udh keropos, goyang kalo dilewati",
            "Jembatan di {jalan} retak dan ambles di ujungnya, mohon segera dicek sebelum roboh.",
            "kreteg cilik cedhak omah kulo rusak, papane sampun bolong",
        ),
        _i(
            "jembatan_bahaya",
            "a",
            "Jembatan di {loc} ambrol sebagian, kendaraan masih lewat dan bisa jatuh ke sungai, mohon segera ditutup.",
            "tlg cepet min jembatan {jalan} mau ambruk, udh miring, warga masih lewat",
            "Jalan amblas membentuk lubang besar di tengah jalan {jalan}, tadi ada motor terperosok dan pengendaranya luka.",
            urgent=True,
        ),
        _i(
            "trotoar",
            "a",
            "Trotoar di {jalan} rusak dan banyak ubin yang lepas, pejalan kaki terpaksa turun ke jalan.",
            "trotoar dpn {lm} ambles & berlubang, bahaya buat lansia dan anak",
            "Penutup saluran di trotoar {jalan} hilang sehingga ada lubang menganga.",
            "Trotoar tidak ramah difabel, guiding block rusak dan terputus.",
        ),
        _i(
            "jalan_info",
            "i",
            "Kapan perbaikan jalan di {jalan} dilaksanakan? Sudah lama rusak.",
            "min jalan {jalan} itu jalan kota atau provinsi? mau lapor rusak",
            "Apakah jalan rusak di {loc} sudah masuk anggaran perbaikan tahun ini?",
        ),
        _i(
            "jalan_usul",
            "s",
            "Saya mengusulkan jalan gang di {rt} dibeton karena masih tanah dan becek.",
            "usul min jalan {jalan} dilebarkan, sering macet krn sempit",
            "Mohon jalan di {loc} ditinggikan karena selalu kena rob.",
            "Sebaiknya trotoar di {jalan} diperlebar dan dibuat ramah difabel.",
        ),
        _i(
            "jalan_hard",
            "a",
            "Saluran di pinggir jalan memang mampet, tapi yang parah jalannya berlubang besar dan sudah makan korban, mohon jalan diperbaiki.",
            "Jalan {jalan} rusak parah akibat sering terendam rob, aspalnya hancur, mohon diaspal ulang.",
            "Lampu jalan di sini sudah nyala, tapi aspalnya bolong-bolong dan bahaya kalau malam, tolong ditambal.",
            "Bukan soal parkir, tapi jalan di depan {lm} berlubang dan sering bikin macet, mohon ditambal.",
            "Air bekas banjir sudah surut tapi meninggalkan jalan yang rusak dan berlubang di {loc}.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ drainase
    "drainase": (
        _i(
            "saluran_mampet",
            "a",
            "Saluran air di {loc} tersumbat sehingga airnya meluber ke jalan setiap hujan.",
            "got dpn rmh mampet min, tiap ujan air naik ke teras",
            "Gorong-gorong di {jalan} tersumbat lumpur dan sampah, air tidak mengalir.",
            "selokan mampet, banyune ra mili, ambune ora enak",
            "Drainase di {rt} dangkal karena sedimen, mohon dikeruk/dinormalisasi.",
            "Saluran drainase di {loc} penuh endapan lumpur {waktu}, mohon pengerukan.",
        ),
        _i(
            "genangan",
            "a",
            "Setiap hujan deras jalan di {loc} tergenang setinggi ((20|30|40)) cm dan baru surut berjam-jam kemudian.",
            "tiap ujan dikit aja langsung ngegenang di {jalan}, salurannya ga berfungsi",
            "Genangan air di {loc} tidak surut berhari-hari karena saluran pembuangan tidak ada.",
            "banyu ngembeng neng dalan sawise udan, salurane buntu",
            "Air hujan tidak bisa mengalir ke sungai karena saluran tertutup bangunan, gang kami tergenang.",
        ),
        _i(
            "saluran_rusak",
            "a",
            "Penutup saluran (tutup got) di trotoar {jalan} hilang dicuri, lubang saluran terbuka lebar.",
            "Dinding saluran di {jalan} jebol dan longsor sehingga air meresap ke rumah warga.",
            "tutup got/u-ditch di {loc} pecah, ada lubang bahaya",
            "Saluran air yang baru dibangun lebih tinggi dari jalan sehingga air justru tidak bisa masuk.",
            "Pembangunan saluran di {loc} dibiarkan mangkrak setengah jadi dan galiannya menganga.",
            "Gorong-gorong di bawah jalan ambrol sehingga aliran air terhambat.",
        ),
        _i(
            "saluran_bangunan",
            "a",
            "Ada warga yang menutup saluran dengan cor untuk teras rumahnya sehingga air meluber ke tetangga.",
            "saluran ditutup buat parkir ruko, skrg air ga bs lewat",
        ),
        _i(
            "drainase_info",
            "i",
            "Kapan saluran di {loc} akan dinormalisasi? Sudah diajukan lewat musrenbang.",
            "min normalisasi got di {kel} jadwalnya kapan ya",
        ),
        _i(
            "drainase_usul",
            "s",
            "Saya usul dibangun saluran drainase baru di {loc} karena selama ini air hujan tidak ada jalan keluar.",
            "usul min got di gang kami diperdalam & diperlebar biar gk genangan terus",
            "Mohon saluran di {jalan} diberi tutup agar tidak ada yang terperosok dan tidak jadi tempat sampah.",
        ),
        _i(
            "drainase_hard",
            "a",
            "Saluran di {loc} tersumbat sampah plastik sehingga air meluap setiap hujan, mohon dikeruk.",
            "got penuh sampah sampe mampet, air ga bs jalan, tlg dinormalisasi salurannya",
            "Bukan banjir besar, hanya genangan karena gorong-gorong di bawah jalan tersumbat.",
            "Air menggenang di jalan setelah hujan karena saluran di pinggir jalan tertutup tanah, jalan jadi cepat rusak.",
            "Bau busuk dari got yang mampet di {rt}, airnya hitam dan tidak mengalir, mohon salurannya dibersihkan.",
            "banyu udan mlebu omah mergo got e mampet sampah",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ banjir_rob
    "banjir_rob": (
        _i(
            "rob",
            "a",
            "Rob masuk ke rumah warga di {kel} setinggi ((30|50|70)) cm, sudah {waktu} tidak surut.",
            "rob lg min di {kel}, air laut masuk rmh, tiap hr gini trs",
            "Air pasang laut merendam permukiman {rt}, warga tidak bisa beraktivitas.",
            "rob e mlebu omah, wis rong minggu ra surut-surut",
            "Kampung kami di {kel} tenggelam rob setiap sore, mohon penanganan tuntas.",
        ),
        _i(
            "tanggul",
            "a",
            "Tanggul penahan rob di {loc} retak dan bocor, air laut mulai merembes ke permukiman.",
            "tanggul laut dkt {lm} rusak, kalo pasang air masuk kampung",
            "Tanggul sungai di {kel} mulai longsor, mohon segera diperkuat sebelum jebol.",
            "Parapet tanggul di {loc} rendah sehingga rob melimpas.",
        ),
        _i(
            "tanggul_jebol",
            "a",
            "Tanggul di {loc} jebol malam ini, air masuk ke rumah warga dengan cepat, mohon bantuan segera!",
            "TANGGUL JEBOL MIN, AIR MASUK KAMPUNG, TOLONG CEPET",
            "tanggul e jebol, banyu mlebu omah, tulung ndang dibantu",
            "Air sungai meluap dan tanggul jebol di {kel}, banyak lansia dan anak terjebak di rumah.",
            urgent=True,
        ),
        _i(
            "banjir_terjadi",
            "a",
            "Saat ini banjir setinggi ((satu meter|sepinggang|sedada)) di {kel}, warga butuh perahu untuk evakuasi.",
            "banjir sdh masuk rmh {kel} setinggi lutut & naik terus, tlg evakuasi lansia",
            "Sungai meluap dan banjir merendam {kel} sejak subuh, ada warga terjebak di lantai dua.",
            "banjir gede min, warga butuh makan & perahu karet",
            urgent=True,
        ),
        _i(
            "pompa_rob",
            "a",
            "Pompa rob di {loc} mati sehingga air tidak bisa dibuang ke laut.",
            "rumah pompa di {kel} ga nyala, katanya rusak, air rob makin tinggi",
            "Pompa air di polder tidak dioperasikan saat rob, petugasnya tidak ada.",
            "pompa rob e mati, banyune ora dibuang",
        ),
        _i(
            "pengungsi",
            "a",
            "Bantuan logistik untuk korban banjir tidak merata, RT kami tidak kebagian sama sekali.",
            "Pengungsi banjir di balai {kel} belum mendapat ((makanan|selimut|air bersih|obat-obatan)) dari BPBD.",
            "posko pengungsian rob kurang logistik, anak2 & lansia kedinginan",
            "Dapur umum untuk korban banjir di {kel} tidak ada, warga kelaparan.",
            urgent=True,
        ),
        _i(
            "bencana_lain",
            "a",
            "Angin puting beliung merusak atap ((puluhan|beberapa)) rumah di {kel}, warga butuh bantuan terpal.",
            "pohon besar tumbang menimpa rumah warga di {loc} kena angin kencang, ada yg luka",
            "Terjadi kebakaran rumah di {loc}, api membesar, mohon kirim damkar dan bantuan.",
            "ada kebakaran di {loc} min, apinya gede",
            "Pohon tumbang melintang di jalan {jalan} menimpa kabel, kendaraan tidak bisa lewat.",
            urgent=True,
        ),
        _i(
            "banjir_info",
            "i",
            "Apakah ada peringatan dini rob untuk minggu ini di wilayah pesisir?",
            "min posko pengungsian banjir {kel} di mana ya?",
            "Bagaimana cara mengajukan bantuan perbaikan rumah yang rusak karena bencana?",
            "Kapan pembangunan tanggul rob di {kel} selesai?",
        ),
        _i(
            "banjir_usul",
            "s",
            "Saya usul ditambah pompa rob dan rumah pompa di {kel} yang sering tergenang.",
            "usul min tanggul laut ditinggikan lagi, rob makin parah tiap tahun",
            "Mohon dibuat jalur evakuasi dan posko siaga bencana di kelurahan pesisir.",
            "Sebaiknya ada sistem peringatan dini banjir dengan sirine di tiap RW.",
        ),
        _i(
            "banjir_hard",
            "a",
            "Rob masuk rumah sudah seminggu, air sumur jadi asin dan jalan rusak, mohon pompa rob dan tanggul segera diperbaiki.",
            "!Banjir kiriman dari hulu merendam {kel}, bukan genangan biasa, air sudah masuk rumah sepinggang.",
            "Air laut pasang masuk ke saluran dan meluap ke rumah, mohon penanganan rob.",
            "!PDAM mati sejak banjir, tapi yang paling mendesak air banjir masih merendam rumah kami, mohon evakuasi.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ sampah
    "sampah": (
        _i(
            "tidak_diangkut",
            "a",
            "Sampah di TPS {loc} tidak diangkut {waktu} sampai menumpuk dan bau.",
            "sampah di {kel} ga diangkut2 min, udh numpuk & bau bgt",
            "Petugas pengangkut sampah tidak datang lagi ke {rt} padahal kami rutin bayar iuran.",
            "uwuh numpuk neng {lm}, ra diangkut-angkut",
            "Gerobak sampah tidak datang sejak TPA Degayu ditutup, sampah rumah tangga menumpuk di depan rumah.",
            "Truk sampah DLH jarang lewat, kontainer di {lm} sudah meluber ke jalan.",
        ),
        _i(
            "buang_liar",
            "a",
            "Ada pembuangan sampah liar di lahan kosong {loc}, baunya menyengat dan banyak lalat.",
            "org2 pd buang sampah sembarangan di pinggir kali dkt {lm}",
            "Warga dari luar kampung membuang sampah di bantaran sungai setiap malam.",
            "Tumpukan sampah liar di {jalan} sudah setinggi orang dewasa.",
            "wonten tiyang mbuang sampah ten pinggir dalan, sampun numpuk",
        ),
        _i(
            "tps_penuh",
            "a",
            "TPS di {loc} penuh dan sampah meluber sampai ke badan jalan.",
            "tps {kel} overload, sampah sampe ke jalan, kucing & tikus bnyk",
            "Bak sampah permanen di {rt} rusak dan sampah berserakan.",
        ),
        _i(
            "kebersihan",
            "a",
            "Jalan {jalan} kotor karena tidak pernah disapu petugas kebersihan.",
            "Sampah sisa pasar di {lm} dibiarkan berserakan setelah pasar tutup.",
            "Pantai dan taman kota penuh sampah plastik, tidak ada tempat sampah.",
            "Bangkai hewan di pinggir jalan {jalan} tidak diangkut dan membusuk.",
        ),
        _i(
            "iuran_sampah",
            "a",
            "Kami ditarik iuran sampah setiap bulan tetapi sampah tidak pernah diangkut.",
            "bayar retribusi sampah trs tp truk sampah ga pernah dateng ke gang kami",
        ),
        _i(
            "sampah_info",
            "i",
            "Ke mana warga harus membuang sampah setelah TPA Degayu ditutup?",
            "min jadwal angkut sampah di {kel} hari apa aja?",
            "Bagaimana cara mendaftar layanan angkut sampah untuk rumah baru?",
        ),
        _i(
            "sampah_usul",
            "s",
            "Saya mengusulkan bank sampah dan pemilahan sampah di setiap RW.",
            "usul min ditambah tong sampah di sepanjang {jalan}",
            "Mohon ditambah TPS di {kel} karena TPS yang ada terlalu jauh.",
            "Sebaiknya ada jadwal pengangkutan sampah yang diumumkan ke warga.",
        ),
        _i(
            "sampah_hard",
            "a",
            "Sampah menumpuk di pinggir jalan {jalan} sampai menutupi separuh jalan, mohon diangkut.",
            "Saluran di sini lancar, masalahnya sampah rumah tangga numpuk di TPS tidak diangkut seminggu.",
            "Bau menyengat bukan dari pabrik, tapi dari tumpukan sampah yang tidak diangkut di {lm}.",
            "Habis banjir sampah kiriman numpuk di kampung kami, tlg diangkut truk sampah",
            "Sampah dibuang ke sungai oleh warga sampai sungai penuh sampah, mohon ada petugas kebersihan dan tempat sampah.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ pencemaran
    "pencemaran": (
        _i(
            "limbah_batik",
            "a",
            "Limbah pewarna batik dibuang langsung ke sungai di {kel}, air sungai berwarna ((merah|biru|hitam|ungu)) dan berbau.",
            "kali di {kel} warnane abang ireng kena limbah batik",
            "Industri batik rumahan di {rt} membuang limbah cair ke saluran tanpa diolah.",
            "sungai bau limbah batik bgt, ikan pd mati",
            "IPAL komunal batik di {kel} tidak berfungsi sehingga limbah mengalir ke sungai.",
            "Pabrik tekstil/printing di {loc} membuang limbah malam hari ke sungai.",
        ),
        _i(
            "bau",
            "a",
            "Bau busuk dari ((pabrik tahu|peternakan ayam|pengolahan ikan|jagal)) di {loc} sangat mengganggu warga.",
            "bau amis pengolahan ikan asin nyengat bgt smp ke rmh",
            "Kandang babi/ayam di tengah permukiman menimbulkan bau dan lalat.",
            "ambune limbah pabrik ra kuat, sirah ngelu",
        ),
        _i(
            "asap",
            "a",
            "Asap hitam dari cerobong ((pabrik|tungku|pembakaran)) di {loc} masuk ke rumah warga, banyak anak batuk-batuk.",
            "ada yg bakar sampah/ban tiap sore, asapnya masuk rumah, anak sy sesak",
            "Debu dari pabrik pengolahan kayu/batu bara di {loc} mengotori rumah warga.",
            "Pembakaran limbah kain perca di dekat {lm} menimbulkan asap pekat dan bau.",
        ),
        _i(
            "bising",
            "a",
            "Suara mesin pabrik di {loc} bising sampai tengah malam, warga tidak bisa tidur.",
            "bengkel las & mesin gerinda sebelah rmh bising dr pagi sampe malem",
            "Genset pabrik di dekat permukiman berbunyi keras 24 jam dan bergetar.",
        ),
        _i(
            "sumur_tercemar",
            "a",
            "Air sumur warga di {rt} berubah warna dan berbau setelah ada usaha pencucian jeans di dekatnya.",
            "sumur sy jd bau & berminyak gara2 limbah bengkel/pabrik sebelah",
            "Limbah oli dan solar dari ((bengkel|SPBU|kapal)) mencemari tanah dan sumur warga.",
        ),
        _i(
            "pencemaran_info",
            "i",
            "Ke mana melaporkan pabrik yang membuang limbah ke sungai? Apakah DLH bisa memeriksa kualitas air sungai?",
            "min hasil uji air sungai di {kel} bs diminta gk?",
        ),
        _i(
            "pencemaran_usul",
            "s",
            "Saya mengusulkan pembangunan IPAL komunal untuk pengrajin batik di {kel}.",
            "usul min ada patroli limbah malam hari di sungai",
            "Sebaiknya industri batik diwajibkan punya pengolahan limbah sebelum diberi izin.",
        ),
        _i(
            "pencemaran_hard",
            "a",
            "Saluran depan rumah berwarna merah karena limbah batik dari rumah produksi sebelah, baunya menyengat, mohon ditindak.",
            "Air sungai hitam dan berbau limbah, ikan mati, ini bukan soal sampah tapi limbah pabrik.",
            "Air PDAM lancar, tapi sumur kami tercemar limbah sablon sehingga tidak bisa dipakai.",
            "Asap pembakaran sampah plastik oleh pengepul rongsok di {loc} bikin sesak napas warga.",
            "!Ada kebocoran gas amonia dari pabrik es di {loc}, warga pusing dan mual, mohon segera ditangani.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ air_bersih
    "air_bersih": (
        _i(
            "air_mati",
            "a",
            "Keran air di rumah kering sama sekali {waktu}, perusahaan air minum tidak memberi pemberitahuan.",
            "air ga keluar dr kran, tandon kosong, pdam ga ada info gangguan",
            "Air PDAM di {loc} tidak mengalir {waktu}, kami harus membeli air galon untuk mandi.",
            "pdam mati lg min di {kel}, udh 3 hr ga ngalir",
            "Air ledeng hanya mengalir tengah malam dan itu pun kecil sekali.",
            "banyu pdam mati, mboten mili wis seminggu",
            "Tekanan air PDAM di {rt} sangat kecil, bak mandi tidak pernah penuh.",
            "Sudah {waktu} air Tirtayasa tidak keluar sama sekali di rumah saya.",
        ),
        _i(
            "air_keruh",
            "a",
            "Air PDAM di {kel} keruh kecoklatan dan berbau ((lumpur|kaporit)), tidak layak dipakai.",
            "air pdam keruh kyk teh susu, ada cacingnya jg",
            "Air Tirtayasa berwarna kuning dan berpasir, pakaian jadi kusam.",
            "banyu ledeng butek lan mambu",
        ),
        _i(
            "tagihan",
            "a",
            "Saya kena denda keterlambatan tagihan air padahal sudah membayar sebelum jatuh tempo.",
            "Tarif air minum naik tanpa sosialisasi, tagihan bulanan jadi berat untuk keluarga miskin.",
            "Tagihan PDAM saya melonjak jadi {rp} padahal pemakaian biasa saja.",
            "tagihan air naik drastis pdhl air sering mati, meteran ga pernah dicek petugas",
            "Saya ditagih denda PDAM padahal sudah bayar tepat waktu lewat ((minimarket|m-banking)).",
            "Petugas PDAM tidak pernah mencatat meter, tagihannya ditaksir sendiri.",
            "tagihan pdam kok larang, banyune ra tau mili",
        ),
        _i(
            "pipa_bocor",
            "a",
            "Pipa PDAM bocor di {loc}, air muncrat ke jalan dan terbuang {waktu}.",
            "pipa ledeng pecah di {jalan}, air ngocor trs ga ada yg benerin",
            "Kebocoran pipa distribusi di dekat {lm} membuat jalan berlubang dan becek.",
            "Meteran air di depan rumah bocor dan berputar terus walau keran ditutup.",
        ),
        _i(
            "sambungan",
            "a",
            "Saya sudah mendaftar sambungan baru PDAM {waktu} tapi belum juga dipasang.",
            "pasang baru pdam lama bgt, udh bayar tp blm dipasang",
            "Sambungan air diputus padahal tunggakan sudah dilunasi.",
        ),
        _i(
            "air_info",
            "i",
            "Berapa tarif air PDAM per meter kubik untuk rumah tangga?",
            "Kapan aliran air PDAM di {kel} normal kembali? Ada perbaikan apa?",
            "min syarat pasang baru pdam apa aja & biayanya brp?",
            "Bagaimana cara mengajukan keberatan tagihan air yang tidak wajar?",
            "Apakah air PDAM Tirtayasa aman diminum langsung?",
        ),
        _i(
            "air_usul",
            "s",
            "Saya mengusulkan jaringan PDAM diperluas ke {kel} yang belum terjangkau.",
            "usul min ada mobil tangki air bersih rutin ke kampung yg pdamnya sering mati",
            "Mohon PDAM mengumumkan jadwal pemadaman air lebih awal lewat WhatsApp.",
        ),
        _i(
            "air_hard",
            "a",
            "Saat rob air PDAM ikut asin dan keruh, mohon Tirtayasa memeriksa pipa distribusi.",
            "Jalan di depan rumah berlubang karena pipa PDAM bocor, airnya terbuang terus, mohon pipanya diperbaiki.",
            "Saluran lancar dan tidak banjir, masalahnya air bersih dari PDAM tidak mengalir sama sekali.",
            "Air di rumah mati total sejak ada galian proyek jalan yang memotong pipa PDAM.",
            "Banyu pdam sing mili rasane asin lan warnane coklat",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ pju
    "pju": (
        _i(
            "lampu_mati",
            "a",
            "Lampu penerangan jalan umum di {loc} mati {waktu}, jalan gelap dan rawan kejahatan.",
            "lampu jalan di {jalan} mati min, gelap bgt kalo malem",
            "PJU di {loc} padam sehingga rawan begal dan kecelakaan.",
            "lampu dalan mati, peteng ndedet, wedi liwat",
            "Beberapa titik lampu jalan sepanjang {jalan} tidak menyala {waktu}.",
            "LAMPU PJU DI {jalan} MATI SEMUA",
            "Penerangan jalan di gang {rt} tidak berfungsi sejak hujan angin.",
        ),
        _i(
            "lampu_kedip",
            "a",
            "Penerangan jalan di {jalan} redup dan jarak antar tiang lampu terlalu jauh, malam hari jalan gelap.",
            "Bola lampu PJU di {loc} dicuri dan belum diganti, jalan gelap gulita.",
            "Lampu jalan di {loc} berkedip-kedip dan redup, sering mati nyala.",
            "pju dpn {lm} nyala siang hari tp malemnya mati",
            "Lampu PJU tenaga surya di {jalan} sudah lama tidak menyala, panelnya hilang.",
        ),
        _i(
            "tiang_pju",
            "a",
            "Tiang lampu PJU di {loc} miring dan hampir roboh, membahayakan pengguna jalan.",
            "tiang lampu jalan keropos di bawahnya, takut ambruk nimpa org",
            "Kabel lampu PJU di {jalan} terkelupas dan menjuntai, bisa tersengat listrik.",
            urgent=True,
        ),
        _i(
            "pju_info",
            "i",
            "Kapan lampu jalan yang mati di {jalan} akan diperbaiki?",
            "min lapor lampu jalan mati lewat mana ya yg cepet ditangani?",
            "Bagaimana prosedur mengajukan pemasangan lampu jalan baru di gang kami?",
        ),
        _i(
            "pju_usul",
            "s",
            "Saya mengusulkan pemasangan lampu penerangan jalan di {loc} yang masih gelap gulita.",
            "usul min dipasang pju di jalan tembus sawah ke {kel}, gelap & rawan",
            "Mohon ditambah lampu jalan di gang {rt} karena sering terjadi pencurian motor.",
            "Sebaiknya lampu jalan diganti LED agar lebih terang dan hemat.",
        ),
        _i(
            "pju_hard",
            "a",
            "Jalan di {jalan} sudah mulus tapi lampu jalannya mati semua sehingga gelap dan rawan kecelakaan.",
            "Lampu lalu lintas normal, yang mati lampu penerangan jalan di sepanjang {jalan}.",
            "Listrik rumah menyala, tapi lampu jalan di depan gang mati {waktu}.",
            "gelap bgt jln ke {lm} krn lampu jalannya mati, kemarin ada yg dijambret",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ lalu_lintas
    "lalu_lintas": (
        _i(
            "parkir_liar",
            "a",
            "Parkir liar di bahu jalan {jalan} menyebabkan kemacetan setiap sore.",
            "mobil2 parkir sembarangan di dpn {lm}, jalan jd sempit & macet",
            "Kendaraan parkir di trotoar dan di atas zebra cross di {jalan}.",
            "parkir neng pinggir dalan ngalang-ngalangi, dalane macet",
            "Truk dan bus parkir di jalan {jalan} sepanjang malam sehingga menutup separuh jalan.",
        ),
        _i(
            "jukir",
            "a",
            "Juru parkir di {lm} menarik tarif {rp}, jauh di atas tarif resmi, dan tidak memberi karcis.",
            "tukang parkir liar di minimarket maksa minta duit, pdhl parkir gratis",
            "Jukir di {jalan} kasar dan memaksa bayar parkir dua kali.",
            "tukang parkir nang {lm} njaluk limang ewu",
        ),
        _i(
            "apill",
            "a",
            "Lampu lalu lintas (traffic light) di simpang {jalan} mati sehingga kendaraan saling serobot.",
            "lampu merah di perempatan dkt {lm} rusak, nyala hijau semua",
            "Durasi lampu merah di simpang {jalan} terlalu lama sehingga antrean panjang.",
            "bangjo neng prapatan mati, semrawut",
        ),
        _i(
            "rambu_marka",
            "a",
            "Rambu larangan truk masuk di jalan kampung hilang, sekarang kendaraan berat bebas lewat.",
            "Rambu penunjuk jalan di {jalan} tertutup dahan pohon dan tidak terbaca.",
            "Rambu dilarang parkir di {jalan} roboh dan marka jalan sudah tidak terlihat.",
            "zebra cross dpn {sekolah} udh pudar, anak2 susah nyebrang",
            "Tidak ada rambu penunjuk arah dan rambu batas kecepatan di jalan baru {jalan}.",
            "Cermin tikungan di {loc} pecah sehingga rawan tabrakan.",
        ),
        _i(
            "kemacetan",
            "a",
            "Kemacetan parah di {jalan} setiap jam berangkat sekolah karena tidak ada petugas pengatur lalu lintas.",
            "macet total di perlintasan kereta {jalan}, tiap pagi",
            "Truk bermuatan berat melintas di jalan kota pada siang hari dan menyebabkan macet.",
            "Angkot ngetem sembarangan di depan {lm} sehingga jalan macet.",
        ),
        _i(
            "angkutan",
            "a",
            "Bus Trans Jateng jarang lewat dan halte di {jalan} rusak.",
            "angkot jurusan {kel} udh jarang ada, anak sekolah susah berangkat",
            "Sopir angkutan umum ugal-ugalan dan menaikkan tarif seenaknya.",
            "Ojek online mangkal di badan jalan depan {lm} sehingga mengganggu lalu lintas.",
        ),
        _i(
            "polisi_tidur",
            "a",
            "Polisi tidur di {loc} terlalu tinggi dan tidak dicat, banyak motor terjatuh.",
            "warga bikin speed bump sembarangan di jalan kampung, tinggi2 bgt",
        ),
        _i(
            "lalin_info",
            "i",
            "Berapa tarif resmi parkir di tepi jalan umum di Kota Pekalongan?",
            "min uji kir kendaraan di mana & syaratnya apa?",
            "Apakah ada rute baru bus kota yang lewat {kel}?",
            "Bagaimana cara mengurus izin parkir untuk acara hajatan yang menutup jalan?",
        ),
        _i(
            "lalin_usul",
            "s",
            "Saya mengusulkan pemasangan lampu lalu lintas di simpang {jalan} yang sering terjadi kecelakaan.",
            "usul min dipasang zebra cross & rambu sekolah di dpn {sekolah}",
            "Mohon diberlakukan jalan satu arah di {jalan} pada jam sibuk.",
            "Sebaiknya parkir di sekitar {lm} dipindah ke kantong parkir agar jalan tidak macet.",
        ),
        _i(
            "lalin_hard",
            "a",
            "Jalannya sudah bagus, masalahnya kendaraan parkir di kedua sisi jalan {jalan} sehingga macet total.",
            "Lampu merah di simpang dekat {lm} mati, bukan lampu jalan, kendaraan saling serobot.",
            "Trotoar di {jalan} dipakai parkir motor oleh pengunjung toko, mohon ditertibkan parkirnya.",
            "Jukir di depan {sekolah} menarik uang parkir ke wali murid yang menjemput anak.",
            "Sekolah bubaran jam 12 dan jalan depan sekolah macet karena penjemput parkir di badan jalan.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ ketertiban
    "ketertiban": (
        _i(
            "pkl",
            "a",
            "Pedagang kaki lima berjualan di trotoar {jalan} sehingga pejalan kaki harus turun ke jalan.",
            "pkl di {lm} makin banyak, trotoar ketutup lapak semua",
            "Lapak PKL di {loc} dibiarkan menginap dan kumuh.",
            "bakul-bakul dodolan neng trotoar, ora iso mlaku",
        ),
        _i(
            "bangunan_liar",
            "a",
            "Spanduk dan baliho liar dipasang di pohon dan tiang listrik sepanjang {jalan}, merusak keindahan kota.",
            "Pemasangan bendera dan umbul-umbul sembarangan di median jalan tidak pernah dibersihkan.",
            "Ada bangunan liar di atas saluran/bantaran sungai di {loc} yang mengganggu.",
            "bangunan semi permanen berdiri di tanah pemkot dkt {lm}, tlg ditertibkan",
            "Warung liar di taman kota dipakai untuk tempat mabuk-mabukan.",
        ),
        _i(
            "miras_judi",
            "a",
            "Ada warung yang menjual minuman keras di {loc} dan sering ada orang mabuk membuat onar.",
            "tiap malem ada yg mabok & judi di pos ronda {rt}",
            "Anak muda pesta miras oplosan di {lm} sampai larut malam.",
            "Praktik judi sabung ayam di {loc} meresahkan warga.",
        ),
        _i(
            "balap_liar",
            "a",
            "Trek-trekan motor tiap malam di depan {sekolah}, suaranya memekakkan dan membahayakan warga.",
            "Balap liar di {jalan} setiap malam Minggu sangat membahayakan dan bising.",
            "trek2an liar di {jalan} jam 2 pagi, knalpot brong bikin ga bs tidur",
            "Geng motor berkumpul di {lm} dan meresahkan pengguna jalan.",
        ),
        _i(
            "gangguan",
            "a",
            "Karaoke/kafe di {loc} memutar musik keras sampai dini hari.",
            "tetangga nyetel sound system kenceng bgt tiap malem, ditegur malah marah",
            "Hiburan malam di {loc} beroperasi melebihi jam izin dan ada indikasi prostitusi.",
            "Ada kos-kosan yang sering dipakai mesum dan pesta di {rt}.",
            "orkes dangdut hajatan sampe jam 2 pagi, brisik",
        ),
        _i(
            "gepeng",
            "a",
            "Banyak pengemis dan anak jalanan di perempatan {jalan} yang memaksa meminta uang.",
            "manusia silver & pengamen maksa di lampu merah dkt {lm}",
            "!Ada orang dengan gangguan jiwa berkeliaran dan mengamuk di {loc}.",
        ),
        _i(
            "tawuran",
            "a",
            "Terjadi tawuran pelajar di {loc} membawa senjata tajam, warga ketakutan.",
            "ada keributan & perkelahian massal di {lm} skrg, tlg kirim petugas",
            urgent=True,
        ),
        _i(
            "ketertiban_info",
            "i",
            "Apakah berjualan di trotoar {jalan} diperbolehkan dan di mana lokasi relokasi PKL?",
            "min jam operasional karaoke di pekalongan sampe jam brp ya?",
        ),
        _i(
            "ketertiban_usul",
            "s",
            "Saya mengusulkan patroli Satpol PP rutin di {lm} pada malam hari.",
            "usul min pkl {jalan} direlokasi ke tempat khusus biar trotoar bs dipake",
        ),
        _i(
            "ketertiban_hard",
            "a",
            "Trotoarnya tidak rusak, tapi penuh lapak PKL sehingga pejalan kaki harus lewat jalan.",
            "Suara knalpot brong dan balap liar tiap malam di {jalan}, bukan macet tapi meresahkan.",
            "Bangunan tanpa izin berdiri di atas saluran di {loc} dan menutup aliran, mohon dibongkar oleh Satpol PP.",
            "Parkiran kafe di {jalan} jadi tempat mabuk-mabukan dan keributan tiap malam.",
            "Lapak pedagang pasar tumpah ke badan jalan {jalan} dan dipakai juga untuk judi kartu malam hari.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ perizinan
    "perizinan": (
        _i(
            "pbg",
            "a",
            "Pengajuan PBG (dulu IMB) rumah saya sudah {waktu} belum terbit, status di SIMBG tidak bergerak.",
            "urus pbg lama bgt, udh lengkap berkas tp ga ada kabar dr dpmptsp",
            "Retribusi PBG untuk rumah tinggal kecil terlalu mahal dan tidak jelas hitungannya.",
            "Tetangga membangun rumah tiga lantai tanpa PBG dan menutup akses cahaya rumah saya.",
            "ngurus imb/pbg kok angel men, bolak-balik",
        ),
        _i(
            "nib_oss",
            "a",
            "Saya kesulitan mendaftar NIB di OSS karena sistemnya selalu gagal verifikasi.",
            "nib usaha sy ga bs terbit, kbli nya salah terus",
            "Izin usaha mikro saya ditolak tanpa penjelasan di aplikasi OSS.",
            "Sertifikat standar usaha saya tertahan verifikasi dinas teknis {waktu}.",
        ),
        _i(
            "izin_usaha",
            "a",
            "Pelayanan perizinan di Mal Pelayanan Publik lambat, izin usaha saya belum selesai {waktu}.",
            "izin praktik/izin apotek sy blm keluar2 dr dpmptsp",
            "Ada toko modern baru di {loc} yang berdiri tanpa izin dan dekat pasar tradisional.",
            "Pabrik di {loc} beroperasi tanpa izin lingkungan dan izin usaha yang jelas.",
            "Izin usaha kafe di permukiman {kel} dikeluarkan tanpa persetujuan warga sekitar.",
        ),
        _i(
            "reklame",
            "a",
            "Reklame/baliho besar di {jalan} dipasang tanpa izin dan konstruksinya miring.",
            "billboard iklan di {lm} izinnya udh habis tp ga dibongkar",
            "Papan reklame menutupi rambu lalu lintas di {jalan}, apakah sudah berizin?",
            "Menara telekomunikasi dibangun di {loc} tanpa sosialisasi dan izin warga.",
        ),
        _i(
            "izin_info",
            "i",
            "Apa saja syarat mengurus PBG untuk rumah tinggal dan berapa lama prosesnya?",
            "min cara bikin nib buat umkm gimana? bayar gk?",
            "Bagaimana cara mengurus izin reklame untuk toko saya?",
            "Apakah usaha rumahan batik perlu izin lingkungan?",
            "pripun carane ngurus izin usaha warung",
        ),
        _i(
            "izin_usul",
            "s",
            "Saya mengusulkan ada pendampingan pengurusan NIB dan PIRT untuk UMKM di kelurahan.",
            "usul min perizinan dibikin online semua biar gk bolak-balik",
        ),
        _i(
            "izin_hard",
            "a",
            "Bangunan ruko baru di {loc} menutup saluran, saya ingin tahu apakah sudah punya PBG, mohon izinnya diperiksa DPMPTSP.",
            "Saya bayar PBB tiap tahun, tapi izin PBG rumah saya ditolak karena sertifikat belum balik nama.",
            "Bukan pajak yang saya keluhkan, tapi proses izin usaha restoran saya yang tertahan berbulan-bulan.",
            "Pabrik batik baru di {loc} belum punya izin tapi sudah membuang limbah, mohon dicek perizinannya.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ pajak
    "pajak": (
        _i(
            "pbb",
            "a",
            "PBB rumah saya tahun ini naik hampir dua kali lipat tanpa penjelasan.",
            "tagihan pbb sy naik drastis, njop nya ga masuk akal",
            "SPPT PBB tahun ini belum dibagikan ke warga {rt} padahal jatuh tempo sudah dekat.",
            "Luas tanah di SPPT PBB saya salah sehingga pajaknya terlalu besar.",
            "pbb kulo mundhak kathah sanget, pripun niki",
            "Saya sudah bayar PBB tapi di sistem masih tercatat menunggak.",
        ),
        _i(
            "bphtb",
            "a",
            "Proses validasi BPHTB jual beli tanah saya lama sekali di BPKAD.",
            "nilai bphtb yg ditetapkan lebih tinggi dr harga transaksi sebenarnya",
            "Pembayaran BPHTB sudah lunas tetapi belum divalidasi sehingga akta tidak bisa diproses.",
        ),
        _i(
            "pajak_daerah",
            "a",
            "Restoran di {lm} memungut pajak 10% dari pembeli tetapi tidak memakai alat perekam transaksi resmi.",
            "warung makan narik pajak resto tp nota nya tulisan tangan, disetor gk tuh?",
            "Pajak reklame untuk papan nama toko kecil saya terlalu mahal.",
            "Pajak hiburan/parkir yang ditarik dari pengunjung tidak jelas disetor ke kas daerah.",
        ),
        _i(
            "retribusi",
            "a",
            "Retribusi kebersihan dan keamanan di pasar terus ditarik tetapi tidak jelas penggunaannya.",
            "Retribusi sewa kios/los pasar naik tanpa ada perbaikan fasilitas pasar.",
            "Retribusi pasar untuk pedagang di {lm} naik tanpa sosialisasi.",
            "karcis retribusi pasar ditarik 2x sehari sama petugas yg beda",
            "Retribusi kios pasar ditarik padahal kios kami rusak dan tidak bisa dipakai.",
        ),
        _i(
            "pajak_info",
            "i",
            "Bagaimana cara membayar PBB secara online dan mengecek tagihannya?",
            "min cara ngajuin keringanan pbb buat lansia gimana?",
            "Apakah ada pemutihan denda PBB tahun ini?",
            "Di mana saya bisa mengurus balik nama SPPT PBB setelah membeli rumah?",
            "Berapa tarif BPHTB untuk hibah dari orang tua ke anak?",
        ),
        _i(
            "pajak_usul",
            "s",
            "Saya mengusulkan keringanan PBB untuk warga pesisir yang rumahnya rusak karena rob.",
            "usul min bayar pbb bs lewat qris di kelurahan",
        ),
        _i(
            "pajak_hard",
            "a",
            "Rumah saya sering kena rob dan nilainya turun, tapi PBB malah naik, mohon NJOP ditinjau ulang.",
            "Saya tidak mempermasalahkan izin toko, tapi pajak reklame papan nama toko kecil saya ditagih terlalu mahal.",
            "SPPT PBB yang seharusnya dibagikan kelurahan belum saya terima, padahal sebentar lagi denda.",
            "Petugas kelurahan bilang PBB saya nunggak tiga tahun padahal saya punya bukti bayar, mohon data pajaknya dibetulkan.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ pelayanan_kelurahan
    "pelayanan_kelurahan": (
        _i(
            "surat_pengantar",
            "a",
            "Mengurus surat pengantar di Kelurahan {kel} dipersulit, disuruh kembali besok terus.",
            "minta surat keterangan domisili di kelurahan {kel} katanya lurahnya blm tanda tangan dr kemarin",
            "Surat keterangan tidak mampu (SKTM) untuk berobat tidak diberikan kelurahan tanpa alasan jelas.",
            "ngurus surat pengantar nikah neng kelurahan suwe banget",
            "Surat keterangan ahli waris di kelurahan belum jadi {waktu}.",
        ),
        _i(
            "kantor_kelurahan",
            "a",
            "Legalisir dokumen di kelurahan lama karena lurah sering dinas luar.",
            "Petugas kantor kecamatan menolak melayani karena sudah lewat jam loket, padahal masih jam kerja.",
            "Kantor Kelurahan {kel} sudah tutup jam 12 siang padahal hari kerja.",
            "dtg ke kantor kelurahan jam 10 ga ada petugas sama sekali",
            "Pelayanan di kantor kecamatan lambat dan petugasnya sibuk dengan ponsel.",
            "Lurah {kel} sulit ditemui warga, selalu dikatakan sedang rapat.",
            "Kantor kelurahan {kel} tidak punya ruang tunggu dan warga antre di luar kehujanan.",
        ),
        _i(
            "rt_rw",
            "a",
            "Iuran dan dana swadaya warga yang dikumpulkan pengurus RW untuk pembangunan tidak pernah dilaporkan penggunaannya.",
            "Ketua RT kami tidak mau memberi surat pengantar karena saya belum lama pindah.",
            "pak rt ga pernah ada di rumah, mau minta tanda tangan susah bgt",
            "Pemilihan ketua RW di {kel} tidak transparan dan tidak melibatkan warga.",
            "Laporan keuangan kas RT tidak pernah disampaikan kepada warga.",
        ),
        _i(
            "kelurahan_info",
            "i",
            "Apa syarat membuat surat keterangan domisili usaha di kelurahan?",
            "min kantor kelurahan {kel} buka sampe jam brp?",
            "Bagaimana cara mendapat surat keterangan belum menikah dari kelurahan?",
            "Apakah surat pengantar RT bisa diurus online?",
            "nyuwun pirsa syarat surat pindah saking kelurahan punapa nggih",
        ),
        _i(
            "kelurahan_usul",
            "s",
            "Saya mengusulkan layanan surat-menyurat kelurahan bisa diajukan lewat WhatsApp.",
            "usul min musrenbang kelurahan {kel} diumumkan lebih awal biar warga bs ikut",
            "Mohon kantor kelurahan buka layanan sampai sore untuk warga yang bekerja.",
        ),
        _i(
            "kelurahan_hard",
            "a",
            "Saya perlu surat keterangan tidak mampu dari kelurahan untuk bansos, tapi kelurahan menolak membuatkan tanpa alasan.",
            "Untuk mengurus KTP saya butuh surat pengantar kelurahan, tapi petugas kelurahan {kel} tidak pernah ada di kantor.",
            "Bukan soal pajak, saya hanya minta surat keterangan riwayat tanah dari kelurahan tapi belum dibuatkan {waktu}.",
            "ketua rt ga mau tanda tangan surat pengantar skck, katanya hrs lunas iuran kampung dulu",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ aparatur
    "aparatur": (
        _i(
            "pungli",
            "a",
            "Oknum petugas di {lm} meminta uang {rp} agar berkas saya diproses cepat.",
            "ada pungli di kantor pelayanan, diminta uang rokok bgt biar cepet",
            "Petugas meminta uang tambahan di luar ketentuan resmi, tanpa kuitansi.",
            "dijaluki duit karo petugas ben cepet rampung",
            "Pungutan liar oleh oknum ASN dalam pengurusan ((sertifikat|surat|izin|KTP)) sebesar {rp}.",
        ),
        _i(
            "calo",
            "a",
            "Banyak calo di depan kantor Disdukcapil yang menawarkan KTP jadi cepat dengan bayar {rp}, diduga bekerja sama dengan orang dalam.",
            "calo merajalela di mpp, yg bayar calo didahulukan",
            "Ada makelar yang mengaku bisa meloloskan anak masuk sekolah negeri dengan bayaran.",
        ),
        _i(
            "perilaku",
            "a",
            "Pegawai di ((kantor dinas|kecamatan|kelurahan|loket pelayanan)) bersikap kasar dan membentak warga yang bertanya.",
            "petugasnya judes bgt, ditanya baik2 malah dibentak",
            "Oknum ASN sering main game dan merokok di ruang pelayanan saat jam kerja.",
            "Pegawai dinas keluyuran ke pasar dan warung kopi pada jam kerja memakai seragam.",
            "petugas e galak, ditakoni malah nesu",
        ),
        _i(
            "absen",
            "a",
            "Loket pelayanan kosong, pegawainya tidak masuk tanpa keterangan padahal jam kerja.",
            "pns di kantor {lm} datang jam 10 pulang jam 1, gaji buta",
            "Pegawai honorer titipan pejabat tidak pernah masuk kerja tapi tetap digaji.",
        ),
        _i(
            "maladmin",
            "a",
            "Laporan/pengaduan saya ditutup petugas tanpa tindak lanjut apa pun, mohon petugasnya diperiksa.",
            "Petugas pengaduan menjawab asal-asalan dan tidak pernah menindaklanjuti laporan warga.",
            "Kendaraan dinas berpelat merah dipakai keluarga pejabat untuk belanja dan antar jemput sekolah.",
            "Oknum petugas berseragam dinas meminta setoran dari pedagang/jukir setiap hari.",
            "Pengaduan saya sebelumnya tidak ditindaklanjuti dan tidak ada jawaban {waktu}, ini maladministrasi.",
            "Mobil dinas pemkot dipakai untuk keperluan pribadi dan mudik oleh pejabat.",
            "ASN ikut berkampanye untuk calon tertentu di media sosial dan acara warga.",
            "Ada dugaan penyalahgunaan anggaran kegiatan oleh pejabat dinas.",
            "Petugas menolak memberi pelayanan karena saya tidak membawa fotokopi, padahal syaratnya sudah digital.",
        ),
        _i(
            "aparatur_info",
            "i",
            "Ke mana saya harus melapor jika ada pungutan liar oleh pegawai pemerintah? Apakah identitas saya dirahasiakan?",
            "min kalo ada asn bolos kerja lapornya ke mana ya?",
        ),
        _i(
            "aparatur_usul",
            "s",
            "Saya mengusulkan dipasang CCTV dan papan tarif resmi di semua loket pelayanan untuk mencegah pungli.",
            "usul min ada survei kepuasan & penilaian petugas di tiap loket",
        ),
        _i(
            "aparatur_hard",
            "a",
            "Petugas Disdukcapil meminta uang {rp} supaya KTP saya cepat dicetak, kalau tidak bayar disuruh menunggu bulan depan.",
            "Oknum petugas puskesmas meminta bayaran untuk surat rujukan BPJS yang seharusnya gratis.",
            "Guru di sekolah negeri meminta uang kepada wali murid supaya nilai anak dinaikkan.",
            "Oknum pegawai kelurahan minta uang {rp} untuk tanda tangan surat pengantar.",
            "Petugas DLH meminta uang rokok kepada warga agar sampahnya diangkut duluan.",
            "Oknum Dishub di terminal memungut uang dari sopir angkot tanpa karcis resmi.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ ketenagakerjaan
    "ketenagakerjaan": (
        _i(
            "upah",
            "a",
            "Perusahaan tempat saya bekerja di {loc} membayar gaji di bawah UMK Kota Pekalongan.",
            "gaji sy cm {rp} sebulan, jauh dibawah umk, kerja 10 jam",
            "Upah lembur kami tidak pernah dibayar meski kerja sampai malam.",
            "Gaji karyawan pabrik batik sudah ((dua|tiga)) bulan belum dibayar.",
            "bayaran e ngisor umk, lembur ra dibayar",
        ),
        _i(
            "thr_phk",
            "a",
            "THR karyawan tidak dibayar penuh oleh perusahaan, hanya diberi {rp}.",
            "sy di phk sepihak tanpa pesangon stlh kerja {n} tahun",
            "Perusahaan memutus kontrak karyawan yang hamil tanpa pesangon.",
            "Buruh di-PHK massal tanpa pemberitahuan, pesangon dicicil tidak jelas.",
            "thr ra dibayar, jare perusahaan rugi",
        ),
        _i(
            "bpjstk",
            "a",
            "Perusahaan memotong gaji untuk iuran BPJS Ketenagakerjaan tapi ternyata tidak disetorkan.",
            "sy ga didaftarin bpjs ketenagakerjaan sm kantor, pas kecelakaan kerja ga ditanggung",
            "Pencairan JHT saya dipersulit karena perusahaan tidak mau memberi surat paklaring.",
        ),
        _i(
            "k3_kontrak",
            "a",
            "Buruh di pabrik ((pengolahan ikan|konveksi|batik)) tidak diberi APD seperti sarung tangan dan masker, banyak yang cedera.",
            "Karyawan toko dipaksa kerja tanpa hari libur dan tanpa cuti.",
            "Pekerja di pabrik {loc} tidak diberi alat pelindung diri padahal bekerja dengan bahan kimia.",
            "kontrak kerja diperpanjang terus bertahun2 tanpa diangkat tetap",
            "Perusahaan outsourcing menahan ijazah asli karyawan sebagai jaminan.",
            "Ada pekerja anak di bawah umur di usaha konveksi {loc}.",
        ),
        _i(
            "ak1_pelatihan",
            "a",
            "Pembuatan kartu kuning (AK-1) di Disnaker lama dan sistemnya sering error.",
            "daftar pelatihan kerja di blk udh lama ga dipanggil2",
            "Bursa kerja online pemkot tidak pernah diperbarui lowongannya.",
        ),
        _i(
            "naker_info",
            "i",
            "Berapa UMK Kota Pekalongan tahun ini dan apakah berlaku untuk usaha kecil?",
            "min cara bikin kartu kuning ak1 online gimana?",
            "Kapan pendaftaran pelatihan kerja gratis di BLK dibuka?",
            "Bagaimana cara melaporkan perusahaan yang tidak membayar THR?",
            "pripun carane ngurus kartu kuning kangge nglamar kerja",
        ),
        _i(
            "naker_usul",
            "s",
            "Saya mengusulkan pelatihan kerja menjahit dan digital marketing untuk pemuda pengangguran di {kel}.",
            "usul min ada job fair tiap tahun buat lulusan smk",
            "Mohon pengawasan ketenagakerjaan lebih ketat ke pabrik-pabrik batik.",
        ),
        _i(
            "naker_hard",
            "a",
            "Saya di-PHK dan sekarang tidak punya penghasilan; yang saya adukan perusahaan tidak membayar pesangon sesuai aturan.",
            "Pabrik tempat saya bekerja membuang limbah, tapi laporan saya soal gaji di bawah UMK dan lembur yang tidak dibayar.",
            "Pengurusan kartu kuning di Disnaker diminta uang {rp} oleh oknum.",
            "Pabrik tidak mendaftarkan buruh ke BPJS Kesehatan dan Ketenagakerjaan, saat sakit kami bayar sendiri.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ perumahan
    "perumahan": (
        _i(
            "rtlh",
            "a",
            "Rumah ((simbah|orang tua|janda tua)) di {kel} dindingnya bambu dan lantai tanah, mohon bantuan rehab rumah.",
            "omah e simbah wis reyot, gendeng mlorot lan temboke retak, durung entuk bantuan bedah omah",
            "Penerima bantuan RTLH di lingkungan kami salah sasaran, rumah bagus dapat sedangkan rumah reyot tidak.",
            "Rumah ((nenek|ibu|tetangga)) saya di {rt} sudah tidak layak huni, atap hampir roboh, tapi belum dapat bantuan bedah rumah.",
            "pengajuan rtlh sy dr tahun lalu blm ada kabar, rumah udh bocor semua",
            "Bantuan bedah rumah di {kel} diberikan kepada yang rumahnya sudah bagus.",
            "omah e mbah kulo ajeg bocor lan temboke retak, nyuwun bantuan bedah omah",
            "Dana bantuan perbaikan rumah tidak layak huni dipotong oleh pelaksana.",
        ),
        _i(
            "taman_fasum",
            "a",
            "Taman kota di {lm} tidak terawat, rumput tinggi, lampu taman mati dan mainan anak rusak.",
            "ayunan & perosotan di taman {kel} rusak, berbahaya buat anak2",
            "Toilet umum di {lm} kotor dan terkunci terus.",
            "Fasilitas olahraga di lapangan {kel} rusak dan tidak pernah diperbaiki.",
            "Ruang terbuka hijau di {loc} malah dipakai untuk parkir dan gudang.",
        ),
        _i(
            "psu_perumahan",
            "a",
            "Fasilitas umum di perumahan kami belum diserahkan pengembang ke pemkot sehingga jalan dan salurannya tidak terurus.",
            "developer perumahan kabur, psu blm diserahin, lampu & jalan komplek rusak",
            "Lahan fasos fasum di perumahan {kel} malah dijual pengembang untuk kavling.",
        ),
        _i(
            "makam",
            "a",
            "Tempat pemakaman umum di {kel} sudah penuh dan warga kesulitan memakamkan jenazah.",
            "makam umum dkt {lm} gak keurus, rumput tinggi & pagar rusak",
            "Biaya pemakaman di TPU dipungut terlalu mahal oleh pengelola.",
        ),
        _i(
            "rusunawa",
            "a",
            "Atap rusunawa {kel} bocor dan tangga blok ((A|B|C)) rusak, penghuni sudah lapor tapi tidak diperbaiki.",
            "air & listrik di rusun sering mati, sewa tetap ditarik penuh",
            "Permukiman kumuh di bantaran {loc} belum tersentuh program penataan kawasan.",
        ),
        _i(
            "perumahan_info",
            "i",
            "Bagaimana cara mengajukan bantuan rumah tidak layak huni dan apa syaratnya?",
            "min sewa rusunawa brp sebulan & daftarnya dmn?",
            "Apakah ada program rumah subsidi dari pemkot untuk warga berpenghasilan rendah?",
        ),
        _i(
            "perumahan_usul",
            "s",
            "Saya mengusulkan pembangunan taman bermain anak di lahan kosong milik pemkot di {kel}.",
            "usul min dibuat ruang terbuka hijau buat olahraga warga di {kel}",
            "Mohon ditambah fasilitas tempat duduk dan penerangan di alun-alun.",
        ),
        _i(
            "perumahan_hard",
            "a",
            "Rumah kami rusak karena sering terkena rob dan sekarang tidak layak huni, mohon didaftarkan bantuan RTLH.",
            "Lampu taman dan bangku di taman kota rusak semua, bukan lampu jalan, mohon tamannya diperbaiki.",
            "Jalan di dalam perumahan rusak karena PSU belum diserahkan pengembang, mohon pemkot mengambil alih fasum.",
            "Toilet umum di taman {lm} tidak ada airnya dan kotor, mohon dirawat pengelola taman.",
            hard=True,
        ),
    ),
    # ------------------------------------------------------------------ lainnya
    "lainnya": (
        _i(
            "kriminal_lain",
            "a",
            "Rumah kosong tetangga dibobol maling tadi malam, mohon patroli keamanan di {kel}.",
            "hp sy dijambret di {jalan} pas berhenti di lampu merah, pelaku naik motor",
            "Ada penipuan berkedok undian berhadiah lewat telepon yang mengatasnamakan pemkot.",
            "Akun media sosial palsu mengatasnamakan Wali Kota meminta transfer uang.",
            "Saya jadi korban investasi bodong/arisan online, uang jutaan hilang.",
            "pinjol ilegal nyebar foto ktp sy ke grup wa keluarga, sy diancam",
            "tonggo kulo kemalingan montor ning ngarep omah, polisi durung teko",
        ),
        _i(
            "sembako_pasar",
            "a",
            "Harga ((beras|minyak goreng|cabai|bawang|gula|telur)) di pasar tradisional naik tajam, mohon diadakan operasi pasar murah.",
            "takaran timbangan pedagang di pasar dicurangi, beli sekilo dapet 8 ons",
            "Pertalite di SPBU sering habis sore hari padahal antrean panjang.",
            "gas lpg melon susah dicari, kalaupun ada harganya mahal bgt",
        ),
        _i(
            "lain_lain",
            "a",
            "Ada sarang lebah/tawon besar di atap rumah warga {rt}, mohon bantuan pemusnahan.",
            "Kucing dan anjing mati diracun orang tak dikenal di kampung kami.",
            "Sapi dan kambing milik warga dilepas berkeliaran di jalan raya.",
            "Masjid di kampung kami butuh bantuan renovasi, apakah ada dana hibah?",
            "Saya ingin menyampaikan terima kasih kepada petugas kelurahan dan dinas yang sigap membantu warga.",
            "Siaran radio/TV lokal di Pekalongan hilang sinyalnya sejak pemancar dipindah.",
            "Antrean di kantor pos untuk pembayaran lain-lain sangat lama dan loketnya sedikit.",
        ),
        _i(
            "pln",
            "a",
            "Listrik PLN di {kel} sering padam berjam-jam tanpa pemberitahuan.",
            "listrik mati lg min di {kel}, sehari 3x byar pet",
            "Token listrik saya tidak masuk padahal sudah bayar.",
            "Tiang listrik PLN miring setelah ditabrak truk di {loc}.",
        ),
        _i(
            "kabel_putus",
            "a",
            "Kabel listrik PLN putus dan menjuntai ke jalan di {loc}, masih ada aliran listrik, sangat berbahaya!",
            "kabel listrik putus kena pohon di {jalan}, nyetrum, tlg cepet",
            "Ada korsleting dan percikan api dari trafo/gardu listrik di {loc}.",
            urgent=True,
        ),
        _i(
            "telekomunikasi",
            "a",
            "Kabel internet/telepon semrawut dan menggantung rendah di {jalan}, sering tersangkut kendaraan.",
            "sinyal hp di {kel} hilang trs sejak tower dibongkar",
            "Tiang provider internet ditanam sembarangan di depan rumah tanpa izin pemilik.",
        ),
        _i(
            "kriminal",
            "a",
            "Motor saya dicuri di {loc} semalam, mohon patroli polisi ditingkatkan.",
            "bnyk maling di kampung kami akhir2 ini, tlg patroli",
            "Saya menjadi korban penipuan jual beli online, ke mana harus melapor?",
            "Teror pinjaman online ilegal ke nomor saya dan keluarga, saya diancam.",
        ),
        _i(
            "hewan",
            "a",
            "Banyak anjing liar berkeliaran di {loc} dan menggigit anak-anak.",
            "ada ular masuk rumah warga di {rt}, mohon bantuan evakuasi",
            "Kawanan monyet liar masuk permukiman dan merusak atap rumah warga.",
            "Sarang tawon besar di pohon depan {lm}, sudah ada yang tersengat.",
        ),
        _i(
            "harga_lain",
            "a",
            "Gas elpiji 3 kg langka dan harganya di pengecer {kel} mencapai {rp}.",
            "harga beras & minyak goreng naik terus, tlg pemerintah turun tangan",
            "Antrean BBM di SPBU {jalan} panjang sekali dan ada pembeli pakai jeriken.",
            "Sertifikat tanah saya di BPN tidak selesai-selesai {waktu}.",
        ),
        _i(
            "apresiasi",
            "a",
            "Terima kasih, laporan saya kemarin sudah ditangani dan sekarang sudah beres, pelayanan cepat.",
            "Alhamdulillah sudah diperbaiki, terima kasih banyak untuk petugas dinas.",
            "Terima kasih kepada petugas yang sudah cepat menangani laporan saya minggu lalu, pelayanannya sangat baik.",
            "mantap min laporan sy langsung ditindaklanjuti, makasih",
            "Saya hanya ingin menyampaikan apresiasi kepada Pemkot atas kegiatan car free day yang meriah.",
            # A pure thank-you is an aspiration: labelled so since the sets L and M round
            # (every author since set C; the first author's sets A and B said aduan).
            label="s",
        ),
        _i(
            "spam",
            "a",
            "tes tes apakah nomor ini aktif",
            "halo min",
            "cek 123",
            "Selamat pagi, saya mau lapor",
            "p",
            "assalamualaikum, ini benar nomor pengaduan?",
        ),
        _i(
            "lainnya_info",
            "i",
            "Bagaimana cara mendaftar menjadi relawan atau panitia kegiatan Hari Jadi Kota?",
            "Kapan jadwal acara car free day, festival, atau pentas seni di alun-alun?",
            "Di mana tempat membuat SKCK dan berapa biayanya?",
            "Kapan ada operasi pasar atau pasar murah sembako lagi?",
            "Bagaimana cara mendapat bantuan hibah untuk renovasi masjid/musala?",
            "Nomor pengaduan PLN wilayah Pekalongan berapa ya?",
            "min jadwal car free day di pekalongan tiap hari apa?",
            "Bagaimana cara menghubungi Wali Kota secara langsung?",
            "Di mana lokasi pembuatan SIM dan SKCK di Kota Pekalongan?",
            "Apakah ada lowongan CPNS atau PPPK Pemkot Pekalongan tahun ini?",
            "kapan pasar malam / festival batik diadakan tahun ini?",
        ),
        _i(
            "lainnya_usul",
            "s",
            "Mohon Pemkot mengadakan lomba kebersihan antarkampung dan festival budaya tiap tahun.",
            "Sebaiknya ada kegiatan olahraga bersama dan senam lansia rutin di alun-alun.",
            "Saya usul diadakan festival kuliner dan batik rutin di alun-alun untuk menarik wisatawan.",
            "usul min ada wifi gratis di taman dan alun-alun",
            "Mohon aplikasi pengaduan dibuat lebih mudah dipakai lansia.",
        ),
        _i(
            "lainnya_hard",
            "a",
            "Lampu di rumah saya mati karena listrik PLN padam, bukan lampu jalan, sudah {waktu} tidak menyala.",
            "Air sumur dan listrik aman, yang saya laporkan anjing liar menggigit dua anak di {rt}.",
            "Jalanan di kampung kami sepi malam hari dan sering terjadi pencurian, mohon polisi meningkatkan patroli.",
            "!Kabel listrik PLN menjuntai rendah di atas jalan {jalan} setelah tiangnya ditabrak truk.",
            hard=True,
        ),
    ),
}


#: Sentence starts, by register. ``{sapa}`` is a greeting to the officer.
OPENERS = {
    "formal": (
        "",
        "Selamat pagi. ",
        "Selamat siang, ",
        "Assalamualaikum wr. wb. ",
        "Yth. Bapak/Ibu petugas, ",
        "Dengan hormat, ",
        "Saya ingin melaporkan bahwa ",
        "Saya warga {kel} ingin menyampaikan: ",
        "Mohon izin menyampaikan keluhan. ",
        "Perkenalkan, saya {nama}. ",
        "Kepada Pemkot Pekalongan, ",
        "Melalui Lapor Ajib saya sampaikan: ",
    ),
    "wa": (
        "",
        "min ",
        "mimin ",
        "halo min, ",
        "lapor min, ",
        "permisi min ",
        "pagi min. ",
        "assalamualaikum min ",
        "tlg min ",
        "mau lapor ",
        "gan ",
        "pak/bu ",
    ),
    "jv": (
        "",
        "nyuwun sewu, ",
        "ngapunten, ",
        "sugeng enjing, ",
        "kulo badhe lapor, ",
        "mas/mbak admin, ",
        "assalamualaikum, nyuwun sewu ",
    ),
}

CLOSERS = {
    "formal": (
        "",
        " Mohon segera ditindaklanjuti.",
        " Terima kasih.",
        " Atas perhatiannya saya ucapkan terima kasih.",
        " Mohon bantuannya.",
        " Mohon perhatian dari dinas terkait.",
        " Warga sangat berharap ada penanganan.",
        " Saya lampirkan foto.",
    ),
    "wa": (
        "",
        " tlg dibantu",
        " makasih min",
        " mksh",
        " tq",
        " 🙏",
        " 🙏🙏",
        " gercep ya min",
        " ditunggu tindak lanjutnya",
        " thx",
        " 😡",
    ),
    "jv": (
        "",
        " matur nuwun",
        " suwun",
        " nyuwun tulung nggih",
        " monggo dipun tindak lanjuti",
        " matur suwun sanget",
        " nggih",
    ),
}

#: Location phrases; the builder fills the slots.
LOCATION_FORMS = (
    "{jalan}, Kelurahan {kel}",
    "{jalan} {kel}",
    "Kel. {kel}",
    "kelurahan {kel}",
    "{kel}",
    "dekat {lm}",
    "depan {lm}",
    "sekitar {lm}",
    "Gang {gang} {rt} {kel}",
    "{rt} Kel. {kel}",
    "{jalan} dekat {generik}",
    "gg. {gang} {jalan}",
    "{jalan}",
    "{generik} {kel}",
    "kampung {kel}",
    "daerah {kel}",
    "wilayah {kel} Kec. {kec}",
)

#: How long a problem has lasted, formal and informal.
DURATIONS = (
    "sudah tiga hari",
    "sejak kemarin",
    "sudah seminggu",
    "sudah dua minggu",
    "sejak bulan lalu",
    "sudah berbulan-bulan",
    "udh 3 hr",
    "dr kmrn",
    "udh seminggu",
    "wis rong minggu",
    "sampun sewulan",
    "lebih dari sebulan",
    "sejak lebaran",
    "dari awal tahun",
)

MONEY = (
    "Rp50.000",
    "Rp 100 ribu",
    "200rb",
    "Rp350.000",
    "1,5 juta",
    "500 ribu",
    "Rp25.000",
    "5 ribu",
)

SCHOOLS = (
    "SD Negeri {n}",
    "SDN {kel} 0{n}",
    "SMP Negeri {n} Pekalongan",
    "SMPN {n}",
    "SMA Negeri {n} Pekalongan",
    "SMK Negeri {n}",
    "TK Pertiwi {kel}",
    "sekolah anak saya",
)

GANGS = (
    "Mawar",
    "Melati",
    "Kenanga",
    "Masjid",
    "Rukun",
    "Damai",
    "Kamboja",
    "Flamboyan",
    "Delima",
    "Sawo",
    "Jambu",
    "Anggrek",
    "Merpati",
    "Cendrawasih",
    "Salak",
    "Manggis",
    "1",
    "3",
    "5",
    "7",
    "12",
)

GENERIC_PLACES = (
    "Masjid Al-Ikhlas",
    "Musala Baiturrahman",
    "balai RW",
    "pos kamling",
    "lapangan voli",
    "minimarket",
    "warung soto",
    "makam umum",
    "jembatan kecil",
    "posyandu",
    "SD negeri",
    "toko bangunan",
    "bengkel motor",
    "pangkalan ojek",
    "rumah makan",
    "tikungan",
    "pertigaan",
    "perempatan",
)

NAMES = (
    "Ahmad",
    "Siti Aminah",
    "Budi Santoso",
    "Sri Rahayu",
    "Eko",
    "Dewi",
    "Slamet Riyadi",
    "Nur Khasanah",
    "Rizky",
    "Hartini",
    "Imron",
    "Khoirul Anam",
    "Umi",
    "Taufik Hidayat",
    "Laila",
)


#: A second author's issues and phrasings, added after measuring held-out set C: more
#: suggestions and questions in every category (report types were the weak point), and the
#: boundaries that set C showed to be thin (UGD and identity papers, PIP and bansos, landslides,
#: public transport, conduct of officers against the service, Javanese work and housing, lost
#: property and theft). Labels follow the definitions of docs/triage.md and the taxonomy.
MORE_ISSUES: dict[str, tuple[Issue, ...]] = {
    "adminduk": (
        _i(
            "adminduk_tanya2",
            "i",
            "Apakah anak umur ((4|6|9)) tahun sudah harus dibuatkan KIA? Bagaimana caranya?",
            "kak, ganti status kawin di KTP syaratnya apa aja? buku nikah udh ada",
            "Nyuwun pirsa, ngurus akta kematian simbah syarate napa mawon?",
            "Apakah perekaman KTP-el untuk lansia yang sakit bisa didatangi petugas ke rumah?",
            "kalo data di KTP beda sama di bank/BPJS, benerinnya di capil atau di mana ya?",
            "Dokumen apa yang harus dibawa untuk mencetak ulang Kartu Keluarga yang hilang?",
        ),
        _i(
            "adminduk_usul2",
            "s",
            "Saran saya Disdukcapil membuka layanan keliling ke kelurahan sebulan sekali.",
            "usul dong loket capil buka sampe sore, kasian yg kerja",
            "Mohon pelayanan akta dan KK bisa sepenuhnya daring supaya tidak perlu datang ke kantor.",
            "Sebaiknya ada layanan antar KTP jadi ke rumah untuk lansia dan difabel.",
        ),
        _i(
            "data_salah",
            "a",
            "Tanggal lahir di Kartu Keluarga berbeda dengan akta, akibatnya pencairan ((pensiun|tabungan|BPJS)) saya ditolak.",
            "gelar & nama di ktp sy salah ketik, udh minta ganti blm dibenerin",
            "Jenis kelamin anak saya di KIA tertulis salah, mohon diperbaiki.",
            "Jenengku nang KTP salah siji huruf, dadi ora iso ngurus paspor",
        ),
    ),
    "bansos": (
        _i(
            "bansos_tanya2",
            "i",
            "Bagaimana cara mengecek apakah keluarga saya terdaftar sebagai penerima bantuan sosial?",
            "min, kalo mau ngajuin jadi penerima bpnt daftarnya ke mana?",
            "Nyuwun pirsa, bantuan kangge tiyang sepuh ingkang mboten gadhah sinten-sinten niku wonten?",
            "Apakah keluarga yang baru jatuh miskin bisa mengusulkan diri masuk DTSEN?",
            "Berapa besar bantuan PKH untuk anak SMP dan kapan jadwal salurnya?",
        ),
        _i(
            "bansos_usul2",
            "s",
            "Kami usul pendataan penerima bantuan melibatkan RT supaya tidak salah sasaran.",
            "saran min, penyaluran bantuan lewat transfer aja biar gk antre berjam-jam",
            "Sebaiknya penerima yang sudah mampu dicoret dan diganti warga yang lebih membutuhkan.",
        ),
        _i(
            "bansos_macet",
            "a",
            "Saldo di kartu KKS saya nol sudah ((dua|tiga)) bulan, padahal di aplikasi tertulis sudah disalurkan.",
            "bantuan pkh mbah ku ra cair2, jarene rekeninge diblokir",
            "Kartu KIS dari pemerintah untuk keluarga miskin tiba-tiba tidak aktif dan kami tidak diberi tahu.",
            "Keluarga kami dicoret dari daftar penerima bansos tanpa pemberitahuan dan tanpa survei.",
            hard=True,
        ),
    ),
    "kesehatan": (
        _i(
            "ugd_syarat",
            "a",
            "Pasien gawat di IGD tidak segera ditangani karena keluarga disuruh melengkapi berkas BPJS dan fotokopi KTP dulu.",
            "!anak sy step/kejang di ugd malah ditanya kartu & alamat dulu, lama bgt baru ditangani",
            "Rumah sakit meminta uang jaminan sebelum pasien darurat ditangani di IGD.",
            "IGD nolak pasien krn katanya bukan warga kota, harus ke rs asal KTP",
            hard=True,
        ),
        _i(
            "kesehatan_tanya2",
            "i",
            "Apakah vaksin ((HPV|campak rubela|polio tambahan)) untuk anak sekolah gratis dan di mana jadwalnya?",
            "min, poli lansia di puskesmas buka hari apa aja?",
            "Pripun carane ndaftar BPJS kangge bayi ingkang nembe lair?",
            "Di mana bisa periksa gratis untuk batuk lama yang dicurigai TBC?",
            "Apakah puskesmas melayani pasien rawat inap dan persalinan 24 jam?",
        ),
        _i(
            "kesehatan_usul2",
            "s",
            "Kami mengusulkan posyandu lansia di RW kami diadakan rutin setiap bulan.",
            "usul min puskesmas ada antrean online biar gk numpuk pagi2",
            "Sebaiknya ada dokter jaga malam di puskesmas untuk wilayah utara yang jauh dari rumah sakit.",
        ),
        _i(
            "layanan_buruk",
            "a",
            "Pasien rawat inap dibiarkan menunggu lama, perawat jaga sulit dipanggil saat infus habis.",
            "hasil lab di puskesmas lama bgt keluarnya, seminggu blm jadi",
            "Obat untuk penyakit kronis dari puskesmas hanya diberi untuk tiga hari lalu disuruh kembali.",
        ),
    ),
    "pendidikan": (
        _i(
            "pip_kip",
            "a",
            "Dana PIP anak saya yang sudah ditetapkan belum bisa dicairkan di bank, kata sekolah belum aktivasi.",
            "kip kuliah ku telat cair smester ini, kampus blg blm ada dr pusat",
            "Beasiswa prestasi dari pemkot untuk siswa SMP belum diterima padahal pengumumannya sudah lama.",
            "gmn cara cek anak sy dapet PIP atau nggak? sekolah blm ngasih info",
            hard=True,
        ),
        _i(
            "pendidikan_tanya2",
            "i",
            "Apakah ada TK atau PAUD negeri di ((Pekalongan Barat|Pekalongan Utara|Pekalongan Selatan))?",
            "min syarat pindah sekolah dr luar kota ke sd negeri apa aja?",
            "Kapan jadwal pendaftaran SPMB jenjang SMP tahun ini dan jalurnya apa saja?",
            "Pripun carane ngurus ijazah ingkang ical?",
        ),
        _i(
            "pendidikan_usul2",
            "s",
            "Kami usul sekolah negeri menyediakan les tambahan gratis untuk anak yang tertinggal.",
            "saran buat disdik, tambah guru bk di smp negeri, banyak kasus bullying",
            "Sebaiknya buku pelajaran dipinjamkan sekolah, jangan orang tua disuruh membeli.",
        ),
        _i(
            "guru_kurang",
            "a",
            "Satu guru mengajar dua kelas sekaligus karena guru di sekolah anak saya kurang.",
            "jam pelajaran sering kosong, gurunya cuma ngasih tugas trs pergi",
            "Kelas anak saya tidak ada wali kelas sejak gurunya pensiun.",
        ),
    ),
    "jalan": (
        _i(
            "jalan_jawa",
            "a",
            "Dalan {loc} rusak parah, bolong-bolong, yen udan dadi blumbang",
            "DALANE AJUR PAK, MOTOR PADA NYUNGSEP",
            "aspal e mbrodol kabeh nang {jalan}, sampun dangu mboten didandosi",
            "Dalan cor nang gang ((papat|lima|enem)) retak gedhe, ban motor iso kejeglong",
        ),
        _i(
            "jalan_tanya2",
            "i",
            "Apakah jalan lingkungan di kampung kami termasuk jalan kota yang diperbaiki DPUPR?",
            "min kapan jadwal pengaspalan {jalan}? katanya tahun ini",
            "Ke mana warga mengajukan perbaikan jembatan kampung yang rusak?",
        ),
        _i(
            "jalan_usul2",
            "s",
            "Kami usul jalan kampung yang sering tergenang ditinggikan dan dipaving.",
            "saran min, bikin jalur pejalan kaki di {jalan}, skrg gk ada trotoar sama sekali",
            "Sebaiknya perbaikan jalan memakai beton karena aspal cepat rusak terkena air.",
        ),
    ),
    "drainase": (
        _i(
            "drainase_usul2",
            "s",
            "Kami mengusulkan pembuatan biopori dan sumur resapan di ((kampung|gang|perumahan)) kami.",
            "usul min got di {jalan} dilebarin & ditutup grill biar gampang dibersihin",
            "Sebaiknya ada jadwal pengerukan saluran sebelum musim hujan.",
            "Mohon dibangun saluran baru di {loc} karena selama ini air hujan tidak punya jalan keluar.",
        ),
        _i(
            "drainase_tanya2",
            "i",
            "Siapa yang bertanggung jawab membersihkan saluran di depan rumah, warga atau dinas?",
            "min, kalo mau minta pengerukan got lapor ke mana?",
            "Kapan proyek saluran di {jalan} selesai? sudah berbulan-bulan terbuka",
        ),
        _i(
            "genangan_fasilitas",
            "a",
            "Halaman ((puskesmas|sekolah|balai RW|kantor kelurahan)) tergenang setiap hujan karena salurannya tertutup.",
            "habis ujan, depan {lm} kayak kolam, air gk surut2",
            "banyu udan ngendon nang latar ((sekolahan|balai RW)), ra iso mlebu",
            hard=True,
        ),
    ),
    "banjir_rob": (
        _i(
            "longsor",
            "a",
            "!Tebing sungai di {loc} longsor, ((dua|tiga)) rumah di tepinya hampir ambruk.",
            "!talud kali ambrol abis hujan, pondasi rumah warga menggantung",
            "Tanah di pinggir sungai terus tergerus arus, pagar dan kamar mandi warga sudah jatuh ke sungai.",
            "!pinggiran kali longsor maneh, omah-omah nang pinggir kali wis miring",
            hard=True,
        ),
        _i(
            "banjir_tanya2",
            "i",
            "Bagaimana cara mendapat bantuan darurat untuk korban ((banjir|rob|kebakaran|angin puting beliung))?",
            "min, jalur evakuasi & posko pengungsian terdekat dari {kel} di mana?",
            "Apakah ada peringatan dini pasang air laut yang bisa diterima warga lewat WA?",
            "Kapan pembangunan tanggul di wilayah kami dimulai?",
        ),
        _i(
            "banjir_usul2",
            "s",
            "Kami usul setiap kelurahan rawan rob punya pompa portabel dan perahu karet.",
            "saran min, rumah pompa dijaga 24 jam pas musim pasang",
            "Sebaiknya warga diajari simulasi evakuasi banjir sebelum musim hujan.",
        ),
    ),
    "sampah": (
        _i(
            "sampah_usul2",
            "s",
            "Kami usul pengangkutan sampah ditambah menjadi dua kali seminggu di kampung kami.",
            "saran min taruh tempat sampah terpilah di taman & pasar",
            "Sebaiknya TPS dipindah ke tempat yang jauh dari rumah warga dan sekolah.",
        ),
        _i(
            "sampah_tanya2",
            "i",
            "Ke mana warga harus membuang sampah sekarang setelah TPA tidak menerima lagi?",
            "min, jadwal truk sampah lewat {kel} hari apa ya?",
            "Bagaimana cara mendirikan bank sampah di RW kami, apakah ada pendampingan DLH?",
        ),
        _i(
            "sampah_sungai_pasar",
            "a",
            "Pedagang dan warga membuang sampah ke sungai, tumpukan plastik menyangkut di ((jembatan|pintu air)).",
            "sampah pasar dibuang ke kali tiap sore, nanti banjir salahin siapa",
            "Sisa acara di lapangan ditinggal begitu saja, sampah berserakan {waktu}.",
            hard=True,
        ),
    ),
    "pencemaran": (
        _i(
            "pencemaran_usul2",
            "s",
            "Tolong dibangunkan instalasi pengolahan limbah bersama untuk sentra ((batik|tahu|jeans)) supaya sungai tidak tercemar.",
            "saran dlh rutin uji air kali & umumkan ke warga",
            "Sebaiknya usaha yang membuang limbah diberi sanksi tegas, bukan hanya teguran.",
        ),
        _i(
            "pencemaran_tanya2",
            "i",
            "Bagaimana cara melaporkan pabrik yang membuang limbah tanpa identitas saya diketahui?",
            "min, usaha rumahan batik wajib punya ipal gk?",
            "Apakah air sungai di dekat rumah kami aman untuk mandi? Warnanya berubah-ubah.",
        ),
        _i(
            "bau_bising_usaha",
            "a",
            "Bau ((kotoran ayam|kandang bebek|pengolahan kulit)) dari usaha di tengah permukiman menyengat setiap hari.",
            "mesin usaha sebelah rumah bunyi terus sampe tengah malam, getarannya kerasa",
            "Asap dan jelaga dari tungku usaha ((pengasapan ikan|pengeringan kayu)) masuk ke rumah warga.",
            "Ambune limbah saka usaha nang mburi omah ra kuat, bocah-bocah podo mual",
            hard=True,
        ),
    ),
    "air_bersih": (
        _i(
            "air_usul2",
            "s",
            "Kami usul PDAM memberi kabar lewat WA sebelum ada pemadaman atau perbaikan pipa.",
            "saran min, pas air mati lama kirim mobil tangki ke kampung",
            "Sebaiknya jaringan PDAM diperluas ke wilayah selatan yang masih memakai sumur.",
        ),
        _i(
            "air_tanya2",
            "i",
            "Berapa biaya pasang baru sambungan PDAM dan berapa lama pemasangannya?",
            "min, cara cek tagihan tirtayasa online gimana?",
            "Apakah ada keringanan tarif air untuk ((panti asuhan|masjid|keluarga miskin))?",
        ),
        _i(
            "air_kering_kemarau",
            "a",
            "Musim kemarau sumur warga kering dan air PDAM juga tidak mengalir, kami kesulitan air bersih.",
            "banyu ledeng ora metu wis seminggu, tuku banyu galon terus",
            "Air PDAM baru sudah dipasang meterannya tapi airnya belum pernah keluar.",
            hard=True,
        ),
    ),
    "pju": (
        _i(
            "pju_tanya2",
            "i",
            "Bagaimana cara mengajukan pemasangan lampu jalan baru di gang kami?",
            "min, lampu pju tenaga surya yg mati itu yg benerin siapa?",
            "Apakah lampu jalan di jalan kampung juga tanggung jawab Dishub?",
        ),
        _i(
            "pju_usul2",
            "s",
            "Kami usul penambahan lampu jalan di ((jalan tembus sawah|pinggir kali|jalan ke pantai|jalan ke makam)) yang gelap.",
            "saran min lampu pju diganti led biar lebih terang",
            "Sebaiknya lampu jalan dipasang sensor supaya tidak menyala siang hari.",
        ),
        _i(
            "pju_rusak2",
            "a",
            "Bola lampu jalan di {loc} pecah dilempar batu, sudah {waktu} tidak diganti.",
            "lampu dalan nang gang mati, peteng, wedi metu bengi",
            "Lampu jalan di dekat jembatan padam sehingga pengendara tidak melihat tepi jalan.",
            hard=True,
        ),
    ),
    "lalu_lintas": (
        _i(
            "angkutan_umum",
            "a",
            "Angkutan umum jurusan ((Kradenan|Degayu|Medono|Tirto)) sudah tidak beroperasi, warga kesulitan ke pasar.",
            "angkot ke arah {kel} ilang semua, skrg cm ojek mahal",
            "Bus sekolah sering tidak lewat jalur yang dijanjikan, anak-anak telat masuk.",
            "Halte di {jalan} rusak dan tidak ada jadwal angkutan.",
        ),
        _i(
            "lalin_tanya2",
            "i",
            "Trayek angkutan pelajar gratis itu melayani wilayah mana saja dan jam berapa berangkatnya?",
            "min tarif parkir resmi motor di pinggir jalan brp sih?",
            "Bagaimana cara mengajukan pemasangan rambu atau zebra cross di depan sekolah?",
        ),
        _i(
            "lalin_usul2",
            "s",
            "Kami usul ada petugas pengatur lalu lintas saat jam masuk dan pulang sekolah di {jalan}.",
            "saran min, lampu merah di simpang {jalan} dikasih timer",
            "Sebaiknya parkir di pinggir jalan saat salat Jumat diatur petugas.",
        ),
    ),
    "ketertiban": (
        _i(
            "bangunan_liar2",
            "a",
            "Warga membangun kios permanen di atas ((lahan fasum|saluran|bantaran sungai|trotoar)) tanpa izin, mohon dibongkar Satpol PP.",
            "ada yg nyerobot tanah pemkot buat warung, mohon ditertibkan",
            "Bangunan semi permanen berdiri di pinggir jalan dan dipakai tempat mabuk, mohon ditertibkan.",
            hard=True,
        ),
        _i(
            "ketertiban_tanya2",
            "i",
            "Ke mana melapor kalau ada rumah kos yang dipakai untuk kegiatan yang meresahkan?",
            "min, kapan ada penertiban pkl di {jalan}? pedagang ditaruh di mana?",
            "Apakah menyalakan petasan di kampung dilarang Perda?",
        ),
        _i(
            "ketertiban_usul2",
            "s",
            "Kami usul Satpol PP rutin patroli di ((taman|lapangan|alun-alun)) pada malam hari.",
            "saran min pkl dikasih tempat khusus biar trotoar bersih",
        ),
        _i(
            "gangguan_malam",
            "a",
            "Sabung ayam dan judi di lapangan kampung setiap sore, banyak orang luar datang dan berkata kasar.",
            "pemuda mabuk ciu nang gang saben bengi, mbengok-mbengok",
            "Musik keras dari ((kafe|hajatan|karaoke)) sampai dini hari mengganggu warga.",
        ),
    ),
    "perizinan": (
        _i(
            "perizinan_tanya2",
            "i",
            "Izin apa saja yang diperlukan untuk membuka ((warung makan|toko kelontong|rumah kos|bengkel))?",
            "min cara bikin nib lewat oss gimana? bingung pilih kbli",
            "Napa mawon syarate ngurus PBG kangge griya?",
            "Apakah usaha rumahan kecil wajib punya izin?",
        ),
        _i(
            "perizinan_usul2",
            "s",
            "Kami usul ada pendampingan pengurusan NIB dan sertifikat halal untuk UMKM di kelurahan.",
            "saran min syarat izin usaha ditulis lengkap di web biar gk bolak balik",
        ),
        _i(
            "izin_dipertanyakan",
            "a",
            "Bagaimana bisa izin ((sarang walet|menara telekomunikasi|gudang)) keluar di tengah permukiman tanpa persetujuan warga?",
            "tetangga bangun gedung tinggi, warga gk pernah diajak sosialisasi soal izinnya",
            "Baliho dan spanduk dipasang di tiang dan pohon tanpa izin reklame.",
            hard=True,
        ),
    ),
    "pajak": (
        _i(
            "pajak_tanya2",
            "i",
            "Apakah ada pengurangan ((PBB|BPHTB)) untuk ((lansia|veteran|ahli waris|warga kurang mampu))?",
            "min, bayar pbb bisa lewat indomaret/m-banking gk? kodenya apa",
            "Pajeg bumi saged dicicil mboten nggih?",
            "Apakah warung makan kecil wajib memungut pajak restoran?",
        ),
        _i(
            "pajak_usul2",
            "s",
            "Saran kami, tunggakan PBB warga tidak mampu boleh diangsur tiap bulan.",
            "saran min denda pbb lansia dihapus aja",
            "Sebaiknya kenaikan NJOP disosialisasikan dulu sebelum tagihan dikirim.",
        ),
    ),
    "pelayanan_kelurahan": (
        _i(
            "surat_keterangan2",
            "a",
            "Surat keterangan ((belum menikah|domisili|usaha|penghasilan)) di kelurahan tidak jadi-jadi, saya disuruh kembali berkali-kali.",
            "minta surat ket. dr kelurahan katanya blangko habis, disuruh balik bsk",
            "Surat pengantar RT ditolak kelurahan karena stempel RT sudah tidak berlaku.",
            "Ngurus surat nang kelurahan kok suwe banget, mung tanda tangan wae",
        ),
        _i(
            "rt_rw2",
            "a",
            "Pengurus RT tidak pernah melaporkan penggunaan iuran warga.",
            "pak rt ogah tanda tangan pengantar krn sy blm bayar iuran",
            "Jabatan ketua RW kosong sejak lama sehingga surat pengantar tidak bisa diurus.",
        ),
        _i(
            "kelurahan_tanya2",
            "i",
            "Jam berapa pelayanan kantor ((kelurahan|kecamatan)) buka pada hari Sabtu?",
            "min, legalisir di kelurahan perlu materai gk?",
            "Alur mengurus surat pengantar nikah dari RT sampai kelurahan bagaimana?",
        ),
        _i(
            "kelurahan_usul2",
            "s",
            "Kami usul kelurahan menerima permohonan surat lewat WhatsApp.",
            "Saya apresiasi petugas kelurahan yang melayani surat pindah dengan sigap, semoga dipertahankan.",
            "Saran: ruang tunggu kelurahan ditambah kursi dan kipas angin.",
        ),
    ),
    "aparatur": (
        _i(
            "perilaku2",
            "a",
            "Petugas di ((puskesmas|loket kelurahan|kantor dinas)) membentak lansia yang bertanya, sangat tidak sopan.",
            "petugas e nesu-nesu karo wong tuwa, ngomong kasar",
            "Oknum Satpol PP merampas dagangan pedagang tanpa surat dan tidak mengembalikannya.",
            "Berkas saya dihilangkan petugas lalu saya yang dimarahi di depan orang banyak.",
            hard=True,
        ),
        _i(
            "potong_bantuan",
            "a",
            "Uang BLT yang kami terima disunat oknum ((lurah|staf kelurahan|pegawai dinas)) dengan dalih ongkos pengurusan.",
            "bantuan dipotong 50rb sama oknum kelurahan, katanya buat uang transport",
            "Pendamping meminta bagian dari uang bantuan yang diterima warga.",
            hard=True,
        ),
        _i(
            "aparatur_tanya2",
            "i",
            "Apakah pegawai negeri boleh menerima parsel atau hadiah dari warga yang dilayani?",
            "min, lapor pungli di sekolah ke mana? takut anak sy dikucilkan",
        ),
    ),
    "ketenagakerjaan": (
        _i(
            "kerja_jawa",
            "a",
            "Kula buruh ((pabrik|toko|konveksi)), gajine kirang saking UMK, lemburipun mboten dibayar",
            "kerjo rolas jam sedino, ora ono prei, bayarane ora cukup",
            "Buruh harian batik tidak mendapat jaminan sosial saat sakit atau kecelakaan kerja.",
            "Pabrik tempat saya kerja menyimpan ijazah karyawan dan baru dikembalikan kalau kontrak selesai.",
            hard=True,
        ),
        _i(
            "kerja_tanya2",
            "i",
            "Apakah pemkot punya program magang atau penyaluran kerja untuk lulusan SMK?",
            "min cara klaim jht setelah phk gmn?",
            "Bagaimana memastikan agen penyalur kerja ke luar negeri resmi?",
        ),
        _i(
            "kerja_usul2",
            "s",
            "Kami usul pelatihan kerja gratis diadakan di kelurahan untuk pemuda pengangguran.",
            "saran min bikin job fair tiap bulan",
        ),
    ),
    "perumahan": (
        _i(
            "rumah_rusak_jawa",
            "a",
            "Omah kula payone bocor lan ambrol, kula mboten gadhah arto kangge ndandosi",
            "omah ku temboke retak gedhe, wedi ambruk, nyuwun bantuan bedah omah",
            "Rumah janda tua di {rt} sudah miring dan lapuk, mohon diusulkan program RTLH.",
            "Atap rumah saya runtuh sebagian karena kayunya dimakan rayap, saya buruh harian tidak mampu memperbaiki.",
            hard=True,
        ),
        _i(
            "fasum2",
            "a",
            "Toilet umum di ((taman|alun-alun|lapangan)) rusak dan tidak terawat.",
            "lapangan kampung rumpute dhuwur, gawange rusak",
            "Fasilitas umum di perumahan kami dikuasai pengembang dan mau dijual.",
            "Rusunawa tangganya rusak dan lampunya mati, pengelola tidak memperbaiki.",
        ),
        _i(
            "perumahan_tanya2",
            "i",
            "Bagaimana cara mendaftar program bedah rumah atau RTLH?",
            "min, syarat sewa rusunawa apa aja?",
            "PSU perumahan kami terbengkalai karena pengembangnya sudah pergi, ke mana warga harus mengadu?",
        ),
        _i(
            "perumahan_usul2",
            "s",
            "Kami usul dibangun taman bermain anak di kampung kami yang padat.",
            "saran min bangku taman kota diganti, udah lapuk",
        ),
    ),
    "lainnya": (
        _i(
            "kehilangan_temuan",
            "i",
            "Ada ((dompet|tas|HP)) tertinggal di ((angkot|pasar|masjid)) yang saya temukan, bisa dititipkan di mana?",
            "sepeda motor adik sy dicuri di depan warung, bisa dilaporin lewat sini?",
            "HP saya kecopetan di pasar, apakah bisa dibantu?",
            hard=True,
        ),
        _i(
            "pencurian",
            "a",
            "Pencurian ((kotak amal|kabel|burung|helm)) di kampung kami makin sering, mohon patroli polisi.",
            "maling masuk rumah tetangga semalem, warga resah",
            hard=True,
        ),
        _i(
            "lainnya_tanya2",
            "i",
            "Jam buka ((museum batik|pantai|kolam renang kota)) saat libur panjang sampai jam berapa dan harga karcisnya berapa?",
            "min, jadwal acara ulang tahun kota tahun ini kapan?",
        ),
    ),
}


#: Suggestions worded as requests for something new ("mohon dibuatkan", "mohon diadakan") and
#: questions worded as "ada gak", "wajib gak", "mohon info": set C showed both read as aduan.
TYPE_CUES: dict[str, tuple[Issue, ...]] = {
    "adminduk": (
        _i("adminduk_mohon_usul", "s",
           "Mohon diadakan pelayanan rekam KTP di ((sekolah|kelurahan|pasar)) untuk warga yang sibuk bekerja.",
           "tolong dong capil bikin layanan malam, siang kami kerja"),
        _i("adminduk_ada_tanya", "i",
           "Anak yang baru lahir itu wajib langsung dibuatkan akta atau boleh nanti?",
           "mohon info, cetak KK sekarang bisa pakai kertas biasa atau harus di kantor?"),
    ),
    "bansos": (
        _i("bansos_mohon_usul", "s",
           "Mohon diadakan pendataan ulang penerima bantuan di RW kami secara terbuka.",
           "tolong diadain bantuan buat lansia yg hidup sendiri, banyak di kampung kami"),
        _i("bansos_ada_tanya", "i",
           "Ada gak bantuan modal usaha buat janda dari dinsos?",
           "mohon info, penerima PKH yang anaknya sudah lulus masih dapat bantuan atau tidak?"),
    ),
    "kesehatan": (
        _i("kesehatan_mohon_usul", "s",
           "Mohon diadakan pemeriksaan kesehatan gratis untuk lansia di balai RW secara rutin.",
           "tolong tambah dokter anak di puskesmas, antrenya panjang bgt"),
        _i("kesehatan_ada_tanya", "i",
           "Ada gak puskesmas yang buka malam di daerah utara?",
           "mohon info, imunisasi anak yang terlambat masih bisa dikejar di posyandu?"),
    ),
    "pendidikan": (
        _i("pendidikan_mohon_usul", "s",
           "Mohon dibangun SMA negeri baru di wilayah selatan karena sekolah yang ada terlalu jauh.",
           "tolong sekolah negeri diberi fasilitas wifi dan komputer yang layak"),
        _i("pendidikan_ada_tanya", "i",
           "Seragam sekolah negeri itu wajib beli di sekolah atau boleh beli di luar?",
           "mohon info, beasiswa buat anak berprestasi dari keluarga tidak mampu ada gak?"),
    ),
    "jalan": (
        _i("jalan_mohon_usul", "s",
           "Mohon dibuatkan jembatan penghubung antar kampung di atas sungai agar warga tidak memutar jauh.",
           "tolong jalan kampung kami diaspal, selama ini masih tanah"),
        _i("jalan_ada_tanya", "i",
           "Jalan di depan rumah itu termasuk jalan kota atau jalan provinsi? Mau lapor kerusakannya ke mana?",
           "mohon info, proyek pelebaran jalan di {jalan} jadi dilaksanakan tahun ini?"),
    ),
    "drainase": (
        _i("drainase_mohon_usul", "s",
           "Mohon dibuatkan saluran pembuangan di gang kami yang belum punya got sama sekali.",
           "tolong got di kampung kami ditutup plat beton biar aman buat anak-anak"),
        _i("drainase_ada_tanya", "i",
           "Ada gak program pengerukan got gratis dari dinas?",
           "mohon info, pembangunan saluran di kampung bisa diusulkan lewat musrenbang?"),
    ),
    "banjir_rob": (
        _i("banjir_mohon_usul", "s",
           "Mohon dibangun tanggul penahan rob di sepanjang pesisir kampung kami.",
           "tolong diadain posko siaga banjir di kelurahan pas musim hujan"),
        _i("banjir_ada_tanya", "i",
           "Ada gak bantuan untuk meninggikan lantai rumah yang sering kena rob?",
           "mohon info, sirine peringatan banjir di kampung kami masih berfungsi?"),
    ),
    "sampah": (
        _i("sampah_mohon_usul", "s",
           "Mohon disediakan kontainer sampah tambahan di pasar karena yang ada selalu penuh.",
           "tolong diadain penyuluhan pilah sampah di RW kami"),
        _i("sampah_ada_tanya", "i",
           "Iuran sampah bulanan itu resmi dari DLH atau pungutan RT saja?",
           "mohon info, sampah kasur & perabot besar buangnya ke mana?"),
    ),
    "pencemaran": (
        _i("pencemaran_mohon_usul", "s",
           "Mohon diadakan penanaman pohon dan pengawasan limbah di sepanjang sungai.",
           "tolong pengrajin batik dibina cara olah limbah yang benar"),
        _i("pencemaran_ada_tanya", "i",
           "Asap pembakaran di pabrik itu ada batasnya gak menurut aturan?",
           "mohon info, hasil uji kualitas air sungai bisa dilihat di mana?"),
    ),
    "air_bersih": (
        _i("air_mohon_usul", "s",
           "Mohon dibangun hidran umum di kampung kami yang belum terjangkau jaringan PDAM.",
           "tolong diadain loket bayar tagihan air di kelurahan"),
        _i("air_ada_tanya", "i",
           "Pemasangan meteran air baru itu gratis atau bayar?",
           "mohon info, gangguan air di wilayah selatan kapan selesai?"),
    ),
    "pju": (
        _i("pju_mohon_usul", "s",
           "Mohon dipasang lampu jalan baru di gang kami yang belum pernah ada penerangan.",
           "tolong tambah tiang lampu di jalan ke makam, gelap bgt"),
        _i("pju_ada_tanya", "i",
           "Lampu jalan di jalan kampung itu diurus Dishub atau kelurahan?",
           "mohon info, lapor lampu jalan mati bisa lewat WA?"),
    ),
    "lalu_lintas": (
        _i("lalin_mohon_usul", "s",
           "Mohon dipasang lampu lalu lintas di perempatan {jalan} yang ramai.",
           "tolong diadain angkutan umum lagi ke kampung kami"),
        _i("lalin_ada_tanya", "i",
           "Parkir di depan toko itu resmi atau liar? Karcisnya dari Dishub?",
           "mohon info, jalur angkot yang lewat pasar sekarang ada gak?"),
    ),
    "ketertiban": (
        _i("ketertiban_mohon_usul", "s",
           "Mohon pedagang kaki lima direlokasi ke tempat yang lebih tertata.",
           "tolong diadain ronda gabungan sama satpol pp tiap malam minggu"),
        _i("ketertiban_ada_tanya", "i",
           "Jualan di trotoar itu dilarang Perda atau boleh asal bayar retribusi?",
           "mohon info, aturan jam malam tempat hiburan di Pekalongan gimana?"),
    ),
    "perizinan": (
        _i("perizinan_mohon_usul", "s",
           "Mohon dibuka loket konsultasi izin usaha di setiap kecamatan.",
           "tolong proses izin usaha kecil dipercepat dan dibuat online semua"),
        _i("perizinan_ada_tanya", "i",
           "Usaha laundry rumahan itu wajib punya NIB gak?",
           "mohon info, pasang papan reklame di depan toko sendiri perlu izin?"),
    ),
    "pajak": (
        _i("pajak_mohon_usul", "s",
           "Mohon diadakan pemutihan denda PBB untuk warga yang menunggak karena pandemi.",
           "tolong bayar pbb bisa lewat qris"),
        _i("pajak_ada_tanya", "i",
           "PBB rumah yang sudah dijual itu ditagih ke penjual atau pembeli?",
           "mohon info, cara cek tunggakan PBB online di mana?"),
    ),
    "pelayanan_kelurahan": (
        _i("kelurahan_mohon_usul", "s",
           "Mohon kantor kelurahan buka layanan surat pada hari Sabtu pagi.",
           "tolong di kelurahan disediakan blangko surat yang cukup"),
        _i("kelurahan_ada_tanya", "i",
           "Surat keterangan domisili itu cukup dari RT atau harus dari kelurahan?",
           "mohon info, ganti ketua RT caranya gimana kalau yang lama sudah tidak aktif?"),
    ),
    "aparatur": (
        _i("aparatur_mohon_usul", "s",
           "Mohon petugas pelayanan diberi pelatihan sikap ramah kepada warga.",
           "tolong dipasang nomor pengaduan pungli di tiap kantor"),
        _i("aparatur_ada_tanya", "i",
           "Pegawai yang minta uang di luar tarif itu bisa dilaporkan ke mana?",
           "mohon info, ASN ikut kampanye itu melanggar aturan gak?"),
    ),
    "ketenagakerjaan": (
        _i("kerja_mohon_usul", "s",
           "Mohon diadakan pelatihan membatik dan menjahit bersertifikat untuk ibu-ibu.",
           "tolong pengawasan upah di pabrik diperketat"),
        _i("kerja_ada_tanya", "i",
           "Berapa UMK Kota Pekalongan tahun ini dan berlaku untuk pekerja toko juga?",
           "mohon info, bikin kartu AK-1 harus datang ke disnaker atau bisa online?"),
    ),
    "perumahan": (
        _i("perumahan_mohon_usul", "s",
           "Mohon dibangun taman dan ruang bermain anak di lahan kosong milik pemkot di kampung kami.",
           "tolong makam umum diperluas, sudah hampir penuh"),
        _i("perumahan_ada_tanya", "i",
           "Bantuan bedah rumah itu untuk rumah milik sendiri saja atau rumah sewa juga bisa?",
           "mohon info, daftar rusunawa ada antreannya gak?"),
    ),
    "lainnya": (
        _i("lainnya_mohon_usul", "s",
           "Mohon diadakan operasi pasar karena harga beras dan minyak goreng naik terus.",
           "tolong diadain wifi gratis di balai warga"),
        _i("lainnya_ada_tanya", "i",
           "Apa benar ada lomba kampung bersih tingkat kota tahun ini?",
           "mohon info, pendaftaran CPNS pemkot dibuka kapan?"),
    ),
}  # fmt: skip

#: A problem told first and a suggestion at the end is a suggestion; a story that ends with a
#: question is a question.
MIXED_TYPES: dict[str, tuple[Issue, ...]] = {
    "adminduk": (
        _i(
            "adminduk_cerita_usul",
            "s",
            "Antrean rekam KTP selalu penuh sejak subuh, usul saya dibuka sesi sore untuk pekerja.",
        ),
        _i(
            "adminduk_cerita_tanya",
            "i",
            "Ibu saya sudah 80 tahun dan tidak bisa berdiri lama. Kemarin kami antre dua jam lalu pulang. Apakah ada perekaman KTP di rumah untuk lansia?",
        ),
    ),
    "bansos": (
        _i(
            "bansos_cerita_usul",
            "s",
            "Banyak lansia miskin di kampung kami belum terdata, sebaiknya pendataan dilakukan dari rumah ke rumah.",
        ),
        _i(
            "bansos_cerita_tanya",
            "i",
            "Suami saya sakit stroke sejak tahun lalu dan tidak bisa bekerja, anak kami tiga. Apakah kami bisa didaftarkan sebagai penerima bantuan?",
        ),
    ),
    "kesehatan": (
        _i(
            "kesehatan_cerita_usul",
            "s",
            "Posyandu di RW kami kekurangan alat, usul diberi timbangan dan alat ukur tinggi badan baru.",
        ),
        _i(
            "kesehatan_cerita_tanya",
            "i",
            "Anak saya demam tinggi sejak kemarin dan besok hari libur. Puskesmas mana yang tetap buka hari Minggu?",
        ),
    ),
    "pendidikan": (
        _i(
            "pendidikan_cerita_usul",
            "s",
            "Anak-anak di kampung kami sekolah jauh, sebaiknya dibangun SD negeri baru di sini.",
        ),
        _i(
            "pendidikan_cerita_tanya",
            "i",
            "Kami baru pindah dari luar kota bulan ini dan anak saya kelas 3 SD. Apakah bisa langsung masuk SD negeri terdekat dan syaratnya apa?",
        ),
    ),
    "jalan": (
        _i(
            "jalan_cerita_usul",
            "s",
            "Jalan kampung kami sempit dan sering macet, usul dilebarkan dan diberi trotoar.",
        ),
        _i(
            "jalan_cerita_tanya",
            "i",
            "Jalan di depan rumah saya rusak sejak dua tahun lalu dan sudah sering dilaporkan. Sebenarnya jalan ini tanggung jawab siapa?",
        ),
    ),
    "drainase": (
        _i(
            "drainase_cerita_usul",
            "s",
            "Tiap hujan gang kami tergenang, saran kami dibuat sumur resapan di beberapa titik.",
        ),
        _i(
            "drainase_cerita_tanya",
            "i",
            "Saluran di depan rumah saya tertutup cor tetangga. Kalau mau dibongkar, siapa yang berwenang?",
        ),
    ),
    "banjir_rob": (
        _i(
            "banjir_rob_cerita_usul",
            "s",
            "Rob datang hampir tiap bulan, sebaiknya rumah pompa ditambah di kampung kami.",
        ),
        _i(
            "banjir_rob_cerita_tanya",
            "i",
            "Rumah kami sudah lima kali ditinggikan karena rob. Apakah pemerintah punya rencana memindahkan warga dari sini?",
        ),
    ),
    "sampah": (
        _i(
            "sampah_cerita_usul",
            "s",
            "Tempat sampah di taman selalu penuh, usul ditambah dan dipilah organik dan plastik.",
        ),
        _i(
            "sampah_cerita_tanya",
            "i",
            "Sejak bulan lalu tukang sampah tidak lewat lagi. Sekarang warga harus membuang sampah ke mana?",
        ),
    ),
    "pencemaran": (
        _i(
            "pencemaran_cerita_usul",
            "s",
            "Sungai kami sering berwarna karena limbah, saran saya dibuat IPAL bersama untuk pengrajin.",
        ),
        _i(
            "pencemaran_cerita_tanya",
            "i",
            "Air sungai di kampung kami kadang merah kadang biru. Apakah masih aman dipakai untuk menyiram sayur?",
        ),
    ),
    "air_bersih": (
        _i(
            "air_bersih_cerita_usul",
            "s",
            "Air PDAM sering mati mendadak, usul ada pemberitahuan lewat pesan singkat ke pelanggan.",
        ),
        _i(
            "air_bersih_cerita_tanya",
            "i",
            "Rumah saya baru dibangun di ujung gang. Apakah jaringan PDAM bisa sampai ke sini dan berapa biayanya?",
        ),
    ),
    "pju": (
        _i(
            "pju_cerita_usul",
            "s",
            "Jalan ke sekolah anak kami gelap, usul dipasang beberapa lampu jalan baru.",
        ),
        _i(
            "pju_cerita_tanya",
            "i",
            "Lampu jalan di kampung kami dipasang warga sendiri dengan listrik rumah. Apakah bisa diganti PJU resmi dan bagaimana caranya?",
        ),
    ),
    "lalu_lintas": (
        _i(
            "lalu_lintas_cerita_usul",
            "s",
            "Anak-anak sulit menyeberang di depan sekolah, usul dibuatkan zebra cross dan rambu.",
        ),
        _i(
            "lalu_lintas_cerita_tanya",
            "i",
            "Angkot ke kampung kami sudah tidak ada sejak tahun lalu. Apakah ada rencana trayek baru?",
        ),
    ),
    "ketertiban": (
        _i(
            "ketertiban_cerita_usul",
            "s",
            "PKL memenuhi trotoar alun-alun, saran saya mereka dipindah ke lokasi khusus yang tertata.",
        ),
        _i(
            "ketertiban_cerita_tanya",
            "i",
            "Di gang kami ada rumah yang sering dipakai berjudi. Ke mana sebaiknya warga melapor?",
        ),
    ),
    "perizinan": (
        _i(
            "perizinan_cerita_usul",
            "s",
            "Mengurus izin usaha bolak-balik, usul ada petugas pendamping di mal pelayanan.",
        ),
        _i(
            "perizinan_cerita_tanya",
            "i",
            "Saya mau membuka warung kopi kecil di teras rumah. Izin apa saja yang harus saya urus?",
        ),
    ),
    "pajak": (
        _i(
            "pajak_cerita_usul",
            "s",
            "Tagihan PBB berat bagi lansia, sebaiknya ada keringanan khusus bagi mereka.",
        ),
        _i(
            "pajak_cerita_tanya",
            "i",
            "Rumah warisan orang tua belum dibalik nama. PBB-nya sekarang ditagihkan ke siapa?",
        ),
    ),
    "pelayanan_kelurahan": (
        _i(
            "pelayanan_kelurahan_cerita_usul",
            "s",
            "Warga sering bolak-balik ke kelurahan, usul dibuat layanan surat lewat WhatsApp.",
        ),
        _i(
            "pelayanan_kelurahan_cerita_tanya",
            "i",
            "Saya mau mengurus surat keterangan usaha untuk pinjaman bank. Syaratnya apa saja dan berapa lama?",
        ),
    ),
    "aparatur": (
        _i(
            "aparatur_cerita_usul",
            "s",
            "Masih ada pungutan di loket pelayanan, usul dipasang papan tarif resmi dan CCTV.",
        ),
        _i(
            "aparatur_cerita_tanya",
            "i",
            "Kemarin saya dimintai uang oleh petugas saat mengurus surat. Apakah itu resmi dan ke mana saya bisa melapor?",
        ),
    ),
    "ketenagakerjaan": (
        _i(
            "ketenagakerjaan_cerita_usul",
            "s",
            "Banyak pemuda kampung menganggur, usul ada pelatihan kerja gratis di kelurahan.",
        ),
        _i(
            "ketenagakerjaan_cerita_tanya",
            "i",
            "Saya baru di-PHK setelah enam tahun bekerja. Apa saja hak saya dan ke mana saya mengadu?",
        ),
    ),
    "perumahan": (
        _i(
            "perumahan_cerita_usul",
            "s",
            "Taman kampung kami tidak terawat, usul diperbaiki dan ditambah alat bermain anak.",
        ),
        _i(
            "perumahan_cerita_tanya",
            "i",
            "Rumah saya dindingnya retak dan atapnya bocor, penghasilan saya pas-pasan. Apakah ada program perbaikan rumah?",
        ),
    ),
    "lainnya": (
        _i(
            "lainnya_cerita_usul",
            "s",
            "Harga kebutuhan pokok terus naik, usul pemkot mengadakan pasar murah rutin.",
        ),
        _i(
            "lainnya_cerita_tanya",
            "i",
            "Di grup WA beredar kabar ada pemadaman listrik tiga hari. Apakah kabar itu benar?",
        ),
    ),
}

#: Written after set D was measured, without reusing its sentences: more ways of talking about
#: topics at the edge of a category, where the second and third guesses were missing (new kinds
#: of vehicles, events closing a road, flyers on walls, residents' data at the kelurahan,
#: gambling, found property).
WIDER_ISSUES: dict[str, tuple[Issue, ...]] = {
    "lalu_lintas": (
        _i(
            "lalin_kendaraan_baru",
            "a",
            "Banyak anak SD naik sepeda listrik di jalan raya {jalan}, ngebut dan melawan arus.",
            "skuter listrik sewaan dipakai bocah2 di jalur cepat {jalan}, bahaya min",
            "Odong-odong dan bentor lewat jalan provinsi tanpa lampu, mohon ditertibkan lalu lintasnya.",
            "Bocah durung nduwe SIM numpak motor listrik nang dalan gedhe {kel}, medeni.",
        ),
        _i(
            "lalin_aturan_tanya",
            "i",
            "Apakah motor listrik wajib pakai pelat nomor dan SIM kalau lewat jalan kota?",
            "min, sepeda listrik boleh gak sih masuk jalan raya? atau cuma buat di gang?",
            "Kendaraan roda tiga seperti bentor apakah diizinkan melintas di jalan utama kota?",
            "Umur berapa anak boleh mengendarai sepeda motor listrik di jalan umum?",
        ),
    ),
    "ketertiban": (
        _i(
            "ketertiban_tutup_jalan",
            "a",
            "Jalan kampung di {kel} ditutup tenda hajatan tiga hari, kendaraan harus memutar jauh.",
            "ada acara nikahan pasang terop nutup gang {rt} {kel}, ambulan ga bisa lewat",
            "Panggung orkes dangdut menutup jalan {jalan} sampai tengah malam, tanpa pengaturan.",
            "Dalan dienggo tratag mantenan, kabeh wong kudu muter, nyuwun ditertibke.",
        ),
        _i(
            "ketertiban_tutup_jalan_tanya",
            "i",
            "Kalau mau menutup jalan kampung untuk acara keluarga, apakah harus lapor dan ke mana?",
            "menutup gang buat pengajian akbar perlu surat dari mana ya min?",
        ),
        _i(
            "ketertiban_tempel_liar",
            "a",
            "Stiker sedot WC dan pinjaman online ditempel di tiang listrik dan tembok sepanjang {jalan}.",
            "pamflet iklan ditempel sembarangan di pagar rumah warga {kel}, susah dicopot",
            "Tembok sekolah penuh coretan dan tempelan brosur, mohon ditertibkan.",
            "Iklan sedot WC dicat di tembok rumah kami tanpa izin, tolong ditindak.",
        ),
    ),
    "pelayanan_kelurahan": (
        _i(
            "kelurahan_data_warga",
            "a",
            "Data kependudukan di kelurahan {kel} tidak pernah diperbarui, warga lama masih tercatat pendatang.",
            "nama keluarga kami hilang dari buku induk warga di kelurahan, padahal tinggal di sini sejak lama",
            "Pendataan warga oleh kelurahan salah, rumah kami tercatat kosong.",
            "Data RT RW di kelurahan amburadul, warga pindahan belum dicatat sama sekali.",
        ),
        _i(
            "kelurahan_data_tanya",
            "i",
            "Bagaimana cara memperbaiki data warga di buku register kelurahan?",
            "min, kalo status warga di kelurahan masih tercatat numpang, gimana ngurusnya?",
        ),
    ),
    "lainnya": (
        _i(
            "lainnya_judi",
            "a",
            "Ada tempat judi togel dan judi online di warung dekat {lm}, anak muda ikut main.",
            "judol makin marak di kampung {kel}, promosinya di grup WA dan spanduk",
            "Sabung ayam dengan taruhan tiap Minggu di lapangan {kel}.",
            "Iklan situs judi slot disebar lewat brosur di warung-warung.",
        ),
        _i(
            "lainnya_temuan",
            "i",
            "Saya menemukan ponsel di masjid, ke mana sebaiknya diserahkan?",
            "nemu tas isi surat2 penting di pinggir jalan, dibawa ke kantor polisi atau ke mana?",
        ),
    ),
}


#: Boundary cases between categories, in new wordings: written after held-out sets A to D
#: were measured, from the kinds of confusion they showed (money asked inside a service,
#: thanks that name the fixed object, a PLN fault, a fire seen as smoke, tax data, fights and
#: drinking, cemeteries, noise from small businesses), with other scenes and words than
#: their complaints. Not part of ``ISSUES``: the builder appends their examples after the
#: main corpus (``Builder.boundary_rows``) and draws no duplicate pairs from them, so the
#: rest of the corpus and ``pairs_train.jsonl`` stay as they were.
BOUNDARY_ISSUES: dict[str, tuple[Issue, ...]] = {
    "aparatur": (
        _i(
            "aparatur_uang_di_layanan",
            "a",
            "Oknum pegawai rumah sakit menawarkan kamar rawat inap lebih cepat asal diberi uang rokok.",
            "Uang bantuan warga dicairkan lewat kantor kelurahan dan tiap penerima dipotong {rp} untuk 'kas'.",
            "satpam sekolah negeri minta 'uang pendaftaran' ke wali murid baru, katanya disuruh atasan",
            hard=True,
        ),
        _i(
            "aparatur_pejabat_absen",
            "a",
            "Sekretaris kecamatan sering meninggalkan kantor pada jam pelayanan, urusan warga terbengkalai.",
            "Kepala puskesmas tidak pernah bisa ditemui, stafnya bilang beliau dinas luar terus.",
            hard=True,
        ),
    ),
    "lainnya": (
        _i(
            "apresiasi_objek",
            "a",
            "Alhamdulillah ((lampu PJU|gorong-gorong|tong sampah)) di gang kami sudah normal lagi, salut untuk petugas lapangan.",
            "matur nuwun sanget, ((lampu dalan|got|uwuh)) sing wingi dikeluhke sampun beres",
            "mantap pak, ((PJU|selokan|TPS)) yg kemarin dikeluhkan warga skrg udh oke",
            hard=True,
            label="s",  # a pure thank-you (the sets L and M round)
        ),
        _i(
            "pln_gangguan",
            "a",
            "!Trafo di tiang PLN {loc} mengeluarkan percikan api dan listrik sekampung padam.",
            "listrik rumah byar pet terus sejak kemarin, kulkas & tv rusak, PLN gk respon",
            "Meteran listrik prabayar di rumah saya rusak dan PLN belum datang memperbaiki.",
            hard=True,
        ),
        _i(
            "penipuan",
            "a",
            "Ada telepon mengaku dari dinas sosial meminta saya membayar biaya administrasi agar bantuan cair, apakah resmi?",
            "beli hp lewat marketplace yg dateng malah batu bata, penjualnya ngaku org pekalongan",
            hard=True,
        ),
    ),
    "banjir_rob": (
        _i(
            "kebakaran_asap",
            "a",
            "!Kepulan asap pekat keluar dari toko yang terbakar di {loc}, warga berusaha memadamkan dengan ember.",
            "!ada rumah kebakaran di {loc}, asapnya item pekat, damkar blm dtg",
            hard=True,
        ),
        _i(
            "relokasi_rob",
            "i",
            "Kampung kami di {kel} sudah tidak layak huni karena rob permanen, kapan pemerintah menyiapkan lahan pindahan?",
            hard=True,
        ),
    ),
    "pajak": (
        _i(
            "pbb_data_salah",
            "a",
            "Di SPPT rumah saya tertulis dua lantai padahal hanya satu lantai, mohon pendataan ulang objek pajaknya.",
            "Kelas tanah di SPPT naik dua tingkat sekaligus tanpa ada pembangunan apa pun di lingkungan kami.",
            "SPPT kulo nilai bangunane kegedhen, omah kulo alit",
            hard=True,
        ),
    ),
    "ketertiban": (
        _i(
            "ketertiban_warga_resah",
            "a",
            "Pengamen dan manusia gerobak berkeliling rumah ke rumah di {kel} memaksa minta uang.",
            "!Terjadi perkelahian massal antar kampung di {loc}, ada yang membawa senjata tajam.",
            "Di pos ronda {rt} tiap malam ada yang pesta miras dan memutar musik keras, warga takut menegur.",
            hard=True,
        ),
    ),
    "perumahan": (
        _i(
            "makam_perawatan",
            "a",
            "Makam umum {kel} penuh rumput liar setinggi pinggang dan gapuranya retak, mohon dirawat.",
            "kompleks makam ora ono banyu kanggo wudhu lan pendopone bocor",
            hard=True,
        ),
    ),
    "bansos": (
        _i(
            "bansos_status_berubah",
            "i",
            "Anak saya sudah diterima kerja kontrak, apakah keluarga kami otomatis dicoret dari penerima PKH?",
            hard=True,
        ),
    ),
    "pencemaran": (
        _i(
            "bising_usaha",
            "a",
            "Penggilingan padi di kampung beroperasi dengan suara keras dari pagi sampai malam, apakah tidak ada batas kebisingan untuk usaha?",
            "bengkel bubut sebelah rumah getarannya sampai bikin tembok retak, yg ngurus kebisingan industri siapa?",
            hard=True,
        ),
    ),
    "jalan": (
        _i(
            "jalan_bekas_proyek",
            "a",
            "Setelah proyek kabel fiber optik, aspal {jalan} dibiarkan terbelah dan bergelombang, kontraktornya menghilang.",
            "urugan bekas proyek di tengah jalan kampung jadi gundukan, motor sering oleng",
            hard=True,
        ),
    ),
    "kesehatan": (
        _i(
            "kesehatan_syarat_berkas",
            "a",
            "Puskesmas menolak memeriksa balita karena fotokopi KK ibunya tidak dibawa, padahal anaknya demam tinggi.",
            "bayi sy lahir di RS blm bisa dilayani BPJS krn blm masuk KK, disuruh bayar umum",
            hard=True,
        ),
    ),
    "pju": (
        _i(
            "pju_dekat_fasilitas",
            "s",
            "Jalan masuk ke ((pondok pesantren|SD negeri|masjid)) {kel} belum ada PJU sama sekali, pengunjung malam meraba-raba.",
            "usul tiang PJU baru di depan ((posyandu|balai RW|klinik)), kalau malam gelap",
            hard=True,
        ),
    ),
}


#: General knowledge on the boundaries where complaint set H's first look went wrong, written
#: in other scenes and words than any held-out set (no sentence of a held-out set is copied or
#: paraphrased): a traffic light is not a street light; a city website or app that does not
#: open is Dinkominfo's, not Disdukcapil's; figurative "banjir" is not a flood; the regional
#: library is ``lainnya``; an address naming a bridge or road does not make a river-pollution
#: report ``jalan``; campaign banners on poles are not street lights; a form field
#: (``service_code=``, ``kategori=``) chosen by the citizen does not decide. Like
#: ``BOUNDARY_ISSUES``, their examples come from generators of their own, after the main
#: corpus, with no pairs drawn from them (docs/triage.md, "The set H round").
LESSON_ISSUES: dict[str, tuple[Issue, ...]] = {
    "lalu_lintas": (
        _i(
            "apill_bukan_pju",
            "a",
            "APILL di simpang {jalan} padam total sejak subuh, pengendara saling serobot.",
            "lampu merahnya rusak",
            "bangjo ((mati|rusak|ora urup)) meneh",
            "traffic light di pertigaan {lm} kedip kuning terus dari kemarin",
            "Lampu pengatur lalu lintas di perempatan {jalan} hanya menyala merah di semua arah.",
            "LAMPU MERAH SIMPANG {jalan} ERROR, HIJAU SEMUA ARAH",
            "lampu bangjo prapatan {lm} mati, dudu lampu dalan",
            hard=True,
        ),
        _i(
            "parkir_tarif_lebih",
            "a",
            "Pungutan parkir liar di depan {lm}: tukang parkir memaksa pengendara bayar dobel.",
            "parkir mobil di bahu {jalan} ditarik 10rb sama jukir, katanya uang jaga, pungli kan ini",
            hard=True,
        ),
        _i(
            "rambu_tanya",
            "i",
            "Bagaimana prosedur mengajukan pemasangan rambu dan marka zebra cross ke Dinas Perhubungan?",
            "min klo mau minta dipasang rambu dilarang parkir di depan gang, prosedurnya gmn?",
        ),
    ),
    "pju": (
        _i(
            "pju_putus_proyek",
            "a",
            "Setelah pekerjaan saluran di {jalan} selesai, tiga tiang PJU tidak menyala lagi, kabelnya terputus waktu penggalian.",
            hard=True,
        ),
    ),
    "lainnya": (
        _i(
            "situs_pemkot_galat",
            "a",
            "Situs resmi Pemkot Pekalongan tidak bisa dimuat sejak pagi, muncul tulisan server error.",
            "situs pemkot lemot parah min, sering muncul 404",
            "app layanan warga buatan pemkot force close tiap dibuka, udah update tetap sama",
            "PORTAL INFORMASI KOTA ERROR SEHARIAN",
            "laman pengaduan online pemkot error pas kirim laporan, tombolnya gk jalan",
            hard=True,
        ),
        _i(
            "kabar_bohong",
            "a",
            "Beredar pesan berantai palsu yang mengatasnamakan wali kota soal pembagian sembako, mohon diluruskan lewat akun resmi.",
            "berita bohong soal penculikan anak menyebar di grup2 warga, mohon dinas kominfo meluruskan",
            "medsos lagi banjir info palsu soal pemadaman air seminggu, bener gk sih? mohon konfirmasi resmi",
            "Beredar isu di media sosial bahwa pompa rob rusak semua dan kampung pesisir akan tenggelam malam ini, mohon pemkot segera membantah kabar itu.",
            hard=True,
        ),
        _i(
            "perpustakaan_daerah",
            "i",
            "Bagaimana cara membuat kartu anggota perpustakaan daerah, apakah bisa online?",
            "peminjaman buku di perpusda bisa diperpanjang lewat online gk?",
            "Harga tiket masuk objek wisata pantai saat libur lebaran berapa, ada jam tutupnya?",
            "Gedung kesenian dan museum kota ada jadwal pameran atau pertunjukan bulan ini?",
        ),
        _i(
            "layanan_polisi",
            "i",
            "Syarat perpanjangan SIM C yang sudah lewat masa berlakunya apa saja, harus ujian ulang?",
            "SKCK skrg bisa diurus online atau tetap harus dateng ke polres?",
        ),
        _i(
            "umkm_promosi",
            "s",
            "Saran pemkot membuat katalog online produk usaha kecil warga agar lebih dikenal pembeli luar kota.",
            "usul ada festival kuliner khas Pekalongan tiap tahun buat narik wisatawan",
        ),
        _i(
            "wifi_publik_putus",
            "a",
            "sinyal wifi publik di alun-alun sering putus, mohon kominfo perbaiki",
        ),
    ),
    "ketertiban": (
        _i(
            "alat_peraga_kampanye",
            "a",
            "Alat peraga kampanye caleg belum diturunkan padahal masa kampanye sudah selesai, masih terikat di tiang lampu di {loc}.",
            "poster caleg di tiang lampu jalan & tembok rumah warga blm dicopot, jd kumuh",
            "bendera partai & spanduk kampanye kok blm dicopot di {loc}, pemilunya udah kelar",
            hard=True,
        ),
        _i(
            "gepeng_di_apill",
            "a",
            "Setiap lampu merah di {jalan} menyala, pengamen badut dan manusia silver mendatangi mobil satu per satu minta uang.",
            hard=True,
        ),
        _i(
            "linmas_patroli",
            "s",
            "Anggota satlinmas di kelurahan kami kurang, saran ditambah dan diberi pelatihan pengamanan lingkungan.",
            "usul linmas patroli keliling ke gang2 sepi yg rawan maling",
        ),
        _i(
            "bongkar_bangunan_liar",
            "a",
            "Kios semi permanen didirikan menutupi sempadan sungai di {loc}, mohon ditertibkan dan dibongkar.",
            "pagar rumah warga dimajukan sampai makan trotoar {jalan}, mohon ditertibkan",
            hard=True,
        ),
    ),
    "pencemaran": (
        _i(
            "laporan_formulir_sungai",
            "a",
            "service_code=jalan; address_string=jembatan {jalan}; description=air sungai di bawah jembatan berwarna merah pekat dan berbau limbah",
            "kategori=jalan; lokasi=dekat jembatan {lm}; isi=kali item pekat, bau kimia, gatal kalau kena kulit",
            "Alamat: Jl. {jalan} sebelah jembatan. Laporan: limbah cair pabrik dibuang ke sungai, airnya berbusa",
            hard=True,
        ),
        _i(
            "limbah_usaha_rumahan",
            "a",
            "Usaha pencucian jeans di {loc} membuang air bekas cucian ke selokan, baunya menyengat sampai ke rumah warga.",
            "service_code=drainase; description=got depan rumah lancar, masalahnya pabrik tahu buang limbah cair ke situ, baunya asam",
            hard=True,
        ),
    ),
    "ketenagakerjaan": (
        _i(
            "phk_formulir",
            "i",
            "kategori=lainnya; isi=pabrik tempat saya kerja tutup, pesangon belum dibayar, lapor ke mana?",
            "Saya korban pemutusan hubungan kerja, bagaimana cara ikut pelatihan di BLK dan info lowongan?",
            hard=True,
        ),
    ),
    "perizinan": (
        _i(
            "mal_pelayanan",
            "s",
            "Antrean izin usaha di Mal Pelayanan Publik panjang, saran ditambah loket DPMPTSP dan nomor antrean online.",
            "MPP buka jam berapa? mau urus NIB",
        ),
    ),
    "jalan": (
        _i(
            "jalan_ke_fasilitas",
            "a",
            "Jalan di depan {sekolah} aspalnya mengelupas dan ambles, guru dan wali murid kesulitan lewat.",
            "jalan ke madrasah & puskesmas pembantu rusak parah, berlubang dimana2",
            hard=True,
        ),
    ),
    "pendidikan": (
        _i(
            "perpustakaan_sekolah",
            "s",
            "usul tiap SD negeri punya pustakawan sendiri, perpustakaan sekolah sering dikunci",
            "Ruang perpustakaan SMP negeri dipakai jadi gudang, siswa tidak bisa meminjam buku pelajaran.",
            hard=True,
        ),
    ),
    "aparatur": (
        _i(
            "setoran_jukir",
            "a",
            "Oknum pegawai Dishub menarik setoran harian dari para jukir, uangnya tidak masuk kas daerah.",
            hard=True,
        ),
        _i(
            "pejabat_jarang_ngantor",
            "a",
            "Lurah {kel} lebih sering di luar kantor, urusan yang butuh tanda tangannya tertunda berhari-hari.",
            "camat jarang di tempat pas jam layanan, surat2 numpuk gk diteken",
            "ASN di loket malah nonton video di HP, warga antre dicuekin",
            hard=True,
        ),
    ),
    "pelayanan_kelurahan": (
        _i(
            "musyawarah_kelurahan",
            "s",
            "Saran agar musyawarah kelurahan dijadwalkan jauh hari supaya pengurus RT RW bisa menyiapkan usulan.",
        ),
    ),
    "perumahan": (
        _i(
            "taman_bermain",
            "s",
            "Usul di kampung padat {kel} dibangun taman bermain anak dan ruang terbuka hijau, anak-anak main di jalan.",
        ),
    ),
}


#: General knowledge on the boundaries where complaint set I's first look went wrong, in
#: other scenes and words than any held-out set, appended to ``LESSON_ISSUES`` (each
#: category's earlier lessons keep their examples): school admissions (PPDB) and replacement
#: certificates are the school office's; a street light flickering at a junction is a street
#: light; a missing drain cover is the drain's; sea water coming in is rob whatever the drains
#: do; a public toilet (MCK) and help to raise a house's floor are housing; a school bus and
#: lorries through a kampung are traffic; a home visit by the puskesmas is health; a polluter
#: without a permit is reported for the pollution; officers taking money are ``aparatur``;
#: sick livestock and police vehicle papers are ``lainnya``; praise and formal requests for
#: something new are aspirations (docs/triage.md, "The set I round").
SET_I_LESSONS: dict[str, tuple[Issue, ...]] = {
    "pendidikan": (
        _i(
            "ppdb_penerimaan",
            "i",
            "Pendaftaran PPDB SMP negeri jalur zonasi tahun ini dibuka tanggal berapa dan syaratnya apa saja?",
            "ppdb jalur prestasi kuotanya brp persen min?",
            "Pengumuman hasil seleksi PPDB jalur afirmasi dipasang di mana, sekolah atau online?",
            "PPDB TK SD negeri taun iki nganggo zonasi ora?",
            hard=True,
        ),
        _i(
            "ppdb_tidak_adil",
            "a",
            "Anak saya tidak lolos PPDB zonasi padahal rumah kami dekat sekolah, yang rumahnya jauh malah diterima.",
            "sistem PPDB online error pas hari terakhir pendaftaran, anak sy gk kedaftar",
            "anakku ditolak PPDB SMP padahal omahe cedhak sekolahan, piye iki pak?",
            hard=True,
        ),
        _i(
            "pengganti_ijazah",
            "i",
            "Ijazah SMA saya rusak dimakan rayap, bagaimana cara meminta surat keterangan pengganti ijazah ke dinas pendidikan?",
            "legalisir ijazah SMP yg sekolahnya udh tutup dimana ya?",
            hard=True,
        ),
    ),
    "pju": (
        _i(
            "pju_kedip_simpang",
            "a",
            "PJU di pertigaan {jalan} kedap-kedip nyala mati sepanjang malam, mohon lampunya diganti.",
            "lampu dalan ing perempatan {lm} byar pet, sedhela urup sedhela mati",
            "lampu PJU neng pertelon {lm} kedhip2 wae, kadang urup kadang ora",
            hard=True,
        ),
        _i(
            "surat_permohonan_pju",
            "s",
            "Kepada Yth. Kepala Dinas Perhubungan. Dengan hormat, kami pengurus RW 05 memohon pemasangan lampu penerangan jalan di jalan lingkungan yang baru dibeton. Hormat kami.",
        ),
    ),
    "air_bersih": (
        _i(
            "surat_permohonan_jaringan",
            "s",
            "Kepada Yth. Direktur Perumda Air Minum Tirta Pekalongan. Dengan hormat, kami warga RT 03 mengajukan permohonan perluasan jaringan pipa air bersih ke perumahan kami. Hormat kami, Ketua RT.",
        ),
    ),
    "pajak": (
        _i(
            "tagihan_pajak_dipertanyakan",
            "a",
            "Penjual gorengan di depan rumah ditagih pajak reklame untuk papan nama kecilnya, memang boleh begitu?",
            hard=True,
        ),
    ),
    "drainase": (
        _i(
            "penutup_saluran_hilang",
            "a",
            "Penutup saluran dari besi di trotoar {jalan} dicuri orang, lubang got menganga.",
            "tutup gorong2 dpn {lm} ilang, gotnya kebuka lebar, mohon dipasang lagi",
            hard=True,
        ),
    ),
    "perumahan": (
        _i(
            "mck_umum",
            "a",
            "MCK umum di {loc} atapnya bocor dan tangki septiknya penuh, warga terpaksa buang air ke sungai.",
            "Jamban umum ing RW kula sampun dangu boten wonten toyanipun, klosetipun pecah. Nyuwun dipun dandosi.",
            "wc umum kampung rusak, pintune copot, ra iso dienggo",
            hard=True,
        ),
    ),
    "kesehatan": (
        _i(
            "perawatan_di_rumah",
            "i",
            "Apakah puskesmas punya layanan perawatan di rumah untuk pasien stroke yang tidak bisa dibawa keluar?",
            "bapak habis operasi gk bisa jalan, ganti perban bisa dilayani petugas puskesmas ke rumah gk?",
            hard=True,
        ),
    ),
    "pencemaran": (
        _i(
            "pencemar_tanpa_izin",
            "a",
            "Usaha sablon di {loc} tidak berizin dan membuang sisa cat ke got, mohon DLH menghentikan pembuangannya.",
            hard=True,
        ),
    ),
    "aparatur": (
        _i(
            "uang_pelicin_rsud",
            "a",
            "Petugas loket RSUD meminta uang pelicin supaya pasien tertentu didahulukan, yang tidak memberi menunggu berjam-jam.",
            hard=True,
        ),
        _i(
            "calo_kantor_layanan",
            "a",
            "neng kantor kecamatan ana makelar sing nawani KTP dadi sedina yen mbayar 250 ewu, petugas loket meneng wae",
            hard=True,
        ),
    ),
}

#: General knowledge on the boundaries where complaint set J's first look went wrong, in
#: other scenes and words than any held-out set, appended to ``LESSON_ISSUES`` after the
#: set I lessons (each category's earlier lessons keep their examples); like
#: ``SET_I_LESSONS`` they teach the suggested category only, the duplicate scorer reads a
#: classifier fitted without them (docs/triage.md, "The set J round"): the job seeker's card
#: (AK-1, *kartu kuning*) stays the labour office's when its trouble is a NIK or an address;
#: officers asking money for a letter or a permit, in any register, are ``aparatur``; a hole
#: near a traffic light or on the way to a school is the road's; a carcass or rubbish thrown
#: away is ``sampah`` unless the request is to clear the drain it blocks; carts over a drain
#: and a building to be stopped are ``ketertiban``; a river flooding houses is a flood
#: whatever colour its water; power cuts at home and arts venues are ``lainnya``.
SET_J_LESSONS: dict[str, tuple[Issue, ...]] = {
    "aparatur": (
        _i(
            "pegawai_minta_uang",
            "a",
            "staf kelurahan njaluk sangu seket ewu nek arep gawe surat domisili, kudune kan ora mbayar",
            "Pegawai kantor kecamatan memungut Rp100 ribu untuk surat keterangan yang seharusnya gratis, katanya uang administrasi.",
            "Wonten pegawe kantor ingkang nyuwun yatra supados surat izin kula enggal dipun proses, punika leres menapa boten?",
            "oknum dinas minta uang jutaan di luar tarif resmi biar izin bangunan cepat terbit, saya simpan bukti chatnya",
            hard=True,
        ),
        _i(
            "lurah_jarang_ngantor",
            "a",
            "bu lurah {kel} jarang ngantor, warga yg butuh tanda tangan harus nunggu berhari-hari",
            "camat kok datang siang terus pulang sebelum dzuhur, warga mau ketemu gak pernah bisa",
            hard=True,
        ),
        _i(
            "calo_dukcapil",
            "a",
            "calo akta kelahiran mangkal di depan kantor capil, nawarin jadi cepat asal bayar 500rb",
            hard=True,
        ),
    ),
    "jalan": (
        _i(
            "jalan_ke_sekolah_rusak",
            "a",
            "Akses jalan menuju ((SD|SMP|madrasah)) di {kel} berlubang dan berlumpur, murid yang naik sepeda sering terpeleset.",
            "Margi tumuju sekolahan ing {kel} sampun risak awon, lare-lare asring kepleset menawi jawah.",
            "dalan nang sekolahan bolong-bolong kabeh, bocah-bocah numpak pit do tiba",
            hard=True,
        ),
    ),
    "sampah": (
        _i(
            "bangkai_dibuang",
            "a",
            "Bangkai ayam dibuang orang ke kali dekat {lm}, sudah membusuk, mohon diangkut petugas kebersihan.",
            "ana sing mbuang bathang kucing neng got ngarep omah, mambu banget, tulung dijupuk",
            hard=True,
        ),
        _i(
            "buang_sampah_bantaran",
            "a",
            "Warga luar kampung membuang sampah rumah tangga di tepi sungai {loc}. Mohon dipasang papan larangan dan pelakunya diberi sanksi.",
            hard=True,
        ),
    ),
    "drainase": (
        _i(
            "saluran_tersumbat_sampah_normalisasi",
            "a",
            "Got di sepanjang {jalan} penuh sampah plastik sampai airnya luber ke jalan, mohon dikeruk dan dinormalisasi.",
            "selokan mampet kebak sampah, banyune mbludak nang dalan, tulung dikeruk",
            hard=True,
        ),
    ),
    "ketertiban": (
        _i(
            "bangunan_tanpa_izin_dihentikan",
            "a",
            "Gudang baru di {loc} berdiri tanpa PBG dan memakan bahu jalan. Mohon pembangunannya dihentikan.",
            "Rumah kos di gang kami dibangun melewati batas sampai ke tanah fasum, tolong pembangunannya dihentikan dan bagian yang melanggar dibongkar.",
            hard=True,
        ),
    ),
    "pencemaran": (
        _i(
            "bau_cat_semprot",
            "a",
            "kategori: sampah | isi: usaha pengecatan motor di {loc} menyemprot cat di luar bengkel, bau tinernya bikin pusing warga.",
            "Bengkel las dan cat di dekat rumah tiap hari menyemprot cat tanpa bilik, udara penuh bau tiner.",
            hard=True,
        ),
    ),
    "lainnya": (
        _i(
            "listrik_rumah_padam",
            "a",
            "Listrik di kampung kami padam bergiliran tiap sore tanpa pemberitahuan, kulkas warga rusak. Ini jadwal PLN atau gangguan?",
            "lampu omah mati terus saben bengi, PLN ora ngabari blas",
            hard=True,
        ),
        _i(
            "ruang_kesenian",
            "s",
            "Kami sanggar tari anak mengusulkan pemkot menyediakan ruang latihan dan panggung pentas bagi kelompok seni tanpa biaya sewa.",
            hard=True,
        ),
    ),
    "pelayanan_kelurahan": (
        _i(
            "sktm_syarat",
            "i",
            "syarat SKTM apa aja?",
            "Ngurus surat keterangan tidak mampu di kelurahan bawa apa?",
        ),
        _i(
            "balai_rw_dikuasai",
            "a",
            "Ketua RW memakai balai warga untuk gudang dagangannya, kegiatan PKK jadi tidak punya tempat. Mohon kelurahan menegur.",
            hard=True,
        ),
        _i(
            "antrean_kecamatan_usul",
            "s",
            "Saran agar pelayanan surat di kantor kecamatan memakai antrean lewat aplikasi, warga tidak perlu menunggu berjam-jam.",
            hard=True,
        ),
    ),
    "adminduk": (
        _i(
            "dokumen_hilang_bencana",
            "i",
            "KK dan akta anak hanyut waktu banjir, untuk mencetak ulang di Disdukcapil perlu surat kehilangan tidak?",
            "ktp ku keno banjir rusak ra iso diwaca, nek gawe anyar syarate apa?",
            hard=True,
        ),
    ),
    "perumahan": (
        _i(
            "makam_gelap_pagar",
            "a",
            "makam umum neng {kel} petengan, ora ana lampune, pagere wis ambruk",
            "Kompleks pemakaman umum di {loc} tidak ada penerangan dan temboknya roboh, mohon diperbaiki.",
            hard=True,
        ),
    ),
    "bansos": (
        _i(
            "blt_kerabat_rw",
            "a",
            "BLT nang RT-ku mung dibagi nggo sedulure pak RT, aku sing wis ora nyambut gawe ora entuk",
            hard=True,
        ),
    ),
}

#: General knowledge on the boundaries where complaint set K went wrong, in other scenes and
#: words than any held-out set, appended to ``LESSON_ISSUES`` after the set J lessons; like
#: them they teach the suggested category only (docs/triage.md, "The set K round"): tidal
#: water through a broken sluice is rob whatever a form line claims; a housing estate's drain
#: that floods the street is the drain's, and so is something across a drain that snags
#: rubbish; furniture dumped in a drain, to be hauled away, is rubbish; aid stopped by the
#: ministry's data is ``bansos``; the civil registry's own requirements and e-signed papers
#: are ``adminduk``; loose paving and a utility's trench left open are the road's; short
#: questions about school registration are ``pendidikan``; requests for something new (a
#: transport route, a cemetery plot, a job fair) and krama suggestions are aspirations.
SET_K_LESSONS: dict[str, tuple[Issue, ...]] = {
    "banjir_rob": (
        _i(
            "air_pasang_lewat_pintu_air",
            "a",
            "kategori: saluran | isi: klep pintu air di muara macet, tiap air laut pasang banyune munggah lewat gorong-gorong nganti latar omah",
            "Pintu air penahan pasang di {loc} tidak bisa ditutup, air laut masuk lewat got ke halaman rumah warga meski tidak hujan.",
            hard=True,
        ),
        _i(
            "usul_sirine_rob",
            "s",
            "Kula ngaturaken pamrayogi, prayoginipun tanggul ing pinggir segara dipun inggilaken malih supados rob boten mlebet kampung.",
            "Usul dipasang papan pantau tinggi air pasang di tepi kampung supaya warga tahu kapan harus mengungsi.",
        ),
    ),
    "drainase": (
        _i(
            "saluran_perumahan_macet",
            "a",
            "Selokan induk di perumahan kami di {kel} tidak mengalir sejak fasilitasnya diserahkan pengembang, tiap hujan halaman tergenang sebetis. Mohon dinas menormalisasi salurannya.",
            "got neng komplek perumahan buntu, saben udan dalan komplek dadi blumbang",
            hard=True,
        ),
        _i(
            "pipa_melintang_saluran",
            "a",
            "Kabel telepon dan batang bambu bekas dipasang melintang di mulut gorong-gorong {jalan}, plastik menumpuk di situ dan got meluap.",
            hard=True,
        ),
    ),
    "sampah": (
        _i(
            "buang_perabot_bekas",
            "a",
            "service_code=drainase; description=lemari rusak dan kasur busa dibuang orang di pinggir got {jalan}, mohon truk kebersihan mengangkutnya",
            "ana sing mbuang kursi bekas karo springbed nang kali cilik cedhak {lm}, tulung diangkut",
            hard=True,
        ),
    ),
    "bansos": (
        _i(
            "bantuan_terhalang_data_kemensos",
            "a",
            "Bansos BPNT ibu saya berhenti karena datanya dinyatakan tidak padan di DTKS pusat. Tolong dinsos memperbaiki datanya supaya bantuannya cair lagi.",
            "PKH mbahku mandheg, jarene datane ora kebaca nang DTKS, kon ngurus maneh nang dinsos",
            hard=True,
        ),
    ),
    "adminduk": (
        _i(
            "syarat_dukcapil_beda",
            "a",
            "Di loket Disdukcapil saya diminta surat pengantar RT untuk pindah datang, padahal di aplikasi tidak ada syarat itu. Mohon syaratnya disamakan.",
            hard=True,
        ),
        _i(
            "dokumen_tte_cetak_sendiri",
            "i",
            "akta kelahiran yg ada barcode TTE terus dicetak sendiri pake kertas HVS itu berlaku gk buat daftar sekolah?",
            hard=True,
        ),
    ),
    "jalan": (
        _i(
            "paving_lepas_tersandung",
            "a",
            "Paving blok di gang {rt} banyak yang lepas dan menonjol, ibu-ibu yang jalan kaki sering tersandung. Mohon dipasang ulang.",
            "conblock nang gang ngarep langgar copot-copot, simbahku nganti kesandung tiba",
            hard=True,
        ),
        _i(
            "galian_utilitas_ditinggal",
            "a",
            "Bekas galian pemasangan pipa di {jalan} sudah dua bulan dibiarkan berupa tanah urug, aspalnya tidak dikembalikan seperti semula.",
            hard=True,
        ),
    ),
    "pendidikan": (
        _i(
            "jadwal_daftar_sekolah_singkat",
            "i",
            "daftar TK kapan dibuka?",
            "pendaftaran murid baru SMP mulai kapan",
            hard=True,
        ),
    ),
    "lalu_lintas": (
        _i(
            "usul_trayek_baru",
            "s",
            "Bis sekolah ora liwat desaku maneh, aku njaluk dibukak trayek angkutan anyar nggo bocah-bocah.",
        ),
    ),
    "perumahan": (
        _i(
            "usul_lahan_makam",
            "s",
            "TPU di kampung kami hampir tidak ada petak kosong. Mohon pemkot menyediakan lahan makam baru untuk warga.",
        ),
    ),
    "ketenagakerjaan": (
        _i(
            "usul_bursa_kerja",
            "s",
            "Mohon Disnaker mengadakan pelatihan dan job fair untuk lulusan SMK yang belum bekerja.",
        ),
    ),
}

#: The sets L and M round: what report type a message is, in scenes and words of the
#: project's own (never L's or M's sentences). Teaches the report type only
#: (``training.TYPE_ONLY_LESSONS``): the suggested category and the duplicate scorer are
#: fitted without these examples, so the authors' different categories for a thank-you
#: (the sector's in L and M, ``lainnya`` in E, K and the seeds) are left as they were.
#: Pure thanks and praise, greetings to the city and proposals for something new are
#: aspirations; a thank-you with a problem left, and a problem told first that ends in a
#: question ("kapan dikeruk?", "harus lapor ke mana?", "ini boleh?") are complaints.
SET_LM_LESSONS: dict[str, tuple[Issue, ...]] = {
    "drainase": (
        _i(
            "terima_kasih_saluran",
            "s",
            "Alhamdulillah got di {loc} sudah dikeruk petugas, hujan deras semalam air langsung lewat. Terima kasih DPUPR.",
            "matur nuwun pak petugas, selokan ngarep omah sampun resik, mboten mampet malih",
        ),
        _i(
            "got_kapan_dikeruk",
            "a",
            "Got di {loc} mampet sudah {waktu}, baunya sampai ke dalam rumah. Kapan dikeruk???",
        ),
    ),
    "jalan": (
        _i(
            "terima_kasih_jalan",
            "s",
            "Terima kasih Pemkot, jalan kampung kami di {kel} sekarang sudah diaspal halus, anak-anak ke sekolah tidak berlumpur lagi.",
            "makasih dinas PU 👍 jalan yg dulu bolong2 di {jalan} skrg udh rata, semoga awet",
        ),
        _i(
            "terima_kasih_tapi_masih",
            "a",
            "Terima kasih lubang di {jalan} sudah ditambal, tapi lubang di tikungan sebelahnya belum, mohon sekalian diperbaiki.",
        ),
        _i(
            "lubang_kapan_ditambal",
            "a",
            "jalan di {loc} ancur lubangnya dmn2, motor sering oleng. kpn ditambal min??",
        ),
    ),
    "air_bersih": (
        _i(
            "terima_kasih_pdam",
            "s",
            "Terima kasih PDAM, meteran air yang rusak di rumah kami diganti hari itu juga, airnya sekarang lancar.",
            "suwun PDAM, banyu ledeng wis mili maneh lan bening 💧",
        ),
    ),
    "kesehatan": (
        _i(
            "terima_kasih_nakes",
            "s",
            "Saya berterima kasih kepada dokter dan perawat {pkm} yang merawat ibu saya dengan sabar selama opname.",
            "Matur nuwun bu bidan lan mantri puskesmas, putu kula lair kanthi slamet, pelayananipun sae.",
        ),
    ),
    "sampah": (
        _i(
            "terima_kasih_kebersihan",
            "s",
            "Salut untuk petugas kebersihan yang menyapu pasar {kel} sebelum subuh, pasarnya jadi bersih. Terima kasih.",
        ),
        _i(
            "sampah_dibuang_kemana",
            "a",
            "Sampah di TPS {kel} sudah seminggu tidak diangkut dan meluber ke jalan, terus warga harus buang ke mana??",
        ),
    ),
    "bansos": (
        _i(
            "terima_kasih_bantuan",
            "s",
            "Alhamdulillah bantuan sembako untuk lansia di {kel} sudah diterima, terima kasih Dinsos 🙏",
        ),
        _i(
            "bansos_aturannya_gimana",
            "a",
            "BLT di RT kami dibagi ke keluarga pengurus dulu, warga yang terdata malah tidak dapat. Aturannya gimana sih?",
        ),
    ),
    "pelayanan_kelurahan": (
        _i(
            "terima_kasih_kelurahan",
            "s",
            "Pelayanan di kantor Kelurahan {kel} cepat sekali, surat domisili saya selesai 10 menit. Terima kasih, pertahankan.",
            "kantor kelurahan saiki ramah-ramah petugase, ngurus surat cepet. suwun pak lurah",
        ),
    ),
    "lainnya": (
        _i(
            "ucapan_kota",
            "s",
            "Dirgahayu Kota Pekalongan! Semoga makin maju, bersih, dan warganya sejahtera 🎉",
            "Pekalongan sekarang makin rapi dan taman-tamannya indah, bangga jadi warga sini. Semoga begini terus.",
        ),
        _i(
            "terima_kasih_aduan",
            "s",
            "Terima kasih admin, aduan saya lewat WhatsApp cepat dibalas dan langsung diteruskan ke dinas.",
        ),
    ),
    "lalu_lintas": (
        _i(
            "usul_trayek",
            "s",
            "Usul: bus sekolah gratis dibuat juga rutenya ke {kel}, banyak siswa harus jalan jauh ke jalan besar.",
            "Mohon dipertimbangkan angkutan kota jurusan terminal dijalankan lagi, sekarang warga lansia susah ke pasar.",
            "Usulan warga: dipasang rambu hati-hati anak sekolah dan polisi tidur di jalan depan PAUD {kel}.",
        ),
    ),
    "perumahan": (
        _i(
            "usul_fasilitas",
            "s",
            "Mohon pemkot menyediakan lahan taman bermain di {kel}, anak-anak sekarang main di pinggir jalan.",
            "Kami usul disediakan lahan pemakaman baru, makam umum di kampung kami sudah penuh.",
        ),
    ),
    "ketenagakerjaan": (
        _i(
            "kerja_boleh_tidak",
            "a",
            "Gaji saya dipotong tiap bulan untuk 'uang seragam' padahal seragamnya tidak pernah dikasih. Apa itu boleh?",
            "sy kerja di konveksi udh 3 th gk pernah dapet THR, mau lapor ke mana ya??",
        ),
    ),
    "ketertiban": (
        _i(
            "bising_lapor_kemana",
            "a",
            "Tetangga buka bengkel las sampai tengah malam, bisingnya bikin bayi tidak bisa tidur. Harus lapor ke mana?",
        ),
    ),
}

LESSON_ISSUES = {
    c: LESSON_ISSUES.get(c, ())
    + SET_I_LESSONS.get(c, ())
    + SET_J_LESSONS.get(c, ())
    + SET_K_LESSONS.get(c, ())
    + SET_LM_LESSONS.get(c, ())
    for c in dict.fromkeys(
        [*LESSON_ISSUES, *SET_I_LESSONS, *SET_J_LESSONS, *SET_K_LESSONS, *SET_LM_LESSONS]
    )
}

ISSUES = {
    c: issues
    + MORE_ISSUES.get(c, ())
    + TYPE_CUES.get(c, ())
    + MIXED_TYPES.get(c, ())
    + WIDER_ISSUES.get(c, ())
    for c, issues in ISSUES.items()
}
