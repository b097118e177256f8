"""When to try a failed index update again: a plain function, unit-tested."""


def retry_delay_seconds(attempt: int, first_delay: float, max_delay: float) -> float:
    """Seconds to wait after failed attempt number `attempt` (1 for the first): doubling from
    `first_delay`, never more than `max_delay`.

    >>> [retry_delay_seconds(n, 10, 600) for n in (1, 2, 3, 7, 8, 50)]
    [10, 20, 40, 600, 600, 600]
    """
    if attempt < 1:
        raise ValueError("attempt counts from 1")
    # Cap the exponent first: 2 ** 50 is fine, 2 ** 5000 is not a float.
    return min(max_delay, first_delay * 2 ** min(attempt - 1, 60))
