"""Top-level URLs: the citizen portal at /, the staff workspace at /kerja/, admin at /admin/."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from aduan.lib.env import env_bool

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("akun/", include("aduan.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("aduan.api.urls")),
    path("open311/", include("aduan.open311.urls")),
    path("masuk/", include("aduan.intake.urls")),
    path("kerja/kalender/", include("aduan.sla.urls")),
    path("kerja/notifikasi/", include("aduan.notifications.urls")),
    path("survei/", include("aduan.surveys.urls")),
    path("kerja/balasan/", include("aduan.replies.urls")),
    path("kerja/latihan/", include("aduan.practice.urls")),
    path("kerja/laporan/", include("aduan.reports.urls")),
    path("kerja/ekspor/", include("aduan.reports.export_urls")),
    path("kerja/data-pribadi/", include("aduan.privacy.urls")),
    path("publik/", include("aduan.transparency.urls")),
    path("", include("aduan.complaints.urls")),
]

if env_bool("ADUAN_BENCH", False):  # bench/load.py's baseline (docs/performance.md)
    from aduan.lib.benchview import bare

    urlpatterns.insert(0, path("bench/bare/", bare, name="bench_bare"))
