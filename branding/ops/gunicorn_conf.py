"""gunicorn's settings for the platform: ``gunicorn -c python:branding.ops.gunicorn_conf wsgi:app``.

Each value can be changed from the environment without editing this file:

- ``BIND`` (``127.0.0.1:8000``): nginx in front proxies to it (``docs/deploy/nginx.conf``).
- ``WEB_CONCURRENCY`` (2) worker processes of ``GUNICORN_THREADS`` (4) threads each: a worker
  starts at about 90 MB and holds 150–200 MB once it has served every page and searched an
  index of national size, so two per core of a small machine; threads let a slow phone's request
  wait without holding a whole process.
- ``GUNICORN_TIMEOUT`` (120 s): a photo upload from a phone on a slow line must fit.
- Graceful restarts: ``kill -HUP`` (systemd ``reload``) starts new workers with new code and
  lets the old ones finish their requests for up to ``graceful_timeout``.
- ``max_requests`` recycles each worker after a few thousand requests, bounding memory growth.
- The access log goes to stderr (journald), one JSON object per request, with the request id
  the platform sends back (``X-Request-ID``), so a log line of a request and its access line
  can be matched.
"""

from __future__ import annotations

import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = (
    '{"time": "%(t)s", "request_id": "%({x-request-id}o)s", "remote": "%({x-forwarded-for}i)s", '
    '"method": "%(m)s", "path": "%(U)s", "query": "%(q)s", "status": %(s)s, "bytes": "%(B)s", '
    '"ms": %(M)s, "agent": "%(a)s"}'
)
