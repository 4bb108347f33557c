"""``{% overdue_rows %}`` gives the markup of the template loop it replaces
(``overdue_loop.html``), in both languages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

from aduan.complaints.choices import Stage
from aduan.complaints.templatetags.aduan import overdue_rows

LOOP = (Path(__file__).parent / "overdue_loop.html").read_text()


def _rows() -> list[dict]:
    rows = []
    for k, stage in enumerate([*Stage.values, *Stage.values]):
        rows.append(
            {
                "unit_id": k or None,
                "unit__short_name": ['DPUPR & <Tata> "Ruang"', "Dinkes", None, ""][k % 4],
                "stage": stage,
                "stage_label": Stage(stage).label,
                "n": [3, 1000, 0, 12345][k % 4],
                "capped": k % 3 == 0,
                "oldest_due": None
                if k % 5 == 4
                else datetime(2026, 1 + k % 12, 1 + k, k % 24, k, tzinfo=UTC),
                "link": f"/kerja/daftar/semua/?unit={k}&stage={stage}&due=lewat"
                if k % 4 != 2
                else "",
            }
        )
    return rows


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("rows", [_rows(), []])
def test_the_rows_are_the_loops_markup(language, rows):
    with translation.override(language):
        expected = engines["django"].from_string(LOOP).render({"rows": rows})
        assert overdue_rows(rows) == expected
