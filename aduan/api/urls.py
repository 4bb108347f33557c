"""REST API v1, mounted at /api/v1/. Complaints are addressed by their tracking codes."""

from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)

from aduan.api.apis import citizen, complaints, intake, reference, statistics, surveys
from aduan.api.apis.actions import ACTION_VIEWS
from aduan.api.apis.base import not_found
from aduan.replies.api import ReplyCheckApi

app_name = "api"

COMPLAINT = "complaints/<str:code>/"
CITIZEN = "citizen/complaints/<str:code>/"

api_patterns = [
    path("complaints/", complaints.ComplaintListCreateApi.as_view(), name="complaints"),
    path(COMPLAINT, complaints.ComplaintDetailApi.as_view(), name="complaint"),
    path(f"{COMPLAINT}events/", complaints.ComplaintEventsApi.as_view(), name="complaint-events"),
    path(
        f"{COMPLAINT}attachments/",
        complaints.ComplaintAttachmentsApi.as_view(),
        name="complaint-attachments",
    ),
    path(
        f"{COMPLAINT}attachments/<int:pk>/",
        complaints.ComplaintAttachmentFileApi.as_view(),
        name="complaint-attachment",
    ),
    *[
        path(f"{COMPLAINT}actions/{name}/", view.as_view(), name=f"complaint-{name}")
        for name, view in ACTION_VIEWS.items()
    ],
    path(CITIZEN, citizen.CitizenComplaintApi.as_view(), name="citizen-complaint"),
    path(f"{CITIZEN}events/", citizen.CitizenEventsApi.as_view(), name="citizen-events"),
    path(
        f"{CITIZEN}attachments/<int:pk>/",
        citizen.CitizenAttachmentFileApi.as_view(),
        name="citizen-attachment",
    ),
    path(f"{CITIZEN}add-info/", citizen.CitizenAddInfoApi.as_view(), name="citizen-add-info"),
    path(f"{CITIZEN}respond/", citizen.CitizenRespondApi.as_view(), name="citizen-respond"),
    path(f"{CITIZEN}rating/", surveys.CitizenRatingApi.as_view(), name="citizen-rating"),
    path("categories/", reference.CategoryListApi.as_view(), name="categories"),
    path("units/", reference.UnitListApi.as_view(), name="units"),
    path("areas/", reference.AreaListApi.as_view(), name="areas"),
    path("statistics/", statistics.StatisticsApi.as_view(), name="statistics"),
    path(
        "statistics/public/",
        statistics.PublicStatisticsApi.as_view(),
        name="statistics-public",
    ),
    path("surveys/ratings/", surveys.RatingListApi.as_view(), name="survey-ratings"),
    path("surveys/ikm/", surveys.IkmApi.as_view(), name="survey-ikm"),
    path("me/", reference.MeApi.as_view(), name="me"),
    path("replies/check/", ReplyCheckApi.as_view(), name="replies-check"),
]

urlpatterns = [
    # The asynchronous intake in front of the complaints view (the schema documents the
    # view, ``ComplaintListCreateApi``, which answers everything else).
    path("complaints/", intake.complaints, name="complaints"),
    *api_patterns,
    path(
        "schema/",
        # Only this API's endpoints, whatever else the project mounts.
        SpectacularAPIView.as_view(patterns=[path("api/v1/", include(api_patterns))]),
        name="schema",
    ),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    # Last: unknown API addresses (an unknown action, a malformed id) get a JSON 404, and a
    # missing final slash a 308.
    re_path(r"^.*$", not_found),
]
