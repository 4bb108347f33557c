"""Open311 GeoReport v2: discovery at /open311/discovery.{xml,json}, the endpoint root at
/open311/v2/. The format is the path's suffix (.xml or .json)."""

from django.urls import re_path

from aduan.open311 import views

app_name = "open311"

FMT = r"\.(?P<fmt>xml|json)$"

urlpatterns = [
    re_path(rf"^discovery{FMT}", views.discovery, name="discovery"),
    # Some clients look for discovery beside the endpoints.
    re_path(rf"^v2/discovery{FMT}", views.discovery),
    re_path(rf"^v2/services{FMT}", views.services, name="services"),
    re_path(rf"^v2/services/(?P<code>[^/]+?){FMT}", views.service_definition, name="service"),
    re_path(rf"^v2/requests{FMT}", views.requests, name="requests"),
    re_path(rf"^v2/requests/(?P<request_id>[^/]+?){FMT}", views.request_detail, name="request"),
    re_path(rf"^v2/tokens/(?P<token_id>[^/]+?){FMT}", views.token, name="token"),
    re_path(rf"^v2/servicerequestupdates{FMT}", views.updates, name="updates"),
    # Anything else under /open311/: an Open311 404, not an HTML page.
    re_path(r"^(?P<path>.*)$", views.not_found, name="not_found"),
]
