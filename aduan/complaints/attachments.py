"""Checks on uploaded files: by content, not by name, and within size limits."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, UnidentifiedImageError

ALLOWED_TYPES = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/pdf": "pdf",
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content: bytes
    content_type: str
    extension: str
    sha256: str


class AttachmentError(ValueError):
    """A file that cannot be accepted; the message is for the citizen."""


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Read and check one upload; raise AttachmentError with a message in Bahasa Indonesia."""
    name = (upload.name or "lampiran")[:200]
    limit = settings.ADUAN_MAX_ATTACHMENT_BYTES
    if upload.size is not None and upload.size > limit:
        raise AttachmentError(
            f"Berkas '{name}' terlalu besar ({upload.size // 1024 // 1024} MB); batasnya "
            f"{limit // 1024 // 1024} MB. / File too large."
        )
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise AttachmentError(
            f"Berkas '{name}' terlalu besar; batasnya {limit // 1024 // 1024} MB. / File too large."
        )
    if not content:
        raise AttachmentError(f"Berkas '{name}' kosong. / File is empty.")
    kind = filetype.guess(content)
    mime = kind.mime if kind else ""
    if mime not in ALLOWED_TYPES:
        raise AttachmentError(
            f"Berkas '{name}' bukan foto (JPEG, PNG, WebP) atau PDF yang sah. / "
            "Only JPEG, PNG, WebP photos or PDF documents are accepted."
        )
    if mime.startswith("image/"):
        try:
            with Image.open(io.BytesIO(content)) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise AttachmentError(
                f"Foto '{name}' rusak atau tidak dapat dibaca. / The photo cannot be read."
            ) from exc
    elif b"%%EOF" not in content[-2048:]:
        raise AttachmentError(f"PDF '{name}' tidak utuh. / The PDF is incomplete.")
    return CheckedFile(
        name=name,
        content=content,
        content_type=mime,
        extension=ALLOWED_TYPES[mime],
        sha256=hashlib.sha256(content).hexdigest(),
    )
