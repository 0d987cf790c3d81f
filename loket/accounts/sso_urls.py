"""SSO endpoints, outside the language prefix: identity providers register these exact URLs."""

from allauth.socialaccount.providers.saml import views as saml
from django.urls import include, path

from loket.accounts import views
from loket.accounts.oidc.urls import urlpatterns as oidc_urlpatterns

urlpatterns = [
    path(
        "saml/<str:organization_slug>/",
        include(
            [
                path("acs/", saml.acs, name="saml_acs"),
                path("acs/finish/", views.saml_finish_acs, name="saml_finish_acs"),
                path("sls/", saml.sls, name="saml_sls"),
                path("metadata/", saml.metadata, name="saml_metadata"),
                path("login/", saml.login, name="saml_login"),
            ]
        ),
    ),
    *oidc_urlpatterns,
]
