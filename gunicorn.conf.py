"""gunicorn settings for production: `gunicorn website.wsgi` reads this file from the project
folder. Everything can be overridden by environment variables (GUNICORN_CMD_ARGS, or the ones
below)."""

import multiprocessing
import os

bind = os.environ.get("BIND", "0.0.0.0:8000")
# Two workers per core is a good start for a site that waits on PostgreSQL and Elasticsearch;
# WEB_CONCURRENCY overrides it (platforms set it for you).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# Requests that take longer than this are killed and logged: a stuck worker must not hang.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Workers are not recycled by default. A gthread worker that retires after max_requests drops
# the requests already waiting on its kept-alive connections (gunicorn closes them as it exits):
# the load test counted 3 to 24 failed requests a minute with recycling every 5,000 requests. If
# worker memory grows over weeks, set GUNICORN_MAX_REQUESTS (say 100000), with a proxy in front
# that retries idempotent requests (nginx does by default).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
preload_app = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# "off" when a proxy in front keeps the access log: the app servers then write none.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
if accesslog == "off":
    accesslog = None
errorlog = "-"
# The access log never holds what people type: query strings and postcode paths are redacted
# by website.gunicorn_logging.
logger_class = "website.gunicorn_logging.RedactingLogger"
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'
