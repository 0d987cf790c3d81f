"""My requests, one request's detail, Buat Permintaan and Kirim Ulang, through the page's form."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from loket.accounts.models import Role, UnitRole
from loket.catalog.models import Service
from loket.portal import ratelimit, security
from loket.requests import workflow
from loket.requests.forms import RequestForm
from loket.requests.models import ServiceRequest
from loket.requests.presenters import sees_everything, timeline_for

from ..errors import FormInvalid, responses
from ..schemas import RequestDetailOut, RequestOut

router = Router(tags=["requests"])
MY_REQUESTS_LIMIT = 200


class RequestIn(Schema):
    """The Buat Permintaan form's fields; `application` is an id from /catalog/applications."""

    service: str
    application: int | None = None
    subject: str
    description: str
    desired_features: str = ""
    letter_number: str
    letter_date: datetime.date
    signatory_name: str
    signatory_position: str
    requesting_unit: str
    whatsapp: str


class RevisionIn(Schema):
    """Kirim Ulang: only what changes; the rest keeps its current value."""

    application: int | None = None
    subject: str | None = None
    description: str | None = None
    desired_features: str | None = None
    letter_number: str | None = None
    letter_date: datetime.date | None = None
    signatory_name: str | None = None
    signatory_position: str | None = None
    requesting_unit: str | None = None
    whatsapp: str | None = None
    note: str = ""


class StaffOut(Schema):
    id: int
    name: str


def visible(user, ticket: str) -> ServiceRequest:
    """The request if `user` may see it; another unit's or requester's is a 404."""
    found = ServiceRequest.objects.visible_to(user).select_related(
        "service", "unit", "requester", "application"
    )
    return get_object_or_404(found, ticket=ticket)


def detail(req: ServiceRequest, user) -> ServiceRequest:
    """`req` with what the request page shows this user: actions, timeline, files."""
    sees_all = sees_everything(req, user)
    req.api_actions = workflow.available_actions(req, user)
    req.api_timeline = timeline_for(req, internal=sees_all)
    for event in req.api_timeline:
        event.shown_actor = str(event.actor) if sees_all and event.actor else None
    req.api_files = list(req.files.all())
    current = req.dispositions.filter(is_current=True).prefetch_related("staff")
    req.api_disposition = current.first() if sees_all else None
    return req


@router.get("/requests", response=responses({200: list[RequestOut]}, 401))
def my_requests(request):
    """Riwayat Saya: the caller's own requests, newest first."""
    mine = ServiceRequest.objects.filter(requester=request.auth).for_lists()
    return mine[:MY_REQUESTS_LIMIT]


@router.get("/requests/{ticket}", response=responses({200: RequestDetailOut}, 401, 404))
def request_detail(request, ticket: str):
    return detail(visible(request.auth, ticket), request.auth)


@router.post("/requests", response=responses({201: RequestDetailOut}, 400, 401, 403, 409, 422, 429))
def create(
    request,
    payload: Form[RequestIn],
    letter: File[UploadedFile],
    supporting: File[list[UploadedFile]] = None,
):
    """Buat Permintaan (multipart/form-data): the signed letter, and up to 5 supporting files."""
    if not ratelimit.hit(request, "request_create", user=request.auth):
        security.log_event("rate_limited", request, user_id=request.auth.pk)
        raise HttpError(429, _("Too many attempts. Please wait a few minutes and try again."))
    service = Service.objects.for_cards().filter(slug=payload.service).first()
    if service is None:
        raise FormInvalid({"service": [_("No active service has this slug.")]})
    form = RequestForm(request.POST, request.FILES, service=service)
    if not form.is_valid():
        raise FormInvalid.of(form)
    req = workflow.submit(
        service,
        requester=request.auth,
        details=form.details(),
        letter=form.cleaned_data["letter"],
        supporting=form.cleaned_data["supporting"],
    )
    return Status(201, detail(visible(request.auth, req.ticket), request.auth))


@router.post(
    "/requests/{ticket}/resubmit",
    response=responses({200: RequestDetailOut}, 400, 401, 403, 404, 409, 422),
)
def resubmit(
    request,
    ticket: str,
    payload: Form[RevisionIn],
    letter: File[UploadedFile] = None,
    supporting: File[list[UploadedFile]] = None,
):
    """Kirim Ulang (multipart/form-data) after a return: a new letter is optional."""
    req = visible(request.auth, ticket)
    if not workflow.may("resubmit", req, request.auth):
        raise PermissionDenied
    current = {name: getattr(req, name) for name in RequestForm.base_fields if hasattr(req, name)}
    current["application"] = req.application_id
    sent = {name: value for name, value in payload.model_dump().items() if value is not None}
    form = RequestForm(
        {**current, **sent}, request.FILES, service=req.service, letter_required=False
    )
    if not form.is_valid():
        raise FormInvalid.of(form)
    workflow.resubmit(
        req,
        by=request.auth,
        details=form.details(),
        letter=form.cleaned_data["letter"],
        supporting=form.cleaned_data["supporting"],
        note=payload.note,
    )
    return detail(visible(request.auth, ticket), request.auth)


@router.get("/requests/{ticket}/staff", response=responses({200: list[StaffOut]}, 401, 403, 404))
def staff(request, ticket: str):
    """Whom the Direktur can dispose this request to (the unit's staff)."""
    req = visible(request.auth, ticket)
    if not workflow.may("dispose", req, request.auth):
        raise PermissionDenied
    roles = UnitRole.objects.filter(unit_id=req.unit_id, role=Role.STAFF).select_related("user")
    return [{"id": role.user_id, "name": str(role.user)} for role in roles]
