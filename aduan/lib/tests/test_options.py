from aduan.lib.options import OptionList


def test_options_are_rendered_in_order_and_the_chosen_one_is_marked():
    options = OptionList([(1, "Kauman"), (12, "Kergon"), (2, "Tirto")])
    assert options.html() == (
        '<option value="1">Kauman</option><option value="12">Kergon</option>'
        '<option value="2">Tirto</option>'
    )
    assert options.html(1) == (
        '<option value="1" selected>Kauman</option><option value="12">Kergon</option>'
        '<option value="2">Tirto</option>'
    )
    # "1" is not a prefix match of "12"
    assert options.html("12").count(" selected") == 1
    assert '<option value="12" selected>' in options.html("12")
    assert " selected" not in options.html("99") and " selected" not in options.html("")


def test_labels_and_values_are_escaped_and_cannot_fake_a_selection():
    options = OptionList([("a&b", '<option value="x">'), ("x", "X")])
    html = options.html("x")
    assert '<option value="a&amp;b">&lt;option value=&quot;x&quot;&gt;</option>' in html
    assert html.endswith('<option value="x" selected>X</option>')
    assert html.count(" selected") == 1
    assert '<option value="a&amp;b" selected>' in options.html("a&b")
