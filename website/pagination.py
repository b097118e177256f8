"""The pagination bar every listing shows (templates/includes/pagination.html): which page
numbers to link to, and the links themselves. Plain functions, no database."""

from collections.abc import Callable


def page_links(current: int, total: int, around: int = 1) -> list[int | None]:
    """The page numbers a pagination bar shows: the first, the last, and `around` pages either
    side of the current one, with None where a gap ("…") goes. [] when there is one page."""
    if total <= 1:
        return []
    wanted = {1, total, *range(current - around, current + around + 1)}
    numbers = sorted(number for number in wanted if 1 <= number <= total)
    links: list[int | None] = []
    for number in numbers:
        if links and number - links[-1] == 2:
            links.append(number - 1)  # a gap of one page: show the page, not "…"
        elif links and number - links[-1] > 2:
            links.append(None)
        links.append(number)
    return links


def pagination(current: int, total: int, link: Callable[[int], str]) -> dict:
    """What includes/pagination.html shows for page `current` of `total`, each page's address
    being `link(number)`."""
    return {
        "current": current,
        "total": total,
        "previous": link(current - 1) if current > 1 else "",
        "next": link(current + 1) if current < total else "",
        "pages": [
            {"number": number, "href": link(number), "current": number == current}
            if number
            else None
            for number in page_links(current, total)
        ],
    }
