from website.rich_text import without_repeated_lead


def test_a_first_paragraph_that_repeats_the_lead_is_dropped():
    rest = '<p data-block-key="b2">More.</p>'
    html = f'<p data-block-key="a1">Borrow <b>toys</b> for  free.</p>{rest}'
    assert without_repeated_lead(html, "Borrow toys for free.") == rest


def test_only_the_same_words_count():
    html = "<p>Borrow toys for free, and games.</p>"
    assert without_repeated_lead(html, "Borrow toys for free.") == html
    assert without_repeated_lead("<h2>Borrow toys for free.</h2>", "Borrow toys for free.") == (
        "<h2>Borrow toys for free.</h2>"
    )


def test_nothing_to_compare():
    assert without_repeated_lead("", "Lead") == ""
    assert without_repeated_lead(None, "Lead") == ""
    assert without_repeated_lead("<p>Text</p>", "") == "<p>Text</p>"
    assert without_repeated_lead("<p>Lead</p>", "lead") == ""
