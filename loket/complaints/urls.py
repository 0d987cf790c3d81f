from django.urls import path

from . import reports, views

app_name = "complaints"
urlpatterns = [
    path("layanan/<slug:slug>/keluhan/", views.new, name="new"),
    path("keluhan/laporan/", reports.report, name="report"),
    path("keluhan/laporan.csv", reports.export_csv, name="report_csv"),
    path("keluhan/laporan.xlsx", reports.export_xlsx, name="report_xlsx"),
    path("keluhan/<str:ticket>/", views.detail, name="detail"),
    path("keluhan/<str:ticket>/tanda-terima.pdf", views.receipt, name="receipt"),
    path("keluhan/<str:ticket>/berkas/<int:file_id>/", views.download, name="download"),
    path("keluhan/<str:ticket>/<slug:action>/", views.act, name="act"),
]
