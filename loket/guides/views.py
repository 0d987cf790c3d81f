from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from . import content


def index(request: HttpRequest) -> HttpResponse:
    guides = [content.guide(role) for role in content.ROLES]
    return render(request, "guides/index.html", {"guides": guides})


def guide(request: HttpRequest, role: str) -> HttpResponse:
    if role not in content.ROLES:
        raise Http404
    return render(
        request,
        "guides/guide.html",
        {"guide": content.guide(role), "role_label": content.ROLES[role]},
    )
