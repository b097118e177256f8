# /etc/varnish/harbour-site.vcl: what deploy/varnish/harbour.vcl needs to know about your
# machines. Copy it, change the addresses, and start varnishd with
#   -f /srv/harbour/deploy/varnish/harbour.vcl -p vcl_path=/etc/varnish:/srv/harbour/deploy/varnish
# (scripts/varnish.sh writes one like it for a single machine).

# The app servers (gunicorn). Several: declare each and put them in a round-robin director
# (vmod directors), then `set req.backend_hint = app.backend();` in a vcl_recv of your own.
backend default {
    .host = "10.0.0.11";
    .port = "8000";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    # /healthz/live/ is 200 while the app can serve pages (503 when its database is down).
    # The Host must be one of ALLOWED_HOSTS.
    .probe = {
        .request = "GET /healthz/live/ HTTP/1.1"
                   "Host: familyhubs.example.gov.uk"
                   "Connection: close"
                   "User-Agent: Varnish health probe";
        .interval = 2s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may PURGE and BAN: the app servers and the task worker's machines.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/24;
}

# How long a kept page may be served after it expired, while the app is down or failing.
sub harbour_grace {
    set beresp.grace = 1h;
}
