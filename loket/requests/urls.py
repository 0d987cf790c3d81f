from django.urls import path

from . import views

app_name = "requests"
urlpatterns = [
    path("layanan/<slug:slug>/permintaan/", views.new, name="new"),
    path("permintaan/<str:ticket>/", views.detail, name="detail"),
    path("permintaan/<str:ticket>/kirim-ulang/", views.resubmit, name="resubmit"),
    path("permintaan/<str:ticket>/tanda-terima.pdf", views.receipt, name="receipt"),
    path("permintaan/<str:ticket>/lembar-disposisi/", views.disposition_sheet, name="sheet"),
    path(
        "permintaan/<str:ticket>/lembar-disposisi.pdf",
        views.disposition_sheet_pdf,
        name="sheet_pdf",
    ),
    path("permintaan/<str:ticket>/berkas/<int:file_id>/", views.download, name="download"),
    path("permintaan/<str:ticket>/<slug:action>/", views.act, name="act"),
    path("kotak-masuk/", views.inbox, name="inbox"),
    path("kotak-masuk/loket/", views.walk_in, name="walk_in"),
    path("kotak-masuk/loket/<slug:slug>/", views.walk_in, name="walk_in_service"),
    path("riwayat/", views.history, name="history"),
]
