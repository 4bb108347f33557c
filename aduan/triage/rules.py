"""Hand-written rules: urgency (danger to life or health now) and category keywords.

Urgency is a rule set, not a learned model: the cases are few, the cost of a miss is high
and a verifier must be able to read why a report was flagged (``urgency_reasons``). The
rules run on normalised text (``text.normalise``), so "tanggul e jebol", "TANGGUL JEBOL!!"
and "tanggul jebol" all match. After the rules, a few guards drop reasons that the rest of
the report shows not to be a danger now: a story already over, water standing for weeks,
a question about a permit, an ambulance that could not get through, an evacuation route.
``bench/triage_urgency.py`` measures every labelled set (docs/triage.md, Urgency).

``keyword_category`` is the high-precision keyword baseline measured against the learned
model in docs/triage.md; the model does not use it at run time.
"""

# ruff: noqa: E501 - a pattern reads better on one line than cut in pieces.
from __future__ import annotations

import re

from aduan.triage.text import normalise

#: Words of "now". "darurat" counts only on its own: "bantuan darurat", "nomor darurat",
#: "tanggul darurat" or "gawat darurat" name a thing or a service, not a moment. "lagi" is not
#: one: in reports it mostly means "again" ("rob lagi", "jebol lagi"), a recurring problem.
_NOW = re.compile(
    r"\b(sekarang|skrg|saat ini|barusan|tadi|sedang|malam ini|pagi ini|sore ini|segera|"
    r"cepat|cepet|tolong|tulung|darurat)\b(?<!bantuan darurat)(?<!nomor darurat)(?<!gawat darurat)"
    r"(?<!tanggap darurat)(?<!tanggul darurat)(?<!jalur darurat)(?<!pintu darurat)(?<!tenda darurat)"
)

#: Pieces shared by several rules below.
#: Vomiting and diarrhoea, the signs of food or water poisoning and of an acute outbreak.
_GUT = r"(diare|mencret|muntah|muntaber)"
#: Several people at once.
_GROUP = r"(warga|banyak|beberapa|puluhan|belasan|sejumlah|para|\d+ orang|siswa|murid|santri|tamu|pembeli|pekerja|karyawan|buruh|tetangga|anak anak)"
#: Signs of poisoning.
_SICK = r"(diare|mencret|muntah|mual|pusing|lemas|pingsan|kejang|sakit perut|keracunan)"
#: Something eaten or drunk.
_ATE = r"((setelah|sesudah|habis|usai|selesai|dari) (makan|minum|jajan|menyantap|mengonsumsi|(acara )?(hajatan|kenduri|pesta|syukuran|resepsi|kondangan))|yang (sudah |telah )?(makan|minum|jajan|mengonsumsi)|diduga dari (makanan|minuman|air))"
#: A built thing or the ground under it.
_STRUCTURE = r"(atap|plafon|langit langit|dinding|tembok|bangunan|gedung|rumah|omah|kelas|jembatan|kreteg|jalan|talud|turap|plengsengan|tebing|tanah|tanggul|pagar|tiang|baliho|reklame|menara|tower|pondasi)"
#: ... giving way now (not worn out: "lapuk", "keropos", "berlubang" are repairs).
_FAILING = r"(runtuh|ambrol|ambruk|roboh|rubuh|longsor|amblas|ambles|jebol|melengkung|retak|retakannya|miring|doyong|(hampir|mau|akan|nyaris) (jatuh|runtuh|ambruk|roboh|ambrol))"
#: ... with people still under it or on it, or getting worse by the hour.
_EXPOSED = (
    r"((masih|tetap) (lewat|dilewati|dilalui|melintas|dipakai|digunakan|ditempati|dihuni|tinggal|tidur|belajar|beraktivitas|ada orang|di dalam|ada penghuni)|"
    r"di bawahnya|terancam|(makin|semakin|bertambah) (lebar|miring|turun)|"
    r"(anak|siswa|murid|santri)( anak)?( \w+)? belajar)"
)
#: Babies, the elderly, the pregnant and the sick ...
_VULNERABLE = (
    r"(bayi|balita|lansia|manula|ibu hamil|simbah|nenek|kakek|orang sakit|difabel|disabilitas)"
)
#: ... who show a sign of harm ...
_HARMED = r"(demam|sesak|lemas|kejang|kedinginan|kelaparan|dehidrasi|pingsan|diare|muntah|membiru|sakit|tidak bisa (jalan|bergerak|dievakuasi))"
#: ... in a disaster or an outbreak (the same signs in a queue or at a counter are a
#: complaint about the service, not an emergency).
_CRISIS = r"(pengungsi\w*|posko|banjir|rob|terjebak|terkepung|kebakaran|keracunan|diare|muntah|kekurangan|mengungsi|asap\w*|gas)"

#: (reason, patterns) — a report is urgent when all the patterns of one rule match its
#: normalised text (a reason may have more than one rule). Most rules have one pattern; a rule
#: of two ("children still under it", "a ceiling about to fall") lists the rarer part first,
#: so most reports fail it at once.
URGENT_RULES: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = tuple(
    (reason, tuple(re.compile(p) for p in ((pattern,) if isinstance(pattern, str) else pattern)))
    for reason, pattern in (
        (
            "tanggul jebol",
            r"\btanggul\w*( \w+){0,6} (jebol|ambrol|ambruk|bocor besar|bobol)",
        ),
        (
            # Sea water in a house, a kitchen or a bedroom; how long it stands is a guard below.
            # "supaya rob tidak masuk kampung" is a wish, not water in the houses.
            "rob masuk rumah",
            r"\b(rob|air laut|air pasang)\b( \w+){0,4}(?<!tidak)(?<!belum)(?<!jangan)(?<!nggak)(?<!gak) (masuk|mlebu|naik ke|sampai ke|(merembes|mengalir|ngalir) deras (ke|masuk))"
            r"( \w+){0,2} (rumah|omah|kampung|permukiman|pemukiman|dapur|kamar|ruang tamu|kasur|tempat tidur)|\brob( \w+){0,2} (makin|semakin|terus) (tinggi|naik)",
        ),
        (
            # A pump down while the water is already in the houses (a pump down alone is a
            # repair).
            "pompa rob mati",
            (
                r"\bpompa (rob|banjir|air pasang|pengendali banjir)( \w+){0,4} (mati|rusak|tidak bekerja|"
                r"tidak berfungsi|macet)",
                r"\b(rumah|omah|kampung|permukiman)\w*( \w+){0,4} (terendam|kerendem|kebanjiran|tergenang|kemasukan air)|"
                r"\b(air|rob|banjir|air laut)\b( \w+){0,4} (masuk|naik ke|mlebu|merendam)|"
                r"\b(genangan|air)\b( \w+){0,2} (makin|semakin|terus) (tinggi|naik)( \w+){0,2} (rumah|omah|kampung)",
            ),
        ),
        (
            # Water at a dangerous depth: waist, chest or neck; knee or thigh only while rising.
            "banjir sedang terjadi",
            r"\b(banjir|air sungai|sungai)\b( \w+){0,6} (masuk rumah|sepinggang|sedada|seleher|sepinggul|"
            r"setinggi (satu|1) meter|naik terus|naik cepat|masih naik|terus naik|terjebak|terkepung)|"
            r"\b(sungai|kali)\b(?<!\d kali)(?<!dua kali)(?<!tiga kali)(?<!beberapa kali)(?<!berkali kali)( \w+){0,4} (meluap|mluber|meluber|luber)\b|"
            r"\b(sepinggang|sedada|seleher|sepinggul)\b|"
            r"\b(lutut|dengkul|selutut|sedengkul|paha|sepaha)\b(?=.*\b(masih naik|naik terus|terus naik|(makin|semakin) tinggi|terus bertambah)\b)|"
            r"\b(masih naik|naik terus|terus naik|(makin|semakin) tinggi|terus bertambah)\b(?=.*\b(lutut|dengkul|selutut|sedengkul|paha|sepaha)\b)",
        ),
        (
            # "Air setinggi pinggang": the same depth in words, of water (not of grass).
            "banjir sedang terjadi",
            (
                r"\b(setinggi|sedalam|sampai|hingga|nganti) (pinggang|dada|leher|pinggul|perut)\b",
                r"\b(air|banjir|rob|genangan)\b( \w+){0,6} (setinggi|sedalam|sampai|hingga|nganti) (pinggang|dada|leher|pinggul|perut)\b",
            ),
        ),
        (
            # Water standing inside the houses now, at a depth given in words or centimetres
            # (the sets L and M round): "air sudah sepaha di dalam rumah", "air masuk rumah
            # sekitar 40 cm". How long it has stood is a guard below (``_STANDING_WATER``).
            "air di dalam rumah",
            r"\b(air|banjir|banyu|rob|genangan)\b( \w+){0,4} (selutut|sedengkul|sepaha|sepinggang|sedada|\d+ cm|setinggi \w+)( \w+){0,2} (di )?dalam (rumah|omah)|"
            r"\b(air|banjir|banyu|genangan)\b( \w+){0,2} (masuk|mlebu|merendam) (ke )?(dalam )?(rumah|omah)\w*( \w+){0,3} (\d+ cm|selutut|sedengkul|sepaha|setinggi)",
        ),
        (
            # A dike seeping or sliding while the water is already inside: the step before a
            # breach (the sets L and M round). Seeping towards the houses alone stays a repair,
            # as the seeds draw it.
            "tanggul jebol",
            (
                r"\btanggul\w*( \w+){0,6} (rembes|merembes|bocor|longsor|ambles|amblas|retak)",
                r"\b(air|banyu|rob)\w*( sudah| wis)? (masuk|mlebu)\b",
            ),
        ),
        (
            # People leaving or trapped; an evacuation route, a drill, being told to get ready
            # or a snake to be removed is not (see the guards below).
            "evakuasi",
            r"\b(evakuasi|dievakuasi|mengungsi|ngungsi|perahu karet|butuh perahu|terjebak|terkepung)\b"
            r"(?<!jalur evakuasi)(?<!rute evakuasi)(?<!simulasi evakuasi)(?<!latihan evakuasi)(?<!titik evakuasi)"
            r"(?<!peta evakuasi)(?<!rambu evakuasi)(?<!tempat evakuasi)(?<!gedung evakuasi)"
            r"(?<!siap ngungsi)(?<!siap mengungsi)(?<!siap evakuasi)|"
            r"\b(mohon|minta|butuh|kirim|tolong)( \w+){0,2} perahu\b",
        ),
        (
            "pengungsi tanpa logistik",
            r"\b(pengungsi|pengungsian|korban banjir|korban rob)\w*( \w+){0,12} (belum (dapat|mendapat)|kelaparan|"
            r"kedinginan|(kurang|kekurangan) (logistik|tikar|selimut|makanan|susu|air bersih|air minum|obat|popok)|tidak ada)|\bkelaparan\b",
        ),
        (
            # Live current: a broken or bare cable, someone shocked, sparks from a cable,
            # a transformer or a substation.
            "kabel listrik berbahaya",
            r"\bkabel( \w+){0,8} (putus|menjuntai|terkelupas|mengelupas|terbuka|nyetrum|memercikkan|percikan)|"
            r"\b(tersengat listrik|tersetrum|kesetrum|nyetrum)\b|"
            r"\b(kabel|trafo|travo|gardu|tiang listrik|panel listrik|meteran listrik)\b( \w+){0,10} (percikan api|memercik\w*|korsleting|korslet|konslet|meledak|berasap)\b|"
            r"\b(percikan api|korsleting|korslet|konslet|ledakan)( \w+){0,3} (dari|di) (kabel|trafo|travo|gardu|tiang)",
        ),
        (
            "pohon atau bangunan roboh",
            r"\b(pohon|dahan)( \w+){0,3} (tumbang|roboh|ambruk)\w*( \w+){0,3} (menimpa|nimpa|melintang|kabel|rumah)|"
            r"\b(menimpa|tertimpa)\b",
        ),
        (
            "tiang atau jembatan hampir roboh",
            r"\b(tiang|jembatan|kreteg)( \w+){0,12} (hampir|mau|akan|nyaris) (roboh|ambruk|ambrol|runtuh|jatuh)|"
            r"\b(jembatan|kreteg)( \w+){0,8} (ambrol|ambruk|runtuh|patah)|\btiang( \w+){0,6} (doyong|roboh|ambruk|tumbang)",
        ),
        (
            # A roof, ceiling, road, bank or bridge giving way while people are still under it
            # or on it, or while the crack widens. Without them it is a repair (a house roof
            # fallen in and a request for RTLH money is not an emergency).
            "bangunan runtuh, orang masih di sana",
            (rf"\b{_EXPOSED}\b", rf"\b{_STRUCTURE}\w*( \w+){{0,8}} {_FAILING}\b"),
        ),
        (
            # An open hole, a missing drain cover or railing, a leaning bridge where children
            # walk or play every day (a worn-out plank, "lapuk", stays a repair).
            "lubang atau jembatan rusak di jalan anak",
            (
                r"\b(anak|bocah|murid|siswa|pelajar|lare)( anak| bocah| lare)?( \w+){0,3} (lewat|liwat|melintas|melewati|nyebrang|menyeberang|bermain|main|dolanan|ke sekolah|berangkat sekolah|sekolah lewat)\b",
                r"\b(lubang\w*|gorong gorong|got|saluran|selokan|jembatan|kreteg|pagar\w*|pager\w*|tutup\w*|penutup\w*)( \w+){0,8} "
                r"(terbuka|menganga|hilang|ilang|jebol|miring|doyong|copot|tanpa pagar)\b",
            ),
        ),
        (
            "kebakaran",
            r"\b(kebakaran|api membesar|apinya|damkar|pemadam)\b|\b(rumah|gudang|toko|pasar|kios|pabrik)( \w+){0,3} terbakar",
        ),
        (
            # Vomiting together with diarrhoea, in either order.
            "keracunan atau wabah",
            r"\b(keracunan|wabah|mual dan muntah|diare massal|kejadian luar biasa|klb)\b|"
            rf"\b(?P<gut>{_GUT[1:-1]})\b( \w+){{0,3}}? (?!(?P=gut)\b){_GUT}\b",
        ),
        (
            # Several cases of a contagious disease at once, or tap or well water that made
            # people ill (the sets L and M round).
            "keracunan atau wabah",
            r"\b(\d+|beberapa|banyak|puluhan|belasan) (kasus|anak|orang|warga|balita)( \w+){0,3} (campak|difteri|kolera|leptospirosis|hepatitis|tifus|chikungunya|dbd|demam berdarah)\b|"
            r"\b(air|pdam|sumur)\b( \w+){0,6} (keruh|coklat|cokelat|berbau|bau|kuning|hitam)( \w+){0,10} (diare|muntah|mencret|sakit perut)\b",
        ),
        (
            "banyak orang sakit setelah makan atau minum",
            (
                rf"\b{_SICK}\b",
                rf"\b{_GROUP}\b",
                rf"\b{_SICK}\b( \w+){{0,6}} {_ATE}|\b{_ATE}( \w+){{0,5}} {_SICK}\b",
            ),
        ),
        (
            "bayi, lansia atau orang sakit dalam bahaya",
            (rf"\b{_VULNERABLE}\b( \w+){{0,4}} {_HARMED}\b", rf"\b{_CRISIS}\b"),
        ),
        # Cases of dengue; a request for fogging alone is a preventive service.
        ("demam berdarah", r"\b(dbd|demam berdarah|kena db|kasus db|db)\b"),
        (
            "korban atau kondisi gawat",
            r"\b(tidak sadar|tidak sadarkan diri|kejang|pendarahan|korban luka|"
            r"ada yang luka|ada yg luka|ada korban)\b",
        ),
        (
            # A person in the water, not land or a kampung "sunk" by the sea, nor a child's
            # papers or things swept away ("akta anak hanyut").
            "orang tenggelam atau hanyut",
            r"(?<!akta )(?<!akte )(?<!kartu )(?<!ijazah )(?<!rapor )(?<!dokumen )(?<!surat )"
            r"(?<!buku )(?<!kia )(?<!baju )(?<!seragam )(?<!sepeda )(?<!mainan )"
            r"\b(anak|orang|warga|bocah|balita|nelayan|pemancing|pemuda|remaja|siswa|seseorang|bapak|ibu|"
            r"kakek|nenek|lansia|pengendara|pemotor|korban|ada yang)\b( \w+){0,4} (tenggelam|hanyut|terseret arus)\b",
        ),
        (
            # Someone bitten who needs the rabies vaccine now (not a question about where it
            # is given, nor stray dogs in general).
            "digigit hewan, perlu vaksin rabies",
            (
                r"\brabies\b",
                r"\b(saya|anak|adik|kakak|cucu|tetangga|ibu|bapak|suami|istri|warga)( \w+)? (digigit|tergigit|kena gigit)\b",
            ),
        ),
        ("ambulans", r"\b(ambulans|ambulan|ambulance)\b"),
        (
            # A patient in distress left waiting at the emergency ward (papers asked first are
            # the rule above); the sets L and M round.
            "pasien gawat tidak ditangani",
            (
                r"\b(igd|ugd|gawat darurat)\b",
                r"\b(sesak|pingsan|kejang|pendarahan|tidak sadar|kritis|sekarat|muntah darah)\w*( \w+){0,8} "
                r"(dibiarkan|ditelantarkan|tanpa (diperiksa|ditangani|penanganan)|belum (diperiksa|ditangani)|"
                r"tidak (segera )?(diperiksa|ditangani|dilayani)|ditolak|disuruh (pulang|menunggu|nunggu))\b",
            ),
        ),
        (
            # A traffic light or a level crossing out of order, with near-crashes already:
            # every author since set C calls it urgent (the sets L and M round).
            "lampu lalu lintas mati, hampir tabrakan",
            (
                r"\b(lampu lalu lintas|lampu merah|traffic light|apill|palang pintu|palang perlintasan|perlintasan kereta)\b",
                r"\b(hampir|nyaris)( ada| terjadi)?( \w+){0,1} (tabrakan|bertabrakan|tertabrak|ketabrak|kecelakaan|celaka|tersambar)\b",
            ),
        ),
        (
            # A hole left open and unmarked (a drain without its cover, a trench, a pothole
            # with no sign) into which someone has already fallen: the danger is still there
            # (the sets L and M round). A pothole where riders fell, with nothing said of its
            # being open or unmarked now, stays a repair: the authors of A, B, F, G and I and
            # the seeds draw it so.
            "lubang terbuka, sudah ada yang jatuh",
            (
                r"\b(lubang|lubangnya|berlubang|galian|gorong gorong|saluran|got|selokan)\w*( \w+){0,8} "
                r"(terbuka|tanpa (rambu|tanda|penutup|tutup|pengaman)|(tidak|belum) ada (rambu|tanda|penutup|tutup|pengaman))\b",
                r"\b(anak|bocah|balita|pemotor|pengendara|becak|motor|orang|warga|lansia|siswa|pejalan)( \w+){0,3} "
                r"(jatuh|terjatuh|terperosok|terjeblos|kejeblos|kecemplung|terjerembab|kakinya masuk|masuk lubang)\b",
            ),
        ),
        (
            # An animal that has just clawed or attacked a person (bites are the rabies rule;
            # a stray dog "that bites children" is a nuisance, as set E and the seeds draw
            # it); the sets L and M round.
            "hewan menyerang orang",
            r"\b(sudah|barusan|tadi|baru saja)( \w+){0,1} (mencakar|nyakar|menyerang|nyerang|mematuk)( \w+){0,1} "
            r"(anak|bocah|balita|warga|orang|pejalan|tetangga|cucu|adik)\b",
        ),
        (
            # No water for days in a home with a baby or an old person (set L's convention,
            # "no drinking water for days for a family with babies or elderly").
            "air mati berhari-hari, ada bayi atau lansia",
            (
                r"\b(air|pdam)\b( \w+){0,6} (mati|tidak mengalir|tidak keluar)( \w+){0,2} (sejak )?(\d+|dua|tiga|empat|lima|beberapa) hari\b",
                r"\b(bayi|balita|lansia|orang sakit)\b",
            ),
        ),
        (
            # No water for a maternity clinic or a patient on a treatment now.
            "air mati untuk layanan kesehatan",
            (
                r"\b(air|pdam)\b( \w+){0,10} (mati|tidak mengalir|tidak keluar|ngadat)\b",
                r"\b(rumah bersalin|jadwal operasi|cuci darah|hemodialisa|ruang operasi)\b",
            ),
        ),
        (
            "orang hilang",
            r"(?<!kia )(?<!buku )(?<!kartu )\b(anak|orang|lansia|balita)( (saya|kami|tetangga|warga))? "
            r"(hilang|belum pulang)\b",
        ),
        ("gas bocor", r"\b(gas|amonia|amoniak)( \w+){0,3} (bocor|menyengat)|kebocoran gas|bau gas"),
        (
            # A person attacking others now: running amok, throwing stones at passers-by,
            # waving a blade (a mentally ill person wandering, alone, is not).
            "orang mengamuk atau menyerang",
            r"\b(mengamuk|ngamuk|mengancam warga|menyerang (warga|orang|pengendara|anak))\b|"
            r"\b(melempar\w*|lempar\w*|nglempar\w*|ngamplek\w*) (batu|bata|kayu|botol)\b|"
            r"\b(membawa|bawa|mengacungkan|ngacungke) (parang|pisau|golok|sajam|arit)\b",
        ),
        (
            "tawuran",
            r"\b(tawuran|senjata tajam|celurit|clurit|bacok|perkelahian massal|saling lempar)",
        ),
        (
            # A landslide, or a bank that gave way, with houses at its edge tilting or hanging.
            "longsor",
            r"\blongsor\b( \w+){0,6} (menggantung|penghuni|menimpa|tertimbun)|tanah( \w+){0,4} longsor|"
            r"\b(longsor|ambrol|tergerus)\b( \w+){0,8} (rumah|omah|bangunan|pondasi)\w*( \w+){0,4} "
            r"(miring|menggantung|terancam|(hampir|mau|nyaris) (ambruk|roboh|runtuh))",
        ),
        (
            # A storm; "if the wind is strong" is not one.
            "angin kencang",
            r"\b(puting beliung)\b|\bangin (kencang|ribut)\b(?<!kalau angin kencang)(?<!kalo angin kencang)"
            r"(?<!jika angin kencang)(?<!bila angin kencang)(?<!musim angin kencang)",
        ),
    )
)
#: Words that make a report urgent only together with a word of "now" (``_NOW``).
_WEAK = re.compile(
    r"\b(pingsan|kritis|terperosok|terluka|luka|tertabrak|jatuh|sesak napas|amblas|ambles|ambrol)\b"
    r"(?! (tempo|miskin))"  # "jatuh tempo" is a due date, "jatuh miskin" poverty
)

#: Words of "now" strong enough to make a weak word urgent ("sekarang" also means "by now").
_NOW_STRONG = re.compile(
    r"\b(barusan|tadi|segera|cepat|cepet|darurat|tolong|tulung|saat ini|malam ini|pagi ini)\b"
)
#: A cable that carries no current (fibre, telephone) is not an electrical danger.
_DATA_CABLE = re.compile(r"\b(fiber|fibre|optik|internet|telepon|wifi|provider|indihome)\b")
_POWER = re.compile(r"\b(listrik|pln|pju|lampu|trafo|gardu|tegangan)\b")

#: Phrases that, in a report that matched a rule, show it is not about right now. "dulu"
#: counts only as "in the past" ("seperti dulu", "dulu pernah"), not as "first" ("urus
#: administrasi dulu").
_NOT_NOW = re.compile(
    r"\b(tahun lalu|bulan lalu|(zaman|jaman|waktu|seperti|kayak|sejak) dulu|dulu (pernah|sempat)|dahulu|"
    r"sudah surut|telah surut|usul|saran|bagaimana cara|apakah|kapan|berapa)\b"
)
#: How often something happens ("tiap hujan", "sering"): a recurring problem, not one of now,
#: unless the danger itself stands there now and only the people it threatens come and go
#: ("kabel terkelupas ... kalau hujan sering memercik", "tiap pagi anak-anak lewat").
_OFTEN = re.compile(r"\b(tiap|setiap|saben|sering|langganan)\b")
_STANDING_DANGER = frozenset(
    {
        "kabel listrik berbahaya",
        "bangunan runtuh, orang masih di sana",
        "lubang atau jembatan rusak di jalan anak",
    }
)

#: A story told after the event: "kemarin", "tadi malam", "minggu lalu" (not "sejak kemarin",
#: which is still going on) ...
_PAST = re.compile(
    r"\b(kemarin|semalam|semalem|tadi malam|minggu lalu|"
    r"(\d+|dua|tiga|empat|lima|beberapa) (hari|minggu) (yang )?lalu)\b"
    r"(?<!sejak kemarin)(?<!dari kemarin)(?<!sejak semalam)(?<!sejak semalem)(?<!dari semalam)"
)
#: ... or an outcome that closes it ("untung masih selamat", "sudah padam") ...
_OVER = re.compile(
    r"\b(untung (masih |sudah )?selamat|alhamdulillah selamat|(?<!listrik )(?<!lampu )sudah (padam|dipadamkan|surut|reda|"
    r"selesai|sembuh|ditangani|dievakuasi))\b"
)
#: ... is over unless the report says the danger goes on. "sampai sekarang belum ada bantuan"
#: is about the help, not the danger, and "sekarang sudah dibersihkan" closes it, so neither
#: counts.
_ONGOING = re.compile(
    r"\b(masih(?! selamat)|sedang|terus|makin|semakin|sejak|lagi|terancam|terjebak|"
    r"(?<!sampai )(?<!hingga )sekarang(?! sudah)|saat ini|belum (surut|padam|reda|turun|ditemukan|pulang|sadar|dievakuasi))\b"
)

#: Water standing in houses for weeks is a chronic problem (relocation, pumps, dikes), not an
#: emergency, unless it is rising. A few days still count ("sudah 3 hari terendam"). The same
#: holds for a weak word ("ambles") in a report of something broken for weeks.
_WEEKS = re.compile(
    r"\b(seminggu|sebulan|sewulan|setahun|berminggu minggu|berbulan bulan|"
    r"(\d+|dua|tiga|empat|lima|beberapa|rong|telung) (minggu|bulan|tahun))\b"
)
_RISING = re.compile(r"\b((makin|semakin|terus) (tinggi|naik)|naik terus|masih naik)\b")
_STANDING_WATER = frozenset({"rob masuk rumah", "pompa rob mati", "air di dalam rumah"})
#: Dangers that a story told after the event does not close: sick people stay sick after
#: yesterday's meal, a hole someone fell into last night is still open (the sets L and M
#: round). An outcome that closes them ("sudah sembuh", "sudah ditangani") still does.
_LASTING = frozenset(
    {
        "keracunan atau wabah",
        "banyak orang sakit setelah makan atau minum",
        "lubang terbuka, sudah ada yang jatuh",
    }
)

#: An ambulance that cannot get through a parked street is a parking or vendor complaint.
_AMBULANCE_ACCESS = re.compile(
    r"\b(ambulans|ambulan|ambulance)( \w+){0,2} (susah|sulit|tidak bisa|tak bisa|kesulitan) "
    r"(masuk|lewat|keluar|melintas|menembus|mendekat)\b|\b(ambulans|ambulan|ambulance) (terhalang|tertahan|terhambat)\b|\b(akses|jalur|dilewati|dilalui) (\w+ )?(ambulans|ambulan|ambulance)\b"
)
#: Removing an animal is "evakuasi" too, but not of people.
_ANIMAL_EVACUATION = re.compile(
    r"\b(ular|kobra|tawon|lebah|sarang|biawak|buaya|monyet|kera|kucing|anjing|hewan|binatang|"
    r"tokek|kalajengking)\b( \w+){0,12} (evakuasi|dievakuasi)\b"
)
#: A question about a permit ("izinnya masih berlaku?") is paperwork, unless something
#: already fell or someone is hurt.
_PERMIT_QUESTION = re.compile(
    r"\b(izinnya|perizinannya|berizin|(ada|punya|tanpa|cek) izin|pbg|imb|slf|"
    r"izin (usaha|bangunan|reklame|mendirikan|lingkungan|operasional|pemasangan))\b"
)
#: A repair asked for before the season ("sebelum musim hujan") is not an emergency, unless
#: the report says it is happening now.
_BEFORE_SEASON = re.compile(
    r"\b(sebelum|sakderengipun|sadurunge|sakdurunge) (musim|puncak musim|memasuki musim|masuk musim)\b"
)
_HAPPENING = re.compile(r"\b(sekarang|saat ini|sedang|barusan|masih naik)\b")
_HARM_DONE = re.compile(
    r"\b(roboh|tumbang|ambruk|runtuh|menimpa|tertimpa|korban|luka|terbakar|kebakaran|tersetrum)\b"
)


#: Words at least one of which every rule above needs: most reports skip the rules at once.
_TRIGGER = re.compile(
    r"tanggul|banjir|sungai|sepinggang|sedada|seleher|sepinggul|pinggang|dada|leher|pinggul|"
    r"lutut|dengkul|paha|evakuasi|ngungsi|perahu|terjebak|"
    r"terkepung|pengungsi|korban|kelaparan|kabel|tersengat|kesetrum|tersetrum|nyetrum|trafo|travo|gardu|tiang|"
    r"pohon|dahan|menimpa|tertimpa|jembatan|kreteg|kebakaran|api|damkar|pemadam|terbakar|"
    r"keracunan|wabah|muntah|diare|mencret|klb|dbd|demam|\bdb\b|fogging|sadar|kejang|pendarahan|"
    r"tenggelam|hanyut|terseret|luka|ambulan|hilang|pulang|gas|amonia|tawuran|senjata|celurit|clurit|"
    r"bacok|perkelahian|lempar|amuk|menyerang|mengancam|parang|pisau|golok|sajam|arit|longsor|atap|plafon|beliung|angin|pingsan|kritis|terperosok|"
    r"tertabrak|jatuh|sesak|amblas|ambles|ambrol|rob|air laut|air pasang|pompa|"
    r"runtuh|ambruk|roboh|rubuh|jebol|menganga|terbuka|hilang|ilang|copot|melengkung|retak|miring|doyong|korslet|korsleting|konslet|"
    r"meluap|mluber|meluber|luber|lemas|dehidrasi|membiru|rabies|pusing|\bmual|sakit perut|perut|"
    r"posko|kedinginan|meledak|percikan|\d+ cm|setinggi|rembes|lubang|galian|igd|ugd|gawat|"
    r"lalu lintas|traffic|apill|palang|perlintasan|cakar|nyakar|nyerang|menyerang|matuk|gigit|"
    r"campak|difteri|kolera|leptospirosis|hepatitis|tifus|chikungunya|bersalin|operasi|cuci darah|"
    r"bayi|balita|lansia"
)


def urgency_reasons(text: str) -> list[str]:
    """The reasons (rule names) for which ``text`` reports a danger to life or health now."""
    norm = normalise(text)
    if not _TRIGGER.search(norm):
        return []
    reasons = list(  # a reason may have several rules; each is named once
        dict.fromkeys(
            reason for reason, patterns in URGENT_RULES if all(p.search(norm) for p in patterns)
        )
    )
    if (
        "kabel listrik berbahaya" in reasons
        and _DATA_CABLE.search(norm)
        and not _POWER.search(norm)
    ):
        reasons.remove("kabel listrik berbahaya")
    if "ambulans" in reasons and _AMBULANCE_ACCESS.search(norm):
        # "Parkir liar bikin ambulans susah masuk" is about parking, not a patient.
        reasons.remove("ambulans")
    if "evakuasi" in reasons and _ANIMAL_EVACUATION.search(norm):
        reasons.remove("evakuasi")
    if _STANDING_WATER.intersection(reasons) and _WEEKS.search(norm) and not _RISING.search(norm):
        # "Rob masuk rumah sudah seminggu tidak surut": chronic, not an emergency.
        reasons = [r for r in reasons if r not in _STANDING_WATER]
    if (
        not reasons
        and _NOW_STRONG.search(norm)
        and _WEAK.search(norm)
        and not _WEEKS.search(norm)
        and not _OFTEN.search(norm)
    ):
        # "Tolong, jalan ambles" is urgent; "tolong, jalan ambles sudah setahun" and "tiap
        # hari ada yang jatuh" are repairs.
        reasons = ["korban atau kondisi gawat"]
    if not reasons:
        return []
    if not _NOW.search(norm) and (
        _NOT_NOW.search(norm) or (_OFTEN.search(norm) and not _STANDING_DANGER.issuperset(reasons))
    ):
        # "Kapan tanggul yang jebol tahun lalu diperbaiki?" is not an emergency.
        return []
    if (
        (_PAST.search(norm) and not _LASTING.intersection(reasons)) or _OVER.search(norm)
    ) and not _ONGOING.search(norm):
        # "Rumah saya kebakaran tadi malam, dari mana dapat bantuan?": the danger is over.
        return []
    if _BEFORE_SEASON.search(norm) and not _HAPPENING.search(norm):
        # "Tanggul kali ambrol, tolong sebelum musim hujan": a repair to plan, not a rescue.
        return []
    if _PERMIT_QUESTION.search(norm) and not _HARM_DONE.search(norm):
        # "Baliho miring, kalau angin kencang goyang. Izinnya masih berlaku?"
        return []
    return reasons


def is_urgent(text: str) -> bool:
    return bool(urgency_reasons(text))


#: High-precision keywords per category (the keyword baseline).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "adminduk": (
        "ktp",
        "kartu keluarga",
        "akta",
        "akte",
        "kia",
        "dukcapil",
        "capil",
        "nik",
        "pindah datang",
        "ikd",
        "skpwni",
        "blanko",
    ),
    "bansos": (
        "pkh",
        "bpnt",
        "bansos",
        "bantuan sosial",
        "dtks",
        "dtsen",
        "pbi",
        "kks",
        "blt",
        "sembako",
        "kpm",
        "e warong",
    ),
    "kesehatan": (
        "puskesmas",
        "rsud",
        "rumah sakit",
        "dokter",
        "bidan",
        "posyandu",
        "imunisasi",
        "fogging",
        "dbd",
        "demam berdarah",
        "ambulans",
        "obat",
        "igd",
        "pasien",
    ),
    "pendidikan": (
        "sekolah",
        "spmb",
        "ppdb",
        "zonasi",
        "guru",
        "murid",
        "siswa",
        "ijazah",
        "pip",
        "beasiswa",
        "sd negeri",
        "smp",
        "paud",
    ),
    "jalan": (
        "jalan berlubang",
        "jalan rusak",
        "aspal",
        "lubang",
        "jembatan",
        "trotoar",
        "paving",
        "ambles",
        "amblas",
        "berlubang",
    ),
    "drainase": (
        "saluran",
        "gorong gorong",
        "drainase",
        "tersumbat",
        "genangan",
        "tergenang",
        "normalisasi",
    ),
    "banjir_rob": (
        "rob",
        "banjir",
        "tanggul",
        "pompa rob",
        "evakuasi",
        "pengungsi",
        "puting beliung",
        "bencana",
        "kebakaran",
        "tumbang",
    ),
    "sampah": ("sampah", "tps", "tpa", "gerobak sampah", "truk sampah", "kebersihan"),
    "pencemaran": (
        "limbah",
        "pencemaran",
        "tercemar",
        "asap",
        "bising",
        "bau busuk",
        "ipal",
        "cerobong",
        "debu",
    ),
    "air_bersih": (
        "pdam",
        "tirtayasa",
        "air bersih",
        "air ledeng",
        "meteran air",
        "tagihan air",
        "pipa bocor",
        "air keruh",
    ),
    "pju": ("lampu jalan", "pju", "penerangan jalan", "lampu penerangan", "tiang lampu"),
    "lalu_lintas": (
        "parkir",
        "jukir",
        "lampu lalu lintas",
        "lampu merah",
        "traffic light",
        "rambu",
        "marka",
        "macet",
        "angkot",
        "zebra cross",
        "bangjo",
    ),
    "ketertiban": (
        "pkl",
        "pedagang kaki lima",
        "miras",
        "mabuk",
        "balap liar",
        "judi",
        "pengemis",
        "knalpot",
        "karaoke",
        "bangunan liar",
        "tawuran",
    ),
    "perizinan": (
        "pbg",
        "imb",
        "nib",
        "oss",
        "izin",
        "perizinan",
        "reklame",
        "billboard",
        "dpmptsp",
    ),
    "pajak": ("pbb", "sppt", "bphtb", "pajak", "retribusi", "njop"),
    "pelayanan_kelurahan": (
        "kantor kelurahan",
        "surat pengantar",
        "surat keterangan",
        "lurah",
        "ketua rt",
        "sktm",
        "domisili",
    ),
    "aparatur": (
        "pungli",
        "calo",
        "oknum",
        "asn",
        "pns",
        "uang rokok",
        "pungutan liar",
        "maladministrasi",
        "mobil dinas",
    ),
    "ketenagakerjaan": (
        "umk",
        "gaji",
        "upah",
        "thr",
        "phk",
        "pesangon",
        "lembur",
        "buruh",
        "karyawan",
        "kartu kuning",
        "disnaker",
        "bpjs ketenagakerjaan",
    ),
    "perumahan": (
        "rtlh",
        "bedah rumah",
        "tidak layak huni",
        "rusunawa",
        "rusun",
        "taman",
        "makam",
        "pemakaman",
        "fasum",
        "psu",
    ),
    "lainnya": (
        "pln",
        "listrik padam",
        "sinyal",
        "pinjol",
        "polisi",
        "maling",
        "anjing liar",
        "ular",
        "elpiji",
        "bpn",
    ),
}

_KEYWORD_PATTERNS = {
    cat: re.compile(r"\b(" + "|".join(re.escape(k) for k in words) + r")\b")
    for cat, words in KEYWORDS.items()
}


def keyword_scores(text: str) -> dict[str, int]:
    """Number of keyword hits per category in ``text``."""
    norm = normalise(text)
    return {cat: len(p.findall(norm)) for cat, p in _KEYWORD_PATTERNS.items()}


def keyword_category(text: str) -> str:
    """The category with the most keyword hits; "lainnya" when none matched."""
    scores = keyword_scores(text)
    best = max(scores.items(), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else "lainnya"
