"""Tables as a user reads them: a table is the one with these column headers, a cell is the one under
a column header in a row. No position is written down: a portal that orders its columns otherwise
still reads the same.

Three ways a portal draws the same table, all read alike:
- a table with header cells (<th>, role columnheader): found by role and name;
- a table whose header row is ordinary cells (<td>姓名</td>, bold by style only: many older government
  sites): no accessibility API calls them headers, so the table is found by its first row's texts;
- the header and the rows as two tables side by side (a fixed header over a scrolling body, as Vue's
  Element UI draws every el-table): the header table holds no row of data, so "the table" is the
  smallest part of the page that holds it and a table of rows with it.
The last two are found by the selector engine below (registered with pages/frame.py's, once per
Playwright); only this module may use it (tools/locator_policy.py).
"""

from playwright.sync_api import Locator, Page

TABLE_ENGINE = "column-table"
# column-table=姓名|授权系统: the tables (or, for a split table, its header's and body's closest common
# part) whose header row, <th> cells or else the first row's cells, shows every one of these texts.
TABLE_ENGINE_SCRIPT = r"""
({
  _text(el) { return (el.textContent || "").replace(/\s+/g, ""); },
  _rows(table) { return Array.from(table.rows || []); },
  _headerRow(table) {
    const rows = this._rows(table);
    return rows.find((row) => Array.from(row.cells).some((c) => c.localName === "th")) || rows[0] || null;
  },
  _headers(table) {
    const row = this._headerRow(table);
    return row ? Array.from(row.cells).map((c) => this._text(c)) : [];
  },
  _hasDataRow(table, header = null) {
    return this._rows(table).some((row) => row !== header && Array.from(row.cells).some((c) => c.localName === "td"));
  },
  queryAll(root, body) {
    const wanted = body.split("|").map((h) => h.replace(/\s+/g, "")).filter(Boolean);
    const doc = root.ownerDocument || root;
    const found = [];
    for (const table of (root.querySelectorAll ? root.querySelectorAll("table") : [])) {
      const headers = this._headers(table);
      if (!wanted.every((h) => headers.includes(h))) continue;
      let hit = table;
      if (!this._hasDataRow(table, this._headerRow(table))) {
        hit = null;
        for (let up = table.parentElement; up && up !== doc.documentElement; up = up.parentElement) {
          const others = Array.from(up.querySelectorAll("table")).filter((t) => t !== table);
          if (others.some((t) => this._hasDataRow(t))) { hit = up; break; }
        }
      }
      if (hit && !found.includes(hit)) found.push(hit);
    }
    return found;
  },
  query(root, body) { return this.queryAll(root, body)[0] || null; },
})
"""


def table_with(page: Page, *headers: str) -> Locator:
    """The table that has all these column headers: marked as header cells, or shown as its first row,
    or drawn as a header table over a body table (TABLE_ENGINE)."""
    table = page.get_by_role("table")
    for header in headers:
        table = table.filter(has=page.get_by_role("columnheader", name=header, exact=True))
    drawn = page.locator(f"column-table={'|'.join(headers)}")  # TABLE_ENGINE; written out for the policy
    return table.or_(drawn).first


def column_names(table: Locator) -> list[str]:
    """The column headers in the order shown: the header cells, else the cells of the first row."""
    table.wait_for()
    headers = table.get_by_role("columnheader")
    if headers.count():
        return [text.strip() for text in headers.all_inner_texts()]
    return [text.strip() for text in table.get_by_role("row").first.get_by_role("cell").all_inner_texts()]


def cell(table: Locator, row: Locator, header: str) -> Locator:
    """The cell of `row` under the column headed `header` (header cells of the row count as cells)."""
    names = column_names(table)
    if header not in names:
        raise AssertionError(f"表格没有“{header}”一列（列标题：{'、'.join(names)}）")
    return row.get_by_role("cell").or_(row.get_by_role("rowheader")).nth(names.index(header))
