"""/api/v1: Loket's JSON API, described at /api/v1/openapi.json and browsable at /api/v1/docs."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from . import errors
from .auth import SIGNED_IN
from .routers import actions, catalog, complaints, inbox, notifications, requests, search

api = NinjaAPI(
    title="Loket API",
    version="1",
    description=_(
        "The same requests, workflow and permissions as the portal's pages. Authenticate with a "
        "personal access token (Authorization: Bearer …, made on the profile's API tokens page) "
        "or with the portal's session and its CSRF token."
    ),
    auth=SIGNED_IN,
    urls_namespace="api",
)
errors.install(api)
api.add_router("/catalog", catalog.router)
api.add_router("", requests.router)
api.add_router("", actions.router)
api.add_router("", inbox.router)
api.add_router("", search.router)
api.add_router("", notifications.router)
api.add_router("", complaints.router)
