"""Reading the HTML a page answered with, as a family's browser would show it."""

from bs4 import BeautifulSoup


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")
