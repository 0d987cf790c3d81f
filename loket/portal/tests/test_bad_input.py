"""Property-based bad input (hypothesis) for every form: never a 500, and whatever is stored
comes back escaped on every page that shows it.

Each form is posted with generated values: arbitrary text (control characters, other scripts,
very long), markup meant to run in a browser, and values of the wrong kind. The examples are
derandomized, so a run is reproducible; `HYPOTHESIS_EXAMPLES` raises their number.
"""

import datetime
import os
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.complaints.models import Complaint
from loket.requests.tests.test_create_request import form_data

from .authz import COMPLAINT_ACTIONS, World

pytestmark = pytest.mark.django_db
MARKUP = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "'><iframe src=//evil.example></iframe>",
    '<a href="javascript:alert(1)">klik</a>',
)
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "15"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text a person could type or paste, or a crafted request could carry.
any_text = st.text(max_size=300)
markup = st.builds(
    lambda before, tag, after: before + tag + after,
    st.text(max_size=20),
    st.sampled_from(MARKUP),
    st.text(max_size=20),
)
wrong_kind = st.sampled_from(["", " ", "0", "-1", "9" * 40, "2026-13-45", "null", "[]", "\x00"])
value = st.one_of(markup, any_text, wrong_kind)


def values_for(*names: str):
    return st.fixed_dictionaries({}, optional=dict.fromkeys(names, value))


@pytest.fixture
def world(db, settings):
    settings.LOKET_RATE_LIMITS = {}
    settings.ACCOUNT_RATE_LIMITS = False
    return World()


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def no_server_error(response) -> None:
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR


def assert_escaped(pages: list[tuple[Client, str]]) -> None:
    """None of the markup came back as markup."""
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        html = response.content.decode()
        for tag in MARKUP:
            assert tag not in html, f"{url} renders {tag!r} as markup"


REQUEST_FIELDS = (
    "subject",
    "description",
    "desired_features",
    "letter_number",
    "letter_date",
    "signatory_name",
    "signatory_position",
    "requesting_unit",
    "whatsapp",
    "application",
)


def test_buat_permintaan_survives_any_input(world):
    owner = signed_in(world.owner)
    admin = signed_in(world.users["unit_admin"])
    url = reverse("requests:new", args=[world.service.slug])

    @SETTINGS
    @given(values_for(*REQUEST_FIELDS))
    def post(values):
        response = owner.post(url, form_data(world.application) | values)
        no_server_error(response)
        if response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY:
            assert all(tag not in response.content.decode() for tag in MARKUP)

    post()
    latest = world.owner.service_requests.order_by("-pk").first()
    assert_escaped(
        [
            (owner, latest.get_absolute_url()),
            (owner, reverse("requests:history")),
            (owner, reverse("notifications:centre")),
            (admin, latest.get_absolute_url()),
            (admin, reverse("requests:inbox")),
            (admin, reverse("search:search") + "?q=a"),
        ]
    )


def test_walk_in_intake_survives_any_input(world):
    admin = signed_in(world.users["unit_admin"])
    url = reverse("requests:walk_in_service", args=[world.service.slug])
    person = {
        "requester-email": "tamu@example.ac.id",
        "requester-full_name": "Tamu Loket",
    }

    @SETTINGS
    @given(values_for(*REQUEST_FIELDS, "requester-email", "requester-full_name"))
    def post(values):
        no_server_error(admin.post(url, form_data(world.application) | person | values))

    post()
    assert_escaped([(admin, reverse("requests:inbox"))])


ACTION_FIELDS = {
    "verify": ("verify-note", "verify-signed", "verify-stamped"),
    "return_for_revision": ("return_for_revision-reason", "return_for_revision-failed_rules"),
    "reject": ("reject-reason",),
    "forward": ("forward-note",),
    "dispose": (
        "dispose-staff",
        "dispose-instructions",
        "dispose-urgency",
        "dispose-due_date",
        "dispose-note",
    ),
    "start_work": ("start_work-note",),
    "add_note": ("add_note-note", "add_note-public"),
    "complete": ("complete-summary",),
    "cancel": ("cancel-note",),
}
ACTOR = {
    "verify": ("unit_admin", "submitted"),
    "return_for_revision": ("unit_admin", "submitted"),
    "reject": ("unit_admin", "submitted"),
    "forward": ("unit_admin", "verified"),
    "dispose": ("director", "forwarded"),
    "start_work": ("staff", "disposed"),
    "add_note": ("staff", "in_progress"),
    "complete": ("staff", "in_progress"),
    "cancel": ("owner", "submitted"),
}


@pytest.mark.parametrize("action", sorted(ACTION_FIELDS))
def test_each_workflow_form_survives_any_input(world, action):
    persona, state = ACTOR[action]
    req = world.fresh(state)
    actor = signed_in(world.users[persona])
    url = reverse("requests:act", args=[req.ticket, action])

    @SETTINGS
    @given(values_for(*ACTION_FIELDS[action]))
    def post(values):
        response = actor.post(url, values)
        no_server_error(response)
        assert all(tag not in response.content.decode() for tag in MARKUP)

    post()
    assert_escaped(
        [(actor, req.get_absolute_url()), (signed_in(world.owner), req.get_absolute_url())]
    )


COMPLAINT_FIELDS = ("subject", "description", "related_request", "hide_identity")


def test_buat_keluhan_survives_any_input(world):
    owner = signed_in(world.owner)
    admin = signed_in(world.users["unit_admin"])
    url = reverse("complaints:new", args=[world.service.slug])
    base = {"subject": "Antrean lama", "description": "Menunggu dua jam."}

    @SETTINGS
    @given(values_for(*COMPLAINT_FIELDS))
    def post(values):
        response = owner.post(url, base | values)
        no_server_error(response)
        if response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY:
            assert all(tag not in response.content.decode() for tag in MARKUP)

    post()
    latest = Complaint.objects.filter(complainant=world.owner).order_by("-pk").first()
    assert_escaped(
        [
            (owner, latest.get_absolute_url()),
            (owner, reverse("requests:history")),
            (admin, latest.get_absolute_url()),
            (admin, reverse("requests:inbox")),
        ]
    )


COMPLAINT_ACTION_FIELDS = {
    "verify": ("verify-note",),
    "not_our_remit": ("not_our_remit-unit", "not_our_remit-note"),
    "reject": ("reject-reason",),
    "assign": ("assign-staff", "assign-note"),
    "extend": ("extend-reason",),
    "answer": ("answer-text",),
    "reopen": ("reopen-reason",),
    "confirm": ("confirm-note",),
}


@pytest.mark.parametrize("action", sorted(COMPLAINT_ACTION_FIELDS))
def test_each_complaint_form_survives_any_input(world, action):
    start = COMPLAINT_ACTIONS[action].start
    complaint = world.fresh_complaint(start)
    persona = "owner" if action in ("reopen", "confirm") else "unit_admin"
    actor = signed_in(world.users[persona])
    url = reverse("complaints:act", args=[complaint.ticket, action])

    @SETTINGS
    @given(values_for(*COMPLAINT_ACTION_FIELDS[action]))
    def post(values):
        response = actor.post(url, values)
        no_server_error(response)
        assert all(tag not in response.content.decode() for tag in MARKUP)

    post()
    assert_escaped(
        [
            (actor, complaint.get_absolute_url()),
            (signed_in(world.owner), complaint.get_absolute_url()),
        ]
    )


def test_the_profile_survives_any_input(world):
    owner = signed_in(world.owner)
    url = reverse("profile")

    @SETTINGS
    @given(values_for("full_name", "identity_number", "origin", "whatsapp", "language"))
    def post(values):
        no_server_error(owner.post(url, values))

    post()
    assert_escaped([(owner, url), (owner, reverse("requests:new", args=[world.service.slug]))])


def test_registration_survives_any_input(world):
    visitor = Client()
    url = reverse("account_signup")

    @SETTINGS
    @given(values_for("email", "username", "password1", "password2"))
    def post(values):
        response = visitor.post(url, values)
        no_server_error(response)
        assert all(tag not in response.content.decode() for tag in MARKUP)

    post()


def test_the_questionnaire_survives_any_input(world):
    owner = signed_in(world.owner)
    req = world.fresh("completed")
    url = reverse("surveys:questionnaire", args=[req.ticket])
    fields = [f"u{n}" for n in range(1, 10)] + [
        "suggestion",
        "gender",
        "age_group",
        "education",
        "occupation",
    ]

    @SETTINGS
    @given(values_for(*fields))
    def post(values):
        response = owner.post(url, values)
        no_server_error(response)
        assert all(tag not in response.content.decode() for tag in MARKUP)

    post()
    report = reverse("surveys:report") + f"?unit={world.unit.slug}&jenis=tahun"
    assert_escaped([(signed_in(world.users["director"]), report)])


def test_search_survives_any_input(world):
    pages = [Client(), signed_in(world.users["unit_admin"])]

    @SETTINGS
    @given(values_for("q", "type", "status", "service", "since", "until", "page"))
    def search(values):
        for client in pages:
            response = client.get(reverse("search:search"), values)
            no_server_error(response)
            assert all(tag not in response.content.decode() for tag in MARKUP)

    search()


def test_token_creation_and_preferences_survive_any_input(world):
    owner = signed_in(world.owner)

    @SETTINGS
    @given(values_for("name"), values_for("by_whatsapp", "by_email"))
    def post(token, preferences):
        no_server_error(owner.post(reverse("api_tokens"), token))
        no_server_error(owner.post(reverse("notifications:preferences"), preferences))

    post()
    assert_escaped([(owner, reverse("api_tokens")), (owner, reverse("notifications:preferences"))])


def test_markup_stored_through_a_form_comes_back_escaped(world):
    """The property above, shown once with every payload at the same time."""
    owner = signed_in(world.owner)
    subject = " ".join(MARKUP)[:200]
    data = form_data(world.application, subject=subject, description="\n".join(MARKUP))
    response = owner.post(reverse("requests:new", args=[world.service.slug]), data)
    assert response.status_code == HTTPStatus.FOUND
    stored = world.owner.service_requests.get(subject=subject)
    assert stored.description == "\n".join(MARKUP)
    assert_escaped([(owner, stored.get_absolute_url()), (owner, reverse("requests:history"))])
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;"
        in owner.get(stored.get_absolute_url()).content.decode()
    )


def test_dates_far_outside_the_calendar_are_refused_not_crashed(world):
    owner = signed_in(world.owner)
    for day in ("0001-01-01", "9999-12-31", str(datetime.date.max), "2026-02-30"):
        data = form_data(world.application, letter_date=day)
        no_server_error(owner.post(reverse("requests:new", args=[world.service.slug]), data))
