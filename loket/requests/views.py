from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.accounts.models import Role
from loket.accounts.permissions import roles_of
from loket.catalog.models import Service
from loket.complaints.models import Complaint
from loket.complaints.presenters import for_list as complaint_rows
from loket.notifications.models import Message
from loket.portal import security
from loket.portal.kept_pages import kept_for_person
from loket.portal.ratelimit import ratelimit

from . import documents, forms, intake, workflow
from .models import FileAccess, ServiceRequest
from .presenters import ACTION_LABELS, sees_everything, timeline_for

# action: the form that reads its input (workflow functions share the action's name)
ACTION_FORMS = {
    "cancel": forms.NoteForm,
    "verify": forms.VerifyForm,
    "return_for_revision": forms.ReturnForm,
    "reject": forms.RejectForm,
    "forward": forms.NoteForm,
    "dispose": forms.DisposeForm,
    "start_work": forms.NoteForm,
    "add_note": forms.ProgressForm,
    "complete": forms.CompleteForm,
}
DESTRUCTIVE = {"cancel", "reject"}
HISTORY_PAGE = 25
WORKFLOW = {
    "cancel": workflow.cancel,
    "verify": workflow.verify,
    "return_for_revision": workflow.return_for_revision,
    "reject": workflow.reject,
    "forward": workflow.forward,
    "dispose": workflow.dispose,
    "start_work": workflow.start_work,
    "add_note": workflow.add_note,
    "complete": workflow.complete,
}


def _visible(request: HttpRequest, ticket: str) -> ServiceRequest:
    found = ServiceRequest.objects.visible_to(request.user).select_related(
        "service", "unit", "requester", "application"
    )
    return security.visible_or_404(request, found, ticket=ticket)


def _action_form(action: str, req: ServiceRequest, data=None, files=None):
    form_class = ACTION_FORMS[action]
    kwargs = {"req": req} if form_class is forms.DisposeForm else {}
    return form_class(data, files, prefix=action, **kwargs)


@login_required
@ratelimit("request_create")
def new(request: HttpRequest, slug: str) -> HttpResponse:
    """Buat Permintaan."""
    service = get_object_or_404(Service.objects.for_cards(), slug=slug)
    initial = {"whatsapp": request.user.whatsapp, "requesting_unit": request.user.origin}
    form = forms.RequestForm(
        request.POST or None, request.FILES or None, service=service, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            req = workflow.submit(
                service,
                requester=request.user,
                details=form.details(),
                letter=form.cleaned_data["letter"],
                supporting=form.cleaned_data["supporting"],
            )
        except workflow.TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your request is saved with ticket number %(ticket)s.") % {"ticket": req.ticket},
            )
            return redirect(req)
    status = HTTPStatus.UNPROCESSABLE_ENTITY if form.is_bound else HTTPStatus.OK
    return render(request, "requests/new.html", {"service": service, "form": form}, status=status)


@kept_for_person()
@login_required
def detail(
    request: HttpRequest, ticket: str, forms_with_errors: dict | None = None
) -> HttpResponse:
    req = _visible(request, ticket)
    # Opening the request is reading what the portal said about it: its notifications turn read.
    # A kept answer of this page skips this, rightly: it is answered only while none of the
    # person's notifications changed since it was rendered, when this marked them read.
    Message.objects.inbox_of(request.user).filter(req=req).mark_read()
    actions = workflow.available_actions(req, request.user)
    bound = forms_with_errors or {}
    action_forms = [
        (action, ACTION_LABELS[action], bound.get(action) or _action_form(action, req))
        for action in actions
        if action in ACTION_FORMS
    ]
    # The first constructive action is open; refusing or cancelling takes a deliberate click.
    first_open = next((a for a, _l, _f in action_forms if a not in DESTRUCTIVE), None)
    sees_all = sees_everything(req, request.user)
    files = list(req.files.select_related("uploaded_by"))
    timeline = timeline_for(req, internal=sees_all, files=files)
    context = {
        "req": req,
        "actions": actions,
        "action_forms": action_forms,
        "timeline": timeline,
        "files": files,
        "disposition": req.dispositions.filter(is_current=True).prefetch_related("staff").first()
        if sees_all
        else None,
        "sees_all": sees_all,
        "first_open": first_open,
        "return_event": req.events.filter(action="return_for_revision").last()
        if "resubmit" in actions
        else None,
    }
    status = HTTPStatus.UNPROCESSABLE_ENTITY if forms_with_errors else HTTPStatus.OK
    return render(request, "requests/detail.html", context, status=status)


@require_POST
@login_required
def act(request: HttpRequest, ticket: str, action: str) -> HttpResponse:
    """Every button on the request page posts here; the workflow decides."""
    if action not in ACTION_FORMS:
        raise Http404
    req = _visible(request, ticket)
    form = _action_form(action, req, request.POST, request.FILES)
    if not form.is_valid():
        return detail(request, ticket, forms_with_errors={action: form})
    try:
        WORKFLOW[action](req, by=request.user, **form.workflow_kwargs())
    except workflow.TransitionError as error:
        messages.error(request, str(error))
    except PermissionDenied:
        messages.error(request, _("You cannot take this action on this request."))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": ACTION_LABELS[action]})
    return redirect(req)


@login_required
def resubmit(request: HttpRequest, ticket: str) -> HttpResponse:
    """Kirim Ulang: the requester revises a returned request."""
    req = _visible(request, ticket)
    if "resubmit" not in workflow.available_actions(req, request.user):
        messages.error(request, _("This request cannot be revised now."))
        return redirect(req)
    initial = {
        name: getattr(req, name) for name in forms.RequestForm.base_fields if hasattr(req, name)
    }
    form = forms.RequestForm(
        request.POST or None,
        request.FILES or None,
        service=req.service,
        initial=initial,
        letter_required=False,
    )
    if request.method == "POST" and form.is_valid():
        try:
            workflow.resubmit(
                req,
                by=request.user,
                details=form.details(),
                letter=form.cleaned_data["letter"],
                supporting=form.cleaned_data["supporting"],
            )
        except workflow.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your revised request has been sent."))
        return redirect(req)
    status = HTTPStatus.UNPROCESSABLE_ENTITY if form.is_bound else HTTPStatus.OK
    reason = req.events.filter(action="return_for_revision").last()
    context = {"service": req.service, "form": form, "req": req, "return_event": reason}
    return render(request, "requests/new.html", context, status=status)


@login_required
def download(request: HttpRequest, ticket: str, file_id: int) -> FileResponse:
    """Files are served only here, after the same visibility check as the request page."""
    req = _visible(request, ticket)
    attachment = get_object_or_404(req.files, pk=file_id, purged_at__isnull=True)
    # The security log has every download; the file-access log (Admin Panel) the unit's own.
    security.log_event(
        "file_download", request, ticket=req.ticket, file_id=attachment.pk, kind=attachment.kind
    )
    if request.user.pk != req.requester_id:
        FileAccess.record(attachment, by=request.user)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@kept_for_person()
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """Kotak Masuk: what waits for each of the user's unit roles."""
    held = {role for _unit, role in roles_of(request.user)}
    roles = [role for role in (Role.UNIT_ADMIN, Role.DIRECTOR, Role.STAFF) if role in held]
    if not roles:
        raise PermissionDenied
    sections = [
        (
            role,
            ServiceRequest.objects.in_inbox_of(request.user, role).for_tables()[:100],
            complaint_rows(
                Complaint.objects.in_inbox_of(request.user, role).for_tables()[:100], request.user
            ),
        )
        for role in roles
    ]
    context = {
        "sections": sections,
        "can_walk_in": Role.UNIT_ADMIN in held,
        "complaints_report": Role.UNIT_ADMIN in held or Role.DIRECTOR in held,
    }
    return render(request, "requests/inbox.html", context)


@kept_for_person()
@login_required
def history(request: HttpRequest) -> HttpResponse:
    """Riwayat Saya: the requester's own requests with their last event, and their complaints,
    newest first, each a page at a time (years of them would make one long, slow page)."""
    requests = ServiceRequest.objects.filter(requester=request.user).for_tables().with_last_event()
    page = Paginator(requests, HISTORY_PAGE).get_page(request.GET.get("page"))
    complaints = Complaint.objects.filter(complainant=request.user).for_tables()
    complaints_page = Paginator(complaints, HISTORY_PAGE).get_page(
        request.GET.get("complaints_page")
    )
    context = {
        "requests": page.object_list,
        "page": page,
        "complaints": complaints_page.object_list,
        "complaints_page": complaints_page,
    }
    return render(request, "requests/history.html", context)


@login_required
def receipt(request: HttpRequest, ticket: str) -> HttpResponse:
    """Tanda terima (PDF)."""
    req = _visible(request, ticket)
    response = HttpResponse(documents.receipt_pdf(req), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tanda-terima-{req.ticket}.pdf"'
    return response


@login_required
def disposition_sheet(request: HttpRequest, ticket: str) -> HttpResponse:
    """Lembar disposisi: a printable page for the unit's paper file."""
    req, dispositions = _sheet(request, ticket)
    return render(
        request, "requests/disposition_sheet.html", {"req": req, "dispositions": dispositions}
    )


@login_required
def disposition_sheet_pdf(request: HttpRequest, ticket: str) -> HttpResponse:
    """The same sheet as a PDF, to file or to send."""
    req, dispositions = _sheet(request, ticket)
    pdf = documents.disposition_sheet_pdf(req, dispositions)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="lembar-disposisi-{req.ticket}.pdf"'
    return response


def _sheet(request: HttpRequest, ticket: str):
    """The unit's own roles read the sheet (the requester does not: it holds the instructions)."""
    req = _visible(request, ticket)
    if not any(unit == req.unit_id for unit, _role in roles_of(request.user)):
        raise Http404
    return req, req.dispositions.select_related("by").prefetch_related("staff")


@login_required
def walk_in(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """An Admin Unit registers a letter delivered in person (PRODUCT.md section 1, step 2)."""
    services = intake.walk_in_services(request.user)
    if not services.exists():
        raise PermissionDenied
    if slug is None:
        return render(request, "requests/walk_in_choose.html", {"services": services})
    service = get_object_or_404(services, slug=slug)
    data, files = request.POST or None, request.FILES or None
    person = intake.RequesterForm(data, prefix="requester")
    form = forms.RequestForm(data, files, service=service)
    if request.method == "POST" and person.is_valid() and form.is_valid():
        requester = person.requester(whatsapp=form.cleaned_data["whatsapp"])
        req = workflow.submit(
            service,
            requester=requester,
            details=form.details(),
            letter=form.cleaned_data["letter"],
            supporting=form.cleaned_data["supporting"],
            by=request.user,
        )
        messages.success(
            request, _("The letter is registered as %(ticket)s.") % {"ticket": req.ticket}
        )
        return redirect(req)
    status = HTTPStatus.UNPROCESSABLE_ENTITY if form.is_bound else HTTPStatus.OK
    context = {"service": service, "form": form, "person": person, "walk_in": True}
    return render(request, "requests/new.html", context, status=status)
