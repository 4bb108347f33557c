"""REST API v1 at /api/v1/ (Django REST framework, OpenAPI by drf-spectacular).

A channel like the others: its views parse input, call ``complaints.services`` and read
through ``complaints.selectors``; ``access`` says who the caller is and what they may reach.
The schema is at /api/v1/schema/, the documentation at /api/v1/docs/ and /api/v1/redoc/.
"""
