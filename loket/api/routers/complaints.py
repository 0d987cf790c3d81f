"""Complaints (Buat Keluhan): my complaints, one complaint, filing one, and every workflow action;
each through the complaint page's own form, visibility and loket.complaints.workflow.

A withheld identity stays withheld here: `complainant` reads "Identity withheld" for everyone
but the complainant and the unit's Admin Unit, and so does the author of the complainant's steps.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from loket.accounts.models import Role, UnitRole
from loket.catalog.models import Service, Unit
from loket.complaints import workflow
from loket.complaints.forms import ComplaintForm
from loket.complaints.models import Complaint
from loket.complaints.presenters import (
    complainant_label,
    is_unit_side,
    shows_identity,
    timeline_for,
)
from loket.complaints.views import ACTION_FORMS, NEEDS_COMPLAINT, WORKFLOW, visible
from loket.portal import ratelimit, security

from ..errors import FormInvalid, responses

router = Router(tags=["complaints"])
MY_COMPLAINTS_LIMIT = 200


class ComplaintOut(Schema):
    ticket: str
    service: str
    unit: str
    subject: str
    status: str
    status_label: str
    verify_due: datetime.date
    answer_due: datetime.date
    extended: bool
    submitted_at: datetime.datetime
    url: str


class ComplaintEventOut(Schema):
    action: str
    label: str
    to_status: str
    note: str
    is_public: bool
    at: datetime.datetime
    by: str | None


class ComplaintFileOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    url: str


class ComplaintDetailOut(ComplaintOut):
    description: str
    complainant: str
    hide_identity: bool
    related_request: str | None
    answer: str
    assigned_staff: str | None
    referred_unit: str | None
    actions: list[str]
    timeline: list[ComplaintEventOut]
    files: list[ComplaintFileOut]


class NoteIn(Schema):
    note: str = ""


class ReasonIn(Schema):
    reason: str


class NotOurRemitIn(Schema):
    """Bukan Wewenang: the unit it belongs to, by its code (see /catalog/units)."""

    unit: str
    note: str = ""


class AssignIn(Schema):
    """Ditindaklanjuti: a staff member of the unit, by user id."""

    staff: int
    note: str = ""


class AnswerIn(Schema):
    text: str


class ComplaintIn(Schema):
    """The Buat Keluhan form's fields; `related_request` is the ticket of one's own request."""

    service: str
    subject: str
    description: str
    related_request: str = ""
    hide_identity: bool = False


def summary(complaint: Complaint) -> dict:
    fields = ("ticket", "subject", "status", "verify_due", "answer_due", "extended")
    return {
        **{field: getattr(complaint, field) for field in fields},
        "submitted_at": complaint.submitted_at,
        "service": complaint.service.slug,
        "unit": complaint.unit.code,
        "status_label": complaint.get_status_display(),
        "url": complaint.get_absolute_url(),
    }


def shown(complaint: Complaint, user) -> dict:
    """The complaint as its page shows it to `user`."""
    identity, unit_side = shows_identity(complaint, user), is_unit_side(complaint, user)
    related = complaint.related_request if identity else None
    return {
        **summary(complaint),
        "description": complaint.description,
        "complainant": complainant_label(complaint, user),
        "hide_identity": complaint.hide_identity,
        "related_request": related.ticket if related else None,
        "answer": complaint.answer,
        "assigned_staff": str(complaint.assigned_staff)
        if unit_side and complaint.assigned_staff_id
        else None,
        "referred_unit": complaint.referred_unit.code if complaint.referred_unit_id else None,
        "actions": workflow.available_actions(complaint, user),
        "timeline": [
            {
                "action": event.action,
                "label": event.label,
                "to_status": event.to_status,
                "note": event.note,
                "is_public": event.is_public,
                "at": event.created_at,
                "by": event.who or None,
            }
            for event in timeline_for(complaint, user, internal=unit_side)
        ],
        "files": [
            {
                "id": f.pk,
                "name": f.name,
                "content_type": f.content_type,
                "size": f.size,
                "url": f"{complaint.get_absolute_url()}berkas/{f.pk}/",
            }
            for f in complaint.files.all()
        ],
    }


@router.get("/complaints", response=responses({200: list[ComplaintOut]}, 401))
def my_complaints(request):
    """Riwayat Saya's complaints: the caller's own, newest first."""
    mine = Complaint.objects.filter(complainant=request.auth).for_lists()
    return [summary(complaint) for complaint in mine[:MY_COMPLAINTS_LIMIT]]


@router.get("/complaints/{ticket}", response=responses({200: ComplaintDetailOut}, 401, 404))
def complaint_detail(request, ticket: str):
    return shown(visible(request.auth, ticket), request.auth)


@router.post("/complaints", response=responses({201: ComplaintDetailOut}, 400, 401, 409, 422, 429))
def create(request, payload: Form[ComplaintIn], files: File[list[UploadedFile]] = None):
    """Buat Keluhan (multipart/form-data), with up to 5 supporting files."""
    if not ratelimit.hit(request, "complaint_create", user=request.auth):
        security.log_event("rate_limited", request, user_id=request.auth.pk)
        raise HttpError(429, _("Too many attempts. Please wait a few minutes and try again."))
    service = Service.objects.for_cards().filter(slug=payload.service).first()
    if service is None:
        raise FormInvalid({"service": [_("No active service has this slug.")]})
    data = payload.model_dump()
    data["hide_identity"] = "on" if payload.hide_identity else ""
    if payload.related_request:
        own = workflow.requests_of(request.auth, service).filter(ticket=payload.related_request)
        data["related_request"] = own.values_list("pk", flat=True).first() or -1
    form = ComplaintForm(
        data,
        MultiValueDict({"files": list(files or [])}),
        service=service,
        complainant=request.auth,
    )
    if payload.related_request and "related_request" not in form.fields:
        raise FormInvalid(
            {"related_request": [_("A complaint can only be about one of your own requests.")]}
        )
    if not form.is_valid():
        raise FormInvalid.of(form)
    complaint = workflow.submit(
        service,
        complainant=request.auth,
        details=form.details(),
        files=form.cleaned_data["files"],
    )
    return Status(201, shown(visible(request.auth, complaint.ticket), request.auth))


ANSWERS = responses({200: ComplaintDetailOut}, 400, 401, 403, 404, 409, 422)


def act(request, ticket: str, action: str, data: dict):
    """The page's act(): visible (else 404), allowed (else 403), form, then the workflow."""
    complaint = visible(request.auth, ticket)
    if not workflow.may(action, complaint, request.auth):
        raise PermissionDenied
    form_class = ACTION_FORMS[action]
    kwargs = {"complaint": complaint} if form_class in NEEDS_COMPLAINT else {}
    form = form_class(data, **kwargs)
    if not form.is_valid():
        raise FormInvalid.of(form)
    WORKFLOW[action](complaint, by=request.auth, **form.workflow_kwargs())
    return shown(visible(request.auth, ticket), request.auth)


@router.post("/complaints/{ticket}/verify", response=ANSWERS)
def verify(request, ticket: str, payload: NoteIn):
    return act(request, ticket, "verify", payload.model_dump())


@router.post("/complaints/{ticket}/not_our_remit", response=ANSWERS)
def not_our_remit(request, ticket: str, payload: NotOurRemitIn):
    unit = Unit.objects.active().filter(code=payload.unit).values_list("pk", flat=True).first()
    return act(request, ticket, "not_our_remit", {"unit": unit or "", "note": payload.note})


@router.post("/complaints/{ticket}/reject", response=ANSWERS)
def reject(request, ticket: str, payload: ReasonIn):
    return act(request, ticket, "reject", payload.model_dump())


@router.post("/complaints/{ticket}/assign", response=ANSWERS)
def assign(request, ticket: str, payload: AssignIn):
    complaint = visible(request.auth, ticket)
    role = UnitRole.objects.filter(
        unit_id=complaint.unit_id, role=Role.STAFF, user_id=payload.staff
    ).first()
    if role is None and workflow.may("assign", complaint, request.auth):
        raise FormInvalid({"staff": [_("Only staff of this unit can follow up the complaint.")]})
    return act(request, ticket, "assign", {"staff": role.pk if role else "", "note": payload.note})


@router.post("/complaints/{ticket}/extend", response=ANSWERS)
def extend(request, ticket: str, payload: ReasonIn):
    return act(request, ticket, "extend", payload.model_dump())


@router.post("/complaints/{ticket}/answer", response=ANSWERS)
def answer(request, ticket: str, payload: AnswerIn):
    return act(request, ticket, "answer", payload.model_dump())


@router.post("/complaints/{ticket}/reopen", response=ANSWERS)
def reopen(request, ticket: str, payload: ReasonIn):
    return act(request, ticket, "reopen", payload.model_dump())


@router.post("/complaints/{ticket}/confirm", response=ANSWERS)
def confirm(request, ticket: str, payload: NoteIn):
    return act(request, ticket, "confirm", payload.model_dump())
