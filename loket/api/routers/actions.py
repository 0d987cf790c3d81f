"""Every workflow action on a request. Each reads its input with the request page's own form
and calls the same loket.requests.workflow function as the page's button."""

import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile

from loket.accounts.models import Role, UnitRole
from loket.requests import workflow
from loket.requests.models import Instruction, Urgency
from loket.requests.views import ACTION_FORMS, WORKFLOW
from loket.surveys import workflow as surveys
from loket.surveys.forms import QuestionnaireForm
from loket.surveys.models import Element

from ..errors import FormInvalid, responses
from ..schemas import RequestDetailOut
from .requests import detail, visible

router = Router(tags=["workflow"])
ANSWERS = responses({200: RequestDetailOut}, 400, 401, 403, 404, 409, 422)
Rule = Literal[workflow.CHECKLIST]


class NoteIn(Schema):
    note: str = ""


class VerifyIn(Schema):
    """Verifikasi: every rule of SOP#24 ticked."""

    signed: bool = False
    stamped: bool = False
    whatsapp_stated: bool = False
    in_house_application: bool = False
    academic_audience: bool = False
    note: str = ""


class ReturnIn(Schema):
    """Kembalikan: the reason, and the rules the letter does not meet."""

    reason: str
    failed_rules: list[Rule] = []


class ReasonIn(Schema):
    reason: str


class DisposeIn(Schema):
    """Disposisikan: staff are user ids from /requests/{ticket}/staff."""

    staff: list[int]
    instructions: list[Literal[tuple(Instruction.values)]] = []
    urgency: Literal[tuple(Urgency.values)] = Urgency.NORMAL.value
    due_date: datetime.date
    note: str = ""


class ProgressIn(Schema):
    note: str
    public: bool = True


class CompleteIn(Schema):
    summary: str


def act(request, ticket: str, action: str, data: dict, files=None):
    """The page's act(): visible (else 404), allowed (else 403), form, then the workflow."""
    req = visible(request.auth, ticket)
    if not workflow.may(action, req, request.auth):
        raise PermissionDenied
    kwargs = {"req": req} if action == "dispose" else {}
    form = ACTION_FORMS[action](data, files or {}, **kwargs)
    if not form.is_valid():
        raise FormInvalid.of(form)
    WORKFLOW[action](req, by=request.auth, **form.workflow_kwargs())
    return detail(visible(request.auth, ticket), request.auth)


def _files(files: list[UploadedFile] | None) -> MultiValueDict:
    return MultiValueDict({"files": list(files or [])})


@router.post("/requests/{ticket}/verify", response=ANSWERS)
def verify(request, ticket: str, payload: VerifyIn):
    return act(request, ticket, "verify", payload.model_dump())


@router.post("/requests/{ticket}/return_for_revision", response=ANSWERS)
def return_for_revision(request, ticket: str, payload: ReturnIn):
    return act(request, ticket, "return_for_revision", payload.model_dump())


@router.post("/requests/{ticket}/reject", response=ANSWERS)
def reject(request, ticket: str, payload: ReasonIn):
    return act(request, ticket, "reject", payload.model_dump())


@router.post("/requests/{ticket}/forward", response=ANSWERS)
def forward(request, ticket: str, payload: NoteIn):
    return act(request, ticket, "forward", payload.model_dump())


@router.post("/requests/{ticket}/dispose", response=ANSWERS)
def dispose(request, ticket: str, payload: DisposeIn):
    req = visible(request.auth, ticket)
    if not workflow.may("dispose", req, request.auth):
        raise PermissionDenied
    staff = UnitRole.objects.filter(unit_id=req.unit_id, role=Role.STAFF, user_id__in=payload.staff)
    roles = dict(staff.values_list("user_id", "pk"))
    if set(payload.staff) - set(roles):
        raise FormInvalid({"staff": [_("Only staff of this unit can receive the disposition.")]})
    data = {**payload.model_dump(), "staff": [roles[user] for user in payload.staff]}
    return act(request, ticket, "dispose", data)


@router.post("/requests/{ticket}/start_work", response=ANSWERS)
def start_work(request, ticket: str, payload: NoteIn):
    return act(request, ticket, "start_work", payload.model_dump())


@router.post("/requests/{ticket}/add_note", response=ANSWERS)
def add_note(
    request, ticket: str, payload: Form[ProgressIn], files: File[list[UploadedFile]] = None
):
    """A progress note (multipart/form-data), with optional result files."""
    return act(request, ticket, "add_note", payload.model_dump(), _files(files))


@router.post("/requests/{ticket}/complete", response=ANSWERS)
def complete(
    request, ticket: str, payload: Form[CompleteIn], files: File[list[UploadedFile]] = None
):
    """Selesaikan (multipart/form-data): the result summary, with optional result files."""
    return act(request, ticket, "complete", payload.model_dump(), _files(files))


@router.post("/requests/{ticket}/cancel", response=ANSWERS)
def cancel(request, ticket: str, payload: NoteIn):
    return act(request, ticket, "cancel", payload.model_dump())


class QuestionnaireIn(Schema):
    """Isi Kuesioner: the nine answers (1 the worst, 4 the best), an optional profile and a
    suggestion; answering closes the completed request."""

    u1: int
    u2: int
    u3: int
    u4: int
    u5: int
    u6: int
    u7: int
    u8: int
    u9: int
    gender: str = ""
    age_group: str = ""
    education: str = ""
    occupation: str = ""
    suggestion: str = ""


@router.post("/requests/{ticket}/close", response=ANSWERS)
def close(request, ticket: str, payload: QuestionnaireIn):
    req = visible(request.auth, ticket)
    if not workflow.may("close", req, request.auth):
        raise PermissionDenied
    if reason := surveys.refusal(req):
        raise workflow.TransitionError(reason)
    form = QuestionnaireForm(payload.model_dump(), elements=list(Element.objects.all()))
    if not form.is_valid():
        raise FormInvalid.of(form)
    surveys.answer(req, by=request.auth, answers=form.answers())
    return detail(visible(request.auth, ticket), request.auth)
