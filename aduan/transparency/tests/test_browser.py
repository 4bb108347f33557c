"""In a real Chromium: a citizen writing a report sees the similar public report, supports
it without sending the form, and can still send their own; the public list searches."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from aduan.complaints.models import Complaint
from aduan.complaints.tests.test_browser import PHONE, browser, open_page  # noqa: F401

pytestmark = pytest.mark.browser

FLOOD = (
    "Tanggul jebol di Tirto, air rob masuk rumah warga setinggi pinggang, ada lansia "
    "terjebak! tolong segera. Saya Siti Aminah WA 0812-1111-2222."
)


def test_a_citizen_supports_a_similar_report_then_still_sends_their_own(
    live_server,
    transactional_db,
    people,
    submit,
    open_page,  # noqa: F811
):
    existing = submit(category=None, area="tirto", description=FLOOD).complaint
    page = open_page(**PHONE)
    page.goto(f"{live_server.url}/lapor/")
    page.locator("#id_description").press_sequentially(
        "Tanggul jebol di Tirto, air rob masuk rumah warga, lansia terjebak", delay=5
    )
    page.locator("#id_kelurahan").fill("Tirto")
    page.locator("#id_kelurahan").dispatch_event("change")
    box = page.locator("#similar-reports")
    expect(box).to_contain_text("Laporan serupa sudah ada: dukung?")
    expect(box).to_contain_text(existing.tracking_code)
    expect(box).to_contain_text("[disamarkan]")
    expect(box).not_to_contain_text("Aminah")
    box.get_by_role("button", name="Dukung laporan ini").click()
    result = box.locator(".similar-result")
    expect(result).to_contain_text("dukungan Anda tercatat")
    link = result.get_by_role("link")
    expect(link).to_have_attribute("href", f"/publik/laporan/{existing.tracking_code}/")
    assert page.url.endswith("/lapor/")  # the support did not send the form
    assert Complaint.objects.get(pk=existing.pk).support_count == 1
    # the citizen's problem was different after all: the form still sends
    page.locator("input[name=privacy][value=anonim]").check()
    page.locator("#submit-complaint").click()
    page.wait_for_url(re.compile(r"/lacak/[^/]+/[^/]+/\?terkirim=1$"))
    assert Complaint.objects.count() == 2


def test_the_public_list_searches_as_one_types(
    live_server,
    transactional_db,
    people,
    submit,
    open_page,  # noqa: F811
):
    flood = submit(category=None, area="tirto", description=FLOOD).complaint
    ktp = submit().complaint
    page = open_page(**PHONE)
    page.goto(f"{live_server.url}/publik/")
    rows = page.locator("#public-rows")
    expect(rows).to_contain_text(flood.tracking_code)
    expect(rows).to_contain_text(ktp.tracking_code)
    page.locator("#p-q").press_sequentially("tanggul", delay=20)
    expect(rows).not_to_contain_text(ktp.tracking_code)
    expect(rows).to_contain_text(flood.tracking_code)
    page.locator("#p-q").fill("aminah")
    page.locator("#p-q").press("Enter")
    expect(rows).to_contain_text("Tidak ada laporan yang cocok.")
