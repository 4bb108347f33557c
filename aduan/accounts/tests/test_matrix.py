"""The permission matrix: every URL of the project × every role × a complaint of each privacy
level, checked against one explicit table (``RULES``).

What it checks
--------------
* **Completeness.** The URL conf is walked (``get_resolver()``, recursively, namespaces,
  included modules and DRF routes alike). An endpoint without a row in ``RULES`` fails
  ``test_every_endpoint_has_a_rule``; a row without an endpoint fails too (stale rows).
* **Reads.** Every role GETs every endpoint (for each of the three complaints when the URL
  names one). A role listed in the row's ``get`` must get an answer (2xx/3xx, not a redirect
  to a login page); every other role must be refused (401, 403, 404, 405, or a redirect to
  a login page). Whatever the status, the body must not contain
    - the reporter's planted name, phone or e-mail, unless the row says ``identity=True``,
      the URL names that very complaint, and the role is in ``IDENTITY[privacy]``
      (``identity`` may instead name the privacy levels on which the page shows it);
    - the rahasia complaint's description marker, unless the role is in the row's
      ``rahasia`` set (public surfaces: ``NOBODY``).
  A row with ``listing=True`` is a list of complaints (an export of an inbox queue): it
  shows each complaint's reporter to the roles in ``IDENTITY`` for that complaint's privacy,
  and the first address its builder gives (the whole queue) must really show them, and the
  rahasia description to the roles in ``rahasia``. An XLSX answer is read cell by cell.
* **Writes.** Every role not in the row's ``post`` set POSTs a plausible, valid body; it must
  be refused, and no complaint's timeline or status may change. A row with
  ``post_reads=True`` (a search sent by POST) is also POSTed by every allowed role: it must
  answer, change nothing and show nothing the reads may not.

The oracle is this table, never ``aduan.complaints.permissions`` (that is what is tested).

Adding a row (for a new endpoint)
---------------------------------
Key: the URL name with its namespace (``"replies:list"``); an unnamed pattern is keyed
``"<namespace>:<pattern>"`` as the failure message prints it. Then say:

    "replies:list": Rule(get=STAFF, post=NOBODY),                      # no URL arguments
    "replies:edit": Rule(get=READERS, post={VERIFIER, ADMIN}, args=CODE, data={"text": "x"}),
    "transparency:index": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),  # a public page

``get``/``post``: the roles allowed (``post=None``: POST is not exercised, say why in a
comment). ``args``: how the URL is built, one of the builders below (``NO_ARGS``, ``CODE``,
``SECRET_PATH``, ``SECRET_QUERY``, ``CODE_ATTACHMENT``, ``SECRET_ATTACHMENT``, ``FILL``,
``TEMPLATE``, ``SCENARIO``, ``TRAINEE``: objects the ``world`` fixture creates; ``QUEUE``: the
inbox queues, whole queue first), a ``kwargs`` dict, or ``path="/literal/"``; a builder that
names a complaint makes the row run once per privacy level. ``identity=True`` only for pages
that show the reporter to those allowed;
``rahasia=NOBODY`` for every public surface (pages without login, Open311, public API,
public statistics, exports meant for the public). ``get`` may be a dict by privacy level
when the answer depends on it (a rahasia complaint is 404 on Open311).

Run it: ``python -m pytest -q aduan/accounts/tests/test_matrix.py``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from aduan.complaints import services
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.complaints.tests.helpers import png
from aduan.practice.models import Scenario, ScenarioSet
from aduan.practice.services import scenarios_load
from aduan.replies.choices import Situation
from aduan.replies.models import ResponseTemplate

# ----------------------------------------------------------------------------- roles

ANONYMOUS = "anonymous"
CITIZEN = "citizen with the secret"
STRANGER = "citizen without the secret"
OFFICER = "officer of the unit"
OTHER_OFFICER = "officer of another unit"
VERIFIER = "verifier"
SUPERVISOR = "supervisor"
TAPD = "TAPD"
ADMIN = "admin"
ROLES = (ANONYMOUS, CITIZEN, STRANGER, OFFICER, OTHER_OFFICER, VERIFIER, SUPERVISOR, TAPD, ADMIN)

EVERYONE = frozenset(ROLES)
NOBODY: frozenset[str] = frozenset()
STAFF = frozenset({OFFICER, OTHER_OFFICER, VERIFIER, SUPERVISOR, TAPD, ADMIN})
#: Staff who read the complaints of unit A (where all three test complaints are).
READERS = frozenset({OFFICER, VERIFIER, SUPERVISOR, TAPD, ADMIN})
LEADERS = frozenset({VERIFIER, SUPERVISOR, TAPD, ADMIN})
#: Who may see the reporter's name, phone and e-mail, by privacy level. Administrators act
#: as verifiers in Aduan (they may verify and dispose), so they see what verifiers see.
IDENTITY = {
    "biasa": frozenset({VERIFIER, ADMIN, OFFICER}),
    "anonim": frozenset({VERIFIER, ADMIN}),
    "rahasia": frozenset({VERIFIER, ADMIN, OFFICER}),
}
PRIVACIES = ("biasa", "anonim", "rahasia")

# Planted identities: unique strings that appear nowhere else.
PLANTED = {
    "biasa": ("Wiryatmo Penandabiasa", "0812-9001-1001", "penanda.biasa@example.org"),
    "anonim": ("Sukardjo Penandaanonim", "0812-9002-2002", "penanda.anonim@example.org"),
    "rahasia": ("Hartini Penandarahasia", "0812-9003-3003", "penanda.rahasia@example.org"),
}
RAHASIA_MARKER = "RHSXQ7"
DESCRIPTIONS = {
    "biasa": "Antrean perekaman KTP-el di kecamatan sangat panjang sejak pagi hari.",
    "anonim": "Petugas loket sering datang terlambat sehingga antrean menumpuk setiap hari.",
    "rahasia": f"Oknum petugas meminta uang pelicin {RAHASIA_MARKER} agar KTP-el cepat jadi.",
}


def identity_markers(privacy: str) -> list[str]:
    name, phone, email = PLANTED[privacy]
    digits = "".join(ch for ch in phone if ch.isdigit())
    return [name, name.split()[-1], email, digits[1:], phone]


# ----------------------------------------------------------------------------- world


@dataclass
class Target:
    privacy: str
    complaint: Complaint
    secret: str
    attachment_pk: int


@dataclass
class World:
    people: Any
    targets: list[Target]
    clients: dict[str, Client]
    template_pk: int  # a response template of unit A whose body names the reporter
    scenario_code: str  # an active practice scenario
    scenario_set_pk: int

    def other_code(self, target: Target) -> str:
        return next(t for t in self.targets if t is not target).complaint.tracking_code


@pytest.fixture
def world(people, submit) -> World:
    targets = []
    for privacy in PRIVACIES:
        name, phone, email = PLANTED[privacy]
        result = submit(
            privacy=privacy,
            description=DESCRIPTIONS[privacy],
            reporter_name=name,
            reporter_phone=phone,
            reporter_email=email,
            attachments=[png()],
        )
        complaint = services.complaint_dispose(
            complaint=result.complaint, actor=people.verifier, unit=people.unit_a
        )
        targets.append(Target(privacy, complaint, result.secret, complaint.attachments.get().pk))
    template = ResponseTemplate.objects.create(
        jurisdiction=people.jurisdiction,
        unit=people.unit_a,
        code="matriks-tindak-lanjut",
        title="Tindak lanjut (uji matriks)",
        situation=Situation.FOLLOW_UP,
        body="Yth. {nama}, laporan {kode} sedang ditangani {unit}. Salam, {petugas}.",
    )
    scenarios_load()
    scenario = Scenario.objects.filter(is_active=True).order_by("code").first()
    scenario_set = ScenarioSet.objects.order_by("pk").first()
    assert scenario is not None and scenario_set is not None
    clients = {role: Client() for role in (ANONYMOUS, CITIZEN, STRANGER)}
    for role, user in (
        (OFFICER, people.officer_a),
        (OTHER_OFFICER, people.officer_b),
        (VERIFIER, people.verifier),
        (SUPERVISOR, people.supervisor),
        (TAPD, people.tapd),
        (ADMIN, people.admin),
    ):
        client = Client()
        client.force_login(user)  # verified second factor (root conftest)
        clients[role] = client
    return World(
        people,
        targets,
        clients,
        template_pk=template.pk,
        scenario_code=scenario.code,
        scenario_set_pk=scenario_set.pk,
    )


# ----------------------------------------------------------------------------- URL builders

Builder = Callable[[str, World, "Target | None", str], Iterable[str]]


def _secret(target: Target, role: str) -> str:
    """Only the citizen holds the right secret; everyone else tries a wrong one."""
    return target.secret if role == CITIZEN else "SALAH" + target.secret[5:]


def NO_ARGS(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    yield reverse(name)


def CODE(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    assert t is not None
    yield reverse(name, kwargs={"code": t.complaint.tracking_code})


def SECRET_PATH(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    assert t is not None
    yield reverse(name, kwargs={"code": t.complaint.tracking_code, "secret": _secret(t, role)})


def SECRET_QUERY(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    assert t is not None
    yield reverse(name, kwargs={"code": t.complaint.tracking_code}) + f"?secret={_secret(t, role)}"


def CODE_ATTACHMENT(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    assert t is not None
    yield reverse(name, kwargs={"code": t.complaint.tracking_code, "pk": t.attachment_pk})


def SECRET_ATTACHMENT(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    assert t is not None
    kwargs = {"code": t.complaint.tracking_code, "pk": t.attachment_pk}
    if "secret" in name or name.startswith("complaints:"):
        kwargs["secret"] = _secret(t, role)
        yield reverse(name, kwargs=kwargs)
    else:
        yield reverse(name, kwargs=kwargs) + f"?secret={_secret(t, role)}"


def OPEN311_REQUEST(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    assert t is not None
    yield reverse(name, kwargs={"request_id": t.complaint.tracking_code, "fmt": "json"})


#: The reply actions whose template fill is tried (both open to the unit once disposed).
FILL_ACTIONS = ("follow_up", "request_info")


def FILL(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    """The response template filled for the complaint, once per reply action."""
    assert t is not None
    for action in FILL_ACTIONS:
        url = reverse(name, kwargs={"code": t.complaint.tracking_code, "action": action})
        yield f"{url}?templat={w.template_pk}"


def TEMPLATE(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    yield reverse(name, kwargs={"pk": w.template_pk})


def SCENARIO(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    yield reverse(name, kwargs={"code": w.scenario_code})


def TRAINEE(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    """The practice progress of the officer of the unit (their own page; their trainers')."""
    yield reverse(name, kwargs={"user_id": w.people.officer_a.pk})


#: The inbox queues an export is made of; the first lists every complaint the role reads.
EXPORT_QUEUES = ("semua", "unit", "verifikasi")


def QUEUE(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    for queue in EXPORT_QUEUES:
        yield reverse(name, kwargs={"queue": queue})


PER_COMPLAINT = {
    FILL,
    CODE,
    SECRET_PATH,
    SECRET_QUERY,
    CODE_ATTACHMENT,
    SECRET_ATTACHMENT,
    OPEN311_REQUEST,
}

# ----------------------------------------------------------------------------- the table

Access = frozenset[str] | dict[str, frozenset[str]]


@dataclass(frozen=True)
class Rule:
    get: Access
    post: Access | None = NOBODY
    args: Builder | dict[str, Any] = NO_ARGS
    path: str = ""
    #: ``True``: the page shows the reporter (to those in ``IDENTITY``); a set of privacy
    #: levels: only on a complaint of those levels (a filled reply names a biasa reporter).
    identity: bool | frozenset[str] = False
    #: A list of complaints (an export): each reporter to whom ``IDENTITY`` allows.
    listing: bool = False
    #: The POST is a read (a search): allowed roles POST too, and the answer is checked.
    post_reads: bool = False
    rahasia: frozenset[str] = READERS | {CITIZEN}
    data: dict[str, Any] | Callable[[World, Target | None, str], dict[str, Any]] = field(
        default_factory=dict
    )
    json: bool = False
    #: Query strings tried on every GET (searches, filters): each is a case of its own.
    queries: tuple[str, ...] = ("",)

    def allowed(self, access: Access, target: Target | None) -> frozenset[str]:
        if isinstance(access, dict):
            assert target is not None
            return access[target.privacy]
        return access

    def urls(self, name: str, w: World, t: Target | None, role: str) -> list[str]:
        if self.path:
            bases = [self.path]
        elif isinstance(self.args, dict):
            bases = [reverse(name, kwargs=self.args)]
        else:
            bases = list(self.args(name, w, t, role))
        return [base + query for base in bases for query in self.queries]

    def shows_identity(self, target: Target | None) -> bool:
        if target is None or not self.identity:
            return False
        return self.identity is True or target.privacy in self.identity

    @property
    def per_complaint(self) -> bool:
        return not isinstance(self.args, dict) and self.args in PER_COMPLAINT


def _unit(w: World, api: bool) -> Any:
    unit = w.people.unit_b
    return unit.code if api else unit.pk


#: Actions on a complaint of unit A: the roles allowed to take each (by role and unit; whether
#: the status allows it now is the status machine's business, tested elsewhere). Bodies are
#: valid, so that a missing check would really write.
ACTIONS: dict[str, tuple[frozenset[str], Callable[[World, Target, bool], dict[str, Any]]]] = {
    "dispose": (
        frozenset({VERIFIER, ADMIN}),
        lambda w, t, api: {"unit": _unit(w, api), "note": "Disposisi ulang."},
    ),
    "hold": (
        frozenset({VERIFIER, ADMIN}),
        lambda w, t, api: {"reason": "Ditunda oleh peran yang tidak berhak."},
    ),
    "refer": (
        frozenset({VERIFIER, ADMIN}),
        lambda w, t, api: {"note_to_citizen": "Bukan wewenang kami."},
    ),
    "archive": (
        frozenset({VERIFIER, ADMIN}),
        lambda w, t, api: {"reason": "spam", "note": "Diarsipkan."},
    ),
    "merge": (frozenset({VERIFIER, ADMIN}), lambda w, t, api: {"into": w.other_code(t)}),
    "start": (frozenset({OFFICER, ADMIN}), lambda w, t, api: {}),
    "request_info": (
        frozenset({OFFICER, ADMIN}),
        lambda w, t, api: {"question": "Mohon kirim foto lokasi yang lebih jelas."},
    ),
    "forward": (
        frozenset({OFFICER, VERIFIER, ADMIN}),
        lambda w, t, api: {"unit": _unit(w, api), "reason": "Lebih tepat ditangani DPUPR."},
    ),
    "note": (
        frozenset({OFFICER, VERIFIER, ADMIN}),
        lambda w, t, api: {"text": "Catatan dari peran yang tidak berhak."},
    ),
    "follow_up": (
        frozenset({OFFICER, ADMIN}),
        lambda w, t, api: {"text": "Sudah kami tindak lanjuti dan perbaiki di lokasi."},
    ),
    "flag_tapd": (
        frozenset({OFFICER, ADMIN}),
        lambda w, t, api: {"reason": "Perlu anggaran besar untuk perbaikan.", "scope": "Jalan"},
    ),
    "resolve": (frozenset({OFFICER, ADMIN}), lambda w, t, api: {"note": "Selesai."}),
    "tapd_decide": (
        frozenset({TAPD, ADMIN}),
        lambda w, t, api: {"decision": "tidak_layak", "reason": "Tidak ada anggaran."},
    ),
}


def _web_action_data(action: str) -> Callable[[World, Target | None, str], dict[str, Any]]:
    def build(w: World, t: Target | None, role: str) -> dict[str, Any]:
        assert t is not None
        return {f"{action}-{k}": v for k, v in ACTIONS[action][1](w, t, False).items()}

    return build


def _api_action_data(action: str) -> Callable[[World, Target | None, str], dict[str, Any]]:
    def build(w: World, t: Target | None, role: str) -> dict[str, Any]:
        assert t is not None
        return ACTIONS[action][1](w, t, True)

    return build


def _act(action: str) -> Builder:
    def build(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:
        assert t is not None
        yield reverse(name, kwargs={"code": t.complaint.tracking_code, "action": action})

    return build


# A complaint-naming builder per action of the web form, so that each counts as per-complaint.
_ACT_BUILDERS = {action: _act(action) for action in ACTIONS}
PER_COMPLAINT |= set(_ACT_BUILDERS.values())  # type: ignore[arg-type]

#: A search for words of the rahasia description (not the marker, which the search form
#: echoes): whoever may not read the complaint must not find it.
SEARCH_RAHASIA = "?q=uang+pelicin"
OPEN311_PUBLIC = {"biasa": EVERYONE, "anonim": EVERYONE, "rahasia": NOBODY}
#: A public complaint's page and support: anyone, never for a rahasia complaint.
PUBLIC_COMPLAINT = OPEN311_PUBLIC
#: What a citizen types into the form, close to the rahasia (and the biasa) description.
SIMILAR_TEXT = {
    "description": "Oknum petugas meminta uang pelicin agar KTP-el cepat jadi.",
    "kelurahan": "Medono",
    "category": "adminduk",
}

#: No role of the matrix heads a unit: of them, only administrators manage templates.
TEMPLATE_MANAGERS = frozenset({ADMIN})
QUALITY_READERS = frozenset({SUPERVISOR, ADMIN})
#: Who follows others' practice (unit heads too, for their units' officers).
TRAINERS = frozenset({SUPERVISOR, ADMIN})
#: Who reads the IKM of unit A: its officers and the roles that read every unit's IKM.
IKM_OF_UNIT_A = frozenset({OFFICER, VERIFIER, SUPERVISOR, ADMIN})
#: Who may send a reply (follow-up, request for information) on a disposed complaint of A.
REPLIERS = frozenset({OFFICER, ADMIN})
TEMPLATE_FORM = {
    "title": "Templat dari peran yang tidak berhak",
    "situation": "follow_up",
    "unit": "",
    "category": "",
    "body": "Yth. {nama}, laporan {kode} kami tindak lanjuti.",
    "is_active": "on",
}
PRACTICE_REPLY = {
    "reply": "Terima kasih atas laporan Bapak/Ibu. Kami periksa dan kabari paling lama besok."
}


# --- dashboards, map, PDF reports and the personal-data export


def UNIT_A(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    """The unit dashboard of unit A (where the three complaints are)."""
    yield reverse(name, kwargs={"unit_id": w.people.unit_a.pk})


def PERSON(name: str, w: World, t: Target | None, role: str) -> Iterable[str]:  # noqa: N802
    """A page that looks a person up by the POSTed phone (``PERSON_LOOKUP``): once per
    complaint, so that each reporter's planted phone is tried."""
    assert t is not None
    yield reverse(name)


def PERSON_LOOKUP(w: World, t: Target | None, role: str) -> dict[str, Any]:
    assert t is not None
    return {"phone": PLANTED[t.privacy][1], "email": "", "confirmed": "on"}


PER_COMPLAINT |= {PERSON}
#: Who reads every complaint's figures: the leadership dashboard and the PDF reports.
REPORT_READERS = frozenset({VERIFIER, SUPERVISOR, TAPD, ADMIN})
#: Who may export everything held about a person (a citizen's request under UU 27/2022).
PERSONAL_DATA_EXPORTERS = frozenset({VERIFIER, ADMIN})

RULES: dict[str, Rule] = {
    # --- accounts
    "accounts:login": Rule(get=EVERYONE, post=None),  # POST is the login itself
    "accounts:logout": Rule(get=NOBODY, post=None),  # POST logs out whoever sends it
    "accounts:otp_verify": Rule(get=STAFF, post=STAFF),
    "accounts:otp_setup": Rule(get=STAFF, post=STAFF),
    "accounts:recovery_codes": Rule(get=STAFF, post=STAFF),
    "accounts:identity_audit": Rule(get=frozenset({ADMIN}), post=frozenset({ADMIN})),
    "set_language": Rule(get=EVERYONE, post=None),  # sets a cookie for whoever asks
    # --- citizen portal
    "complaints:home": Rule(get=EVERYONE, post=EVERYONE, rahasia=NOBODY),
    "complaints:home_for": Rule(
        get=EVERYONE, post=EVERYONE, args={"jurisdiction_slug": "pekalongan"}, rahasia=NOBODY
    ),
    "complaints:new": Rule(get=EVERYONE, post=None, rahasia=NOBODY),  # POST files a report
    "complaints:new_for": Rule(
        get=EVERYONE, post=None, args={"jurisdiction_slug": "pekalongan"}, rahasia=NOBODY
    ),
    "complaints:track": Rule(get=EVERYONE, post=EVERYONE, rahasia=NOBODY),
    "complaints:citizen_status": Rule(
        get=frozenset({CITIZEN}),
        post=frozenset({CITIZEN}),
        args=SECRET_PATH,
        data={"action": "add_info", "message": "Tambahan informasi dari orang lain."},
    ),
    "complaints:citizen_attachment": Rule(
        get=frozenset({CITIZEN}), post=frozenset({CITIZEN}), args=SECRET_ATTACHMENT
    ),
    # --- staff workspace
    "complaints:workspace": Rule(get=STAFF, post=STAFF),
    "complaints:inbox": Rule(
        get=STAFF, post=STAFF, args={"queue": "semua"}, queries=("", SEARCH_RAHASIA)
    ),
    "complaints:planning": Rule(get=LEADERS, post=LEADERS),
    "complaints:overdue": Rule(get=LEADERS, post=LEADERS),
    "complaints:detail": Rule(get=READERS, post=READERS, args=CODE, identity=True),
    # The detail page's duplicates panel (GET only: a POST is refused for everyone).
    "complaints:duplicates": Rule(get=READERS, post=NOBODY, args=CODE),
    "complaints:staff_attachment": Rule(get=READERS, post=READERS, args=CODE_ATTACHMENT),
    # --- exports of an inbox queue: the rows the role reads (none of unit A for an officer
    # of another unit), each reporter only to whom IDENTITY allows; GET only
    "exports:csv": Rule(
        get=STAFF, post=NOBODY, args=QUEUE, listing=True, queries=("", SEARCH_RAHASIA)
    ),
    "exports:xlsx": Rule(
        get=STAFF, post=NOBODY, args=QUEUE, listing=True, queries=("", SEARCH_RAHASIA)
    ),
    "sla:calendar": Rule(
        get=STAFF,
        post=frozenset({VERIFIER, ADMIN}),
        data={"action": "add", "date": "2026-12-24", "kind": "libur", "name": "Libur uji"},
    ),
    "notifications:list": Rule(get=STAFF, post=NOBODY),
    "notifications:bell": Rule(get=EVERYONE, post=NOBODY),
    "notifications:read": Rule(get=NOBODY, post=NOBODY, args={"pk": 987654}),
    "notifications:read_all": Rule(get=NOBODY, post=STAFF),
    # --- surveys
    "surveys:ikm_report": Rule(get=STAFF, post=STAFF),
    "surveys:rate": Rule(
        get=NOBODY, post=frozenset({CITIZEN}), args=SECRET_PATH, data={"score": "1"}
    ),
    "surveys:ikm_survey": Rule(
        get=EVERYONE,
        post=None,  # anyone may answer the IKM survey
        args={"jurisdiction_slug": "pekalongan", "unit_code": "disdukcapil"},
        rahasia=NOBODY,
    ),
    "surveys:ikm_thanks": Rule(
        get=EVERYONE,
        post=EVERYONE,
        args={"jurisdiction_slug": "pekalongan", "unit_code": "disdukcapil"},
        rahasia=NOBODY,
    ),
    "surveys:ikm_print": Rule(
        get=IKM_OF_UNIT_A,
        post=frozenset({ADMIN}),  # the follow-up plan: administrators and unit heads
        args={"unit_code": "disdukcapil"},
        data={"rencana": "Rencana tindak lanjut dari peran yang tidak berhak."},
        rahasia=NOBODY,
    ),
    # Only public facts (the unit and its questionnaire's address), printed by those who
    # follow the unit's IKM; a POST shows the same poster.
    "surveys:ikm_poster": Rule(
        get=IKM_OF_UNIT_A, post=IKM_OF_UNIT_A, args={"unit_code": "disdukcapil"}, rahasia=NOBODY
    ),
    # --- replies: the template library, filling a reply, the tone check, reply quality
    # A POST to the list shows the list again.
    "replies:templates": Rule(get=TEMPLATE_MANAGERS, post=TEMPLATE_MANAGERS, rahasia=NOBODY),
    "replies:template_create": Rule(
        get=TEMPLATE_MANAGERS,
        post=TEMPLATE_MANAGERS,
        data=TEMPLATE_FORM | {"code": "matriks-baru"},
        rahasia=NOBODY,
    ),
    "replies:template_edit": Rule(
        get=TEMPLATE_MANAGERS,
        post=TEMPLATE_MANAGERS,
        args=TEMPLATE,
        data=TEMPLATE_FORM | {"code": "matriks-tindak-lanjut"},
        rahasia=NOBODY,
    ),
    # Whoever may send the reply now; ``{nama}`` is the reporter only on a biasa complaint.
    # A POST fills the same page (nothing is written).
    "replies:fill": Rule(
        get=REPLIERS,
        post=REPLIERS,
        args=FILL,
        identity=frozenset({"biasa"}),
        data=lambda w, t, role: {"templat": str(w.template_pk)},
    ),
    "replies:check": Rule(get=NOBODY, post=STAFF, data={"reply": "sudah dicek."}, rahasia=NOBODY),
    "replies:quality": Rule(get=QUALITY_READERS, post=QUALITY_READERS, rahasia=NOBODY),
    # --- practice: every staff member practises; trainers follow their officers
    "practice:index": Rule(get=STAFF, post=STAFF, rahasia=NOBODY),  # a POST shows the page
    "practice:scenario": Rule(
        get=STAFF, post=STAFF, args=SCENARIO, data=PRACTICE_REPLY, rahasia=NOBODY
    ),
    "practice:feedback": Rule(
        get=NOBODY, post=STAFF, args=SCENARIO, data=PRACTICE_REPLY, rahasia=NOBODY
    ),
    "practice:team": Rule(
        get=TRAINERS,
        post=TRAINERS,
        data=lambda w, t, role: {
            "officer": str(w.people.officer_a.pk),
            "scenario_set": str(w.scenario_set_pk),
            "due_date": "",
        },
        rahasia=NOBODY,
    ),
    # The officer's own progress, and their trainers'; a POST shows the same page.
    "practice:officer": Rule(
        get=TRAINERS | {OFFICER}, post=TRAINERS | {OFFICER}, args=TRAINEE, rahasia=NOBODY
    ),
    # --- public transparency (/publik/): never a rahasia complaint, never a reporter
    "transparency:index": Rule(
        get=EVERYONE, post=NOBODY, rahasia=NOBODY, queries=("", SEARCH_RAHASIA)
    ),
    "transparency:detail": Rule(get=PUBLIC_COMPLAINT, post=NOBODY, args=CODE, rahasia=NOBODY),
    "transparency:support": Rule(
        get=NOBODY,
        post=PUBLIC_COMPLAINT,
        args=CODE,
        data={"name": "", "contact": ""},
        rahasia=NOBODY,
    ),
    # The citizen form asks while the citizen types (a POST, so the text stays off URLs).
    "transparency:similar": Rule(
        get=NOBODY, post=EVERYONE, data=SIMILAR_TEXT, post_reads=True, rahasia=NOBODY
    ),
    # The verifier's public text and hiding of a complaint.
    "transparency:publication": Rule(
        get=NOBODY,
        post=frozenset({VERIFIER, ADMIN}),
        args=CODE,
        data={"public_text": "Teks publik dari peran yang tidak berhak.", "hidden": "on"},
    ),
    # --- intake webhooks: signed by the provider, never open
    "intake:whatsapp": Rule(get=NOBODY, post=NOBODY, data={"object": "whatsapp_business_account"}),
    "intake:email": Rule(get=NOBODY, post=NOBODY),
    # --- REST API v1
    "api:complaints": Rule(
        get=STAFF, post=None, json=True, queries=("", SEARCH_RAHASIA)
    ),  # POST files a report
    "api:complaint": Rule(get=READERS, post=READERS, args=CODE, identity=True, json=True),
    "api:complaint-events": Rule(get=READERS, post=READERS, args=CODE, json=True),
    "api:complaint-attachments": Rule(get=READERS, post=READERS, args=CODE, json=True),
    "api:complaint-attachment": Rule(get=READERS, post=READERS, args=CODE_ATTACHMENT),
    "api:citizen-complaint": Rule(
        get=frozenset({CITIZEN}), post=frozenset({CITIZEN}), args=SECRET_QUERY
    ),
    "api:citizen-events": Rule(
        get=frozenset({CITIZEN}), post=frozenset({CITIZEN}), args=SECRET_QUERY
    ),
    "api:citizen-attachment": Rule(
        get=frozenset({CITIZEN}), post=frozenset({CITIZEN}), args=SECRET_ATTACHMENT
    ),
    "api:citizen-add-info": Rule(
        get=NOBODY,
        post=frozenset({CITIZEN}),
        args=SECRET_QUERY,
        data={"message": "Tambahan informasi dari orang lain."},
        json=True,
    ),
    "api:citizen-respond": Rule(
        get=NOBODY,
        post=frozenset({CITIZEN}),
        args=SECRET_QUERY,
        data={"satisfied": False, "reason": "Belum selesai."},
        json=True,
    ),
    "api:citizen-rating": Rule(
        get=NOBODY, post=frozenset({CITIZEN}), args=SECRET_QUERY, data={"score": 1}, json=True
    ),
    "api:categories": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),
    "api:units": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),
    "api:areas": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),
    "api:statistics": Rule(get=STAFF, post=NOBODY, rahasia=NOBODY),
    "api:statistics-public": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),
    "api:survey-ratings": Rule(get=STAFF, post=NOBODY),
    "api:survey-ikm": Rule(get=STAFF, post=NOBODY, rahasia=NOBODY),
    "api:replies-check": Rule(
        get=NOBODY, post=STAFF, data={"reply": "sudah dicek."}, json=True, rahasia=NOBODY
    ),
    "api:me": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),
    "api:schema": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),
    "api:docs": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),
    "api:redoc": Rule(get=EVERYONE, post=NOBODY, rahasia=NOBODY),
    "api:<^.*$>": Rule(get=NOBODY, post=NOBODY, path="/api/v1/tidak-ada/"),
    # --- Open311 GeoReport v2: public, never a rahasia complaint, never an identity
    "open311:discovery": Rule(get=EVERYONE, post=NOBODY, args={"fmt": "json"}, rahasia=NOBODY),
    r"open311:<^v2/discovery\.(?P<fmt>xml|json)$>": Rule(
        get=EVERYONE, post=NOBODY, path="/open311/v2/discovery.json", rahasia=NOBODY
    ),
    "open311:services": Rule(get=EVERYONE, post=NOBODY, args={"fmt": "json"}, rahasia=NOBODY),
    "open311:service": Rule(
        get=EVERYONE, post=NOBODY, args={"fmt": "json", "code": "adminduk"}, rahasia=NOBODY
    ),
    "open311:requests": Rule(
        get=EVERYONE, post=None, args={"fmt": "json"}, rahasia=NOBODY
    ),  # POST files a report
    "open311:request": Rule(get=OPEN311_PUBLIC, post=NOBODY, args=OPEN311_REQUEST, rahasia=NOBODY),
    "open311:token": Rule(
        get=NOBODY, post=NOBODY, args={"fmt": "json", "token_id": "tidak-ada"}, rahasia=NOBODY
    ),
    "open311:updates": Rule(get=EVERYONE, post=NOBODY, args={"fmt": "json"}, rahasia=NOBODY),
    "open311:not_found": Rule(get=NOBODY, post=NOBODY, path="/open311/tidak-ada", rahasia=NOBODY),
    # --- the Django admin: only is_staff accounts, which none of the roles is
    "admin:login": Rule(get=EVERYONE, post=None),  # its own login form (counted by axes)
    "admin:logout": Rule(get=EVERYONE, post=None),
    "admin:*": Rule(get=NOBODY, post=NOBODY),
    # --- dashboards, map and PDF reports: figures only, never a reporter, never a
    # description (rahasia=NOBODY: no role reads a complaint's content there). The views
    # answer a POST with the same page or file.
    # Officers (of any unit) are sent on to their own unit's dashboard.
    "reports:dashboard": Rule(get=STAFF, post=STAFF, rahasia=NOBODY),
    # Unit A's dashboard: its members and those who read everything, not unit B's officer.
    "reports:unit": Rule(get=READERS, post=READERS, args=UNIT_A, rahasia=NOBODY),
    "reports:map": Rule(get=STAFF, post=STAFF, rahasia=NOBODY),
    # Markers carry code, place, status, category and date only (each role sees those it
    # may read: ``test_map_markers_are_the_complaints_the_role_reads``).
    "reports:map_data": Rule(get=STAFF, post=STAFF, json=True, rahasia=NOBODY),
    "reports:pdf_monthly": Rule(get=REPORT_READERS, post=REPORT_READERS, rahasia=NOBODY),
    "reports:pdf_annual": Rule(get=REPORT_READERS, post=REPORT_READERS, rahasia=NOBODY),
    # --- the personal-data export: verifiers and administrators only. GET is the form (no
    # identity); a POST with the reporter's planted phone returns everything held about
    # them, so every other role's POST tries exactly that and must get nothing
    # (what the allowed roles get: ``test_personal_data_export_finds_only_that_person``).
    "privacy:export": Rule(
        get=PERSONAL_DATA_EXPORTERS,
        post=PERSONAL_DATA_EXPORTERS,
        args=PERSON,
        data=PERSON_LOOKUP,
        rahasia=NOBODY,
    ),
}

for _action, (_allowed, _data) in ACTIONS.items():
    RULES[f"api:complaint-{_action}"] = Rule(
        get=NOBODY, post=_allowed, args=CODE, data=_api_action_data(_action), json=True
    )
#: The web form's action URL, once per action (one row, many bodies).
ACT_KEY = "complaints:act"
RULES[ACT_KEY] = Rule(get=NOBODY, post=NOBODY, args=CODE, identity=True)  # see ``_cases``


# Workflow actions of the web form only (no API endpoint): releasing a report held as spam
# is the verifier's (``test_only_verifiers_release_a_report_held_as_spam`` holds one).
WEB_ONLY_ACTIONS: dict[
    str, tuple[frozenset[str], Callable[[World, Target, bool], dict[str, Any]]]
] = {
    "release_spam": (frozenset({VERIFIER, ADMIN}), lambda w, t, api: {"note": "Bukan spam."}),
}
ACTIONS.update(WEB_ONLY_ACTIONS)
for _action in WEB_ONLY_ACTIONS:
    _ACT_BUILDERS[_action] = _act(_action)
    PER_COMPLAINT.add(_ACT_BUILDERS[_action])  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- the walk


def endpoints() -> dict[str, URLPattern]:
    """Every URL pattern of the project by its key (``namespace:name`` or
    ``namespace:<pattern>`` when unnamed)."""
    found: dict[str, URLPattern] = {}

    def walk(resolver: URLResolver, namespace: str | None) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = namespace
                if entry.namespace:
                    ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, ns)
            else:
                if entry.name:
                    key = f"{namespace}:{entry.name}" if namespace else entry.name
                else:
                    key = f"{namespace}:<{entry.pattern}>"
                found[key] = entry

    walk(get_resolver(), None)
    return found


def rule_for(key: str) -> Rule | None:
    if key in RULES:
        return RULES[key]
    namespace = key.split(":", 1)[0]
    return RULES.get(f"{namespace}:*") if ":" in key else None


def test_every_endpoint_has_a_rule():
    keys = endpoints()
    missing = sorted(k for k in keys if rule_for(k) is None)
    assert not missing, (
        "Endpoints without a row in RULES (aduan/accounts/tests/test_matrix.py; see its "
        f"docstring for how to add one): {missing}"
    )
    stale = sorted(k for k in RULES if not k.endswith(":*") and k not in keys)
    assert not stale, f"Rows in RULES for endpoints that no longer exist: {stale}"


# ----------------------------------------------------------------------------- checks

LOGIN_PATHS = ("/akun/masuk/", "/admin/login/")


def refused(response: Any) -> bool:
    if response.status_code in (401, 403, 404, 405):
        return True
    if response.status_code in (301, 302, 303, 307, 308):
        return response.get("Location", "").split("?")[0].endswith(LOGIN_PATHS)
    return False


def answered(response: Any) -> bool:
    return 200 <= response.status_code < 400 and not refused(response)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def body(response: Any) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if response.get("Content-Type", "").startswith(XLSX) and response.status_code == 200:
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            str(value)
            for sheet in workbook.worksheets
            for cells in sheet.iter_rows(values_only=True)
            for value in cells
            if value is not None
        )
    return content.decode("utf-8", errors="replace")


def leaks(rule: Rule, w: World, target: Target | None, role: str, text: str) -> list[str]:
    found = []
    for t in w.targets:
        shown = rule.listing or (rule.shows_identity(t) and t is target)
        may_see = shown and role in IDENTITY[t.privacy]
        if not may_see:
            found += [
                f"identity of the {t.privacy} complaint ({m!r})"
                for m in identity_markers(t.privacy)
                if m in text
            ]
    if RAHASIA_MARKER in text and role not in rule.rahasia:
        found.append("the rahasia description")
    if RAHASIA_MARKER in text and target is not None and target.privacy != "rahasia":
        found.append("the rahasia description on another complaint's page")
    return found


@dataclass
class Case:
    url: str
    role: str
    target: Target | None
    get_allowed: bool
    post_allowed: bool | None
    data: dict[str, Any]


def _cases(key: str, rule: Rule, w: World) -> list[Case]:
    cases = []
    targets: list[Target | None] = list(w.targets) if rule.per_complaint else [None]
    variants: list[tuple[Rule, Any]] = [(rule, rule.data)]
    if key == ACT_KEY:
        variants = [
            (
                Rule(get=NOBODY, post=allowed, args=_ACT_BUILDERS[action], identity=True),
                _web_action_data(action),
            )
            for action, (allowed, _build) in ACTIONS.items()
        ]
    for variant, data in variants:
        for target in targets:
            for role in ROLES:
                values = data(w, target, role) if callable(data) else dict(data)
                for url in variant.urls(key, w, target, role):
                    post = (
                        variant.allowed(variant.post, target) if variant.post is not None else None
                    )
                    cases.append(
                        Case(
                            url,
                            role,
                            target,
                            role in variant.allowed(variant.get, target),
                            None if post is None else role in post,
                            values,
                        )
                    )
    return cases


def _fingerprint() -> tuple:
    rows = Complaint.objects.order_by("pk").values_list("pk", "status", "unit_id", "updated_at")
    return (tuple(rows), ComplaintEvent.objects.count())


MATRIX_KEYS = sorted(k for k in RULES if not k.endswith(":*"))


@pytest.mark.parametrize("key", MATRIX_KEYS)
def test_reads_follow_the_table(key, world):
    rule = RULES[key]
    problems = []
    for case in _cases(key, rule, world):
        response = world.clients[case.role].get(case.url)
        where = f"GET {case.url} as {case.role}"
        if case.get_allowed and not answered(response):
            problems.append(f"{where}: expected an answer, got {response.status_code}")
        if not case.get_allowed and not refused(response):
            problems.append(f"{where}: expected a refusal, got {response.status_code}")
        text = body(response)
        for leak in leaks(rule, world, case.target, case.role, text):
            problems.append(f"{where}: shows {leak}")
        target = case.target
        if target and rule.shows_identity(target) and answered(response):
            # The markers are really planted: who may see the reporter does see them.
            if case.role in IDENTITY[target.privacy] and PLANTED[target.privacy][0] not in text:
                problems.append(f"{where}: the reporter's name is missing")
            if target.privacy == "rahasia" and RAHASIA_MARKER not in text:
                problems.append(f"{where}: the description is missing")
        whole = rule.listing and case.url == rule.urls(key, world, None, case.role)[0]
        if whole and answered(response):
            problems += _listing_missing(world, case.role, rule, text, where)
    assert not problems, "\n".join(problems)


def _listing_missing(w: World, role: str, rule: Rule, text: str, where: str) -> list[str]:
    """The whole list really shows what it may: each reporter to whom ``IDENTITY`` allows,
    the rahasia description to its readers (all three complaints are of unit A)."""
    missing = [
        f"{where}: the reporter of the {t.privacy} complaint is missing"
        for t in w.targets
        if role in IDENTITY[t.privacy] and PLANTED[t.privacy][0] not in text
    ]
    if role in READERS and role in rule.rahasia and RAHASIA_MARKER not in text:
        missing.append(f"{where}: the rahasia description is missing")
    return missing


@pytest.mark.parametrize("key", sorted(k for k in RULES if RULES[k].post_reads))
def test_posts_that_read_follow_the_table(key, world):
    rule = RULES[key]
    problems = []
    before = _fingerprint()
    for case in _cases(key, rule, world):
        if not case.post_allowed:
            continue
        client = world.clients[case.role]
        if rule.json:
            response = client.post(case.url, json.dumps(case.data), content_type="application/json")
        else:
            response = client.post(case.url, case.data)
        where = f"POST {case.url} as {case.role}"
        if not answered(response):
            problems.append(f"{where}: expected an answer, got {response.status_code}")
        for leak in leaks(rule, world, case.target, case.role, body(response)):
            problems.append(f"{where}: shows {leak}")
        if _fingerprint() != before:
            problems.append(f"{where}: changed a complaint or its timeline")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", MATRIX_KEYS)
def test_forbidden_writes_change_nothing(key, world):
    rule = RULES[key]
    problems = []
    before = _fingerprint()
    for case in _cases(key, rule, world):
        if case.post_allowed is None or case.post_allowed:
            continue
        client = world.clients[case.role]
        if rule.json:
            response = client.post(case.url, json.dumps(case.data), content_type="application/json")
        else:
            response = client.post(case.url, case.data)
        where = f"POST {case.url} as {case.role}"
        # Any 4xx (or the login page) will do, provided nothing changed.
        if not (refused(response) or 400 <= response.status_code < 500):
            problems.append(f"{where}: expected a refusal, got {response.status_code}")
        for leak in leaks(rule, world, case.target, case.role, body(response)):
            problems.append(f"{where}: shows {leak}")
        after = _fingerprint()
        if after != before:
            problems.append(f"{where}: changed a complaint or its timeline")
            before = after
    assert not problems, "\n".join(problems)


def _admin_url(pattern: URLPattern, key: str) -> str | None:
    """A concrete address for a Django admin pattern (placeholder values for its kwargs)."""
    values = {"object_id": "1", "app_label": "complaints", "content_type_id": "1", "url": "x"}
    converters = getattr(pattern.pattern, "converters", {}) or {}
    names = list(converters) or list(pattern.pattern.regex.groupindex)
    try:
        return reverse(key, kwargs={n: values.get(n, "1") for n in names})
    except Exception:  # noqa: BLE001 - a catch-all pattern without a reverse
        return None


def test_the_django_admin_is_closed_to_every_role(world):
    problems = []
    for key, pattern in endpoints().items():
        if not key.startswith("admin:") or key in RULES:
            continue
        url = _admin_url(pattern, key)
        if url is None:
            continue
        for role in ROLES:
            response = world.clients[role].get(url)
            if not refused(response):
                problems.append(f"GET {url} as {role}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_messages_to_staff_and_integrations_carry_no_identity_and_no_rahasia_content(world):
    """E-mails, WhatsApp and in-app messages to units travel outside the permission checks:
    they never carry a reporter's identity nor a rahasia complaint's content."""
    from aduan.notifications.models import OutboxMessage

    people = world.people
    for user in (people.officer_a, people.officer_b, people.verifier, people.supervisor):
        user.email = f"{user.username}@pekalongankota.go.id"
        user.save(update_fields=["email"])
    for target in world.targets:
        complaint = services.complaint_start(complaint=target.complaint, actor=people.officer_a)
        services.complaint_add_note(
            complaint=complaint, actor=people.officer_a, text="Sedang kami periksa di lapangan."
        )
        services.complaint_forward(
            complaint=complaint,
            actor=people.officer_a,
            unit=people.unit_b,
            reason="Lokasi termasuk wewenang DPUPR.",
        )
    reporters = {value for values in PLANTED.values() for value in values}
    staff_messages = OutboxMessage.objects.exclude(to_address__in=reporters)
    assert staff_messages.filter(recipient_user=people.officer_b).exists()
    problems = []
    for message in staff_messages:
        text = f"{message.subject}\n{message.body}"
        for privacy in PRIVACIES:
            for marker in identity_markers(privacy):
                if marker in text:
                    problems.append(f"{message.kind} to {message.to_address}: {marker!r}")
        if RAHASIA_MARKER in text:
            problems.append(f"{message.kind} to {message.to_address}: the rahasia description")
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------------------- beyond the walk
# What the walk above cannot see: pages whose content depends on data the world lacks (map
# points, a report held as spam) or answers the table only lets the allowed roles have.


def test_map_markers_are_the_complaints_the_role_reads(world):
    """Given map points, each role's markers are exactly the complaints it reads, and carry
    no reporter and no description."""
    codes = {t.complaint.tracking_code for t in world.targets}
    Complaint.objects.filter(tracking_code__in=codes).update(latitude=-6.889, longitude=109.675)
    fields = {"code", "lat", "lon", "status", "status_label", "category", "date", "url"}
    problems = []
    for role in STAFF:
        response = world.clients[role].get(reverse("reports:map_data"))
        assert response.status_code == 200, role
        markers = response.json()["markers"]
        seen = {m["code"] for m in markers}
        expected = codes if role in READERS else set()
        if seen & codes != expected:
            problems.append(f"{role}: markers {sorted(seen & codes)}, expected {sorted(expected)}")
        problems += [f"{role}: marker fields {sorted(m)}" for m in markers if set(m) != fields]
        text = body(response)
        for privacy in PRIVACIES:
            problems += [f"{role}: {m!r}" for m in identity_markers(privacy) if m in text]
        if RAHASIA_MARKER in text:
            problems.append(f"{role}: the rahasia description")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", sorted(PERSONAL_DATA_EXPORTERS))
def test_personal_data_export_finds_only_that_person(world, role):
    """The allowed roles' POST (the one every other role is refused in the table) returns
    that reporter's data, whatever the privacy level, and nobody else's."""
    client = world.clients[role]
    for target in world.targets:
        response = client.post(reverse("privacy:export"), PERSON_LOOKUP(world, target, role))
        assert response.status_code == 200, (role, target.privacy)
        assert response["Content-Type"].startswith("application/json")
        text = body(response)
        assert PLANTED[target.privacy][0] in text
        assert target.complaint.tracking_code in text
        for other in world.targets:
            if other is not target:
                assert other.complaint.tracking_code not in text
                assert not [m for m in identity_markers(other.privacy) if m in text]


def test_only_verifiers_release_a_report_held_as_spam(world, submit):
    """A report held as spam: only verifiers and administrators find it in the spam queue
    and release it; every other role's attempt is refused and changes nothing."""
    held = submit(
        description=f"Laporan mencurigakan {RAHASIA_MARKER} dengan banyak tautan promosi.",
        reporter_name="Darsono Penandaspam",
        reporter_phone="0812-9004-4004",
        spam_reasons=["honeypot"],
    ).complaint
    assert held.held_as_spam
    queue = reverse("complaints:inbox", kwargs={"queue": "spam"})
    url = reverse("complaints:act", kwargs={"code": held.tracking_code, "action": "release_spam"})
    allowed = ACTIONS["release_spam"][0]
    problems = []
    for role in ROLES:
        listed = held.tracking_code in body(world.clients[role].get(queue))
        if listed != (role in allowed):
            problems.append(f"{role}: in the spam queue: {listed}")
    for role in ROLES:
        if role in allowed:
            continue
        before = _fingerprint()
        response = world.clients[role].post(url, {"release_spam-note": "Bukan spam."})
        if not (refused(response) or 400 <= response.status_code < 500):
            problems.append(f"POST {url} as {role}: {response.status_code}")
        if _fingerprint() != before:
            problems.append(f"POST {url} as {role}: changed a complaint or its timeline")
    assert not problems, "\n".join(problems)
    for role in sorted(allowed):
        complaint = submit(description="Jalan berlubang di depan sekolah.", spam_reasons=["x"])
        release = reverse(
            "complaints:act",
            kwargs={"code": complaint.complaint.tracking_code, "action": "release_spam"},
        )
        response = world.clients[role].post(release, {"release_spam-note": "Bukan spam."})
        assert response.status_code == 302, role
        complaint.complaint.refresh_from_db()
        assert not complaint.complaint.held_as_spam
        assert complaint.complaint.events.filter(kind="spam_released", actor__isnull=False)
