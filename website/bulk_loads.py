"""What a bulk load (the demo council, a fixture) runs inside: each app may defer work that
every save would otherwise do, and do it once when the load ends.

This module knows no app: an app registers a context manager from its AppConfig.ready() with
`defer_during_bulk_loads` (search defers its index updates, search.bulk_saves), and a bulk load
runs inside `bulk_load()`, which enters every registered one."""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager

# Context manager factories, in the order the apps registered them (INSTALLED_APPS order).
_deferrals: list[Callable[[], AbstractContextManager]] = []


def defer_during_bulk_loads(
    deferral: Callable[[], AbstractContextManager],
) -> Callable[[], AbstractContextManager]:
    """Register a context manager factory for every bulk load to run inside. Registering the
    same one twice enters it once."""
    if deferral not in _deferrals:
        _deferrals.append(deferral)
    return deferral


@contextmanager
def bulk_load() -> Iterator[None]:
    with ExitStack() as stack:
        for deferral in _deferrals:
            stack.enter_context(deferral())
        yield
