from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.catalog.models import Service
from loket.portal import security
from loket.portal.ratelimit import ratelimit
from loket.requests.models import ServiceRequest

from . import documents, forms, workflow
from .models import Complaint
from .presenters import (
    ACTION_LABELS,
    complainant_label,
    is_unit_side,
    shows_identity,
    timeline_for,
)

# action: the form that reads its input (workflow functions share the action's name)
ACTION_FORMS = {
    "verify": forms.NoteForm,
    "not_our_remit": forms.NotOurRemitForm,
    "reject": forms.RejectForm,
    "assign": forms.AssignForm,
    "extend": forms.ExtendForm,
    "answer": forms.AnswerForm,
    "reopen": forms.ReopenForm,
    "confirm": forms.NoteForm,
}
NEEDS_COMPLAINT = {forms.NotOurRemitForm, forms.AssignForm}
DESTRUCTIVE = {"reject", "not_our_remit", "extend", "reopen"}
WORKFLOW = {action: getattr(workflow, action) for action in ACTION_FORMS}


def visible(user, ticket: str, *, request: HttpRequest | None = None) -> Complaint:
    """The complaint if `user` may see it, else 404; with `request`, a complaint that exists but
    is not theirs is recorded in the security log (`not_visible`), as a request is."""
    found = Complaint.objects.visible_to(user).select_related(
        "service", "unit", "complainant", "assigned_staff", "referred_unit", "related_request"
    )
    if request is None:
        return get_object_or_404(found, ticket=ticket)
    return security.visible_or_404(request, found, ticket=ticket)


def action_form(action: str, complaint: Complaint, data=None, files=None):
    form_class = ACTION_FORMS[action]
    kwargs = {"complaint": complaint} if form_class in NEEDS_COMPLAINT else {}
    return form_class(data, files, prefix=action, **kwargs)


@login_required
@ratelimit("complaint_create")
def new(request: HttpRequest, slug: str) -> HttpResponse:
    """Buat Keluhan; the unit's contact stays on the page as the other way to raise it."""
    service = get_object_or_404(Service.objects.for_cards(), slug=slug)
    form = forms.ComplaintForm(
        request.POST or None, request.FILES or None, service=service, complainant=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            complaint = workflow.submit(
                service,
                complainant=request.user,
                details=form.details(),
                files=form.cleaned_data["files"],
            )
        except workflow.TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your complaint is saved with ticket number %(ticket)s.")
                % {"ticket": complaint.ticket},
            )
            return redirect(complaint)
    status = HTTPStatus.UNPROCESSABLE_ENTITY if form.is_bound else HTTPStatus.OK
    return render(request, "complaints/new.html", {"service": service, "form": form}, status=status)


@login_required
def detail(request: HttpRequest, ticket: str, bound: dict | None = None) -> HttpResponse:
    complaint = visible(request.user, ticket, request=request)
    user = request.user
    actions = workflow.available_actions(complaint, user)
    bound = bound or {}
    action_forms = [
        (action, ACTION_LABELS[action], bound.get(action) or action_form(action, complaint))
        for action in actions
    ]
    first_open = next((a for a, _l, _f in action_forms if a not in DESTRUCTIVE), None)
    unit_side = is_unit_side(complaint, user)
    identity = shows_identity(complaint, user)
    related = complaint.related_request if identity else None
    context = {
        "complaint": complaint,
        "actions": actions,
        "action_forms": action_forms,
        "first_open": first_open,
        "unit_side": unit_side,
        "identity": identity,
        "complainant": complainant_label(complaint, user),
        "related": related,
        "related_visible": related is not None
        and ServiceRequest.objects.visible_to(user).filter(pk=related.pk).exists(),
        "timeline": timeline_for(complaint, user, internal=unit_side),
        "files": list(complaint.files.all()),
        "reopen_until": complaint.reopen_until(),
    }
    status = HTTPStatus.UNPROCESSABLE_ENTITY if bound else HTTPStatus.OK
    return render(request, "complaints/detail.html", context, status=status)


@require_POST
@login_required
def act(request: HttpRequest, ticket: str, action: str) -> HttpResponse:
    """Every button on the complaint page posts here; the workflow decides."""
    if action not in ACTION_FORMS:
        raise Http404
    complaint = visible(request.user, ticket, request=request)
    form = action_form(action, complaint, request.POST, request.FILES)
    if not form.is_valid():
        return detail(request, ticket, bound={action: form})
    try:
        WORKFLOW[action](complaint, by=request.user, **form.workflow_kwargs())
    except workflow.TransitionError as error:
        messages.error(request, str(error))
    except PermissionDenied:
        messages.error(request, _("You cannot take this action on this complaint."))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": ACTION_LABELS[action]})
    return redirect(complaint)


@login_required
def download(request: HttpRequest, ticket: str, file_id: int) -> FileResponse:
    """Files are served only here, after the same visibility check as the complaint page."""
    complaint = visible(request.user, ticket, request=request)
    attachment = get_object_or_404(complaint.files, pk=file_id)
    security.log_event(
        "file_download", request, ticket=complaint.ticket, file_id=attachment.pk, kind="complaint"
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def receipt(request: HttpRequest, ticket: str) -> HttpResponse:
    """Tanda terima (PDF)."""
    complaint = visible(request.user, ticket, request=request)
    pdf = documents.receipt_pdf(complaint, complainant=complainant_label(complaint, request.user))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tanda-terima-{complaint.ticket}.pdf"'
    return response
