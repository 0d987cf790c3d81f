"""Pencarian through the API: the page's form, query and pagination, as JSON."""

import datetime

from django.core.paginator import Page
from ninja import Field, Query, Router, Schema

from loket.search import results
from loket.search.forms import SearchForm

from ..auth import ANYONE
from ..errors import FormInvalid, responses
from ..schemas import SearchOut

router = Router(tags=["search"])


class SearchIn(Schema):
    """As on /pencarian/: words or a ticket number; type is "", "services", "requests" or
    "complaints"; status (of a request), service (a slug) and the submission dates narrow the
    requests and complaints."""

    q: str = ""
    type: str = ""
    status: str = ""
    service: str = ""
    since: datetime.date | None = None
    until: datetime.date | None = None
    page: int = Field(1, ge=1)


@router.get("/search", response=responses({200: SearchOut}, 400, 401), auth=ANYONE)
def search(request, params: Query[SearchIn]):
    data = params.model_dump(exclude={"page"}, exclude_none=True)
    form = SearchForm(data)
    if not form.is_valid():
        raise FormInvalid.of(form, status=400)
    user = request.auth
    found = results.find(form.criteria(), user=user, kind=form.kind, page=params.page)
    requests = _found(found.requests, bool(found.suggestion))
    if requests is not None:
        requests["suggestion"] = found.suggestion
    return {
        "services": _found(found.services, found.near_services),
        "requests": requests,
        "complaints": _found(found.complaints, False),
    }


def _found(page: Page | None, near: bool) -> dict | None:
    if page is None:
        return None
    paginator = page.paginator
    return {
        "count": paginator.count,
        "more": getattr(paginator, "more", False),
        "page": page.number,
        "pages": paginator.num_pages,
        "near": near,
        "results": list(page.object_list),
    }
