from decimal import Decimal
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.accounts import permissions
from loket.catalog.models import Unit
from loket.requests.models import ServiceRequest
from loket.requests.workflow import TransitionError

from . import charts, choice, exports, links, periods, reports, workflow
from .forms import PROFILE_LABELS, QuestionnaireForm
from .models import Element, Publication

# Questionnaire --------------------------------------------------------------------------------


@login_required
def questionnaire(request: HttpRequest, ticket: str) -> HttpResponse:
    """Isi Kuesioner from Riwayat Saya or the request page: the requester's own requests only."""
    req = get_object_or_404(_requests().filter(requester=request.user), ticket=ticket)
    return _questionnaire(request, req, respondent=request.user)


def questionnaire_link(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link of the completion message: it stands for the requester's sign-in."""
    try:
        pk, ticket = links.read(token)
    except links.LinkExpired:
        message = _("This questionnaire link has expired.")
        return _link_refused(request, message, HTTPStatus.GONE)
    except links.LinkInvalid:
        message = _("This questionnaire link is not valid.")
        return _link_refused(request, message, HTTPStatus.BAD_REQUEST)
    req = get_object_or_404(_requests(), pk=pk, ticket=ticket)
    if request.user.is_authenticated and request.user.pk != req.requester_id:
        raise Http404
    return _questionnaire(request, req, respondent=req.requester)


def _requests():
    return ServiceRequest.objects.select_related("service", "unit")


def _questionnaire(request: HttpRequest, req: ServiceRequest, *, respondent) -> HttpResponse:
    if reason := workflow.refusal(req):
        status = HTTPStatus.CONFLICT if request.method == "POST" else HTTPStatus.OK
        return render(
            request, "surveys/closed.html", {"req": req, "message": reason}, status=status
        )
    form = QuestionnaireForm(request.POST or None, elements=list(Element.objects.all()))
    if request.method == "POST" and form.is_valid():
        try:
            workflow.answer(req, by=respondent, answers=form.answers())
        except TransitionError as error:
            context = {"req": req, "message": str(error)}
            return render(request, "surveys/closed.html", context, status=HTTPStatus.CONFLICT)
        if request.user.is_authenticated:
            messages.success(request, _("Thank you for your feedback. The request is now Closed."))
            return redirect(req)
        return render(request, "surveys/thanks.html", {"req": req})
    status = HTTPStatus.UNPROCESSABLE_ENTITY if form.is_bound else HTTPStatus.OK
    return render(request, "surveys/questionnaire.html", {"req": req, "form": form}, status=status)


def _link_refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "surveys/closed.html", {"message": message, "link": True}, status=status)


# Reports --------------------------------------------------------------------------------------


@login_required
def report(request: HttpRequest) -> HttpResponse:
    chosen = choice.choose(request.user, request.GET)
    built = reports.build(chosen.scope, chosen.period)
    unit = chosen.scope.unit
    context = {
        "choice": chosen,
        "report": built,
        "kinds": list(periods.KIND_LABELS.items()),
        "trend_chart": charts.trend_chart([(p, row.result) for p, row in built.trend]),
        "element_chart": charts.element_chart(built.lowest_first),
        "profile": [(PROFILE_LABELS[name], counts) for name, counts in built.profile.items()],
        "trend": [(p, row, chosen.query(periode=p.key)) for p, row in built.trend],
        "query": chosen.query(),
        "previous_query": chosen.query(periode=chosen.period.shift(-1).key),
        "next_query": chosen.query(periode=chosen.period.shift(1).key),
        "can_publish": unit is not None
        and not chosen.scope.service
        and permissions.can(request.user, "surveys.publish", unit)
        and chosen.period.end <= timezone.localdate()
        and built.summary.result.answered,
        "published": Publication.objects.filter(unit=unit, period=chosen.period.key).first()
        if unit
        else None,
    }
    return render(request, "surveys/report.html", context)


@login_required
def report_xlsx(request: HttpRequest) -> HttpResponse:
    chosen = choice.choose(request.user, request.GET)
    built = reports.build(chosen.scope, chosen.period, suggestions=exports.XLSX_SUGGESTIONS)
    response = HttpResponse(
        exports.xlsx(built),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(built, "xlsx")}"'
    return response


@login_required
def report_pdf(request: HttpRequest) -> HttpResponse:
    chosen = choice.choose(request.user, request.GET)
    built = reports.build(chosen.scope, chosen.period, suggestions=exports.PDF_SUGGESTIONS)
    response = HttpResponse(exports.pdf(built), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{exports.filename(built, "pdf")}"'
    return response


@require_POST
@login_required
def publish(request: HttpRequest) -> HttpResponse:
    """The Direktur publishes the unit's index of an ended period on the unit's public page."""
    chosen = choice.choose(request.user, request.POST)
    unit = chosen.scope.unit
    if unit is None or not permissions.can(request.user, "surveys.publish", unit):
        raise PermissionDenied
    built = reports.build(reports.Scope(unit), chosen.period)
    try:
        workflow.publish(built, by=request.user)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The index of %(period)s is published.") % {"period": chosen.period}
        )
    return redirect(reverse("surveys:report") + "?" + chosen.query())


# The public page ------------------------------------------------------------------------------


def unit_index(request: HttpRequest, slug: str) -> HttpResponse:
    """A unit's published satisfaction index, newest first."""
    unit = get_object_or_404(Unit.objects.active(), slug=slug)
    published = list(unit.ikm_publications.all()[:20])
    latest = published[0] if published else None
    elements = list(Element.objects.all()) if latest else []
    context = {
        "unit": unit,
        "latest": latest,
        "history": published,
        "nrrs": [(e, Decimal(n)) for e, n in zip(elements, latest.nrrs, strict=False)]
        if latest
        else [],
    }
    return render(request, "surveys/unit_index.html", context)
