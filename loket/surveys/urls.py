from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("kuesioner/tautan/<str:token>/", views.questionnaire_link, name="link"),
    path("kuesioner/<str:ticket>/", views.questionnaire, name="questionnaire"),
    path("skm/laporan/", views.report, name="report"),
    path("skm/laporan.xlsx", views.report_xlsx, name="report_xlsx"),
    path("skm/laporan.pdf", views.report_pdf, name="report_pdf"),
    path("skm/umumkan/", views.publish, name="publish"),
    path("unit/<slug:slug>/ikm/", views.unit_index, name="unit"),
]
