"""Open311 GeoReport v2: an adapter over the same intake and the same tables as every channel.

Discovery: ``/open311/discovery.{xml,json}``. Endpoint root: ``/open311/v2/``:

=========================================  ==================================================
``GET services.{fmt}``                     the jurisdiction's active categories
``GET services/{service_code}.{fmt}``      a definition: the ``kelurahan`` attribute
                                           (singlevaluelist of kelurahan codes)
``POST requests.{fmt}``                    files a complaint (channel open311); api_key in the
                                           body or the query string; returns
                                           service_request_id (the tracking code) at once
``GET requests.{fmt}``                     public requests; service_request_id, service_code,
                                           status, start_date/end_date (90 days at most, the
                                           latest 90 by default), page/page_size; at most
                                           ``ADUAN_OPEN311_MAX_ROWS`` (1,000) rows;
                                           ``extensions=true`` adds attributes,
                                           extended_attributes (extended status) and notes
``GET requests/{id}.{fmt}``                one request, as a list of one
``GET tokens/{token}.{fmt}``               requests are synchronous: a token is the id
``GET servicerequestupdates.{fmt}``        the public timeline, with extended statuses
=========================================  ==================================================

``jurisdiction_id`` is ``Jurisdiction.slug``: optional while one jurisdiction is active.
API keys are ``aduan.api.models.ApiToken`` rows with the ``open311`` scope, issued per
integration in the admin or with ``aduan open311-key --jurisdiction SLUG --name "App"``.

Where things are: ``formats`` (XML/JSON, errors, dates), ``status`` (status mapping),
``public`` (what of a complaint is public), ``selectors`` (reads), ``output`` (rows as
Open311 structures), ``services`` (POST into the intake; idempotency), ``views``.
"""
