"""gunicorn settings for one Aduan web process group (``gunicorn -c deploy/gunicorn.conf.py
aduan.wsgi``). Each value can be changed by an environment variable of the same unit file.

Workers are synchronous: nginx in front buffers slow mobile clients, so a worker is busy only
while Django works. 2 × cores + 1 is the usual start; the database, not the web tier, is
what runs out first (docs/deployment.md has the measurements).
"""

import multiprocessing
import os

bind = os.environ.get("ADUAN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("ADUAN_WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Threads per worker (gthread): 1 keeps synchronous workers. A process group that serves
# mostly the intake API gains from a few (each report waits for its commit to reach the disk,
# and threads overlap those waits); staff pages, which are CPU work, keep 1 (threads in one
# process share its interpreter lock). docs/performance.md, "10M and 10k again, evening".
threads = int(os.environ.get("ADUAN_WEB_THREADS", 1))
worker_class = "gthread" if threads > 1 else "sync"
# A request that takes longer than this is killed (the intake's slowest step, the triage
# classifier, takes milliseconds; uploads arrive whole through nginx).
timeout = int(os.environ.get("ADUAN_WEB_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Restart a worker after this many requests (plus jitter, so they do not all restart at
# once): bounds the growth of any slow leak.
max_requests = int(os.environ.get("ADUAN_WEB_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# Trust X-Forwarded-* only from nginx on the same machine.
forwarded_allow_ips = os.environ.get("ADUAN_FORWARDED_ALLOW_IPS", "127.0.0.1")
limit_request_line = 8190
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
proc_name = "aduan-web"
