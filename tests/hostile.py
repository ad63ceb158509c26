"""A gallery of hostile names planted in a copy of the hand-built fixture: markdown, HTML, `javascript:`
links, Streamlit's own directives, formulas, bidi and zero-width characters and 2,000 characters. Every
view and every file must show them as the characters they are (tests/test_hostile_names.py and the
browser journeys)."""

from __future__ import annotations

from sqlalchemy import Engine, update

from dashboard.schema import CommitteeMember, Community, County, ResidentUnit, Street, TwoNewOrg, TwoNewSite

LINK = "[点我](https://evil.example/x)"
HTML = "<a href='https://evil.example/y'>链接</a><b>粗</b><img src=x onerror=alert(1)>"
MARKDOWN = "**粗体**_斜体_`代码`#标题"
SCRIPT = "[脚本](javascript:alert(1))"
DIRECTIVES = ":red[红字]:material/flag::smile:$x^2$"
BIDI = "\u202e道街甲\u202c\u200b一\u200d"
FORMULA = '=HYPERLINK("https://evil.example/z","点")'
LONG = "长" * 2000

# Pieces that must never reach a reader as markup: none may appear verbatim where markdown or HTML is read.
ACTIVE = ["**粗体**", "[点我](", "<a href", "<b>粗", "<img", "](javascript:", ":red[", ":material/flag:",
          ":smile:", "$x^2$", "`代码`", "\u202e", "\u200b", "\u200d"]

NAMES = {
    (County, "T01"): LINK,
    (Street, "T01-S1"): MARKDOWN + HTML,
    (Street, "T01-S2"): SCRIPT + BIDI,
    (Street, "T02-S3"): LONG,
    (Community, "K1"): DIRECTIVES,
    (ResidentUnit, "U1"): FORMULA,
    (ResidentUnit, "U3"): HTML,
    (TwoNewSite, "SITE1"): LINK + "大厦",
}


def plant_hostile_names(engine: Engine) -> None:
    """Rename areas, units, sites, organizations and committee members of the fixture to hostile names."""
    with engine.begin() as connection:
        for (model, code), name in NAMES.items():
            connection.execute(update(model).where(model.code == code).values(name=name))
        connection.execute(update(TwoNewOrg).values(name=TwoNewOrg.code + HTML))
        connection.execute(update(CommitteeMember).where(CommitteeMember.person_name == "张书记")
                           .values(person_name="**张**"))
