"""Tables as a user reads them: a table is the one with these column headers, a cell is the one under
a column header in a row. No position is written down: a portal that orders its columns otherwise
still reads the same."""

from playwright.sync_api import Locator, Page


def table_with(page: Page, *headers: str) -> Locator:
    """The table that has all these column headers."""
    table = page.get_by_role("table")
    for header in headers:
        table = table.filter(has=page.get_by_role("columnheader", name=header, exact=True))
    return table.first


def cell(table: Locator, row: Locator, header: str) -> Locator:
    """The cell of `row` under the column headed `header` (header cells of the row count as cells)."""
    headers = table.get_by_role("columnheader")
    headers.first.wait_for()
    names = [text.strip() for text in headers.all_inner_texts()]
    if header not in names:
        raise AssertionError(f"表格没有“{header}”一列（列标题：{'、'.join(names)}）")
    return row.get_by_role("cell").or_(row.get_by_role("rowheader")).nth(names.index(header))
