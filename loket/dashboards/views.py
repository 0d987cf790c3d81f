from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from loket.complaints.models import Complaint
from loket.portal.kept_pages import kept_for_person
from loket.requests.models import ServiceRequest
from loket.search.forms import SearchForm
from loket.search.query import requests as search_requests
from loket.search.views import search
from loket.surveys import periods

from . import documents, exports, figures, scope
from .filters import ComplaintFilter, RequestFilter

PER_PAGE = 50


def _snapshot(request: HttpRequest) -> figures.Snapshot:
    chosen = scope.choose(request.user, request.GET)
    return figures.Snapshot(chosen, scope.period(request.GET), timezone.localdate())


@kept_for_person()
@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Dasbor: the unit's work at a glance, each figure linked to its requests."""
    snapshot = _snapshot(request)
    context = {
        "snapshot": snapshot,
        "sections": [
            (section, [(figure, _href(figure, snapshot.scope)) for figure in section.figures])
            for section in figures.build(snapshot)
        ],
        "kinds": list(periods.KIND_LABELS.items()),
        "pdf": True,
        "offered_periods": scope.offered_periods(snapshot.period),
        "dashboard_query": urlencode(
            {**snapshot.scope.params(), "periode": snapshot.period.key}, doseq=True
        ),
    }
    return render(request, "dashboards/index.html", context)


@login_required
def index_pdf(request: HttpRequest) -> HttpResponse:
    snapshot = _snapshot(request)
    response = HttpResponse(documents.dashboard_pdf(snapshot), content_type="application/pdf")
    where = snapshot.scope.unit.slug if snapshot.scope.unit else "universitas"
    filename = f"dasbor-{where}-{snapshot.period.key}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _href(figure: figures.Figure, chosen: scope.Scope) -> str:
    if figure.url or figure.params is None:
        return figure.url
    query = urlencode({**chosen.params(), **figure.params}, doseq=True)
    return reverse("dashboards:requests") + "?" + query


def _filtered(request: HttpRequest):
    chosen = scope.choose(request.user, request.GET)
    form = RequestFilter(request.GET, scope=chosen)
    found = form.apply(chosen.requests()) if form.is_valid() else None
    return chosen, form, found


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    """The unit's requests, narrowed by the filters a dashboard figure links with."""
    chosen, form, found = _filtered(request)
    context = {"scope": chosen, "form": form}
    if found is None:
        return render(request, "dashboards/requests.html", context, status=HTTPStatus.BAD_REQUEST)
    page = Paginator(found.for_lists(), PER_PAGE).get_page(request.GET.get("page"))
    context.update(page=page, requests=page.object_list)
    return render(request, "dashboards/requests.html", context)


@login_required
def complaint_list(request: HttpRequest) -> HttpResponse:
    """The unit's complaints behind a dashboard figure. No complainant is listed: the dashboard
    shows counts, and a complainant may have asked to stay unknown to the unit's Direktur."""
    chosen = scope.choose(request.user, request.GET)
    form = ComplaintFilter(request.GET)
    context = {"scope": chosen, "form": form}
    if not form.is_valid():
        return render(request, "dashboards/complaints.html", context, status=HTTPStatus.BAD_REQUEST)
    found = Complaint.objects.visible_to(request.user)
    if chosen.unit:
        found = found.filter(unit=chosen.unit)
    found = form.apply(found).select_related("service", "unit").order_by("-submitted_at", "-id")
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    context.update(page=page, complaints=page.object_list)
    return render(request, "dashboards/complaints.html", context)


@login_required
def request_list_export(request: HttpRequest, fmt: str) -> HttpResponse:
    chosen, form, found = _filtered(request)
    if found is None:
        context = {"scope": chosen, "form": form}
        return render(request, "dashboards/requests.html", context, status=HTTPStatus.BAD_REQUEST)
    where = chosen.unit.slug if chosen.unit else "universitas"
    return exports.response(found.order_by("-submitted_at", "-id"), fmt=fmt, name=where)


@login_required
def history_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Riwayat Saya as a file: the person's own requests, as the page lists them."""
    own = ServiceRequest.objects.filter(requester=request.user).order_by("-submitted_at", "-id")
    return exports.response(own, fmt=fmt, name="riwayat")


@login_required
def search_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The requests of a search (Pencarian's filters), only those the person may see."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return search(request)  # the page, with what is wrong with the search
    criteria = form.criteria()
    if not (criteria.text or criteria.narrows_requests):
        return search(request)
    return exports.response(search_requests(criteria, user=request.user), fmt=fmt, name="cari")
