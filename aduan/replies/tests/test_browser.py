"""The reply tools in a real Chromium: the officer picks a template, the textarea fills, the
tone check answers as they type, and the reply goes out with its verdict recorded."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from aduan.complaints import services
from aduan.complaints.tests.test_browser import (  # noqa: F401 - fixtures
    _login,
    _open_action,
    browser,
    open_page,
)
from aduan.replies import checker
from aduan.replies.models import ReplyReview, ResponseTemplate
from aduan.replies.services import templates_load

pytestmark = pytest.mark.browser


def test_an_officer_answers_from_a_template_with_the_live_tone_check(
    live_server,
    transactional_db,
    people,
    submit,
    open_page,  # noqa: F811
):
    templates_load("pekalongan")
    complaint = services.complaint_dispose(
        complaint=submit().complaint, actor=people.verifier, unit=people.unit_a
    )
    code = complaint.tracking_code
    template = ResponseTemplate.objects.get(code="tl-adminduk")
    page = open_page(viewport={"width": 390, "height": 844}, locale="id-ID")
    _login(page, live_server.url, "budi")
    page.goto(f"{live_server.url}/kerja/aduan/{code}/")
    form = _open_action(page, "follow_up")
    textarea = form.locator("textarea[name=follow_up-text]")
    form.locator("select[name=templat]").select_option(str(template.pk))
    expect(textarea).to_contain_text("Yth. Bapak/Ibu Siti Aminah")
    expect(form.locator("#tone-follow_up .verdict")).to_be_visible()
    textarea.fill("")
    textarea.press_sequentially("sudah", delay=20)
    verdict = checker.check("sudah", complaint.description)
    expect(form.locator("#tone-follow_up .verdict")).to_have_attribute(
        "data-score", str(verdict.score)
    )
    textarea.fill("")
    text = "Yth. Bapak/Ibu, terima kasih. KTP-el Anda sudah dicetak dan dapat diambil besok."
    textarea.press_sequentially(text, delay=5)
    expect(form.locator("#tone-follow_up .verdict")).to_have_attribute(
        "data-score", str(checker.check(text, complaint.description).score)
    )
    form.get_by_role("button", name="Kirim tindak lanjut").click()
    page.wait_for_url(re.compile(rf"/kerja/aduan/{code}/$"))
    expect(page.locator("#status")).to_contain_text("Ditindaklanjuti")
    review = ReplyReview.objects.get(complaint=complaint)
    assert review.score == checker.check(text, complaint.description).score
