"""Keeping automated abuse out of the queue without losing a real citizen's report.

* **Rate limits** (``aduan.lib.ratelimit``) on every public door: ``intake_limit`` is the
  one check the channels call, each turning a refusal into its own answer (a form message,
  the API's error body, an Open311 error), always with ``Retry-After``.
* **Honeypot**: a field hidden from people (``situs_web``); a filled one holds the report.
* **Challenge**: an arithmetic question in words ("Berapa tiga ditambah lima?"), signed by
  the server (``django.core.signing``), asked on the web form only when the address has
  sent more than ``challenge_ip`` reports recently; a wrong answer asks again once, a second
  wrong answer holds the report.
* **Text signals**: many links in a report.

A held report is stored (``Complaint.held_as_spam`` with the reasons), kept out of the
verification queue and of every notification, and listed in the verifier's "Spam" queue,
where it is released (``complaint_release_spam``) or archived; both go on the timeline.
Nothing here drops a report.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from django.core import signing
from django.core.cache import caches
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare, salted_hmac

from aduan.lib import ratelimit
from aduan.lib.pii import national_number

HONEYPOT_FIELD = "situs_web"
CHALLENGE_TOKEN_FIELD = "challenge_token"  # noqa: S105 - a field name
CHALLENGE_ANSWER_FIELD = "challenge_answer"
#: A link-heavy report (link farms, phishing) is held; real reports rarely carry links.
MAX_LINKS = 3
CHALLENGE_MAX_AGE = 2 * 3600  # seconds a question stays valid (a slow typist on a phone)
_SALT = "aduan.complaints.spam.challenge"
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

REASON_HONEYPOT = "isian tersembunyi terisi (honeypot)"
REASON_CHALLENGE = "jawaban pertanyaan pengaman salah dua kali"
REASON_LINKS = "terlalu banyak tautan"

WORDS = [
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
    "dua belas",
    "tiga belas",
    "empat belas",
    "lima belas",
    "enam belas",
    "tujuh belas",
    "delapan belas",
]


def text_signals(*, title: str = "", description: str = "") -> list[str]:
    """Reasons in the text itself to hold a report as spam (empty when none)."""
    links = len(_LINK.findall(f"{title}\n{description}"))
    return [f"{REASON_LINKS} ({links})"] if links > MAX_LINKS else []


def intake_limit(
    *, ip: str = "", token: str = "", phone: str = "", email: str = ""
) -> ratelimit.Decision | None:
    """Count one submission against the limits that apply; the first refusal, or None.

    ``ip`` for anonymous callers (web form, API without a token), ``token`` for
    integrations and staff (one subject per key or user), ``phone``/``email`` for the
    reporter, whatever the channel."""
    checks = []
    if token:
        checks.append(("intake_token", token))
    elif ip:
        checks.append(("intake_ip", ip))
    if phone and national_number(phone):
        checks.append(("intake_phone", "tel:" + national_number(phone)))
    elif email.strip():
        checks.append(("intake_phone", "mail:" + email.strip().lower()))
    # All or none: a refusal by one limit is not counted against the others.
    return ratelimit.hit_all(checks)


# --------------------------------------------------------------------------- challenge


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str
    attempt: int


def _answer_mac(nonce: str, answer: int) -> str:
    return salted_hmac(_SALT, f"{nonce}:{answer}").hexdigest()[:32]


def new_challenge(attempt: int = 1) -> Challenge:
    """A sum or difference of two numbers from one to nine, in words. The token carries a
    keyed hash of the answer, never the answer itself (a signed value is readable)."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    if secrets.randbelow(2) and a != b:
        a, b = max(a, b), min(a, b)
        question, answer = f"Berapa {WORDS[a]} dikurangi {WORDS[b]}?", a - b
    else:
        question, answer = f"Berapa {WORDS[a]} ditambah {WORDS[b]}?", a + b
    nonce = secrets.token_urlsafe(12)
    token = signing.dumps(
        {"n": nonce, "h": _answer_mac(nonce, answer), "t": attempt}, salt=_SALT, compress=True
    )
    return Challenge(question=question, token=token, attempt=attempt)


def _number(text: str) -> int | None:
    """``"8"``, ``" delapan "``, ``"Delapan."`` → 8."""
    cleaned = re.sub(r"[^0-9a-z ]", "", (text or "").strip().lower())[:30].strip()
    cleaned = " ".join(cleaned.split())
    if cleaned.isdigit():
        return int(cleaned)
    return WORDS.index(cleaned) if cleaned in WORDS else None


@dataclass(frozen=True)
class ChallengeResult:
    passed: bool
    attempt: int  # the attempt this answer was (1 when no valid token came)


def check_challenge(token: str, answer: str) -> ChallengeResult:
    """Whether ``answer`` solves the signed question ``token`` (each token solves once)."""
    try:
        payload = signing.loads(token or "", salt=_SALT, max_age=CHALLENGE_MAX_AGE)
    except signing.BadSignature:  # also expired
        return ChallengeResult(False, 1)
    if not isinstance(payload, dict):
        return ChallengeResult(False, 1)
    found = payload.get("t")
    attempt = found if isinstance(found, int) else 1
    value = _number(answer)
    nonce = str(payload.get("n", ""))
    if value is None or not constant_time_compare(_answer_mac(nonce, value), payload.get("h", "")):
        return ChallengeResult(False, attempt)
    if not caches["default"].add(f"aduan:challenge:{nonce}", 1, timeout=CHALLENGE_MAX_AGE):
        return ChallengeResult(False, attempt)  # solved before: a replayed token
    return ChallengeResult(True, attempt)


# --------------------------------------------------------------------------- web form


@dataclass
class WebGuard:
    """The checks of one web-form request, in the order the view calls them."""

    request: HttpRequest
    ip: str = ""
    reasons: list[str] = field(default_factory=list)
    challenge: Challenge | None = None
    retry_after: int = 0
    error: str = ""

    def __post_init__(self) -> None:
        self.ip = ratelimit.client_ip(self.request)

    @property
    def challenge_needed(self) -> bool:
        return not ratelimit.peek("challenge_ip", self.ip).allowed

    def prepare_page(self) -> None:
        """A question for the page when this address must answer one."""
        if self.challenge is None and self.challenge_needed:
            self.challenge = new_challenge()

    def check(self, *, phone: str, email: str) -> bool:
        """After the form is valid: False (with ``error`` for the form, ``retry_after``
        when rate-limited) when the report must not be submitted yet; True with
        ``reasons`` (possibly empty) when it is submitted, held when there are reasons."""
        post = self.request.POST
        if post.get(HONEYPOT_FIELD, "").strip():
            self.reasons.append(REASON_HONEYPOT)
        if self.challenge_needed or post.get(CHALLENGE_TOKEN_FIELD):
            result = check_challenge(
                post.get(CHALLENGE_TOKEN_FIELD, ""), post.get(CHALLENGE_ANSWER_FIELD, "")
            )
            if not result.passed:
                if result.attempt < 2 and post.get(CHALLENGE_TOKEN_FIELD):
                    self.challenge = new_challenge(attempt=result.attempt + 1)
                    self.error = (
                        "Jawaban pertanyaan pengaman belum tepat; coba pertanyaan baru ini. "
                        "Isian Anda tidak hilang. / The answer to the check question is not "
                        "right; try this new one. Nothing you typed is lost."
                    )
                    return False
                if not post.get(CHALLENGE_TOKEN_FIELD):
                    self.challenge = new_challenge()
                    self.error = (
                        "Jawab pertanyaan pengaman di bawah, lalu kirim lagi. / Answer the "
                        "check question below, then send again."
                    )
                    return False
                self.reasons.append(REASON_CHALLENGE)
        refused = intake_limit(ip=self.ip, phone=phone, email=email)
        if refused is not None:
            self.retry_after = refused.retry_after
            self.error = ratelimit.retry_message(refused.retry_after)
            return False
        return True

    def submitted(self) -> None:
        """Count a report that went in towards this address's challenge threshold."""
        ratelimit.hit("challenge_ip", self.ip)
