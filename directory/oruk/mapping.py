"""Open Referral UK 3.0 mapping, both ways, under the one name it had before it was split:
export (our records as ORUK objects) is directory.oruk.to_oruk, import (ORUK objects back as
our field values) is directory.oruk.from_oruk, and what both share is directory.oruk.vocabulary.
New code imports from those; `mapping.service(...)` and the like still find their function."""

from types import ModuleType

from . import from_oruk, to_oruk, vocabulary

PARTS: tuple[ModuleType, ...] = (to_oruk, from_oruk, vocabulary)


def __getattr__(name: str):
    for part in PARTS:
        if name in vars(part):
            return vars(part)[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
