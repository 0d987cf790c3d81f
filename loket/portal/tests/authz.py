"""The authorization matrix: who may open which URL, on which object (PRODUCT.md section 4).

`World` builds one unit (DTIK) with its Admin Unit, Direktur and Staf, another unit (PERPUS) with
the same three roles, two requesters and a superadmin (`PERSONAS`), and one request of the owner
in each of `STATES`, with its letter, its notifications, the owner's API token and questionnaire
link; and two complaints of the owner (`COMPLAINT_STATES`), each with a file: one received, one
answered by the staff member it was assigned to, whose complainant withheld their identity.
Every request's ticket, subject and (on object pages) its requester's name are the
"secrets": a refused persona must not find them in the body. A row's `names` narrows who may
find the name (a withheld complainant: only the owner and the unit's Admin Unit).

How to add a URL (test_authorization.py fails for a URL name that has no row here):

    URLS["complaints:detail"] = Row(
        opens=visible_complaint,                 # Who: (persona, state) -> bool, answered 200
        kwargs=lambda w, s: {"ticket": w.complaints[s].ticket},  # reverse() arguments
        states=("submitted", "answered"),        # which objects of World to try (default: all)
        sees=None,                               # who may find the secrets (default: opens)
        shows=None,                              # who must find them (default: opens & sees)
        secrets=lambda w, s: [...],              # default: ticket and subject of the request
    )

- `opens` is a `Who`: `anyone`, `signed_in`, `nobody`, `only("owner", "superadmin")`,
  `visible` (PRODUCT.md's request visibility), `unit_roles(...)`, or any function
  `(persona, state) -> bool`; `|` and `&` combine them.
- A refusal is 403, 404, 405 or a redirect (anonymous visitors: to the sign-in page), and its body
  carries no secret. `sees` is wider than nobody for list pages that open for many (the search,
  the inbox) but may show a given request only to some.
- `post=True` marks a URL that only changes state: its GET answers 405 to everyone, and
  test_csrf.py posts to it without a CSRF token. Who may post is checked by
  `test_each_workflow_action_is_taken_only_by_its_role` (`ACTIONS`, the workflow buttons) and
  `test_each_complaint_action_is_taken_only_by_its_role` (`COMPLAINT_ACTIONS`) and
  `test_only_the_owner_changes_their_own_things` (`OWNER_POSTS`: tokens, notifications,
  resubmission, questionnaire); pages with a form (`requests:new`, `profile`) keep their GET
  row, and their POST is covered by test_bad_input.py and test_csrf.py.
- `exempt="why"` leaves a URL out of the role checks with a reason (sign-in flows, SSO, the
  signed webhook); test_url_access.py still checks anonymous visitors there.
- `prefix` rows (a name ending in ":") classify every URL of a namespace (the Django admin).

API operations are keyed "METHOD /path" as the OpenAPI description at /api/v1/openapi.json
writes them (`API`), with the same Row fields; `kwargs` fill the path's {braces}.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from loket.accounts.models import Role
from loket.accounts.tests.factories import UserFactory, person_with_role
from loket.api import tokens
from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory, UnitFactory
from loket.complaints import workflow as complaints
from loket.complaints.models import TicketCounter
from loket.notifications.models import Message
from loket.requests import workflow
from loket.requests.forms import checked_upload
from loket.requests.tests import factories
from loket.surveys import links

PERSONAS = (
    "anonymous",
    "owner",
    "other_requester",
    "unit_admin",
    "director",
    "staff",
    "unit_admin_other",
    "director_other",
    "staff_other",
    "superadmin",
)
STATES = ("submitted", "returned", "disposed", "completed")
OWNER_NAME = "Sekar Kinasih Wulandari"


# Who: (persona, state) -> bool -------------------------------------------------------------
@dataclass(frozen=True)
class Who:
    test: Callable[[str, str], bool]
    label: str

    def __call__(self, persona: str, state: str) -> bool:
        return self.test(persona, state)

    def __or__(self, other: "Who") -> "Who":
        return Who(lambda p, s: self(p, s) or other(p, s), f"{self.label} | {other.label}")

    def __and__(self, other: "Who") -> "Who":
        return Who(lambda p, s: self(p, s) and other(p, s), f"{self.label} & {other.label}")


def only(*personas: str) -> Who:
    return Who(lambda p, s: p in personas, f"only{personas}")


def in_states(*states: str) -> Who:
    return Who(lambda p, s: s in states, f"in{states}")


anyone = Who(lambda p, s: True, "anyone")
nobody = Who(lambda p, s: False, "nobody")
signed_in = Who(lambda p, s: p != "anonymous", "signed_in")
# Staff see what is disposed to them; Admin Unit and Direktur all of their unit's requests.
disposed_to_staff = only("staff") & in_states("disposed", "completed")
visible = only("owner", "unit_admin", "director", "superadmin") | disposed_to_staff
unit_roles_here = only("unit_admin", "director") | disposed_to_staff
any_unit_role = only(
    "unit_admin", "director", "staff", "unit_admin_other", "director_other", "staff_other"
)
report_roles = only("unit_admin", "director", "superadmin")
unit_heads = only("unit_admin", "director", "unit_admin_other", "director_other", "superadmin")
# Complaints: the unit's Admin Unit and Direktur, the staff member it is assigned to, superadmins.
RECEIVED, ANSWERED = "complaint_received", "complaint_answered"
COMPLAINT_STATES = (RECEIVED, ANSWERED)
visible_complaint = only("owner", "unit_admin", "director", "superadmin") | (
    only("staff") & in_states(ANSWERED)
)
# The answered complaint's complainant asked to stay unknown (hide_identity).
complainant_known = only("owner", "unit_admin") | (visible_complaint & in_states(RECEIVED))


# Rows ----------------------------------------------------------------------------------------
def request_secrets(world: "World", state: str) -> list[str]:
    req = world.requests[state]
    return [req.ticket, req.subject]


def no_kwargs(world: "World", state: str) -> dict:
    return {}


@dataclass(frozen=True)
class Row:
    opens: Who = nobody
    kwargs: Callable[["World", str], dict] = no_kwargs
    states: tuple[str, ...] = STATES
    sees: Who | None = None
    shows: Who | None = None
    secrets: Callable[["World", str], list[str]] = request_secrets
    with_name: bool = False  # the requester's name is a secret too (pages of one request)
    names: Who | None = None  # who may find that name (default: may_see)
    query: str = ""
    post: bool = False
    binary: bool = False  # PDFs and files: the body is not searched for the secrets of a 200
    exempt: str = ""

    def may_see(self, persona: str, state: str) -> bool:
        return (self.sees or self.opens)(persona, state)

    def may_name(self, persona: str, state: str) -> bool:
        return (self.names or self.sees or self.opens)(persona, state)

    def must_show(self, persona: str, state: str) -> bool:
        if self.binary:
            return False
        if self.shows is not None:
            return self.shows(persona, state)
        return self.opens(persona, state) and self.may_see(persona, state)


def ticket(world, state):
    return {"ticket": world.requests[state].ticket}


def service_slug(world, state):
    return {"slug": world.service.slug}


def unit_slug(world, state):
    return {"slug": world.unit.slug}


def letter_of(world, state):
    req = world.requests[state]
    return {"ticket": req.ticket, "file_id": req.files.get(kind="letter").pk}


def complaint_ticket(world, state):
    return {"ticket": world.complaints[state].ticket}


def complaint_file(world, state):
    complaint = world.complaints[state]
    return {"ticket": complaint.ticket, "file_id": complaint.files.get().pk}


def complaint_secrets(world, state):
    complaint = world.complaints[state]
    return [complaint.ticket, complaint.subject]


def own_details(world, state):
    return [world.owner.email, world.owner.whatsapp]


def token_text(world, state):
    return [world.token.name]


ONE = ("submitted",)
SELF = "signed-in person's own account page (allauth); no other person's object is addressed"
SSO = "single sign-on endpoint reached by the identity provider; no object of Loket"

URLS: dict[str, Row] = {
    # Public pages: the catalog, search, the published index.
    "portal:home": Row(opens=anyone, states=ONE, sees=nobody),
    "catalog:services": Row(opens=anyone, states=ONE, sees=nobody),
    "catalog:service": Row(opens=anyone, kwargs=service_slug, states=ONE, sees=nobody),
    "catalog:units": Row(opens=anyone, states=ONE, sees=nobody),
    "catalog:unit": Row(opens=anyone, kwargs=unit_slug, states=ONE, sees=nobody),
    "surveys:unit": Row(opens=anyone, kwargs=unit_slug, states=ONE, sees=nobody),
    "guides:index": Row(opens=anyone, states=ONE, sees=nobody),
    "guides:guide": Row(
        opens=anyone, kwargs=lambda w, s: {"role": "admin-unit"}, states=ONE, sees=nobody
    ),
    "privacy_notice": Row(opens=anyone, states=ONE, sees=nobody),
    "search:search": Row(
        opens=anyone,
        query="?q={ticket}",
        sees=visible,
        shows=only("owner", "unit_admin", "superadmin"),
        secrets=lambda w, s: [w.requests[s].subject, w.requests[s].get_absolute_url()],
    ),
    # One request and what belongs to it.
    "requests:detail": Row(opens=visible, kwargs=ticket, with_name=True),
    "requests:receipt": Row(opens=visible, kwargs=ticket, binary=True),
    "requests:download": Row(opens=visible, kwargs=letter_of, binary=True),
    "requests:sheet": Row(opens=unit_roles_here, kwargs=ticket, with_name=True),
    "requests:sheet_pdf": Row(opens=unit_roles_here, kwargs=ticket, binary=True),
    "requests:resubmit": Row(opens=only("owner") & in_states("returned"), kwargs=ticket),
    "requests:act": Row(post=True, kwargs=lambda w, s: {**ticket(w, s), "action": "verify"}),
    "surveys:questionnaire": Row(opens=only("owner"), kwargs=ticket),
    "surveys:link": Row(
        # The signed link stands for the requester's sign-in (the completion message).
        opens=only("anonymous", "owner"),
        kwargs=lambda w, s: {"token": links.token_for(w.requests[s])},
    ),
    # Lists of the person's own things, and the unit's.
    "requests:history": Row(opens=signed_in, sees=only("owner")),
    "requests:inbox": Row(
        opens=any_unit_role,
        sees=unit_roles_here,
        shows=(only("unit_admin") & in_states("submitted"))
        | (only("staff") & in_states("disposed")),
    ),
    "requests:walk_in": Row(
        opens=only("unit_admin", "unit_admin_other"),
        states=ONE,
        sees=nobody,
    ),
    "requests:walk_in_service": Row(
        opens=only("unit_admin"), kwargs=service_slug, states=ONE, sees=nobody
    ),
    "requests:new": Row(opens=signed_in, kwargs=service_slug, states=ONE, sees=nobody),
    "notifications:centre": Row(opens=signed_in, sees=visible, shows=only("owner")),
    "notifications:preferences": Row(opens=signed_in, states=ONE, sees=nobody),
    "notifications:mark_read": Row(post=True, kwargs=lambda w, s: {"pk": w.message.pk}),
    "notifications:mark_all_read": Row(post=True),
    "surveys:report": Row(opens=report_roles, query="?unit=dtik", states=ONE, sees=nobody),
    "surveys:report_xlsx": Row(
        opens=report_roles, query="?unit=dtik", states=ONE, sees=nobody, binary=True
    ),
    "surveys:report_pdf": Row(
        opens=report_roles, query="?unit=dtik", states=ONE, sees=nobody, binary=True
    ),
    "surveys:publish": Row(post=True),
    # Complaints: the owner's, one received (identity shown) and one answered by the staff member
    # it was assigned to (identity withheld: the name is only the owner's and Admin Unit's).
    # The form offers the person's own requests for the service (the complaint may be about one).
    "complaints:new": Row(opens=signed_in, kwargs=service_slug, sees=only("owner")),
    "complaints:detail": Row(
        opens=visible_complaint,
        kwargs=complaint_ticket,
        states=COMPLAINT_STATES,
        secrets=complaint_secrets,
        with_name=True,
        names=complainant_known,
    ),
    "complaints:receipt": Row(
        opens=visible_complaint,
        kwargs=complaint_ticket,
        states=COMPLAINT_STATES,
        secrets=complaint_secrets,
        binary=True,
    ),
    "complaints:download": Row(
        opens=visible_complaint,
        kwargs=complaint_file,
        states=COMPLAINT_STATES,
        secrets=complaint_secrets,
        binary=True,
    ),
    "complaints:act": Row(
        post=True,
        kwargs=lambda w, s: {**complaint_ticket(w, "complaint_received"), "action": "verify"},
    ),
    # The report names no complaint; each unit role reads its own units' figures.
    "complaints:report": Row(opens=unit_heads, states=ONE, sees=nobody),
    "complaints:report_csv": Row(opens=unit_heads, states=ONE, sees=nobody),
    "complaints:report_xlsx": Row(opens=unit_heads, states=ONE, sees=nobody, binary=True),
    # Dasbor: the unit's Admin Unit and Direktur, superadmins; another unit's ?unit= is a 404.
    "dashboards:index": Row(opens=report_roles, query="?unit=dtik", states=ONE, sees=nobody),
    "dashboards:pdf": Row(
        opens=report_roles, query="?unit=dtik", states=ONE, sees=nobody, binary=True
    ),
    "dashboards:requests": Row(opens=report_roles, query="?unit=dtik", sees=report_roles),
    "dashboards:requests_csv": Row(opens=report_roles, query="?unit=dtik", sees=report_roles),
    "dashboards:requests_xlsx": Row(
        opens=report_roles, query="?unit=dtik", sees=report_roles, binary=True
    ),
    # The complaints behind a dashboard figure (integ-b): the dashboard's people, no complainant.
    "dashboards:complaints": Row(
        opens=report_roles, query="?unit=dtik&due=overdue", states=ONE, sees=nobody
    ),
    # Riwayat Saya and the search as files: exactly what their pages list to the person.
    "dashboards:history_csv": Row(opens=signed_in, sees=only("owner")),
    "dashboards:history_xlsx": Row(opens=signed_in, sees=only("owner"), binary=True),
    "dashboards:search_csv": Row(
        opens=signed_in,
        query="?q={ticket}",
        sees=visible,
        shows=only("owner", "unit_admin", "superadmin"),
    ),
    "dashboards:search_xlsx": Row(opens=signed_in, query="?q={ticket}", sees=visible, binary=True),
    # The person's own account.
    "profile": Row(
        opens=signed_in,
        states=ONE,
        sees=only("owner"),
        secrets=lambda w, s: [w.owner.email, w.owner.whatsapp],
    ),
    "api_tokens": Row(opens=signed_in, states=ONE, sees=only("owner"), secrets=token_text),
    "api_token_revoke": Row(post=True, kwargs=lambda w, s: {"pk": w.token.pk}),
    "my_data": Row(  # the page lists the consents; the data itself is in the downloads
        opens=signed_in,
        states=ONE,
        sees=only("owner"),
        shows=nobody,
        secrets=own_details,
    ),
    "my_data_json": Row(
        opens=signed_in,
        states=ONE,
        sees=only("owner"),
        secrets=own_details,
    ),
    "my_data_pdf": Row(opens=signed_in, states=ONE, sees=only("owner"), binary=True),
    "delete_account": Row(opens=signed_in, states=ONE, sees=nobody),
    "set_language": Row(exempt="switches the visitor's own language; no object"),
    "whatsapp_webhook": Row(exempt="Meta's webhook: refused without the app secret's signature"),
    "admin:": Row(exempt="the Admin Panel: UnitScopedAdmin, tested in accounts/test_admin_scoping"),
    "api:": Row(exempt="the API: checked operation by operation in API below"),
    "account_": Row(exempt=SELF),
    "mfa_": Row(exempt=SELF),
    "socialaccount_": Row(exempt=SELF),
    "saml_": Row(exempt=SSO),
    "openid_connect_": Row(exempt=SSO),
}


def row_for(name: str, table: dict[str, Row]) -> Row | None:
    """The URL name's own row, or the row of a prefix ("admin:", "account_") it starts with."""
    if name in table:
        return table[name]
    return next(
        (r for p, r in table.items() if p.endswith((":", "_")) and name.startswith(p)), None
    )


API: dict[str, Row] = {
    "GET /api/v1/catalog/units": Row(opens=anyone, states=ONE, sees=nobody),
    "GET /api/v1/catalog/services": Row(opens=anyone, states=ONE, sees=nobody),
    "GET /api/v1/catalog/services/{slug}": Row(
        opens=anyone, kwargs=service_slug, states=ONE, sees=nobody
    ),
    "GET /api/v1/catalog/applications": Row(opens=anyone, states=ONE, sees=nobody),
    "GET /api/v1/search": Row(
        opens=anyone,
        query="?q={ticket}",
        sees=visible,
        shows=only("owner", "unit_admin", "superadmin"),
        secrets=lambda w, s: [w.requests[s].subject],
    ),
    "GET /api/v1/requests": Row(opens=signed_in, sees=only("owner")),
    "GET /api/v1/requests/{ticket}": Row(opens=visible, kwargs=ticket, with_name=True),
    "GET /api/v1/requests/{ticket}/staff": Row(opens=only("director"), kwargs=ticket, sees=nobody),
    "GET /api/v1/inbox": Row(
        opens=any_unit_role,
        sees=unit_roles_here,
        shows=(only("unit_admin") & in_states("submitted"))
        | (only("staff") & in_states("disposed")),
    ),
    "GET /api/v1/notifications": Row(opens=signed_in, sees=visible, shows=only("owner")),
    "POST /api/v1/requests": Row(post=True),
    "GET /api/v1/complaints": Row(
        opens=signed_in,
        states=COMPLAINT_STATES,
        sees=only("owner"),
        secrets=complaint_secrets,
    ),
    "GET /api/v1/complaints/{ticket}": Row(
        opens=visible_complaint,
        kwargs=complaint_ticket,
        states=COMPLAINT_STATES,
        secrets=complaint_secrets,
        with_name=True,
        names=complainant_known,
    ),
    "POST /api/v1/complaints": Row(post=True),
    **{
        f"POST /api/v1/complaints/{{ticket}}/{action}": Row(post=True)
        for action in (
            "verify",
            "not_our_remit",
            "reject",
            "assign",
            "extend",
            "answer",
            "reopen",
            "confirm",
        )
    },
    "POST /api/v1/requests/{ticket}/resubmit": Row(post=True),
    "POST /api/v1/notifications/read": Row(post=True),
    "POST /api/v1/notifications/{message_id}/read": Row(post=True),
    **{
        f"POST /api/v1/requests/{{ticket}}/{action}": Row(post=True)
        for action in (
            "verify",
            "return_for_revision",
            "reject",
            "forward",
            "dispose",
            "start_work",
            "add_note",
            "complete",
            "cancel",
            "close",
        )
    },
}


# The workflow buttons: action -> (state it starts from, who may take it, page form data) ------
def _dispose_data(world):
    due = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    return {
        "dispose-staff": [world.roles["staff"].pk],
        "dispose-instructions": ["follow_up"],
        "dispose-urgency": "normal",
        "dispose-due_date": due,
    }


@dataclass(frozen=True)
class Action:
    start: str  # a World.fresh() state
    may: Who
    data: Callable[["World"], dict] = field(default=lambda w: {})
    api: dict = field(default_factory=dict)


CHECKLIST = ("signed", "stamped", "whatsapp_stated", "in_house_application", "academic_audience")
ACTIONS: dict[str, Action] = {
    "cancel": Action("submitted", only("owner")),
    "verify": Action(
        "submitted",
        only("unit_admin"),
        lambda w: {f"verify-{rule}": "on" for rule in CHECKLIST},
        dict.fromkeys(CHECKLIST, True),
    ),
    "return_for_revision": Action(
        "submitted",
        only("unit_admin"),
        lambda w: {
            "return_for_revision-reason": "Kurang cap",
            "return_for_revision-failed_rules": ["stamped"],
        },
        {"reason": "Kurang cap", "failed_rules": ["stamped"]},
    ),
    "reject": Action(
        "submitted",
        only("unit_admin"),
        lambda w: {"reject-reason": "Bukan aplikasi TIK"},
        {"reason": "Bukan aplikasi TIK"},
    ),
    "forward": Action("verified", only("unit_admin")),
    "dispose": Action("forwarded", only("director"), _dispose_data),
    "start_work": Action("disposed", only("staff")),
    "add_note": Action(
        "in_progress",
        only("staff"),
        lambda w: {"add_note-note": "Sedang diuji"},
        {"note": "Sedang diuji"},
    ),
    "complete": Action(
        "in_progress",
        only("staff"),
        lambda w: {"complete-summary": "Sudah dipasang"},
        {"summary": "Sudah dipasang"},
    ),
}


# The complaint page's buttons, the same way: action -> (complaint Status it starts from, who).
def _other_unit(world):
    return {"not_our_remit-unit": world.other_unit.pk}


COMPLAINT_ACTIONS: dict[str, Action] = {
    "verify": Action("received", only("unit_admin")),
    "not_our_remit": Action("received", only("unit_admin"), _other_unit, {"unit": "PERPUS"}),
    "reject": Action(
        "received",
        only("unit_admin"),
        lambda w: {"reject-reason": "Bukan keluhan layanan"},
        {"reason": "Bukan keluhan layanan"},
    ),
    "assign": Action(
        "verified",
        only("unit_admin"),
        lambda w: {"assign-staff": w.roles["staff"].pk},
        {"staff": None},  # the staff member's user id, filled in by the test
    ),
    "extend": Action(
        "verified",
        only("unit_admin"),
        lambda w: {"extend-reason": "Menunggu vendor"},
        {"reason": "Menunggu vendor"},
    ),
    # Jawab: the Admin Unit, or the staff member the complaint is assigned to.
    "answer": Action(
        "in_follow_up",
        only("unit_admin", "staff"),
        lambda w: {"answer-text": "Sudah ditangani"},
        {"text": "Sudah ditangani"},
    ),
    "reopen": Action(
        "answered",
        only("owner"),
        lambda w: {"reopen-reason": "Masih antre"},
        {"reason": "Masih antre"},
    ),
    "confirm": Action("answered", only("owner")),
}


# The world -----------------------------------------------------------------------------------
class World:
    """Everyone of PERSONAS and the owner's request in each of STATES (see the module's doc)."""

    def __init__(self) -> None:
        self.unit = UnitFactory(code="DTIK", slug="dtik", name_id="Direktorat TIK", name_en="ICT")
        other = UnitFactory(code="PERPUS", slug="perpus", name_id="Perpustakaan", name_en="Library")
        self.other_unit = other
        self.service = ServiceFactory(
            unit=self.unit, slug="layanan-upgrade-aplikasi", asks_for_application=True
        )
        ServiceFactory(unit=other, slug="peminjaman-buku")
        self.application = ApplicationFactory(owner_unit=self.unit, name="SIAKAD")
        self.owner = UserFactory(
            username="pemilik", full_name=OWNER_NAME, whatsapp="+6281299887766"
        )
        self.users = {
            "anonymous": None,
            "owner": self.owner,
            "other_requester": UserFactory(username="pemohonlain"),
            "unit_admin": person_with_role("adminunit", Role.UNIT_ADMIN, self.unit),
            "director": person_with_role("direktur", Role.DIRECTOR, self.unit),
            "staff": person_with_role("staf", Role.STAFF, self.unit, totp=False),
            "unit_admin_other": person_with_role("adminlain", Role.UNIT_ADMIN, other),
            "director_other": person_with_role("direkturlain", Role.DIRECTOR, other),
            "staff_other": person_with_role("staflain", Role.STAFF, other, totp=False),
            "superadmin": UserFactory(
                username="superadmin", is_staff=True, is_superuser=True, totp=True
            ),
        }
        self.roles = {"staff": self.users["staff"].unit_roles.get()}
        self.requests = {
            state: self.fresh(state, subject=f"Subjek-rahasia-{state}") for state in STATES
        }
        # Complaint numbers from 101: "K-DTIK-2026-000002" must not contain a request's ticket.
        TicketCounter.objects.create(unit=self.unit, year=timezone.localdate().year, last=100)
        self.complaints = {
            RECEIVED: self.fresh_complaint("received", subject="Keluhan-rahasia-diterima"),
            ANSWERED: self.fresh_complaint(
                "answered", subject="Keluhan-rahasia-dijawab", hide_identity=True
            ),
        }
        self.message = Message.objects.inbox_of(self.owner).first()
        self.token, _secret = tokens.issue(self.owner, name="Token-rahasia-pemilik")

    def fresh_complaint(
        self, state: str, *, subject: str = "Keluhan baru", hide_identity: bool = False
    ):
        """A new complaint of the owner, with one file, brought to `state` (a complaint Status)."""
        u = self.users
        details = complaints.Details(
            subject=subject, description="Antrean terlalu lama", hide_identity=hide_identity
        )
        upload = checked_upload(factories.pdf_file("bukti.pdf"))
        complaint = complaints.submit(
            self.service, complainant=self.owner, details=details, files=[upload]
        )
        if state == "received":
            return complaint
        complaint = complaints.verify(complaint, by=u["unit_admin"])
        if state == "verified":
            return complaint
        complaint = complaints.assign(complaint, by=u["unit_admin"], staff=u["staff"])
        if state == "in_follow_up":
            return complaint
        return complaints.answer(complaint, by=u["staff"], text="Loket antrean ditambah.")

    def fresh(self, state: str, *, subject: str = "Permintaan baru"):
        """A new request of the owner brought to `state` through the workflow functions."""
        u = self.users
        req = factories.submit(
            self.service, self.owner, application=self.application, subject=subject
        )
        if state == "submitted":
            return req
        if state == "returned":
            return workflow.return_for_revision(
                req, by=u["unit_admin"], failed_rules=["stamped"], reason="Kurang cap"
            )
        req = workflow.verify(req, by=u["unit_admin"], checklist=dict.fromkeys(CHECKLIST, True))
        if state == "verified":
            return req
        req = workflow.forward(req, by=u["unit_admin"])
        if state == "forwarded":
            return req
        order = workflow.DispositionOrder(
            staff=[u["staff"]],
            instructions=["follow_up"],
            urgency="normal",
            due_date=timezone.localdate() + datetime.timedelta(days=14),
        )
        workflow.dispose(req, by=u["director"], order=order)
        req.refresh_from_db()
        if state == "disposed":
            return req
        req = workflow.start_work(req, by=u["staff"])
        if state == "in_progress":
            return req
        return workflow.complete(req, by=u["staff"], summary="Sudah dipasang")
