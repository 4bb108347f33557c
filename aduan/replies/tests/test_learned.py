"""The learned layer: deterministic training, the shipped artefact, its use in check()."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
import subprocess
from io import StringIO

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from aduan.replies import learned
from aduan.replies.checker import MESSAGES, SUGGESTIONS, check, check_rules


def run(*args: str) -> str:
    out = StringIO()
    call_command("replies", *args, stdout=out)
    return out.getvalue()


def assert_same_model(fresh: learned.Model, shipped: learned.Model) -> None:
    assert fresh.word_vocab == shipped.word_vocab
    assert fresh.char_vocab == shipped.char_vocab
    for name in ("word_idf", "char_idf", "coef", "intercept", "thresholds", "floors"):
        assert np.array_equal(getattr(fresh, name), getattr(shipped, name)), name


class ArtefactTests:
    def test_artefact_is_small_and_thresholds_are_high(self):
        assert learned.ARTEFACT.stat().st_size < 3 * 1024 * 1024
        model = learned.shipped()
        assert model is not None
        assert all(0.5 <= t <= 1.01 for t in model.thresholds)
        for code, floor in zip(learned.LEARNED, model.floors, strict=True):
            floor = round(float(floor), 4)  # kept as float32
            assert floor in learned.FLOORS if code in learned.FLOORED else floor == 0.0

    def test_load_refuses_an_artefact_for_other_flaws(self, tmp_path, monkeypatch):
        path = tmp_path / "learned.npz"
        learned.save(learned.load(), path)
        monkeypatch.setattr(learned, "LEARNED", ("rude",))
        with pytest.raises(ValueError, match="rebuild"):
            learned.load(path)

    def test_load_refuses_an_artefact_made_before_the_floors(self, tmp_path):
        model = learned.load()
        path = tmp_path / "old.npz"
        learned.save(model, path)
        with np.load(path) as z:
            old = {k: z[k] for k in z.files if k != "floors"}
        np.savez_compressed(path, **old)
        with pytest.raises(ValueError, match="rebuild"):
            learned.load(path)


class LayerTests:
    # A blame by content ("the rubbish in the drain comes from the residents' own kitchens,
    # so of course the water rises"): no blame frame the rules know.
    CONTENT_BLAME = (
        "Selamat pagi Bu, terima kasih. Sampah di got itu dari dapur warga sendiri, jadi wajar "
        "airnya naik."
    )

    def test_it_adds_a_flaw_the_rules_missed_with_words_and_texts(self):
        rules = check_rules(self.CONTENT_BLAME)
        verdict = check(self.CONTENT_BLAME)
        assert "blames_citizen" not in rules.codes
        assert "blames_citizen" in verdict.codes
        flaw = next(f for f in verdict.flaws if f.code == "blames_citizen")
        assert flaw.words and all(w in self.CONTENT_BLAME for w in flaw.words)
        assert flaw.message == MESSAGES["blames_citizen"]
        assert flaw.suggestion == SUGGESTIONS["blames_citizen"]
        assert not verdict.acceptable and verdict.score < rules.score

    def test_a_good_reply_is_left_alone(self):
        reply = (
            "Selamat pagi Bapak, terima kasih atas laporannya dan mohon maaf atas "
            "ketidaknyamanannya. Petugas kami akan menambal lubang di Jl. Sriwijaya pada "
            "Kamis, 12 Maret."
        )
        assert check(reply) == check_rules(reply)
        assert check(reply).acceptable

    def test_it_takes_back_only_a_floored_kind_below_its_floor_and_is_deterministic(self):
        model = learned.shipped()
        assert model is not None
        taken_back = []
        for row in learned.rows_of(("blind", "independent_f")):
            rules = check_rules(row["reply"], row["complaint"])
            verdict = check(row["reply"], row["complaint"])
            probs = model.probabilities(row["reply"], rules) * learned.gate(row["reply"])
            for code in set(rules.codes) - set(verdict.codes):
                assert code in learned.FLOORED
                i = learned.LEARNED.index(code)
                assert probs[i] < model.floors[i]
                taken_back.append((row["id"], code))
            assert verdict == check(row["reply"], row["complaint"])
        # Writer F labels no vagueness in "the bill first, then the objection; that is the
        # rule": a stated condition the rules read as vague, which the layer takes back.
        assert taken_back

    def test_a_taken_back_finding_leaves_the_reply_as_the_other_flaws_make_it(self):
        # "We will summon the billboard's owner": who and what are named; the rules read the
        # short action as vague, and no writer labels it so.
        reply = "Selamat sore Pak, terima kasih dan mohon maaf. Pemilik baliho akan kami panggil."
        rules = check_rules(reply)
        verdict = check(reply)
        assert "vague" in rules.codes and "vague" not in verdict.codes
        model = learned.shipped()
        assert model is not None
        floorless = dataclasses.replace(model, floors=np.zeros(len(learned.LEARNED)))
        kept = learned.apply(rules, reply, floorless)
        # Without floors the same reading, with the rules' vagueness kept.
        assert set(kept.codes) == {*verdict.codes, "vague"} == {"no_timeline", "vague"}
        assert verdict.score > kept.score
        assert [f for f in kept.flaws if f.code != "vague"] == list(verdict.flaws)

    def test_a_named_referral_is_never_called_a_deflection_by_the_layer(self):
        reply = (
            "Mohon maaf Bu, jaringan listrik bukan kewenangan kami; laporan Ibu sudah kami "
            "teruskan ke PLN Pekalongan dengan nomor K-1234."
        )
        i = learned.LEARNED.index("wrong_unit_deflection")
        assert learned.gate(reply)[i] == 0.0
        assert learned.gate("Itu bukan kewenangan kami.")[i] == 1.0
        assert "wrong_unit_deflection" not in check(reply).codes

    def test_no_model_or_empty_reply_changes_nothing(self):
        verdict = check_rules(self.CONTENT_BLAME)
        assert learned.apply(verdict, "") is verdict
        assert check("") == check_rules("")

    def test_order_of_flaws_follows_the_checker(self):
        from aduan.replies.checker import FLAWS

        codes = check(self.CONTENT_BLAME).codes
        assert codes == sorted(codes, key=FLAWS.index)


#: Three authors are enough to test the evaluation's command; all seven train seven models
#: (minutes; `aduan replies evaluate --cross-author` runs them all).
TESTED_AUTHORS = dict(list(learned.AUTHORS.items())[:3])


@pytest.fixture(scope="module")
def cross_author_result() -> dict:
    """The leave-one-author-out evaluation of ``TESTED_AUTHORS``, computed once for the tests
    of its command."""
    return learned.cross_author(tuple(TESTED_AUTHORS))


@pytest.fixture
def cross_author_once(cross_author_result, monkeypatch):
    real = learned.cross_author

    def once(authors=tuple(TESTED_AUTHORS), frozen=False, quick=False, held=None):
        if tuple(authors) == tuple(TESTED_AUTHORS) and not (frozen or quick or held):
            return copy.deepcopy(cross_author_result)
        return real(authors, frozen, quick, held=held)

    monkeypatch.setattr(learned, "AUTHORS", TESTED_AUTHORS)
    monkeypatch.setattr(learned, "cross_author", once)


class CrossAuthorTests:
    def test_command_prints_rules_learned_and_hybrid_per_author(self, cross_author_once):
        text = run("evaluate", "--cross-author")
        assert text.startswith("cross-author")
        for author in learned.AUTHORS:
            assert author in text
        for code in learned.LEARNED:
            assert f"macro     {code}" in text
        assert "rules P/R" in text and "hybrid P/R" in text

    def test_json_result_scores_each_author_on_its_own_sets_only(self, cross_author_once):
        result = json.loads(run("evaluate", "--cross-author", "--json"))
        for author, splits in learned.AUTHORS.items():
            scored = result["authors"][author]
            assert scored["replies"] == len(learned.rows_of(splits))
            for code in learned.LEARNED:
                f = scored["flaws"][code]
                assert set(f) >= {"rules", "learned", "hybrid", "threshold"}
                # The hybrid flags at least what the rules flag, but for a kind whose rule
                # finding it may take back.
                if code not in learned.FLOORED:
                    assert f["hybrid"]["predicted"] >= f["rules"]["predicted"]
                    assert f["floor"] == 0.0
                assert f["floor"] in learned.FLOORS
        assert set(result["macro"]) == {*learned.LEARNED, "accuracy"}

    def test_training_never_sees_the_held_out_author(self, monkeypatch):
        seen: list[tuple[str, ...]] = []
        real = learned.train

        def spy(authors, *args, **kwargs):
            seen.append(tuple(authors))
            return real(authors, *args, **kwargs)

        monkeypatch.setattr(learned, "train", spy)
        learned.cross_author(("author2", "author3"))
        assert seen == [("author3",), ("author2",)]

    def test_quick_reading_fits_once_per_fold_with_the_shipped_thresholds(self, monkeypatch):
        def no_inner_choice(*args, **kwargs):
            raise AssertionError("the quick reading chooses no thresholds")

        monkeypatch.setattr(learned, "train", no_inner_choice)
        result = learned.cross_author(("author2", "author3"), quick=True, unseen=("author1",))
        assert result["quick"] is True
        assert list(result["authors"]) == ["author2", "author3", "author1"]
        shipped = learned.shipped()
        assert shipped is not None
        for scored in result["authors"].values():
            for i, code in enumerate(learned.LEARNED):
                expected = round(float(shipped.thresholds[i]), 3)
                assert scored["flaws"][code]["threshold"] == expected

    def test_held_out_writer_of_four_labellings_is_also_scored_against_their_majority(
        self, monkeypatch
    ):
        # Two small authors train; the writer of set AO (labelled again by three people)
        # is held out and scored against its own labels and against the majority of four.
        authors = {a: learned.AUTHORS[a] for a in ("author2", "author3", "author38")}
        monkeypatch.setattr(learned, "AUTHORS", authors)
        result = learned.cross_author(tuple(authors), quick=True, held=("author38",))
        assert list(result["authors"]) == ["author38"]
        scored = result["authors"]["author38"]
        rows = learned.rows_of(authors["author38"])
        majority = {r["id"]: r["flaws"] for r in learned.training_rows(authors["author38"])}
        for code in learned.LEARNED:
            assert scored["majority"][code]["support"] == sum(
                code in majority[r["id"]] for r in rows
            )
            assert scored["flaws"][code]["hybrid"]["support"] == sum(
                code in r["flaws"] for r in rows
            )
            # The same predictions read against two references.
            assert (
                scored["majority"][code]["predicted"]
                == (scored["flaws"][code]["hybrid"]["predicted"])
            )
            met = result["meets"][code]
            assert met["references"] == 2
            assert met["met"] == sum(
                learned.meets_target(m)
                for m in (scored["flaws"][code]["hybrid"], scored["majority"][code])
            )

    def test_command_holds_out_the_named_writers_and_counts_the_target(self, monkeypatch):
        seen: list[dict] = []

        def fake(authors=(), frozen=False, quick=False, held=None):
            seen.append({"held": held, "quick": quick})
            pr = {"precision": 0.9, "recall": 0.7, "support": 10, "predicted": 8}
            flaws = {
                c: {k: dict(pr) for k in ("rules", "learned", "hybrid")} for c in learned.LEARNED
            }
            return {
                "authors": {
                    "author38": {
                        "replies": 1,
                        "accuracy": {"rules": 1.0, "hybrid": 1.0},
                        "flaws": flaws,
                        "majority": {c: dict(pr) for c in learned.LEARNED},
                    }
                },
                "macro": {
                    **{
                        c: {
                            f"{k}_{m}": 0.5
                            for k in ("rules", "learned", "hybrid")
                            for m in ("precision", "recall")
                        }
                        for c in learned.LEARNED
                    },
                    "accuracy": {"rules": 1.0, "hybrid": 1.0},
                },
                "meets": {c: {"references": 2, "met": 0} for c in learned.LEARNED},
            }

        monkeypatch.setattr(learned, "cross_author", fake)
        text = run("evaluate", "--cross-author", "--quick", "--held-out", "independent_ao")
        assert seen == [{"held": ["author38"], "quick": True}]
        assert "(majority of four)" in text
        assert "meets     no_action                0 / 2" in text
        with pytest.raises(CommandError, match="bukan penulis maupun set berlabel"):
            run("evaluate", "--cross-author", "--held-out", "independent_zz")

    def test_frozen_rules_come_from_history(self):
        try:
            subprocess.run(  # noqa: S603
                [shutil.which("git") or "git", "cat-file", "-e", learned.FROZEN["author3"]],
                cwd=learned.DATA,
                check=True,
                capture_output=True,
            )
        except (OSError, subprocess.CalledProcessError):
            pytest.skip("no git history here")
        old = learned.frozen_rules(learned.FROZEN["author3"])
        verdict = old("Bukan wewenang kami.", "Lampu jalan mati.")
        assert "wrong_unit_deflection" in verdict.codes

    def test_unknown_commit_is_a_clear_error(self):
        with pytest.raises(RuntimeError, match="tidak dapat dibaca"):
            learned.frozen_rules("0" * 40)

    def test_train_command_rebuilds_the_committed_artefact(self, tmp_path, monkeypatch):
        # The one training of the suite (each takes minutes): the command writes the
        # artefact, and training again from the labelled sets gives exactly the committed
        # one (vocabularies, weights, thresholds), so the model is rebuilt reproducibly.
        path = tmp_path / "learned.npz"
        monkeypatch.setattr(learned, "ARTEFACT", path)
        text = run("train")
        assert path.exists() and "threshold=" in text
        fresh = learned.load(path)
        monkeypatch.undo()
        learned.shipped.cache_clear()
        assert_same_model(fresh, learned.load())

    def test_cross_author_error_becomes_a_command_error(self, monkeypatch):
        def broken(*args, **kwargs):
            raise RuntimeError("Aturan versi x tidak dapat dibaca dari riwayat git")

        monkeypatch.setattr(learned, "cross_author", broken)
        with pytest.raises(CommandError, match="tidak dapat dibaca"):
            run("evaluate", "--cross-author", "--frozen")


class CueTests:
    """The structural cue families read the shape of a clause, so a new word in a known
    frame still counts; phrasings found in no labelled set."""

    @pytest.mark.parametrize(
        ("family", "reply"),
        [
            ("rude_reproach", "Sedikit hujan kok sudah heboh lapor ke mana-mana."),
            ("rude_reproach", "Tidak usah ngegas begitu Pak."),
            ("rude_mock", "Terima kasih Ibu yang rajin, sampai tetangga pun ikut dilaporkan."),
            ("blame_agent", "Genangan itu gara-gara pedagang menutup got dengan papan."),
            ("blame_agent", "Lain kali dicek dulu sebelum tanda tangan."),
            ("deflect_owner", "Drainase itu proyeknya provinsi."),
            ("deflect_owner", "Kantor kami tidak mengelola terminal."),
            ("dismissive_minimise", "Antre satu jam itu belum seberapa."),
            ("smile", "Wah, semangat sekali melapornya 😄"),
        ],
    )
    def test_the_family_lights(self, family, reply):
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        assert values[family] > 0

    def test_a_good_reply_lights_no_structural_family(self):
        reply = (
            "Selamat pagi Bapak, terima kasih atas laporannya dan mohon maaf atas "
            "ketidaknyamanannya. Petugas kami menambal lubang di Jl. Sriwijaya pada Kamis "
            "pukul 08.00 🙏"
        )
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        structural = ("rude_reproach", "rude_mock", "blame_agent", "deflect_owner", "smile")
        assert not any(values[name] for name in structural)


class SeventhRoundCueTests:
    """The coping, scolding, over-praise and blame-clause families, and the two joint cues
    (over-praise or a blaming clause in a reply that apologises for nothing); phrasings
    found in no labelled set."""

    @pytest.mark.parametrize(
        ("family", "reply"),
        [
            ("rude_cope", "Kalau tidak tahan panas ya beli kipas sendiri dong."),
            ("rude_scold", "Sudah kami umumkan tiga kali, kok tidak pernah didengar."),
            ("rude_overpraise", "Kami sangat tersanjung dengan perhatian Bapak."),
            ("blame_clause", "Sumur tercemar gara-gara warga membuang oli ke selokan."),
            ("blame_clause", "Mungkin Bapak lupa mengunggah fotonya."),
            ("overpraise_unapologetic", "Terima kasih, perhatian Ibu luar biasa sekali."),
            ("blame_unapologetic", "Sumur tercemar gara-gara warga membuang oli ke selokan."),
        ],
    )
    def test_the_family_lights(self, family, reply):
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        assert values[family] > 0

    def test_an_apology_switches_the_joint_cues_off(self):
        reply = (
            "Selamat pagi Ibu, terima kasih atas laporan yang sangat lengkap, dan mohon maaf "
            "sumur warga tercemar gara-gara warga membuang oli ke selokan tanpa kami awasi."
        )
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        assert values["rude_overpraise"] > 0
        assert values["overpraise_unapologetic"] == 0
        assert values["blame_unapologetic"] == 0


class EighthRoundCueTests:
    """The belittling, someone-had-it-worse, care-questioned and moved-remit families;
    phrasings found in no labelled set."""

    @pytest.mark.parametrize(
        ("family", "reply"),
        [
            ("rude_belittle", "Baru dua hari sudah komplain, Pak."),
            ("rude_belittle", "Sudahlah Bu, disyukuri saja."),
            ("dismissive_worse", "Di desa sebelah ada yang berbulan-bulan tidak mengeluh."),
            ("dismissive_worse", "Antrean di loket memang padat, tunggu giliran."),
            ("blame_care", "Motornya dijaga dong, Mas."),
            ("deflect_moved", "Pengelolaan terminal sudah diambil alih oleh provinsi."),
            ("deflect_moved", "Kabel yang menjuntai itu urusannya provider."),
        ],
    )
    def test_the_family_lights(self, family, reply):
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        assert values[family] > 0

    def test_a_plain_good_reply_lights_none(self):
        reply = (
            "Selamat pagi Ibu, terima kasih dan mohon maaf atas antreannya. Petugas pendaftaran "
            "kami tambah mulai besok pukul 07.00."
        )
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        for family in ("rude_belittle", "dismissive_worse", "blame_care", "deflect_moved"):
            assert values[family] == 0

    def test_rudeness_without_an_apology_lights_the_joint_cue(self):
        rude = "Selamat siang. Baru dua hari sudah komplain, Pak."
        sorry = "Selamat siang, mohon maaf. Baru dua hari sudah komplain, Pak."
        plain = dict(zip(learned.CUE_NAMES, learned.cues(rude), strict=True))
        apologised = dict(zip(learned.CUE_NAMES, learned.cues(sorry), strict=True))
        assert plain["rude_unapologetic"] > 0
        assert apologised["rude_belittle"] > 0
        assert apologised["rude_unapologetic"] == 0


class NinthRoundCueTests:
    """The lecturing, made-small and other-level families; phrasings found in no set."""

    @pytest.mark.parametrize(
        ("family", "reply"),
        [
            ("rude_lecture", "Sebagai pedagang yang bertanggung jawab, Bapak harus paham."),
            ("rude_lecture", "Mestinya Ibu sudah tahu sendiri, belajar dulu sebelum berkomentar."),
            ("rude_lecture", "Dasar pengendara, tidak pernah bersyukur."),
            ("dismissive_small", "Retaknya cuma sedikit, jembatan masih bisa dilewati."),
            ("dismissive_small", "Asapnya nanti juga hilang sendiri, tidak perlu cemas."),
            ("dismissive_small", "Pelanggan lain tidak protes soal itu."),
            ("deflect_level", "Jembatan itu aset provinsi, kuotanya diputuskan pusat."),
        ],
    )
    def test_the_family_lights(self, family, reply):
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        assert values[family] > 0

    def test_a_plain_good_reply_lights_none(self):
        reply = (
            "Selamat pagi Bapak, terima kasih dan mohon maaf atas retaknya jembatan. Tim kami "
            "memasang pembatas hari ini dan menambal retakan Kamis pukul 08.00."
        )
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        for family in ("rude_lecture", "dismissive_small", "deflect_level"):
            assert values[family] == 0


class TenthRoundCueTests:
    """The doubt, exasperation and give-up family; phrasings found in no set."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Ibu yakin tagihannya salah? Jangan-jangan lupa bayar.",
            "Saya ulangi ya Pak, pelan-pelan.",
            "Dari tadi ditanya terus, kapan kami kerjanya?",
            "Kalau tidak betah ya berhenti saja, nanti kami polisikan balik.",
        ],
    )
    def test_the_family_lights(self, reply):
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        assert values["rude_doubt"] > 0

    def test_a_plain_good_reply_lights_none(self):
        reply = (
            "Selamat pagi Ibu, terima kasih dan mohon maaf atas tagihan yang keliru. Petugas "
            "kami memeriksa meteran Ibu Kamis pukul 09.00."
        )
        values = dict(zip(learned.CUE_NAMES, learned.cues(reply), strict=True))
        assert values["rude_doubt"] == 0
