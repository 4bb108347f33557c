"""End-to-end journeys in a real Chromium (Playwright, sync API) against the live server.

A citizen reports from a phone, the verifier disposes, the officer of the unit answers, the
citizen responds. The browser is Debian's Chromium at /usr/bin/chromium; without it these
tests are skipped. Run only these: ``pytest -m browser``.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import expect, sync_playwright

from conftest import PASSWORD

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"
    ),
    "locale": "id-ID",
}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "locale": "id-ID"}
TRACKING_CODE = re.compile(r"^ADU-\d{4}-\d{6}$")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module.

    Playwright's sync API keeps an event loop running in this thread, which makes Django
    refuse ORM calls from the test (fixtures, flush) as async-unsafe; allow them while the
    browser lives. The live server answers from its own thread.
    """
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed: apt-get install chromium")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """``open_page(**context_options)``: a page in a fresh browser context (own cookies).

    Every page records JavaScript errors and failed responses; the test fails on any.
    """
    contexts: list[Any] = []
    problems: list[str] = []

    def _open(**options: Any) -> Any:
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: problems.append(f"JS error: {exc}"))
        page.on(
            "console",
            lambda m: (
                problems.append(f"Blocked by the Content-Security-Policy: {m.text}")
                if m.type == "error" and "Content Security Policy" in m.text
                else None
            ),
        )
        page.on(
            "response",
            lambda r: (
                problems.append(f"HTTP {r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico")
                else None
            ),
        )
        return page

    yield _open
    for context in contexts:
        context.close()
    if any("/static/" in problem for problem in problems):
        problems.append("Static files are not found: is aduan/static in STATICFILES_DIRS?")
    assert not problems, problems


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "ktp-belum-jadi.jpg"
    Image.new("RGB", (640, 480), (200, 120, 40)).save(path, "JPEG", quality=85)
    return path


def _report(
    page: Any,
    base: str,
    *,
    description: str,
    kelurahan: str,
    name: str,
    phone: str,
    privacy: str = "biasa",
    photo: Path | None = None,
) -> tuple[str, str]:
    """Fill and send the citizen form; return (tracking code, status-page URL)."""
    page.goto(f"{base}/lapor/")
    expect(page.locator("h1")).to_have_text("Buat laporan")
    page.get_by_label("Pengaduan", exact=True).check()
    page.locator("#id_description").fill(description)
    page.locator("#id_category").select_option("adminduk")
    page.locator("#id_kelurahan").press_sequentially(kelurahan)
    if photo is not None:
        page.locator("#id_attachments").set_input_files(photo)
    page.locator(f"input[name=privacy][value={privacy}]").check()
    page.locator("#id_reporter_name").fill(name)
    page.locator("#id_reporter_phone").fill(phone)
    page.locator("#submit-complaint").click()
    page.wait_for_url(re.compile(r"/lacak/[^/]+/[^/]+/\?terkirim=1$"))
    code = page.locator("#tracking-code").inner_text().strip()
    assert TRACKING_CODE.match(code), code
    secret = page.locator("#secret").inner_text().strip()
    assert len(secret) >= 8, secret
    expect(page.locator("#status")).to_contain_text("Baru")
    status_url = f"{base}/lacak/{code}/{secret}/"
    assert page.url.startswith(status_url)
    return code, status_url


def _totp(key: bytes, last_t: int = -1) -> str:
    """The current TOTP code, or the next step's when the current one was used already."""
    from django_otp.oath import TOTP

    totp = TOTP(key)
    if totp.t() <= last_t:
        totp.drift = last_t + 1 - totp.t()
    return f"{totp.token():06d}"


def _login(page: Any, base: str, username: str) -> None:
    """Log in through the real form, with the second factor where the role needs it: a
    first login enrols the authenticator (key read from the page), later ones type a code."""
    page.goto(f"{base}/akun/masuk/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kerja/daftar/|/akun/dua-langkah/|/akun/verifikasi/"))
    if "/akun/dua-langkah/" in page.url:
        expect(page.locator("#otp-qr svg")).to_be_visible()
        secret = page.locator("#otp-secret").inner_text().replace(" ", "")
        key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        page.locator("#id_token").fill(_totp(key))
        page.get_by_role("button", name="Aktifkan").click()
        page.wait_for_url(re.compile(r"/akun/dua-langkah/kode-pemulihan/"))
        expect(page.locator("#recovery-codes li")).to_have_count(10)
        page.get_by_role("link", name="Sudah saya simpan, lanjutkan").click()
    elif "/akun/verifikasi/" in page.url:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        page.locator("#id_token").fill(_totp(device.bin_key, device.last_t))
        page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_url(re.compile(r"/kerja/daftar/"))


def _open_action(page: Any, name: str) -> Any:
    """The action form inside ``details#action-<name>``, opened if it is folded."""
    details = page.locator(f"details#action-{name}")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.locator("form")


def _dispose_as_verifier(page: Any, base: str, code: str, *, reporter_name: str) -> None:
    _login(page, base, "alice")
    expect(page).to_have_url(re.compile(r"/kerja/daftar/verifikasi/$"))
    page.get_by_role("link", name=code, exact=True).click()
    page.wait_for_url(re.compile(rf"/kerja/aduan/{code}/$"))
    expect(page.locator("#status")).to_contain_text("Baru")
    expect(page.locator("#reporter")).to_contain_text(reporter_name)
    form = _open_action(page, "dispose")
    form.locator("select[name=dispose-unit]").select_option(label="Disdukcapil")
    form.get_by_role("button", name="Verifikasi & disposisi").click()
    page.wait_for_url(re.compile(rf"/kerja/aduan/{code}/$"))
    expect(page.locator(".messages")).to_contain_text("berhasil")
    expect(page.locator("#status")).to_contain_text("Terverifikasi")


def _open_from_unit_inbox(page: Any, base: str, code: str) -> None:
    _login(page, base, "budi")
    expect(page).to_have_url(re.compile(r"/kerja/daftar/unit/$"))
    row = page.locator("#rows tr", has=page.get_by_role("link", name=code, exact=True))
    expect(row).to_contain_text("Terverifikasi")
    row.get_by_role("link", name=code, exact=True).click()
    page.wait_for_url(re.compile(rf"/kerja/aduan/{code}/$"))


def _follow_up(page: Any, code: str, text: str) -> None:
    form = _open_action(page, "follow_up")
    form.locator("textarea[name=follow_up-text]").fill(text)
    form.get_by_role("button", name="Kirim tindak lanjut").click()
    page.wait_for_url(re.compile(rf"/kerja/aduan/{code}/$"))
    expect(page.locator("#status")).to_contain_text("Ditindaklanjuti")


def test_citizen_report_to_satisfied_answer(
    live_server, transactional_db, people, open_page, photo, tmp_path
):
    base = live_server.url
    answer = (
        "Terima kasih atas laporan Bapak/Ibu. KTP-el atas nama pelapor sudah dicetak "
        "dan dapat diambil di kantor Disdukcapil pada jam kerja."
    )

    # 1-2. The citizen reports from a phone and keeps the receipt.
    citizen = open_page(**PHONE)
    code, status_url = _report(
        citizen,
        base,
        kelurahan="Medono",
        name="Siti Aminah",
        phone="0812-1111-2222",
        description="KTP-el saya belum jadi sudah dua bulan sejak perekaman di kecamatan.",
        photo=photo,
    )
    expect(citizen.locator("#receipt")).to_contain_text("Laporan Anda sudah kami terima")
    citizen.screenshot(path=str(tmp_path / "receipt.png"), full_page=True)
    assert (tmp_path / "receipt.png").stat().st_size > 0
    facts = citizen.locator("dl.facts")
    expect(facts).to_contain_text("Administrasi Kependudukan")
    expect(facts).to_contain_text("Medono")
    # Nothing on the page overflows the phone's width.
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 390

    # 3. The verifier sees reporter and photo, and disposes to Disdukcapil.
    verifier = open_page(**DESKTOP)
    _dispose_as_verifier(verifier, base, code, reporter_name="Siti Aminah")
    thumb = verifier.locator(".timeline img").first
    thumb.scroll_into_view_if_needed()
    expect(thumb).to_be_visible()
    expect(thumb).to_have_attribute("alt", photo.name)
    verifier.wait_for_function(
        "img => img.complete && img.naturalWidth === 640", arg=thumb.element_handle()
    )

    # 4. Budi of Disdukcapil finds it in the unit inbox and answers.
    officer = open_page(**DESKTOP)
    _open_from_unit_inbox(officer, base, code)
    expect(officer.locator("#reporter")).to_contain_text("Siti Aminah")
    _follow_up(officer, code, answer)
    expect(officer.locator(".timeline")).to_contain_text(answer)

    # 5. The citizen reads the answer on the saved link and is satisfied.
    citizen.goto(status_url)
    expect(citizen.locator("#receipt")).to_have_count(0)
    expect(citizen.locator("#status")).to_contain_text("Ditindaklanjuti")
    expect(citizen.locator(".timeline")).to_contain_text(answer)
    respond = citizen.locator("form#respond")
    respond.get_by_label("Ya, saya puas").check()
    respond.get_by_role("button", name="Kirim tanggapan").click()
    citizen.wait_for_url(status_url)
    expect(citizen.locator(".messages")).to_contain_text("Terima kasih atas tanggapan Anda")
    expect(citizen.locator("#status")).to_have_text("Selesai")
    expect(citizen.locator("form#respond")).to_have_count(0)


def test_anonymous_report_hidden_from_unit_and_reopened(
    live_server, transactional_db, people, open_page
):
    base = live_server.url
    name, phone = "Rahmat Hidayat", "0813-3333-4444"
    reason = "Petugas di loket bilang KTP-el saya belum ada. Mohon dicek kembali."

    citizen = open_page(**PHONE)
    code, status_url = _report(
        citizen,
        base,
        kelurahan="Kramatsari",
        name=name,
        phone=phone,
        privacy="anonim",
        description="Akta kelahiran anak saya belum terbit padahal berkas sudah lengkap.",
    )
    # The old name resolves to today's kelurahan.
    expect(citizen.locator("dl.facts")).to_contain_text("Pasirkratonkramat")

    verifier = open_page(**DESKTOP)
    _dispose_as_verifier(verifier, base, code, reporter_name=name)

    officer = open_page(**DESKTOP)
    _open_from_unit_inbox(officer, base, code)
    expect(officer.locator("#reporter")).to_contain_text("Identitas pelapor dirahasiakan")
    html = officer.content()
    assert name not in html
    assert phone not in html
    _follow_up(officer, code, "Akta kelahiran sudah selesai dan dapat diambil di Disdukcapil.")

    citizen.goto(status_url)
    respond = citizen.locator("form#respond")
    respond.get_by_label("Belum, masalah belum selesai").check()
    respond.locator("textarea[name=reason]").fill(reason)
    respond.get_by_role("button", name="Kirim tanggapan").click()
    citizen.wait_for_url(status_url)
    expect(citizen.locator("#status")).to_have_text("Dibuka kembali")

    officer.reload()
    expect(officer.locator("#status")).to_have_text("Dibuka kembali")
    expect(officer.locator(".timeline")).to_contain_text(reason)
    assert name not in officer.content()


def test_the_verifier_merges_a_duplicate_from_the_panel_loaded_after_the_page(
    live_server, transactional_db, people, open_page, submit
):
    """The duplicate suggestions come in their own request once the detail page is shown
    (htmx, under the page's CSP); merging from them works as before."""
    first = submit(
        category=None,
        description="Tanggul jebol di Tirto, air rob masuk rumah warga setinggi pinggang.",
    ).complaint
    second = submit(
        category=None,
        description="Tanggul jebol di Tirto, air rob masuk ke rumah warga, mohon segera.",
    ).complaint
    base = live_server.url
    page = open_page(**DESKTOP)
    _login(page, base, "alice")
    page.goto(f"{base}/kerja/aduan/{second.tracking_code}/")
    panel = page.locator("#duplicates")
    expect(panel).to_contain_text("Kemungkinan laporan yang sama")
    expect(page.locator("#duplicates-slot")).to_have_count(0)  # replaced by the panel
    item = panel.locator("li", has=page.get_by_role("link", name=first.tracking_code))
    item.get_by_role("button", name="Gabungkan ke laporan ini").click()
    page.wait_for_url(re.compile(rf"/kerja/aduan/{second.tracking_code}/$"))
    expect(page.locator(".messages")).to_contain_text("berhasil")
    second.refresh_from_db()
    assert second.merged_into_id == first.pk
