"""Checks on uploaded files: by content, not by name, and within size limits."""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from PIL import Image, ImageOps, UnidentifiedImageError

if TYPE_CHECKING:
    from aduan.complaints.models import Attachment

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
        _check_image(name, content)
    elif not content.startswith(b"%PDF-"):
        raise AttachmentError(
            f"Berkas '{name}' bukan PDF yang sah. / The file is not a valid PDF document."
        )
    elif b"%%EOF" not in content[-2048:]:
        raise AttachmentError(f"PDF '{name}' tidak utuh. / The PDF is incomplete.")
    return CheckedFile(
        name=name,
        content=content,
        content_type=mime,
        extension=ALLOWED_TYPES[mime],
        sha256=hashlib.sha256(content).hexdigest(),
    )


def _too_large(name: str, width: int, height: int) -> AttachmentError:
    return AttachmentError(
        f"Foto '{name}' terlalu besar ({width}×{height} piksel); kecilkan atau potret ulang. "
        "/ The photo has too many pixels; resize it."
    )


def _check_image(name: str, content: bytes) -> None:
    """Decodable, and not a decompression bomb: a small file that unpacks into billions of
    pixels is refused from its header, before any pixel is decoded."""
    limit = settings.ADUAN_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                width, height = image.size
                if width * height > limit:
                    raise _too_large(name, width, height)
                image.verify()
    except AttachmentError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise AttachmentError(
            f"Foto '{name}' terlalu besar untuk dibuka. / The photo is too large to open."
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise AttachmentError(
            f"Foto '{name}' rusak atau tidak dapat dibaca. / The photo cannot be read."
        ) from exc


#: Decoder information that says nothing about a person or a place. Anything else (EXIF
#: with GPS, camera owner and serial numbers; XMP; comments; PNG text chunks) is removed.
_HARMLESS_INFO = frozenset(
    {
        "icc_profile",
        "dpi",
        "transparency",
        "gamma",
        "srgb",
        "chromaticity",
        "aspect",
        "jfif",
        "jfif_version",
        "jfif_unit",
        "jfif_density",
        "progressive",
        "progression",
        "adobe",
        "adobe_transform",
        "loop",
        "duration",
        "background",
        "lossless",
    }
)


def public_copy(checked: CheckedFile) -> bytes | None:
    """The photo without its metadata (EXIF and GPS, XMP, comments, text chunks), turned
    upright as EXIF said; None when there is nothing to remove (PDFs, clean photos).

    The copy is a re-encoding of the pixels alone, so nothing of the original's metadata
    can survive in it. Served to everyone who may see the complaint; the original is kept
    for staff who may see the reporter's identity (``Attachment.original``).
    """
    if not checked.content_type.startswith("image/"):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(checked.content)) as image:
            if not image.getexif() and set(image.info) <= _HARMLESS_INFO:
                return None
            upright = ImageOps.exif_transpose(image) or image
            icc = image.info.get("icc_profile")
            out = io.BytesIO()
            options: dict = {"icc_profile": icc} if icc else {}
            if checked.content_type == "image/jpeg":
                if upright.mode not in ("RGB", "L", "CMYK"):
                    upright = upright.convert("RGB")
                upright.save(out, "JPEG", quality=90, optimize=True, **options)
            elif checked.content_type == "image/png":
                upright.save(out, "PNG", optimize=True, **options)
            else:
                upright.save(out, "WEBP", quality=90, **options)
    return out.getvalue()


_UNSAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_filename(name: str, extension: str) -> str:
    """A download name that cannot break a header or a path, ending in the extension that
    matches the checked content (``foto.html`` that is a JPEG is served as ``foto.jpg``)."""
    stem = (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = _UNSAFE_NAME.sub("_", stem).strip(" ._")[:80] or "lampiran"
    return f"{stem}.{extension}"


def serve(attachment: Attachment, *, original: bool = False) -> FileResponse:
    """The attachment as a response a browser never runs: images inline and PDFs as
    downloads, always with the checked content type, ``nosniff`` and a sandboxing CSP.
    ``original`` gives the file as uploaded (with its metadata) where one was kept; the
    caller decides whether the viewer may have it."""
    stored = attachment.original if original and attachment.original else attachment.file
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404("Berkas tidak ditemukan. / File not found.") from exc
    response = FileResponse(
        handle,
        content_type=attachment.content_type,
        filename=safe_filename(attachment.original_name, attachment.extension),
        as_attachment=not attachment.is_image,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
