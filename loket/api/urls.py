from django.urls import path

from . import views

urlpatterns = [
    path("token-api/", views.token_list, name="api_tokens"),
    path("token-api/<int:pk>/cabut/", views.token_revoke, name="api_token_revoke"),
]
