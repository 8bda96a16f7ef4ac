"""pages/tables.py on the renderings a vendor may give the same table (issue 18): header cells (<th>), a
header row of ordinary cells (<td>, bold by style only), and the header and the rows as two tables (Vue
Element UI's el-table: a fixed header over a scrolling body). Each is read through a page object's cell
lookup, with the columns in another order too, and each lookup of a column the table lacks fails saying
which columns it has. Pages are set with page.set_content in the run's browser (the suite's `page`, with
the selector engines of pages/frame.py and pages/tables.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pages.tables import cell, table_with
from pages.unit_grants_page import UnitGrantsPage

HEADERS = ["授权单位名称", "授权法人姓名", "授权时间"]
ROWS = [["北京星河科技有限公司", "王建国", "2026-11-01"], ["上海云帆生物有限公司", "李秀英", "2026-11-02"]]


def html(body: str) -> str:
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main>{body}</main></body></html>'
    )


def tr(cells: list[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


def th_table(order: list[int]) -> str:
    head = tr([HEADERS[i] for i in order], "th")
    body = "".join(tr([row[i] for i in order]) for row in ROWS)
    return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"


def td_header_table(order: list[int]) -> str:
    head = tr([f"<b>{HEADERS[i]}</b>" for i in order])
    body = "".join(tr([row[i] for i in order]) for row in ROWS)
    return f'<table class="list">{head}{body}</table>'


def split_table(order: list[int]) -> str:
    """Element UI's markup, trimmed: two tables, the header's with an empty gutter cell, each in wrappers."""
    head = (
        "<tr>"
        + "".join(f'<th><div class="cell">{HEADERS[i]}</div></th>' for i in order)
        + '<th class="gutter"></th></tr>'
    )
    body = "".join(
        "<tr>" + "".join(f'<td><div class="cell">{row[i]}</div></td>' for i in order) + "</tr>" for row in ROWS
    )
    return (
        '<div class="el-table"><div class="el-table__header-wrapper"><table class="el-table__header">'
        f"<thead>{head}</thead></table></div>"
        f'<div class="el-table__body-wrapper"><table class="el-table__body"><tbody>{body}</tbody></table></div></div>'
    )


RENDERINGS = {"th": th_table, "td-header-row": td_header_table, "header-and-body-tables": split_table}
ORDERS = {"as-designed": [0, 1, 2], "reordered": [2, 0, 1]}
OTHER_TABLE = th_table([0, 1, 2]).replace("授权单位名称", "单位名称").replace("授权法人姓名", "法人姓名")


@pytest.mark.parametrize("order", ORDERS.values(), ids=ORDERS.keys())
@pytest.mark.parametrize("render", RENDERINGS.values(), ids=RENDERINGS.keys())
def test_a_cell_is_read_under_its_column_header_however_the_table_is_drawn(page, render, order):
    page.set_content(html(f"<h1>我的信息</h1>{OTHER_TABLE}<p>授权单位</p>{render(order)}"))
    grants = UnitGrantsPage(page)
    expect(grants.unit_cell("上海云帆生物有限公司", "授权法人姓名")).to_have_text("李秀英")
    expect(grants.unit_cell("北京星河科技有限公司", "授权时间")).to_have_text("2026-11-01")
    expect(grants.unit_row("上海云帆生物有限公司")).to_have_count(1)


@pytest.mark.parametrize("render", RENDERINGS.values(), ids=RENDERINGS.keys())
def test_a_column_the_table_lacks_fails_naming_the_columns_it_has(page, render):
    page.set_content(html(render([0, 1, 2])))
    grants = UnitGrantsPage(page)
    with pytest.raises(AssertionError, match="表格没有“授权角色”一列（列标题：授权单位名称、授权法人姓名、授权时间"):
        grants.unit_cell("北京星河科技有限公司", "授权角色")


@pytest.mark.parametrize("render", RENDERINGS.values(), ids=RENDERINGS.keys())
def test_a_table_without_all_the_headers_is_not_the_table(page, render):
    page.set_content(html(render([0, 1, 2])))
    expect(table_with(page, "授权单位名称", "授权角色")).to_have_count(0)
    expect(table_with(page, "授权单位名称", "授权时间")).to_have_count(1)


def test_a_header_table_whose_body_is_empty_is_still_the_table(page):
    """Element UI with no rows shows its header table and a "暂无数据" text, no body rows."""
    empty = split_table([0, 1, 2]).split('<div class="el-table__body-wrapper">')[0] + "<div>暂无数据</div></div>"
    page.set_content(html(empty))
    table = table_with(page, "授权单位名称", "授权时间")
    expect(table).to_have_count(1)
    expect(table.get_by_role("row").filter(has_text="北京星河科技有限公司")).to_have_count(0)
    expect(table.get_by_role("columnheader", name="授权时间")).to_be_visible()


def test_the_cell_of_a_data_row_is_not_taken_from_a_row_the_table_lacks(page):
    page.set_content(html(th_table([0, 1, 2])))
    grants = UnitGrantsPage(page)
    expect(cell(grants.units, grants.unit_row("广州不存在公司"), "授权时间")).to_have_count(0)
