from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from loket.portal.kept_pages import kept_for_person

from . import results
from .forms import Kind, SearchForm

CHOICES = ("type", "status", "service")


@kept_for_person("words")
def search(request: HttpRequest) -> HttpResponse:
    """Pencarian: services for everyone, and the requests and complaints the person may see."""
    form = SearchForm(request.GET if request.GET else None)
    context = {
        "form": form,
        "query": request.GET.get("q", "")[:200],
        "Kind": Kind,
        "choice_fields": [(form[name], form.options(name)) for name in CHOICES],
        "date_fields": [form["since"], form["until"]],
    }
    if not form.is_bound:
        return render(request, "search/results.html", context)
    if not form.is_valid():
        return render(request, "search/results.html", context, status=HTTPStatus.BAD_REQUEST)
    criteria = form.criteria()
    found = results.find(
        criteria, user=request.user, kind=form.kind, page=request.GET.get("page") or 1
    )
    pages = (found.services, found.requests, found.complaints)
    sections = [page for page in pages if page is not None]
    context.update(
        total=sum(page.paginator.count for page in sections),
        more=any(getattr(page.paginator, "more", False) for page in sections),
        criteria=criteria,
        terms=criteria.words() + found.suggestion.split(),
        found=found,
        kind=form.kind,
        asked=bool(criteria.text or criteria.narrows_requests),
    )
    return render(request, "search/results.html", context)
