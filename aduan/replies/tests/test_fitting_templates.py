"""The complaint page's template picker reads the jurisdiction's templates from the
reference cache: the same templates, in the same order, as ``templates_for``, and a change
is seen at once."""

from __future__ import annotations

import pytest

from aduan.complaints.models import Complaint
from aduan.replies.choices import Situation
from aduan.replies.models import ResponseTemplate
from aduan.replies.selectors import fitting_templates, templates_for

pytestmark = pytest.mark.django_db


def same(complaint: Complaint) -> list[int]:
    cached = [t.pk for t in fitting_templates(complaint)]
    assert cached == [t.pk for t in templates_for(complaint)]
    return cached


def test_the_cache_gives_what_the_query_gives(people, cases, submit):
    complaint = cases.biasa
    other_unit = people.unit_b
    category = complaint.category
    n = 0
    for situation in (Situation.CLOSING, Situation.INFO_REQUEST):
        for unit in (None, complaint.unit, other_unit):
            for cat in (None, category):
                for active in (True, False):
                    n += 1
                    ResponseTemplate.objects.create(
                        jurisdiction=complaint.jurisdiction,
                        code=f"uji-{n}",
                        title=f"Uji {n:02d}",
                        situation=situation,
                        unit=unit,
                        category=cat,
                        body="Terima kasih.",
                        is_active=active,
                    )
    fitting = same(complaint)
    assert fitting
    same(submit().complaint)  # no unit yet
    # a change is seen at once
    first = ResponseTemplate.objects.get(pk=fitting[0])
    first.is_active = False
    first.save()
    assert first.pk not in same(complaint)
    first.delete()
    same(complaint)
