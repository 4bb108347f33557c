"""The QR poster as Chromium draws it decodes to the unit's public survey link."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from aduan.complaints.tests.test_browser import (  # noqa: F401 - fixtures
    _login,
    browser,
    open_page,
)
from aduan.surveys.printable import survey_url

pytestmark = pytest.mark.browser


def test_the_printed_poster_scans_to_the_survey(
    live_server,
    transactional_db,
    people,
    open_page,  # noqa: F811
    settings,
):
    zxingcpp = pytest.importorskip("zxingcpp")
    settings.ADUAN_PUBLIC_URL = live_server.url
    page = open_page(viewport={"width": 800, "height": 1000}, locale="id-ID")
    _login(page, live_server.url, "budi")
    page.goto(f"{live_server.url}/survei/ikm/poster/disdukcapil/")
    page.emulate_media(media="print")
    shot = page.locator("#qr svg").screenshot()
    found = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))]
    assert found == [survey_url(people.unit_a)]
    # and the link opens the questionnaire
    page.emulate_media(media="screen")
    page.goto(found[0])
    assert page.locator("form").count() >= 1
