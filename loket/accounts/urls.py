from django.urls import include, path

from loket.accounts import views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("", include("allauth.account.urls")),
    path("2fa/", include("allauth.mfa.urls")),
    path("3rdparty/", include("allauth.socialaccount.urls")),
]
