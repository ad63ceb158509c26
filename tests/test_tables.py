"""Long tables are shown a page at a time; a selected row maps back to the whole table."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def paged_table():
    import pandas as pd
    import streamlit as st

    from dashboard.tables import page_of

    rows = int(st.query_params.get("rows", "250"))
    frame = pd.DataFrame({"n": range(rows)})
    page, offset = page_of(frame, "numbers")
    st.dataframe(page, key="numbers")
    st.markdown(f"offset {offset}")


def test_a_long_table_is_paged():
    app = AppTest.from_function(paged_table)
    app.run()
    assert app.dataframe[0].value["n"].tolist() == list(range(100))
    app.number_input(key="numbers_page").set_value(3).run()
    assert app.dataframe[0].value["n"].tolist() == list(range(200, 250))
    assert app.markdown[0].value == "offset 200" and "共 250 行" in app.caption[0].value


def test_a_short_table_has_no_pager():
    app = AppTest.from_function(paged_table)
    app.query_params["rows"] = "100"
    app.run()
    assert len(app.dataframe[0].value) == 100 and not app.number_input
