"""Uploaded files: decompression bombs and fake PDFs refused, EXIF/GPS stripped from the
copy everyone sees, the original only for staff who may see the reporter, random storage
names, served so that no browser runs them."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from aduan.complaints import services
from aduan.complaints.attachments import (
    AttachmentError,
    CheckedFile,
    check_upload,
    public_copy,
    safe_filename,
)
from aduan.complaints.services import ComplaintInputError
from aduan.complaints.tests.helpers import jpeg, pdf
from conftest import PASSWORD

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ARTIST = 0x013B
ORIENTATION = 0x0112


def jpeg_with_gps(name: str = "IMG_20260301.jpg", orientation: int = 1) -> SimpleUploadedFile:
    image = Image.new("RGB", (80, 40), (200, 30, 30))
    exif = Image.Exif()
    exif[ARTIST] = "Siti Aminah"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (6.0, 53.0, 19.0), 3: "E", 4: (109.0, 40.0, 31.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width``×``height`` pixels: a few dozen bytes that would
    unpack into gigabytes."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    data = zlib.compress(b"\x00" * 64)
    idat = b"IDAT" + data
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
        + struct.pack(">I", len(data))
        + idat
        + struct.pack(">I", zlib.crc32(idat))
        + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )


def checked(upload: SimpleUploadedFile) -> CheckedFile:
    return check_upload(upload)


class RefusedFileTests:
    def test_a_decompression_bomb_is_refused_with_a_clear_message(self):
        bomb = SimpleUploadedFile("bom.png", png_header_only(40_000, 40_000), "image/png")
        with pytest.raises(AttachmentError, match="terlalu besar"):
            check_upload(bomb)

    def test_a_photo_over_the_pixel_limit_is_refused_before_decoding(self, settings):
        settings.ADUAN_MAX_IMAGE_PIXELS = 1000
        with pytest.raises(AttachmentError, match="piksel"):
            check_upload(jpeg(size=(64, 48)))

    def test_the_intake_answers_a_bomb_with_a_field_error(self, submit):
        bomb = SimpleUploadedFile("bom.png", png_header_only(40_000, 40_000), "image/png")
        with pytest.raises(ComplaintInputError) as caught:
            submit(attachments=[bomb])
        assert "attachments" in caught.value.errors

    def test_a_pdf_without_its_end_is_refused(self):
        whole = pdf().read()
        cut = SimpleUploadedFile("surat.pdf", whole[: whole.index(b"%%EOF")] + b"\n" * 3000)
        with pytest.raises(AttachmentError, match="tidak utuh"):
            check_upload(cut)

    def test_html_named_pdf_is_refused(self):
        fake = SimpleUploadedFile(
            "surat.pdf", b"<html><script>alert(1)</script></html>\n%%EOF", "application/pdf"
        )
        with pytest.raises(AttachmentError):
            check_upload(fake)

    def test_the_web_form_shows_the_error_and_stays(self, client, pekalongan):
        bomb = SimpleUploadedFile("bom.png", png_header_only(40_000, 40_000), "image/png")
        response = client.post(
            reverse("complaints:new"),
            {
                "report_type": "aduan",
                "description": "Lampu jalan mati sejak seminggu di depan masjid.",
                "privacy": "anonim",
                "attachments": [bomb],
            },
        )
        assert response.status_code == 400
        assert "terlalu besar" in response.content.decode()


class StrippingTests:
    def test_the_public_copy_has_no_exif_or_gps(self):
        clean = public_copy(checked(jpeg_with_gps()))
        assert clean is not None
        with Image.open(io.BytesIO(clean)) as image:
            assert not image.getexif()
            assert "exif" not in image.info

    def test_the_copy_is_turned_upright_as_exif_said(self):
        clean = public_copy(checked(jpeg_with_gps(orientation=6)))
        assert clean is not None
        with Image.open(io.BytesIO(clean)) as image:
            assert image.size == (40, 80)

    def test_png_text_chunks_are_removed(self):
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Siti Aminah 0812-1111-2222")
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, "PNG", pnginfo=info)
        clean = public_copy(checked(SimpleUploadedFile("a.png", buffer.getvalue())))
        assert clean is not None
        with Image.open(io.BytesIO(clean)) as image:
            assert "Author" not in image.info

    def test_clean_photos_and_pdfs_are_kept_as_they_are(self):
        assert public_copy(checked(jpeg())) is None
        assert public_copy(checked(pdf())) is None


@pytest.fixture
def photo_complaint(people, submit):
    result = submit(attachments=[jpeg_with_gps()])
    complaint = services.complaint_dispose(
        complaint=result.complaint, actor=people.verifier, unit=people.unit_a
    )
    return complaint, result.secret


def read(response) -> bytes:
    return b"".join(response.streaming_content)


def has_gps(content: bytes) -> bool:
    with Image.open(io.BytesIO(content)) as image:
        return bool(image.getexif().get_ifd(GPS_IFD))


class StorageAndServingTests:
    def test_the_stored_file_is_stripped_and_the_original_kept_aside(self, photo_complaint):
        complaint, _secret = photo_complaint
        attachment = complaint.attachments.get()
        assert attachment.original
        with attachment.file.open("rb") as handle:
            assert not has_gps(handle.read())
        with attachment.original.open("rb") as handle:
            assert has_gps(handle.read())

    def test_storage_names_are_random(self, photo_complaint):
        complaint, _secret = photo_complaint
        attachment = complaint.attachments.get()
        for name in (attachment.file.name, attachment.original.name):
            assert "IMG_20260301" not in name and attachment.sha256 not in name
        other = services.complaint_submit(
            jurisdiction=complaint.jurisdiction,
            channel="web",
            description="Foto yang sama dikirim lagi oleh warga lain di Medono.",
            privacy="anonim",
            attachments=[jpeg_with_gps()],
        ).complaint.attachments.get()
        assert other.file.name != attachment.file.name

    def test_the_citizen_gets_the_stripped_copy(self, client, photo_complaint):
        complaint, secret = photo_complaint
        attachment = complaint.attachments.get()
        url = reverse(
            "complaints:citizen_attachment", args=[complaint.tracking_code, secret, attachment.pk]
        )
        response = client.get(url + "?asli=1")
        assert response.status_code == 200
        assert not has_gps(read(response))
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert response["Content-Type"] == "image/jpeg"

    @pytest.mark.parametrize(
        ("username", "privacy", "original_allowed"),
        [
            ("alice", "biasa", True),  # verifier
            ("budi", "biasa", True),  # the handling unit sees a biasa reporter
            ("budi", "anonim", False),  # but never an anonymous one
            ("dewi", "biasa", False),  # supervisor: no identities
            ("eko", "biasa", False),  # TAPD
        ],
    )
    def test_the_original_only_for_staff_who_may_see_the_reporter(
        self, client, people, submit, username, privacy, original_allowed
    ):
        result = submit(attachments=[jpeg_with_gps()], privacy=privacy)
        complaint = services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )
        attachment = complaint.attachments.get()
        client.login(username=username, password=PASSWORD)
        url = reverse("complaints:staff_attachment", args=[complaint.tracking_code, attachment.pk])
        plain = client.get(url)
        assert plain.status_code == 200 and not has_gps(read(plain))
        original = client.get(url + "?asli=1")
        if original_allowed:
            assert original.status_code == 200 and has_gps(read(original))
        else:
            assert original.status_code == 404

    def test_staff_of_another_unit_get_nothing(self, client, people, photo_complaint):
        complaint, _secret = photo_complaint
        attachment = complaint.attachments.get()
        client.login(username="citra", password=PASSWORD)
        url = reverse("complaints:staff_attachment", args=[complaint.tracking_code, attachment.pk])
        assert client.get(url).status_code == 404
        assert client.get(url + "?asli=1").status_code == 404

    def test_the_api_serves_the_stripped_copy(self, client, people, photo_complaint):
        complaint, _secret = photo_complaint
        attachment = complaint.attachments.get()
        client.login(username="alice", password=PASSWORD)
        response = client.get(
            f"/api/v1/complaints/{complaint.tracking_code}/attachments/{attachment.pk}/"
        )
        assert response.status_code == 200 and not has_gps(read(response))

    def test_a_pdf_is_a_download_with_a_safe_name(self, client, people, submit):
        hostile = pdf(name='surat"\r\nSet-Cookie: x=1;.html')
        result = submit(attachments=[hostile])
        attachment = result.complaint.attachments.get()
        url = reverse(
            "complaints:citizen_attachment",
            args=[result.complaint.tracking_code, result.secret, attachment.pk],
        )
        response = client.get(url)
        assert response.status_code == 200
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;")
        assert disposition.endswith('.pdf"') and "\n" not in disposition
        assert "Set-Cookie" not in response.cookies

    def test_media_files_are_never_served_directly(self, client, photo_complaint):
        complaint, _secret = photo_complaint
        name = complaint.attachments.get().file.name
        assert client.get(f"/media/{name}").status_code == 404


def test_safe_filename_keeps_the_checked_extension():
    assert safe_filename("foto.html", "jpg") == "foto.jpg"
    assert safe_filename("../../etc/passwd", "pdf") == "passwd.pdf"
    assert safe_filename("", "png") == "lampiran.png"
    assert safe_filename("Surat Camat.PDF", "pdf") == "Surat Camat.pdf"
