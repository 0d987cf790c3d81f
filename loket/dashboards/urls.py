from django.urls import path

from . import exports, views

app_name = "dashboards"
urlpatterns = [
    path("dasbor/", views.index, name="index"),
    path("dasbor.pdf", views.index_pdf, name="pdf"),
    path("dasbor/permintaan/", views.request_list, name="requests"),
    path("dasbor/keluhan/", views.complaint_list, name="complaints"),
]
for fmt in exports.FORMATS:
    urlpatterns += [
        path(
            f"dasbor/permintaan.{fmt}",
            views.request_list_export,
            {"fmt": fmt},
            name=f"requests_{fmt}",
        ),
        path(f"riwayat.{fmt}", views.history_export, {"fmt": fmt}, name=f"history_{fmt}"),
        path(f"pencarian.{fmt}", views.search_export, {"fmt": fmt}, name=f"search_{fmt}"),
    ]
