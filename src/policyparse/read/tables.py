"""Tables a reader found, with every cell's ``[start, end)`` span in ``source_text``.

A reader renders each table row as one line of ``source_text`` (``cell | cell | … |``,
the way the bundled corpus prints table rows), and records the cells it wrote through
a :class:`TableBuilder`.  Whether a table is a task table (任务分解表 / 重点任务清单)
is decided from its header row by :func:`header_roles` (grammars/tables.yaml); the
task tables become measures in :mod:`policyparse.outline.tables`, the fields of their
cells are read in :mod:`policyparse.extract.cells`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

SEP = " | "


@dataclass(slots=True)
class Cell:
    text: str
    start: int  # span in source_text
    end: int


@dataclass(slots=True)
class Table:
    rows: list[list[Cell]]  # the grid: a cell spanning rows or columns repeats
    span: tuple[int, int]
    header_row: int | None = None  # index of the header row, when one was recognised
    roles: list[str | None] = field(default_factory=list)  # column roles (see header_roles)
    kind: str = "task"  # "task" (header_roles) or "indicator" (indicator_roles)


@functools.cache
def table_grammar() -> dict:
    """grammars/tables.yaml, compiled (column roles, unit separators, cell roles …)."""
    from .. import grammar

    g = grammar.load("tables")
    return {
        "columns": [(c["role"], re.compile(c["pattern"])) for c in g["columns"]],
        "no_deadline": re.compile(g["no_deadline"]),
        "unit_sep": frozenset(g["unit_separators"]),
        "cell_roles": {k: re.compile(v) for k, v in g["cell_roles"].items()},
        "generic": re.compile(g["generic"]),
        "indicator": [(c["role"], re.compile(c["pattern"])) for c in g["indicator_columns"]],
        "baseline_what": re.compile(g["baseline_what"]),
        "rule_cell": re.compile(g["rule_cell"]),
        "lead_in": re.compile(g["lead_in"]),
        "lead_in_long": re.compile(g["lead_in_long"]),
        "lead_in_counts": re.compile(g["lead_in_counts"]),
        "table_heading": re.compile(g["table_heading"]),
        "names_table": re.compile(g["names_table"]),
    }


def _norm_header(text: str) -> str:
    from ..normalize.script import working_text

    return working_text(re.sub(r"\s+", "", text))


def column_role(text: str) -> str | None:
    h = _norm_header(text)
    if not h or len(h) > 30:
        return None
    for role, pat in table_grammar()["columns"]:
        if pat.search(h):
            return role
    return None


def header_roles(cells: list[str]) -> list[str | None] | None:
    """The role of each column if ``cells`` is the header row of a task table, else
    None.  A task table has a task (or measure) column and a unit or deadline column."""
    roles = [column_role(c) for c in cells]
    tasks = [i for i, r in enumerate(roles) if r == "task"]
    for i in tasks[1:]:  # 重点任务 | 主要内容: the first names the task, the next says what it is
        roles[i] = "detail"
    has_task = any(r in ("task", "detail") for r in roles)
    has_more = any(r in ("lead", "responsible", "cooperating", "responsible_first_leads", "deadline")
                   for r in roles)
    return roles if has_task and has_more else None


def indicator_roles(cells: list[str]) -> list[str | None] | None:
    """The role of each column if ``cells`` is the header row of an indicator table
    (指标 | 单位 | 2020年 | 2025年 | 属性), else None.  Of bare year columns the latest is the
    target (unless a column is named the target) and the others are baselines."""
    g = table_grammar()
    roles: list[str | None] = []
    years: list[tuple[int, int]] = []
    for i, c in enumerate(cells):
        h = _norm_header(c)
        role = None
        for r, pat in g["indicator"] if h and len(h) <= 20 else ():
            m = pat.search(h)
            if m is None:
                continue
            role = r
            if r == "year":
                what = m.group("what")
                if what:
                    role = "baseline" if g["baseline_what"].match(what) else "target"
                else:
                    years.append((int(m.group("year")), i))
            break
        roles.append(role)
    for year, i in years:
        latest = year == max(y for y, _ in years) and "target" not in roles
        roles[i] = "target" if latest else "baseline"
    return roles if "indicator" in roles and "target" in roles else None


def is_no_deadline(text: str) -> bool:
    return bool(table_grammar()["no_deadline"].match(re.sub(r"\s+", "", text)))


def find_indicator_header(rows: list[list[str]], look: int = 4) -> tuple[int, list[str | None]] | None:
    """The first of the first ``look`` rows that is an indicator-table header."""
    for i, row in enumerate(rows[:look]):
        roles = indicator_roles(row)
        if roles is not None:
            return i, roles
    return None


def _any_header(rows: list[list[str]]) -> tuple[int, list[str | None], str] | None:
    """A task-table header, else an indicator-table header: (row, roles, kind)."""
    head = find_header(rows)
    if head is not None:
        return (*head, "task")
    head = find_indicator_header(rows)
    return (*head, "indicator") if head is not None else None


def find_header(rows: list[list[str]], look: int = 4) -> tuple[int, list[str | None]] | None:
    """The first of the first ``look`` rows that is a task-table header, merged with a
    second header row below it when that row names columns too (a two-level header
    such as 责任单位 over 牵头单位 | 配合单位)."""
    for i, row in enumerate(rows[:look]):
        roles = header_roles(row)
        if roles is None:
            continue
        if i + 1 < len(rows):
            below = [column_role(c) for c in rows[i + 1]]
            if len(below) == len(roles) and sum(r is not None for r in below) >= 2 and \
                    sum(r is not None for r in below) >= sum(1 for c in rows[i + 1] if c.strip()) - 1:
                roles = [b or r for r, b in zip(roles, below)]
                return i + 1, roles
        return i, roles
    return None


_KEY_ROLES = ("lead", "responsible", "cooperating", "responsible_first_leads", "deadline")


def continues_row(roles: list[str | None], last: list[str], row: list[str]) -> bool:
    """Whether ``row``, the first data row of a task table's part on a new page, is the
    rest of ``last``, the row the page break cut (a PDF prints what did not fit of each
    cell at the top of the next page, under the repeated header if there is one).

    The rest of a row goes on with cells that ``last`` has begun — its task text, a long
    list of units — and fills no cell that ``last`` left empty.  It leaves empty the
    cells that ended on the first page: always the 序号 cell, which ``last`` has; in a
    table without one, every unit and deadline cell (there a row is joined only when the
    break cut its task text alone).  A new row has its number; a sub-heading row across
    the table holds its text in the first cell."""
    if not (len(roles) == len(last) == len(row)) or header_roles(last) is not None:
        return False
    filled = [i for i, c in enumerate(row) if c.strip()]
    if not filled or any(not last[i].strip() for i in filled):
        return False
    if not any(roles[i] in ("task", "detail") + _KEY_ROLES for i in filled):
        return False
    if "number" in roles:
        i = roles.index("number")
        return not row[i].strip() and bool(last[i].strip())
    keys = [i for i, r in enumerate(roles) if r in _KEY_ROLES]
    return bool(keys) and not any(row[i].strip() for i in keys) and any(last[i].strip() for i in keys)


class TableBuilder:
    """Renders rows as ``source_text`` lines and remembers every cell's span.

    ``add_rows`` starts a new table unless the rows continue the previous one (a
    table running over a page break: no header row of its own, same column count,
    ``continuation=True``; or, with ``page_top=True``, the previous one's header row
    repeated over them)."""

    def __init__(self) -> None:
        self._tables: list[Table] = []

    def add_rows(self, rows: list[list[object]], pos: int, page: int | None = None,
                 continuation: bool = True, page_top: bool = False) -> str:
        """Render ``rows`` starting at ``source_text`` offset ``pos``; return the
        rendered text.  A cell is a string, or ``("ref", row, col)`` for a cell that
        spans rows or columns: it repeats the cell placed at (row, col) in the grid
        but is not printed again.  ``page_top``: the rows open a page whose previous
        page ended with the previous table."""
        out: list[str] = []
        grid: list[list[Cell]] = []
        p = pos
        for r, row in enumerate(rows):
            if r:
                out.append("\n")
                p += 1
            cells: list[Cell] = []
            first = True
            for c in row:
                if isinstance(c, tuple):
                    _, rr, cc = c
                    src = cells if rr == r else grid[rr] if rr < len(grid) else []
                    if cc < len(src):
                        cells.append(src[cc])
                        continue
                    c = ""
                s = _flat(str(c))
                if not first:
                    out.append(SEP)
                    p += len(SEP)
                first = False
                cells.append(Cell(s, p, p + len(s)))
                out.append(s)
                p += len(s)
            out.append(" |")
            p += 2
            grid.append(cells)
        text = "".join(out)
        if not grid:
            return text
        texts = [[c.text for c in row] for row in grid]
        head = _any_header(texts)
        prev = self._tables[-1] if self._tables else None
        repeated = (page_top and head is not None and prev is not None and head[0] == prev.header_row
                    and texts[: head[0] + 1] == [[c.text for c in r] for r in prev.rows[: head[0] + 1]])
        if ((head is None or repeated) and continuation and prev is not None and prev.header_row is not None
                and len(grid[0]) == len(prev.roles)):
            prev.rows.extend(grid)
            prev.span = (prev.span[0], pos + len(text))
            return text
        t = Table(grid, (pos, pos + len(text)))
        if head is not None:
            t.header_row, t.roles, t.kind = head
        self._tables.append(t)
        return text

    def tables(self) -> list[Table]:
        return list(self._tables)


def _flat(s: str) -> str:
    """A cell's text on one line: breaks between CJK characters vanish, other runs
    of white space become one space."""
    s = s.replace("\u00a0", " ")
    cjk = "\u3000-\u9fff\uff00-\uffef"
    s = re.sub(rf"(?<=[{cjk}])[ \t]*\n\s*|[ \t]*\n\s*(?=[{cjk}])", "", s)
    s = re.sub(r"[ \t\r\n\f\v]+", " ", s)
    return s.strip().replace("|", "｜")


# cells of a table pasted as plain text: tabs, pipes (``cell | cell |``) or runs of two
# or more spaces (ideographic spaces too) between them
_DELIMS = {
    "tab": re.compile(r"\t"),  # one tab a cell: two tabs hold an empty cell
    "pipe": re.compile(r"\s*[|｜]\s*"),
    "spaces": re.compile(r"[ \u3000]{2,}"),
}
_MAY_SPLIT = re.compile(r"\t|[|｜]|[ \u3000]{2}")  # a line with none of them is no table row


def _cells(line: str, start: int, kind: str, indent: int = 0) -> list[Cell]:
    """The cells of one line split by ``kind``, each with its span (blanks trimmed). The
    line's own indentation and trailing blanks split nothing; of tab-separated lines, up
    to ``indent`` leading tabs are indentation (the table's own), a further one an empty
    first cell (a row under a merged category cell)."""
    out = []
    blank = " \u3000" if kind == "tab" else " \u3000\t"
    lead = len(line) - len(line.lstrip(blank))
    if kind == "tab":
        while lead < len(line) and line[lead] == "\t" and indent > 0:
            lead, indent = lead + 1, indent - 1
        while lead < len(line) and line[lead] in " \u3000":
            lead += 1
    start += lead
    line = line[lead:].rstrip(blank)
    pos = 0
    pieces = []
    for m in _DELIMS[kind].finditer(line):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(line)))
    for a, b in pieces:
        while a < b and line[a] in " \u3000\t":
            a += 1
        while b > a and line[b - 1] in " \u3000\t":
            b -= 1
        out.append(Cell(line[a:b], start + a, start + b))
    if kind == "pipe":  # "| a | b |": the empty ends are no cells
        while out and not out[0].text:
            out.pop(0)
        while out and not out[-1].text:
            out.pop()
    return out


def is_rule_row(cells: list[str]) -> bool:
    """A markdown table's separator row (|---|:---:|): every cell a rule."""
    rule = table_grammar()["rule_cell"]
    return bool(cells) and all(rule.match(c.strip()) for c in cells)


_HEADER_CELL = 20  # characters a header cell of a pasted table may have


def text_tables(text: str) -> list[Table]:
    """Task tables in plain text: a run of lines split into cells the same way (tabs,
    pipes or wide gaps), whose first rows hold a task-table header (:func:`find_header`).
    Rows with fewer cells are padded (a copy drops empty cells at the end); a row with
    more cells than the header ends the table. Cell spans index ``text`` itself."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        start, line = lines[i]
        # (most lines of a notice hold no delimiter: they are passed over without splitting)
        kind = next((k for k in _DELIMS if len(_cells(line, start, k)) >= 3), None) \
            if _MAY_SPLIT.search(line) else None
        if kind is None:
            i += 1
            continue
        rows = []
        j = i
        indent = len(line) - len(line.lstrip("\t")) if kind == "tab" else 0
        while j < len(lines) and lines[j][1].strip():
            cells = _cells(lines[j][1], lines[j][0], kind, indent)
            if sum(1 for c in cells if c.text) < 2:
                break
            if kind == "pipe" and is_rule_row([c.text for c in cells]):
                j += 1  # |---|---|: the rule under a markdown table's header
                continue
            rows.append(cells)
            j += 1
        head = _any_header([[c.text for c in r] for r in rows])
        # a header is a row of short labels (not 责任单位：区市场监管局 in a sentence), and a
        # table has at least one row under it
        if head is None or head[0] + 1 >= len(rows) or \
                any(len(c.text) > _HEADER_CELL or ":" in c.text or "：" in c.text for c in rows[head[0]]):
            i = max(j, i + 1)
            continue
        h, roles, table_kind = head
        width = len(roles)
        grid = rows[: h + 1]
        for r in rows[h + 1 :]:
            if len(r) > width:
                break
            end = r[-1].end
            grid.append(r + [Cell("", end, end) for _ in range(width - len(r))])
        tables.append(Table(grid, (grid[0][0].start, grid[-1][-1].end), h, roles, table_kind))
        i = max(j, i + 1)
    return tables

