"""Ratings (once, only after selesai) and IKM responses, through the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from aduan.complaints.services import ComplaintInputError
from aduan.surveys import selectors, services
from aduan.surveys.models import IkmResponse, Rating
from aduan.surveys.tests.conftest import ANSWERS
from conftest import at

pytestmark = pytest.mark.django_db


class RatingServiceTests:
    def test_a_finished_complaint_is_rated_once(self, closed):
        rating = services.rating_submit(
            complaint=closed.complaint, score=4, resolved=True, comment="  Cepat.  "
        )
        assert (rating.score, rating.resolved, rating.comment) == (4, True, "Cepat.")
        with pytest.raises(ComplaintInputError) as error:
            services.rating_submit(complaint=closed.complaint, score=5, resolved=True)
        assert "sudah dinilai" in str(error.value)
        assert Rating.objects.count() == 1

    def test_an_unfinished_complaint_cannot_be_rated(self, open_complaint):
        with pytest.raises(ComplaintInputError) as error:
            services.rating_submit(complaint=open_complaint.complaint, score=5, resolved=True)
        assert "setelah laporan selesai" in str(error.value)
        assert not Rating.objects.exists()

    @pytest.mark.parametrize(
        ("score", "resolved", "comment", "field"),
        [
            (0, True, "", "score"),
            (6, True, "", "score"),
            (True, True, "", "score"),
            (3, "ya", "", "resolved"),
            (3, False, "x" * 2001, "comment"),
        ],
    )
    def test_invalid_input(self, closed, score, resolved, comment, field):
        with pytest.raises(ComplaintInputError) as error:
            services.rating_submit(
                complaint=closed.complaint, score=score, resolved=resolved, comment=comment
            )
        assert field in error.value.errors


class IkmServiceTests:
    def test_a_response_is_stored_with_its_profile(self, people):
        response = services.ikm_submit(
            unit=people.unit_a,
            answers=ANSWERS,
            profile={"age_band": "30-39", "sex": "P", "education": "s1", "occupation": ""},
        )
        assert response.jurisdiction_id == people.jurisdiction.pk
        assert response.answers() == ANSWERS
        assert (response.age_band, response.sex, response.occupation) == ("30-39", "P", "")

    def test_invalid_answers_and_profile_are_refused(self, people):
        with pytest.raises(ComplaintInputError) as error:
            services.ikm_submit(
                unit=people.unit_a,
                answers={**ANSWERS, "u3": 5, "u9": 0},
                profile={"sex": "X", "hobby": "catur"},
            )
        assert {"u3", "u9", "sex", None} <= set(error.value.errors)
        with pytest.raises(ComplaintInputError):
            services.ikm_submit(unit=people.unit_a, answers={"u1": 4})
        assert not IkmResponse.objects.exists()


class IkmSelectorTests:
    def test_ikm_for_a_unit_in_a_period(self, people):
        with at(2026, 3, 2, 10):
            services.ikm_submit(unit=people.unit_a, answers=dict.fromkeys(ANSWERS, 4))
        with at(2026, 4, 2, 10):
            services.ikm_submit(unit=people.unit_a, answers=dict.fromkeys(ANSWERS, 2))
            services.ikm_submit(unit=people.unit_b, answers=dict.fromkeys(ANSWERS, 1))
        every = selectors.ikm_for(unit=people.unit_a)
        assert every.respondents == 2
        assert every.result.index == Decimal("75.00")
        march = selectors.ikm_for(
            unit=people.unit_a, date_from=date(2026, 3, 1), date_to=date(2026, 3, 31)
        )
        assert (march.respondents, march.result.index, march.result.grade) == (
            1,
            Decimal("100.00"),
            "A",
        )
        whole = selectors.ikm_for(jurisdiction=people.jurisdiction)
        assert whole.respondents == 3
        none = selectors.ikm_for(unit=people.unit_b, date_from=date(2027, 1, 1))
        assert none.result is None and none.respondents == 0

    def test_minimum_sample_against_complaints_received(self, people, closed):
        row = selectors.ikm_for(unit=people.unit_a)
        assert (row.population, row.minimum_sample, row.enough) == (1, 1, False)

    def test_a_units_own_weights(self, people):
        jurisdiction = people.jurisdiction
        weights = dict.fromkeys(ANSWERS, "0")
        weights["u1"] = "1"
        jurisdiction.settings = {**jurisdiction.settings, "ikm_weights": {"disdukcapil": weights}}
        jurisdiction.save()
        services.ikm_submit(unit=people.unit_a, answers={**dict.fromkeys(ANSWERS, 1), "u1": 4})
        unit = type(people.unit_a).objects.select_related("jurisdiction").get(pk=people.unit_a.pk)
        assert selectors.ikm_for(unit=unit).result.index == Decimal("100.00")

    def test_who_reads_which_units(self, people):
        everyone = set(selectors.ikm_units_visible_to(people.verifier))
        assert people.unit_a in everyone and people.unit_b in everyone
        assert set(selectors.ikm_units_visible_to(people.supervisor)) == everyone
        assert set(selectors.ikm_units_visible_to(people.admin)) == everyone
        assert list(selectors.ikm_units_visible_to(people.officer_a)) == [people.unit_a]
        assert list(selectors.ikm_units_visible_to(people.officer_b)) == [people.unit_b]
