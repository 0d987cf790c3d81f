from django.http import HttpRequest, HttpResponse

BODY = b"<!doctype html><title>ceiling</title><p>ok</p>\n"


def ceiling(request: HttpRequest) -> HttpResponse:
    """The benchmark's ceiling: a constant page through the same server and middleware."""
    return HttpResponse(BODY)
