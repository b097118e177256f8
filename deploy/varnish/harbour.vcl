# Harbour's Varnish configuration (docs/deployment.md). Varnish sits between the TLS terminator
# (or load balancer) and gunicorn, and keeps what Django says a shared cache may keep.
#
# What is specific to one machine (where gunicorn listens, the probe's Host header, who may
# purge, how long grace lasts) is in harbour-site.vcl, which scripts/varnish.sh writes beside
# the running instance; in production write your own (deploy/varnish/harbour-site.example.vcl).
#
# Rules:
# - Only anonymous GET and HEAD are looked up. A request with a session cookie (a signed-in
#   editor), any other method, the admin, and anything carrying what someone typed (a search, a
#   postcode) goes straight to the app; other cookies (analytics, consent) are dropped.
# - Django's Cache-Control decides what is kept and for how long (s-maxage): an opening status
#   line that changes at 09:00 ends its page's lifetime at 09:00 (website/freshness.py).
# - Grace: while the app is healthy nothing is served stale. When its probe fails, or it
#   answers 5xx, what Varnish has is served for up to the grace period (harbour-site.vcl).
# - Tracking parameters are stripped and the query string is cut down to the parameters the
#   site reads, in a fixed order, so made-up query strings cannot fill the cache.
# - PURGE (one URL: Wagtail's frontend cache, on publish) and BAN (a whole site: a change every
#   page shows) are accepted from the `purgers` ACL only.
vcl 4.1;

import std;

include "harbour-site.vcl";

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.x-harbour-stale;
    }
    if (req.http.host) {
        set req.http.host = req.http.host.lower();
    }

    call harbour_clean_query_string;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Everything kept for this host but static files (their names change with their
        # content). Both conditions read the object only, so the ban lurker can apply it in
        # the background and the ban list stays short.
        ban("obj.http.x-harbour-host == " + req.http.host + " && obj.http.x-harbour-url !~ ^/static/");
        return (synth(200, "Banned"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Plain HTTP behind a TLS terminator is answered with a redirect to HTTPS: never kept, so
    # that the redirect and the page cannot be confused.
    if (req.http.x-forwarded-proto && req.http.x-forwarded-proto != "https") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|_util|healthz)(/|$)") {
        return (pass);
    }
    # What a member of the public typed (settings.PRIVATE_QUERY_PARAMETERS): the app answers
    # "private, no-store" anyway; passing at once keeps such answers from taking a slot.
    if (req.url ~ "[?&](q|postcode|search|location)=") {
        return (pass);
    }
    if (req.http.authorization) {
        return (pass);
    }
    # A session (Django's sessionid) means a signed-in editor or a visitor who has given a
    # page's password: their pages are their own.
    if (req.http.cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.cookie;

    if (std.healthy(req.backend_hint)) {
        # Nothing stale while the app answers: an expired page is fetched afresh.
        set req.grace = 0s;
    }
    if (req.http.x-harbour-stale) {
        # Restarted after the app failed (vcl_synth): whatever is kept will do.
        set req.grace = 24h;
    }
    return (hash);
}

# Tracking parameters out, then every parameter the site does not read, then a fixed order.
# Keep HARBOUR_QUERY_PARAMETERS in step with the views (tests/website/test_varnish_config.py
# checks it against every parameter the bad-input sweep knows).
sub harbour_clean_query_string {
    if (req.url !~ "\?") {
        return;
    }
    set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|igshid|yclid|ttclid|twclid|li_fat_id)=[^&]*", "\1");
    # HARBOUR_QUERY_PARAMETERS: the site's own and the private ones (kept so that the request
    # can be recognised and passed).
    set req.url = regsuball(req.url, "([?&])(?!(?:q|postcode|search|location|page|per_page|type|sort|topic|year|radius|category|age|free|delivery|taxonomy_term_id|taxonomy_id|parent_id|modified_after|full|proximity|limit|next|p)(?:=|&|$))[^&]*", "\1");
    set req.url = regsuball(req.url, "&{2,}", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]$", "");
    set req.url = std.querysort(req.url);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    return (lookup);
}

sub vcl_miss {
    # A restart after a failure found nothing kept: let the app's own error page through,
    # without keeping anything in place of what may be fetched later.
    if (req.http.x-harbour-stale) {
        return (pass);
    }
}

sub vcl_backend_response {
    # What BAN matches on (removed before delivery).
    set beresp.http.x-harbour-host = bereq.http.host;
    set beresp.http.x-harbour-url = bereq.url;

    if (beresp.status >= 500 && !bereq.uncacheable) {
        # Never keep a failure, and never let one replace a good page: the client is served
        # the kept page instead (vcl_synth restarts the request).
        return (abandon);
    }
    call harbour_grace;
    # The rest as Varnish's built-in rules: no Set-Cookie, no private/no-store/no-cache, and
    # the lifetime from s-maxage or max-age; no Cache-Control at all means not kept (-t 0).
}

sub vcl_backend_error {
    if (!bereq.uncacheable) {
        return (abandon);
    }
}

sub vcl_synth {
    # The app failed (or could not be reached) for a request that may be served from the
    # cache: look again, accepting anything kept within grace.
    if (resp.status == 503 && req.restarts == 0 && !req.http.x-harbour-stale
        && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.x-harbour-stale = "1";
        return (restart);
    }
}

sub vcl_deliver {
    unset resp.http.x-harbour-host;
    unset resp.http.x-harbour-url;
    # Browsers keep a page for max-age only; s-maxage was for us.
    if (obj.uncacheable) {
        set resp.http.x-cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.x-cache = "hit";
    } else {
        set resp.http.x-cache = "miss";
    }
}
