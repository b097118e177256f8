"""gunicorn's access log, without the personal data that URLs can carry, and cheap to write.

gunicorn works out every atom a log line could use for every request (each request header,
response header and environment variable among them), escapes them all, and then formats a
line that uses eight. On a cached page that was a sixth of the CPU a request cost. Here the
atoms of the default format (gunicorn.conf.py) are worked out at once, and the rest only if a
format asks for one."""

from gunicorn.glogging import Logger, SafeAtoms

from website.logging_filters import redact_query_string

# Atoms that can carry what someone typed: the path (/api/v1/postcodes/WV1 1SH/), the request
# line, the query string and the referring URL.
PERSONAL_ATOMS = ("U", "r", "q", "f")


def redacted(atoms: dict) -> dict:
    for key in PERSONAL_ATOMS:
        if atoms.get(key):
            atoms[key] = redact_query_string(str(atoms[key]))
    if atoms.get("q"):
        atoms["q"] = "[redacted]"
    return atoms


def escaped(value: str) -> str:
    # As gunicorn's SafeAtoms: a quote in a value must not end a quoted field of the line.
    return value.replace('"', '\\"')


class AccessAtoms(dict):
    """One access log line's atoms: those of the default format already, any other worked out
    by gunicorn (and redacted) the first time the format asks for one."""

    def __init__(self, logger: Logger, resp, req, environ: dict, request_time):
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        super().__init__(
            h=environ.get("REMOTE_ADDR", "-"),
            m=environ.get("REQUEST_METHOD"),
            U=escaped(redact_query_string(environ.get("PATH_INFO") or "")),
            H=environ.get("SERVER_PROTOCOL"),
            s=status,
            B=getattr(resp, "sent", None),
            M=request_time.seconds * 1000 + request_time.microseconds // 1000,
            a=escaped(environ.get("HTTP_USER_AGENT", "-")),
        )
        self._request = (logger, resp, req, environ, request_time)
        self._all_atoms = None

    def __missing__(self, key: str):
        if self._all_atoms is None:
            logger, resp, req, environ, request_time = self._request
            self._all_atoms = SafeAtoms(
                redacted(Logger.atoms(logger, resp, req, environ, request_time))
            )
        return self._all_atoms[key]


class RedactingLogger(Logger):
    # AccessAtoms escapes what it holds itself.
    atoms_wrapper_class = staticmethod(lambda atoms: atoms)

    def atoms(self, resp, req, environ, request_time):
        return AccessAtoms(self, resp, req, environ, request_time)
