from django.urls import include, path

from loket.accounts import privacy_views, views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/data-saya/", privacy_views.my_data, name="my_data"),
    path("profil/data-saya.json", privacy_views.download, {"fmt": "json"}, name="my_data_json"),
    path("profil/data-saya.pdf", privacy_views.download, {"fmt": "pdf"}, name="my_data_pdf"),
    path("profil/hapus-akun/", privacy_views.delete_account, name="delete_account"),
    path("", include("allauth.account.urls")),
    path("2fa/", include("allauth.mfa.urls")),
    path("3rdparty/", include("allauth.socialaccount.urls")),
]
