"""Acceptance 1: every page a role uses links to a guide section that exists."""

from html.parser import HTMLParser
from urllib.parse import urldefrag

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from loket.complaints.models import Complaint
from loket.complaints.models import Status as ComplaintStatus
from loket.guides import content, links
from loket.requests.models import ServiceRequest, Status
from loket.requests.views import ACTION_FORMS

pytestmark = pytest.mark.django_db
LANGUAGES = ["id", "en"]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.help, self.ids, self.steps = [], set(), 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        classes = (attrs.get("class") or "").split()
        if tag == "a" and "help-link" in classes:
            self.help.append(attrs["href"])
            self.steps += "step-help" in classes


def parse(response) -> Links:
    parser = Links()
    parser.feed(response.content.decode())
    return parser


def pages_of(username: str, people: dict) -> list[str]:
    """What each demo account opens in its day's work (paths in Indonesian)."""
    upgrade = reverse("catalog:service", args=["layanan-upgrade-aplikasi"])
    if username == "pemohon":
        mine = ServiceRequest.objects.filter(requester=people["pemohon"])
        returned = mine.get(status=Status.RETURNED)
        completed = mine.get(status=Status.COMPLETED)
        complaints = Complaint.objects.filter(complainant=people["pemohon"])
        return [
            upgrade,
            reverse("requests:new", args=["layanan-upgrade-aplikasi"]),
            reverse("requests:history"),
            *[r.get_absolute_url() for r in mine],
            reverse("requests:resubmit", args=[returned.ticket]),
            reverse("surveys:questionnaire", args=[completed.ticket]),
            reverse("profile"),
            reverse("notifications:centre"),
            reverse("notifications:preferences"),
            reverse("complaints:new", args=["layanan-upgrade-aplikasi"]),
            *[c.get_absolute_url() for c in complaints],
        ]
    if username == "superadmin":
        return [reverse("admin:index"), reverse("admin:catalog_unit_changelist")]
    unit_pages = [r.get_absolute_url() for r in ServiceRequest.objects.all()]
    if username == "staf":
        unit_pages = [
            r.get_absolute_url()
            for r in ServiceRequest.objects.in_inbox_of(people["staf"], "staff")
        ]
    complaints = Complaint.objects.visible_to(people[username])
    pages = [reverse("requests:inbox"), *unit_pages, *[c.get_absolute_url() for c in complaints]]
    if username == "adminunit":
        pages += [
            reverse("admin:index"),
            reverse("admin:catalog_service_changelist"),
            reverse("requests:walk_in"),
            reverse("requests:walk_in_service", args=["layanan-upgrade-aplikasi"]),
            reverse("surveys:report"),
            reverse("dashboards:index"),
            reverse("dashboards:requests"),
            reverse("complaints:report"),
            reverse("dashboards:complaints") + "?due=overdue",
        ]
    if username == "direktur":
        pages += [
            reverse("surveys:report"),
            reverse("dashboards:index"),
            reverse("dashboards:requests"),
            reverse("complaints:report"),
            reverse("dashboards:complaints") + "?due=overdue",
        ]
    return pages


def in_language(path: str, language: str) -> str:
    # The Admin Panel has no language prefix: it follows the person's language cookie.
    return path if language == "id" or path.startswith("/admin/") else f"/en{path}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "username", ["pemohon", "adminunit", "direktur", "staf", "superadmin", None]
)
def test_every_page_links_to_a_guide_section_that_exists(client, demo, username, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language  # as the header's switch leaves it
    if username:
        client.force_login(demo[username])
        pages = pages_of(username, demo)
    else:
        pages = [reverse("account_login"), reverse("account_signup")]
    guides = {}
    for path in pages:
        response = client.get(in_language(path, language))
        assert response.status_code == 200, path
        found = parse(response)
        assert found.help, f"{path} ({language}) has no help link"
        for href in found.help:
            page, anchor = urldefrag(href)
            assert page.startswith(in_language("/panduan/", language)), href
            if page not in guides:
                guide = client.get(page)
                assert guide.status_code == 200, href
                guides[page] = parse(guide).ids
            assert anchor in guides[page], f"{path} links to {href}, which has no #{anchor}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_action_form_on_the_request_page_has_its_help(client, demo, language):
    client.force_login(demo["adminunit"])
    req = ServiceRequest.objects.get(status=Status.SUBMITTED, requester__username="pemohon")
    response = client.get(in_language(req.get_absolute_url(), language))
    html = response.content.decode()
    for action in ("verify", "return_for_revision", "reject"):
        role, anchor = links.ACTIONS[action]
        assert f'href="{in_language(f"/panduan/{role}/", language)}#{anchor}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("username", "status", "target"),
    [
        ("adminunit", ComplaintStatus.RECEIVED, ("admin-unit", "keluhan")),
        ("pemohon", ComplaintStatus.ANSWERED, ("pemohon", "buat-keluhan")),
    ],
)
def test_each_action_form_on_the_complaint_page_has_its_help(
    client, demo, language, username, status, target
):
    client.force_login(demo[username])
    complaint = Complaint.objects.get(status=status)
    response = client.get(in_language(complaint.get_absolute_url(), language))
    html = response.content.decode()
    forms = html.count('class="panel action-panel"')
    assert forms >= 2, "the demo complaint offers its actions"
    role, anchor = target
    link = f'href="{in_language(f"/panduan/{role}/", language)}#{anchor}"'
    assert html.count(link) == forms + 1, "each action form and the page link to the section"


def test_the_demo_staff_sees_the_complaints_assigned_to_them(demo):
    assigned = Complaint.objects.visible_to(demo["staf"])
    assert assigned.exists() and set(assigned) == set(
        Complaint.objects.filter(assigned_staff=demo["staf"])
    )


def test_every_action_of_the_workflow_has_a_guide_section():
    for action in [*ACTION_FORMS, "resubmit"]:
        role, anchor = links.ACTIONS[action]
        for language in LANGUAGES:
            assert content.guide(role, language).section(anchor), (action, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_procedure_step_says_what_the_requester_does(client, demo, language):
    response = client.get(
        in_language(reverse("catalog:service", args=["layanan-upgrade-aplikasi"]), language)
    )
    found = parse(response)
    steps = [urldefrag(href).fragment for href in found.help if "#" in href][-found.steps :]
    # SOP#24: submit, send or deliver the letter, (verification) revise if returned, then
    # follow while the Director and staff work, and answer the questionnaire at the end.
    assert steps == [
        "buat-permintaan",
        "antar-langsung",
        "perbaiki-permintaan",
        "ikuti-permintaan",
        "ikuti-permintaan",
        "ikuti-permintaan",
        "isi-kuesioner",
    ]


def test_every_demo_procedure_step_maps_to_a_section(demo):
    from loket.catalog.models import StandardRevision

    for revision in StandardRevision.objects.all():
        for language in LANGUAGES:
            with translation.override(language):
                lines = [line for line in revision.procedure.splitlines() if line.strip()]
            for line in lines:
                role, anchor = links.for_step(line)
                assert content.guide(role, language).section(anchor), line


def test_a_help_link_to_a_missing_section_is_an_error_not_a_dead_link():
    with pytest.raises(content.UnknownSection):
        links.url("pemohon", "no-such-section")
    with pytest.raises(content.UnknownSection):
        links.url("nobody", "kotak-masuk")
