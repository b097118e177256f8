"""gunicorn's access log, without the personal data that URLs can carry."""

from gunicorn.glogging import Logger

from website.logging_filters import redact_query_string


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("U", "r", "q", "f"):
            if atoms.get(key):
                atoms[key] = redact_query_string(str(atoms[key]))
        if atoms.get("q"):
            atoms["q"] = "[redacted]"
        return atoms
