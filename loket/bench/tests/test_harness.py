"""The bench's own parts: its report, its ceiling, its sessions and its upload body."""

import json
from http import HTTPStatus

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.bench import load, report, scenarios, sessions
from loket.requests.forms import checked_upload
from loket.requests.models import ServiceRequest

WRK_OUTPUT = """Running 15s test @ http://127.0.0.1:8300
  1 threads and 10 connections
WRK-JSON {"requests": 3000, "sent": 3010, "duration_us": 15000000, "bytes": 1, \
"p50_us": 4100, "p90_us": 9000, "p95_us": 12500, "p99_us": 30000, "max_us": 41000, \
"mean_us": 5000.0, "errors": {"connect": 0, "read": 1, "write": 0, "timeout": 2, "status": 0, \
"unexpected": 3}, "statuses": {"200": 2997, "500": 3}}
"""


def test_it_reads_wrks_summary():
    measured = load.parse(WRK_OUTPUT)
    assert measured.rate == 200
    assert (measured.p50_ms, measured.p95_ms, measured.p99_ms) == (4.1, 12.5, 30.0)
    assert measured.errors == 6  # a read error, two timeouts and three answers not expected
    assert measured.statuses == {"200": 2997, "500": 3}


def test_it_refuses_output_without_a_summary():
    with pytest.raises(RuntimeError, match="no summary"):
        load.parse("Running 15s test\n")


def measured(rate: float, p95: float, errors: int = 0) -> load.Measured:
    return load.Measured(
        int(rate * 10),
        int(rate * 10),
        10.0,
        p95 / 2,
        p95,
        p95 * 2,
        p95 * 3,
        errors,
        {"200": int(rate * 10)},
    )


@pytest.mark.parametrize(
    "name, rate, p95, errors, met",
    [
        ("home", 600, 5, 0, True),
        ("home", 590, 5, 0, False),  # under 60% of the ceiling
        ("inbox", 200, 99, 0, True),
        ("inbox", 200, 101, 0, False),  # p95 over 100 ms
        ("inbox", 190, 50, 0, False),  # under 20%
        ("create", 10, 249, 0, True),
        ("create", 10, 249, 1, False),  # an error
        ("ikm", 1, 900, 0, None),  # no target
    ],
)
def test_it_judges_each_scenario_against_the_issues_targets(name, rate, p95, errors, met):
    row = report.row(name, name, measured(rate, p95, errors), ceiling=1000)
    assert row.ratio == rate / 1000
    assert row.met is met


def test_the_table_and_the_comparison_of_two_sizes(tmp_path):
    rows = [
        report.row("inbox", "Admin Unit inbox", measured(300, 40), 1000),
        report.unavailable("dashboard", "Direktur dashboard", "404 in this build"),
    ]
    table = report.table(rows)
    assert "| Admin Unit inbox | 300 | 20.0 | 40.0 | 80.0 | 0 | 1,000 | 0.30 |" in table
    assert "not available: 404 in this build" in table
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    report.write_json(small, meta={"requests": 10_000}, rows=rows, checks={})
    slow = [report.row("inbox", "Admin Unit inbox", measured(100, 90), 1000)]
    report.write_json(large, meta={"requests": 1_000_000}, rows=slow, checks={})
    compared = report.compare(json.loads(small.read_text()), json.loads(large.read_text()))
    assert "| Admin Unit inbox | 300 | 100 | 40.0 | 90.0 | ×3.00 | **no** |" in compared


@pytest.mark.django_db
def test_the_ceiling_is_not_routed_in_a_normal_portal(client):
    assert not settings.LOKET_BENCH
    assert client.get("/bench/ceiling/").status_code == HTTPStatus.NOT_FOUND


def test_the_ceiling_answers_a_constant_page(rf):
    from loket.bench.views import BODY, ceiling

    assert ceiling(rf.get("/bench/ceiling/")).content == BODY


@pytest.mark.django_db
def test_a_bench_session_is_signed_in_with_two_factor_as_the_real_sign_in_leaves_it(
    client, unit_admin
):
    key = sessions.sign_in(unit_admin, secret_key=settings.SECRET_KEY)
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    assert client.get("/kotak-masuk/").status_code == HTTPStatus.OK
    methods = [r["method"] for r in client.session["account_authentication_methods"]]
    assert methods == ["password", "mfa"]


@pytest.mark.django_db
def test_a_bench_session_is_worthless_under_another_secret_key(client, requester):
    key = sessions.sign_in(requester, secret_key="x" * 60)
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    assert client.get("/riwayat/").status_code == HTTPStatus.FOUND  # to the sign-in page


def test_the_bench_letter_is_a_300_kb_pdf_that_passes_every_upload_check():
    pdf = scenarios.letter_pdf()
    assert 280_000 <= len(pdf) <= 320_000
    upload = checked_upload(SimpleUploadedFile("surat.pdf", pdf, content_type="application/pdf"))
    assert upload.checked.content_type == "application/pdf"


@pytest.mark.django_db
def test_the_scenarios_request_body_files_a_request(
    client, requester, upgrade_service, application
):
    from loket.requests.tests.test_create_request import form_data

    csrf = sessions.csrf_secret()
    fields = form_data(application, letter_number="BENCH-run-@@N@@")
    del fields["letter"]
    body, content_type = scenarios.multipart(
        {**fields, "csrfmiddlewaretoken": csrf},
        {"letter": ("surat.pdf", scenarios.letter_pdf(20_000), "application/pdf")},
    )
    client.force_login(requester)
    client.cookies[settings.CSRF_COOKIE_NAME] = csrf
    body = body.replace(b"@@N@@", b"1-1")
    response = client.generic(
        "POST", f"/layanan/{upgrade_service.slug}/permintaan/", body, content_type
    )
    assert response.status_code == HTTPStatus.FOUND
    assert ServiceRequest.objects.get(letter_number="BENCH-run-1-1").requester == requester
    assert scenarios.check_created("run", answered=1, sent=1)["exactly_once"]
