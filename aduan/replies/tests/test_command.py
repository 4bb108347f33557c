"""``aduan replies check`` and ``aduan replies evaluate``."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from aduan.replies.checker import check


def run(*args: str) -> str:
    out = StringIO()
    call_command("replies", *args, stdout=out)
    return out.getvalue()


class CheckCommandTests:
    def test_one_json_line_per_input_line_in_order(self, tmp_path):
        rows: list[dict] = [
            {"id": "a", "complaint": "Jalan berlubang.", "reply": "Bukan urusan kami."},
            {"id": 7, "complaint": "", "reply": "Selamat pagi, terima kasih, mohon maaf."},
        ]
        path = tmp_path / "in.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
        lines = [json.loads(line) for line in run("check", "--input", str(path)).splitlines()]
        assert [line["id"] for line in lines] == ["a", 7]
        for row, line in zip(rows, lines, strict=True):
            verdict = check(row["reply"], row["complaint"])
            assert line == {
                "id": row["id"],
                "acceptable": verdict.acceptable,
                "score": verdict.score,
                "flaws": verdict.codes,
            }
        assert "dismissive" in lines[0]["flaws"]

    def test_bad_input_gets_a_clear_error(self, tmp_path):
        path = tmp_path / "bad.jsonl"
        path.write_text('{"id": 1, "reply": "ok"}\nnot json\n', encoding="utf-8")
        with pytest.raises(CommandError, match="bad.jsonl:2: bukan JSON"):
            run("check", "--input", str(path))
        path.write_text('{"id": 1}\n', encoding="utf-8")
        with pytest.raises(CommandError, match="reply"):
            run("check", "--input", str(path))
        with pytest.raises(CommandError, match="tidak dapat dibuka"):
            run("check", "--input", str(tmp_path / "missing.jsonl"))


class EvaluateCommandTests:
    def test_it_prints_accuracy_and_per_flaw_scores_on_the_held_out_set(self):
        text = run("evaluate")
        assert text.startswith("split=heldout replies=")
        assert "acceptable accuracy=" in text
        for code in ("no_greeting", "wrong_unit_deflection", "jargon"):
            assert code in text

    def test_json_output_and_error_listing(self):
        data = json.loads(run("evaluate", "--split", "all", "--json"))
        assert data["replies"] >= 280
        assert 0.0 <= data["acceptable_accuracy"] <= 1.0
        assert set(data["flaws"]["rude"]) == {"precision", "recall", "f1", "support", "predicted"}
        assert "errors" not in data
        with_errors = json.loads(run("evaluate", "--split", "dev", "--json", "--errors"))
        assert isinstance(with_errors["errors"], list)


#: Floors moved for the convention of the authors who never saw the definitions
#: (docs/replies.md, "Conventions of the authors who never saw the definitions"): no_timeline
#: is now flagged whenever a reply gives no time frame, also without an action or after one
#: already done, which these sets (labelled by the old definition: "an action promised
#: without a time") do not count; unit short names (Disdukcapil, DPMPTSP, Dishub ...) are no
#: longer jargon, which these sets do count. Their labels are left as written.
#: Measured after the change: set A no_timeline precision 0.350, jargon recall 0.762; set E
#: no_timeline precision 0.241, jargon recall 0.571.
#: no_action precision moved when the learned layer took up `no_action` (docs/replies.md,
#: "Every writer in the layer"): it adds the polite empty promise as no action, as the blind
#: writers and the four people of sets AL-AO read it, where this author labels some of those
#: `vague` only. Measured: precision 0.803 -> 0.776, recall 0.966 -> 1.000.
MOVED = {
    ("no_timeline", "precision"): 0.33,
    ("jargon", "recall"): 0.75,
    ("no_action", "precision"): 0.77,
}

#: Acceptability floors moved when a reply became acceptable only without any flaw (it was:
#: no severe flaw and a score of at least 70): these sets' writers passed replies lacking a
#: greeting, a time or an explained acronym, and their labels are left as written. Measured
#: after the change: set A 0.890, I 0.834, J 0.790, L 0.874 (docs/replies.md, "Score and
#: acceptability").
TOLERANT_FLOORS = {
    "independent": 0.88,
    "independent_i": 0.82,
    "independent_j": 0.78,
    "independent_l": 0.86,
}
MOVED_E = {("no_timeline", "precision"): 0.22, ("jargon", "recall"): 0.55}


class IndependentSetTests:
    """The sets written by a second author, independently of the rules (see docs/replies.md)."""

    def test_the_independent_set_meets_the_targets(self):
        data = json.loads(run("evaluate", "--split", "independent", "--json"))
        assert data["replies"] >= 150
        assert data["acceptable_accuracy"] >= TOLERANT_FLOORS["independent"]
        for code, scores in data["flaws"].items():
            if scores["support"]:
                assert scores["recall"] >= MOVED.get((code, "recall"), 0.80), (code, scores)
            if scores["predicted"]:
                assert scores["precision"] >= MOVED.get((code, "precision"), 0.80), (code, scores)

    def test_set_e_meets_the_targets(self):
        # Written to probe blame, rudeness and brush-offs; the structural rules were tuned on it.
        data = json.loads(run("evaluate", "--split", "independent_e", "--json"))
        assert data["replies"] >= 80
        assert data["acceptable_accuracy"] >= 0.90
        for code, scores in data["flaws"].items():
            if scores["support"]:
                assert scores["recall"] >= MOVED_E.get((code, "recall"), 0.80), (code, scores)
            if scores["predicted"]:
                assert scores["precision"] >= MOVED_E.get((code, "precision"), 0.80), (code, scores)

    @pytest.mark.parametrize(
        "split",
        ["independent_m", "independent_n", "independent_o", "independent_p"]
        + ["independent_r", "independent_t"]  # T: studied in the set T round, trained on
        + ["independent_u"]  # U: eighteenth author, studied in the set U round
        + ["independent_v"],  # V: nineteenth author
    )
    def test_sets_of_the_later_writers_meet_the_target(self, split):
        # M-T label a reply acceptable only when it has no flaw; U and V also pass a reply
        # missing only a greeting or only thanks, as the checker now decides (docs/replies.md,
        # "Score and acceptability").
        data = json.loads(run("evaluate", "--split", split, "--json"))
        assert data["replies"] >= 180
        assert data["acceptable_accuracy"] >= 0.90

    def test_set_q_holds_its_floor_under_the_courtesy_tolerance(self):
        # Q's writer passes only flawless replies: 0.926 under "no flaw", 0.897 since a single
        # missing courtesy passes (the set W and X round; 8 replies).
        data = json.loads(run("evaluate", "--split", "independent_q", "--json"))
        assert data["replies"] >= 180
        assert data["acceptable_accuracy"] >= 0.885

    @pytest.mark.parametrize(
        ("split", "replies", "floor"),
        [
            # W: twentieth author. First looks 0.891 (main 73d50e9 and after the set V
            # round); studied in the set W and X round (in-sample since): 0.929.
            ("independent_w", 211, 0.91),
            # X: twenty-first author. First look 0.887 (main 7a941da); studied in the set W
            # and X round (in-sample since): 0.968.
            ("independent_x", 222, 0.95),
            # Y: twenty-second author. First look (main 7a941da) 0.869; after the set W and X
            # round 0.968 (rules alone 0.869; the courtesy tolerance the rest); studied in
            # the set Y round (in-sample since): 0.982.
            ("independent_y", 221, 0.95),
            # Z: twenty-third author, never studied (only its scores were read), the first
            # writer since W not briefed with W's conventions. First look (main 922908b)
            # 0.945; unchanged after the set Y round.
            ("independent_z", 220, 0.93),
            # AA: twenty-fourth author, never studied; its writer counts a reply acceptable
            # only with no flaw at all. First look (after the set Y round) 0.931.
            ("independent_aa", 217, 0.92),
            # AB: twenty-fifth author; its writer counts a reply acceptable only with no
            # flaw at all. First look (main b94c6e3, before it was studied) 0.951.
            ("independent_ab", 226, 0.93),
            # AC: twenty-sixth author; acceptable only with no flaw at all. First look (after
            # the set AB round) 0.923; studied in the set AC round (in-sample since): 0.923.
            ("independent_ac", 234, 0.92),
            # AD: twenty-seventh author; acceptable only with no flaw at all. First look (main
            # 0ed26d4, after the set AB round) 0.957; studied in the set AD round (in-sample
            # since): 0.957.
            ("independent_ad", 230, 0.95),
            # AE: twenty-eighth author; acceptable only with no flaw at all. First look (main
            # 1360bc5, after the set AD round) 0.955; studied in the set AE round (0.955).
            ("independent_ae", 200, 0.95),
            # AF: twenty-ninth author; acceptable only with no flaw at all. First look (main
            # 7ef55c5, after the set AE round) 0.955; studied in the set AF and AG round
            # (in-sample since).
            ("independent_af", 200, 0.95),
            # AG: thirtieth author; acceptable only with no flaw at all. First look (main
            # 3586e39, after the set AE round) 0.955; studied in the set AF and AG round
            # (in-sample since).
            ("independent_ag", 200, 0.95),
            # AH: thirty-first author; acceptable only with no flaw at all. First look (main
            # 088a3da, the checker of the set AE round) 0.915; studied in the set AH and AI
            # round (in-sample since): 0.930.
            ("independent_ah", 200, 0.93),
            # AI: thirty-second author; acceptable only with no flaw at all. First look (after
            # the set AF and AG round) 0.910; studied in the set AH and AI round (in-sample
            # since): 0.935.
            ("independent_ai", 200, 0.93),
            # AJ: thirty-third author; acceptable only with no flaw at all. First look (main
            # d3514bd, before the set AH and AI round) 0.870; after that round 0.875; studied
            # in the set AJ round (in-sample since): 0.915.
            ("independent_aj", 200, 0.91),
            # AK: thirty-fourth author; acceptable only with no flaw at all. First look (main
            # after the set AH and AI round) 0.885; after the set AJ round 0.890; studied in the
            # set AK round (in-sample since): 0.905.
            ("independent_ak", 200, 0.90),
            # AL: thirty-fifth author; acceptable only with no flaw at all. First look (main
            # 86255b4, before the set AK round; unchanged by it) 0.920, flaws at >= 0.80 P and
            # R 7 of 12 (blames_citizen R .74, rude R .54, dismissive R .56, no_action R .66,
            # vague R .53 short); studied in the set AL and AM round (in-sample since): 0.920.
            ("independent_al", 200, 0.92),
            # AM: thirty-sixth author; acceptable only with no flaw at all. First look (main
            # 86255b4, unchanged by the set AK round) 0.935, 7 of 12 flaws at >= 0.80 P and R
            # (blames P .74 R .64, rude R .52, dismissive P .62 R .72, no_action R .63, vague P
            # .68 R .57 short); studied in the set AL and AM round (in-sample since): 0.935.
            ("independent_am", 200, 0.93),
            # AN, a thirty-seventh writer, written blind, never studied: first look (after the set
            # AK round, before the set AL and AM round) 0.935, 8 of 12 flaws at >= 0.80 (rude P
            # .74 R .78, dismissive P .66, no_action P .77 R .73, vague P .67 R .50 short); after
            # the set AL and AM round 0.935, 8 of 12 (vague R .55): the look at a new writer.
            ("independent_an", 200, 0.93),
            # AO, a thirty-eighth writer, written blind on 30 November 2026: first look (main
            # 093a22c) 0.950, 7 of 12 flaws at >= 0.80 P and R (no_greeting R .70, rude R .44,
            # dismissive R .55, no_action R .64, vague R .54 short); its greeting misses were
            # read in the agreement round (bare vocatives, unanimous on all four sets): 0.955,
            # 8 of 12.
            ("independent_ao", 200, 0.95),
        ],
    )
    def test_the_latest_writers_sets_hold_their_floors(self, split, replies, floor):
        data = json.loads(run("evaluate", "--split", split, "--json"))
        assert data["replies"] == replies
        assert data["acceptable_accuracy"] >= floor

    @pytest.mark.parametrize(
        "split",
        [
            "independent_b",
            "independent_c",
            "independent_d",
            "independent_f",
            "independent_g",
            "independent_h",
            "independent_i",
            "independent_j",
            "independent_l",
        ],
    )
    def test_the_later_independent_sets_keep_their_acceptability_floor(self, split):
        data = json.loads(run("evaluate", "--split", split, "--json"))
        assert data["replies"] >= 40
        assert data["acceptable_accuracy"] >= TOLERANT_FLOORS.get(split, 0.90)

    def test_set_ac_keeps_its_brush_off_and_no_action_floors(self):
        # Twenty-sixth author; its errors were read in the set AC round, so these are
        # in-sample floors against regression (see docs/replies.md, "The set AC round").
        data = json.loads(run("evaluate", "--split", "independent_ac", "--json"))
        flaws = data["flaws"]
        assert flaws["dismissive"]["recall"] >= 0.71 and flaws["dismissive"]["precision"] >= 0.75
        assert flaws["no_action"]["recall"] >= 0.55 and flaws["no_action"]["precision"] >= 0.90

    def test_set_ad_keeps_its_brush_off_and_no_action_floors(self):
        # Twenty-seventh author; its errors were read in the set AD round, so these are
        # in-sample floors against regression (see docs/replies.md, "The set AD round").
        data = json.loads(run("evaluate", "--split", "independent_ad", "--json"))
        flaws = data["flaws"]
        assert flaws["dismissive"]["recall"] >= 0.76 and flaws["dismissive"]["precision"] >= 0.92
        assert flaws["no_action"]["recall"] >= 0.66 and flaws["no_action"]["precision"] >= 0.85

    def test_set_ae_keeps_its_blame_and_rudeness_floors(self):
        # Twenty-eighth author; its errors were read in the set AE round, so these are
        # in-sample floors against regression (see docs/replies.md, "The set AE round").
        data = json.loads(run("evaluate", "--split", "independent_ae", "--json"))
        assert data["acceptable_accuracy"] >= 0.95
        flaws = data["flaws"]
        assert flaws["blames_citizen"]["recall"] >= 0.76
        assert flaws["blames_citizen"]["precision"] >= 0.9
        assert flaws["rude"]["recall"] >= 0.73 and flaws["rude"]["precision"] >= 0.84

    @pytest.mark.parametrize(
        ("split", "recall", "precision"),
        [("independent_ah", 0.70, 0.95), ("independent_ai", 0.65, 0.90)],
    )
    def test_sets_ah_and_ai_keep_their_no_action_floors(self, split, recall, precision):
        # Thirty-first and thirty-second authors; their errors were read in the set AH and AI
        # round, so these are in-sample floors against regression (docs/replies.md).
        flaws = json.loads(run("evaluate", "--split", split, "--json"))["flaws"]
        assert flaws["no_action"]["recall"] >= recall
        assert flaws["no_action"]["precision"] >= precision

    def test_set_m_keeps_its_rudeness_blame_and_deflection_floors(self):
        # Tenth author; its errors were read and the rules widened, so these are floors
        # against regression, not an unseen-writer estimate (see docs/replies.md).
        data = json.loads(run("evaluate", "--split", "independent_m", "--json"))
        assert data["replies"] >= 200
        assert data["acceptable_accuracy"] >= 0.89
        flaws = data["flaws"]
        assert flaws["rude"]["recall"] >= 0.75 and flaws["rude"]["precision"] >= 0.85
        assert flaws["blames_citizen"]["recall"] >= 0.95
        assert flaws["wrong_unit_deflection"]["recall"] >= 0.95
        assert flaws["dismissive"]["recall"] >= 0.85

    def test_set_n_keeps_its_rudeness_greeting_and_blame_floors(self):
        # Eleventh author, scored against its own stricter acceptable labels; its errors were
        # read and the rules widened, so these are in-sample floors against regression, not
        # an unseen-writer estimate (see docs/replies.md).
        data = json.loads(run("evaluate", "--split", "independent_n", "--json"))
        assert data["replies"] >= 180
        assert data["acceptable_accuracy"] >= 0.88
        flaws = data["flaws"]
        assert flaws["rude"]["recall"] >= 0.90 and flaws["rude"]["precision"] >= 0.90
        assert flaws["no_greeting"]["precision"] >= 0.90
        assert flaws["blames_citizen"]["recall"] >= 0.85
        assert flaws["wrong_unit_deflection"]["recall"] >= 0.95

    def test_set_o_keeps_its_rudeness_brush_off_and_blame_floors(self):
        # Twelfth author, scored against its own stricter labels (no flaw at all for
        # acceptable, no_timeline also without an action); its errors were read and the rules
        # widened, so these are in-sample floors against regression (see docs/replies.md).
        data = json.loads(run("evaluate", "--split", "independent_o", "--json"))
        assert data["replies"] >= 200
        assert data["acceptable_accuracy"] >= 0.89
        flaws = data["flaws"]
        assert flaws["rude"]["recall"] >= 0.85 and flaws["rude"]["precision"] >= 0.90
        assert flaws["dismissive"]["recall"] >= 0.80 and flaws["dismissive"]["precision"] >= 0.85
        # 0.95 until the set P round: the layer retrained on thirteen authors reads two of O's
        # blame replies below its threshold (see docs/replies.md).
        assert flaws["blames_citizen"]["recall"] >= 0.90
        assert flaws["wrong_unit_deflection"]["recall"] >= 0.70

    def test_set_p_keeps_its_rudeness_blame_and_deflection_floors(self):
        # Thirteenth author (a lone missing greeting is minor; every other flaw fails the
        # reply); its errors were read and the rules widened, so these are in-sample floors
        # against regression, not an unseen-writer estimate (see docs/replies.md).
        data = json.loads(run("evaluate", "--split", "independent_p", "--json"))
        assert data["replies"] >= 230
        assert data["acceptable_accuracy"] >= 0.92
        flaws = data["flaws"]
        assert flaws["rude"]["recall"] >= 0.80 and flaws["rude"]["precision"] >= 0.85
        assert flaws["blames_citizen"]["recall"] >= 0.90
        assert flaws["dismissive"]["recall"] >= 0.85
        assert flaws["wrong_unit_deflection"]["recall"] >= 0.95

    def test_set_r_keeps_its_rudeness_brush_off_and_blame_floors(self):
        # Fifteenth author (acceptable only with no flaw at all; a blaming or deflecting reply
        # with nothing done is also a brush-off); its errors were read and the rules widened
        # and it joined the layer's training, so these are in-sample floors against
        # regression, not an unseen-writer estimate (see docs/replies.md).
        data = json.loads(run("evaluate", "--split", "independent_r", "--json"))
        assert data["replies"] >= 220
        assert data["acceptable_accuracy"] >= 0.92
        flaws = data["flaws"]
        assert flaws["rude"]["recall"] >= 0.70 and flaws["rude"]["precision"] >= 0.85
        assert flaws["blames_citizen"]["recall"] >= 0.85
        assert flaws["dismissive"]["recall"] >= 0.50 and flaws["dismissive"]["precision"] >= 0.90
        assert flaws["wrong_unit_deflection"]["recall"] >= 0.95

    def test_set_s_keeps_its_rudeness_brush_off_and_blame_floors(self):
        # Sixteenth author (acceptable only with no flaw at all); its errors were read in the
        # set S round and it joined the layer's training, so these are in-sample floors
        # against regression, not an unseen-writer estimate (see docs/replies.md).
        data = json.loads(run("evaluate", "--split", "independent_s", "--json"))
        assert data["replies"] >= 250
        assert data["acceptable_accuracy"] >= 0.93
        flaws = data["flaws"]
        assert flaws["rude"]["recall"] >= 0.65 and flaws["rude"]["precision"] >= 0.80
        assert (
            flaws["blames_citizen"]["recall"] >= 0.85
            and flaws["blames_citizen"]["precision"] >= 0.80
        )
        assert flaws["dismissive"]["recall"] >= 0.65 and flaws["dismissive"]["precision"] >= 0.80

    def test_set_t_keeps_its_rudeness_brush_off_and_blame_floors(self):
        # Seventeenth author (acceptable only with no flaw at all); its errors were read in the
        # set T round and it joined the layer's training, so these are in-sample floors
        # against regression, not an unseen-writer estimate (see docs/replies.md).
        data = json.loads(run("evaluate", "--split", "independent_t", "--json"))
        assert data["replies"] >= 200
        # 0.962 under "no flaw"; 0.938 since a single missing courtesy passes (set W and X
        # round: five replies T's writer fails for a missing greeting or thanks alone).
        assert data["acceptable_accuracy"] >= 0.93
        flaws = data["flaws"]
        assert flaws["rude"]["recall"] >= 0.80 and flaws["rude"]["precision"] >= 0.75
        assert (
            flaws["blames_citizen"]["recall"] >= 0.85
            and flaws["blames_citizen"]["precision"] >= 0.85
        )
        assert flaws["dismissive"]["recall"] >= 0.60 and flaws["dismissive"]["precision"] >= 0.65
        assert flaws["wrong_unit_deflection"]["recall"] >= 0.95


class AgreementCommandTests:
    """``aduan replies agreement``: people who labelled the same replies, compared."""

    @staticmethod
    def write(tmp_path, name: str, labels: dict[str, list[str]], texts: bool = False) -> str:
        path = tmp_path / f"{name}.jsonl"
        rows = []
        for key, flaws in labels.items():
            row: dict = {"id": key, "acceptable": not flaws, "flaws": flaws}
            if texts:
                row |= {
                    "complaint": "Jalan berlubang di depan rumah.",
                    "reply": f"Bukan urusan kami {key}.",
                }
            rows.append(json.dumps(row))
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return str(path)

    def test_each_reader_against_each_reference_and_the_majority(self, tmp_path):
        a = self.write(
            tmp_path, "a", {"1": ["rude"], "2": ["rude", "vague"], "3": [], "4": ["vague"]}
        )
        b = self.write(tmp_path, "b", {"1": ["rude"], "2": [], "3": ["rude"], "4": ["vague"]})
        c = self.write(tmp_path, "c", {"1": [], "2": ["vague"], "3": ["rude"], "4": ["vague"]})
        result = json.loads(run("agreement", a, b, c, "--json"))
        assert result["people"] == ["a", "b", "c"] and result["readers"][-1] == "majority"
        ab = result["pairs"]["a|b"]  # b read against a as the reference
        assert ab["acceptable_accuracy"] == 0.5  # 1 and 4 agree; 2 and 3 do not
        # rude: a has {1, 2}, b has {1, 3}: one of b's two is a's, one of a's two is b's
        assert (ab["flaws"]["rude"]["precision"], ab["flaws"]["rude"]["recall"]) == (0.5, 0.5)
        # vague: a has {2, 4}, b has {4}
        assert (ab["flaws"]["vague"]["precision"], ab["flaws"]["vague"]["recall"]) == (1.0, 0.5)
        ba = result["pairs"]["b|a"]
        assert (ba["flaws"]["vague"]["precision"], ba["flaws"]["vague"]["recall"]) == (0.5, 1.0)
        # the majority: rude on 1 (a, b) and 3 (b, c), vague on 2 (a, c) and 4 (all)
        maj_a = result["pairs"]["majority|a"]
        assert (maj_a["flaws"]["rude"]["precision"], maj_a["flaws"]["rude"]["recall"]) == (0.5, 0.5)
        assert (maj_a["flaws"]["vague"]["precision"], maj_a["flaws"]["vague"]["recall"]) == (
            1.0,
            1.0,
        )
        assert "a|majority" in result["pairs"] and "checker|a" not in result["pairs"]
        text = run("agreement", a, b, c)
        assert "rude" in text and "0.50/0.50" in text and "(two people)" in text

    def test_the_checker_reads_the_replies_of_the_file_that_holds_them(self, tmp_path):
        labels = {"1": ["dismissive"], "2": []}
        a = self.write(tmp_path, "a", labels, texts=True)
        b = self.write(tmp_path, "b", labels)
        result = json.loads(run("agreement", a, b, "--checker", "--json"))
        assert result["pairs"]["a|b"]["acceptable_accuracy"] == 1.0
        verdicts = [
            check(f"Bukan urusan kami {k}.", "Jalan berlubang di depan rumah.") for k in "12"
        ]
        dismissive = result["pairs"]["a|checker"]["flaws"]["dismissive"]
        assert dismissive["predicted"] == sum("dismissive" in v.codes for v in verdicts) > 0
        assert dismissive["support"] == 1
        checker_a = result["pairs"]["a|checker"]
        assert checker_a["replies"] == 2 and "checker|a" not in result["pairs"]

    def test_bad_labellings_get_a_clear_error(self, tmp_path):
        a = self.write(tmp_path, "a", {"1": ["rude"], "2": []})
        b = self.write(tmp_path, "b", {"1": ["rude"]})
        with pytest.raises(CommandError, match="tidak melabeli balasan yang sama"):
            run("agreement", a, b)
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"id": "1", "acceptable": false, "flaws": ["sopan"]}\n', encoding="utf-8")
        with pytest.raises(CommandError, match="bad.jsonl:1: .*kode cacat"):
            run("agreement", a, str(bad))
        bad.write_text('{"id": "1", "acceptable": true, "flaws": ["rude"]}\n', encoding="utf-8")
        with pytest.raises(CommandError, match="tepat bila"):
            run("agreement", a, str(bad))
        with pytest.raises(CommandError, match='kolom "reply"'):
            run("agreement", a, b.replace("b.jsonl", "a.jsonl"), "--checker")
        with pytest.raises(CommandError, match="dua berkas"):
            run("agreement", a)


class AgreementSetsTests:
    """Sets AL, AM, AN and AO, each labelled by its writer and again, blind, by three more
    people (``data/agreement/``): the labellings cover the same replies, the four people
    agree with each other far more than the checker agrees with any of them, and the
    checker holds its floor against their majority."""

    @pytest.mark.parametrize(
        ("name", "floor"),
        [("al", 0.95), ("am", 0.94), ("an", 0.95), ("ao", 0.95)],
    )
    def test_four_labellings_of_one_set(self, name, floor):
        from aduan.replies.management.commands.replies import DATA

        files = [str(DATA / f"independent_{name}.jsonl")] + [
            str(DATA / "agreement" / f"independent_{name}.{n}.jsonl")
            for n in ("second", "third", "fourth")
        ]
        result = json.loads(run("agreement", *files, "--checker", "--json"))
        assert result["replies"] == 200 and len(result["people"]) == 4
        people = result["people"]
        for a in people:
            for b in people:
                if a != b:
                    # every pair of people agrees on which replies may be sent
                    assert result["pairs"][f"{a}|{b}"]["acceptable_accuracy"] == 1.0
        majority = result["pairs"]["majority|checker"]
        assert majority["acceptable_accuracy"] >= floor
