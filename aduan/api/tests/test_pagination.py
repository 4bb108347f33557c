"""Keyset pagination: stable across inserts, both directions, every list."""

from __future__ import annotations

import pytest

from aduan.complaints import services
from conftest import at

pytestmark = pytest.mark.django_db


def walk(client, url, params=None):
    """Every row, following `next` links; returns (codes, number of pages)."""
    seen, pages = [], 0
    response = client.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        data = response.json()
        seen += [
            row.get("tracking_code") or row.get("code") or row.get("id") for row in data["results"]
        ]
        pages += 1
        if not data["next"]:
            return seen, pages
        response = client.get(data["next"])


class KeysetPaginationTests:
    def test_pages_stay_stable_while_complaints_arrive(self, people, submit, as_role):
        client = as_role("verifier")
        with at(2026, 3, 17, 10):  # every complaint with the very same submitted_at
            first_seven = [submit().complaint.tracking_code for _ in range(7)]
            page = client.get("/api/v1/complaints/", {"page_size": 3}).json()
            seen = [row["tracking_code"] for row in page["results"]]
            for _ in range(2):
                submit()  # newer rows arrive between page reads
                page = client.get(page["next"]).json()
                seen += [row["tracking_code"] for row in page["results"]]
        assert seen == list(reversed(first_seven))  # each once, in order, none of the new
        assert page["next"] is None

    def test_previous_goes_back_to_the_same_rows(self, people, submit, as_role):
        for _ in range(5):
            submit()
        client = as_role("verifier")
        first = client.get("/api/v1/complaints/", {"page_size": 2}).json()
        assert first["previous"] is None
        second = client.get(first["next"]).json()
        back = client.get(second["previous"]).json()
        assert back["results"] == first["results"]
        assert back["previous"] is None
        assert client.get(back["next"]).json()["results"] == second["results"]

    @pytest.mark.parametrize("sort", ["baru", "lama", "batas"])
    def test_every_sort_order_walks_every_row_once(self, people, submit, as_role, sort):
        for index in range(7):
            complaint = submit().complaint
            if index % 2:
                services.complaint_archive(
                    complaint=complaint, actor=people.verifier, reason="spam"
                )
        seen, pages = walk(
            as_role("verifier"), "/api/v1/complaints/", {"page_size": 2, "sort": sort}
        )
        assert len(seen) == len(set(seen)) == 7 and pages == 4

    def test_a_cursor_cannot_be_forged_or_reused_for_another_order(self, people, submit, as_role):
        for _ in range(3):
            submit()
        client = as_role("verifier")
        next_link = client.get("/api/v1/complaints/", {"page_size": 1}).json()["next"]
        cursor = next_link.split("cursor=")[1].split("&")[0]
        forged = client.get("/api/v1/complaints/", {"cursor": cursor[:-2] + "xx"})
        assert forged.status_code == 400
        assert forged.json()["error"]["code"] == "invalid_cursor"
        other = client.get("/api/v1/complaints/", {"cursor": cursor, "sort": "lama"})
        assert other.status_code == 400

    @pytest.mark.parametrize(
        "url, params",
        [
            ("/api/v1/categories/", {}),
            ("/api/v1/units/", {}),
            ("/api/v1/areas/", {"kind": "kelurahan"}),
        ],
    )
    def test_reference_lists_page_by_id(self, pekalongan, as_role, url, params):
        client = as_role("anonymous")
        everything = client.get(url, {**params, "page_size": 100}).json()["results"]
        seen, pages = walk(client, url, {**params, "page_size": 7})
        assert seen == [row["code"] for row in everything]
        assert pages == -(-len(everything) // 7)  # no empty page at the end

    def test_the_timeline_pages_too(self, world, people, as_role):
        for n in range(4):
            services.complaint_add_note(complaint=world.a, actor=people.officer_a, text=f"#{n}")
        seen, pages = walk(
            as_role("officer_a"),
            f"/api/v1/complaints/{world.a.tracking_code}/events/",
            {"page_size": 2},
        )
        assert len(seen) == 6 and seen == sorted(seen) and pages == 3
