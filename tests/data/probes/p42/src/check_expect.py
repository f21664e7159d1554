# Self-check of the annotations in /tmp/p42/expect against the input texts.
# Run with /work/main/.venv/bin/python (needs pdfminer, python-docx, lxml as plain libraries).
# Checks: titles copied exactly (after removing whitespace, i.e. line/page-break repair),
# every U/UN/D/DN/Q/X text present inside the measure's own stretch of text (goals: before
# the first measure), Q values consistent with the printed figure, XN strings present
# somewhere in the source (so the negative check is meaningful), N lines present.
import re
import sys
from pathlib import Path

ROOT = Path('/tmp/p42')


def text_of(path):
    if path.suffix == '.pdf':
        from pdfminer.high_level import extract_text
        return extract_text(str(path))
    if path.suffix == '.docx':
        from docx import Document
        d = Document(str(path))
        out = []
        # body order: paragraphs and tables as they occur
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        for child in d.element.body.iterchildren():
            tag = child.tag.split('}')[1]
            if tag == 'p':
                out.append(Paragraph(child, d).text)
            elif tag == 'tbl':
                t = Table(child, d)
                for r in t.rows:
                    out.append(' | '.join(c.text for c in r.cells))
        return '\n'.join(out)
    if path.suffix == '.html':
        import lxml.html
        root = lxml.html.parse(str(path)).getroot()
        for bad in root.xpath('//script|//style|//head'):
            bad.getparent().remove(bad)
        return root.text_content()
    return path.read_bytes().decode('utf-8')


def squash(s):
    return re.sub(r'\s', '', s)


MULT = {'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}


def value_of(text):
    nums = re.findall(r'(\d+(?:\.\d+)?)\s*([万萬亿億]?)', text)
    vals = [float(n) * MULT.get(m, 1) for n, m in nums]
    return vals


def parse(md):
    doc = {}
    blocks = []
    cur = None
    for ln in md.read_text(encoding='utf-8').splitlines():
        if not ln.strip():
            continue
        if ln.startswith('# '):
            k, v = ln[2:].split(':', 1)
            doc[k.strip()] = v.strip()
        elif ln.startswith('## '):
            rest = ln[3:]
            if rest == 'goals':
                cur = {'kind': 'goals', 'num': '', 'title': '', 'lines': []}
            else:
                parts = rest.split(' ', 2)
                if parts[0] in ('?', '~', 'N', 'N?'):
                    kind, num, title = parts[0], parts[1], parts[2]
                else:
                    kind, num, title = '', parts[0], rest.split(' ', 1)[1]
                cur = {'kind': kind, 'num': num, 'title': title, 'lines': []}
            blocks.append(cur)
        else:
            cur['lines'].append(ln)
    return doc, blocks


def strip_tags(s):
    return re.sub(r'(\s#b\d)+$', '', s)


def check(stem):
    src = next(p for p in (ROOT / 'in').iterdir() if p.stem == stem)
    raw = text_of(src)
    rawflat = squash(raw)
    if src.suffix == '.pdf':
        # drop running header and page footer lines (the tool must do the same)
        raw = re.sub(r'(?m)^\f?临溪县人民政府文件.*$|^第 \d+ 页 共 \d+ 页$', '', raw)
    flat = squash(raw)
    doc, blocks = parse(ROOT / 'expect' / (stem + '.md'))
    errs = []
    if squash(doc['title']) not in flat:
        errs.append('title not found: ' + doc['title'])
    for k in ('title', 'region', 'plan_year', 'warn'):
        if k not in doc:
            errs.append('missing doc fact ' + k)
    # positions of measure titles (number + title) in document order
    pos = []
    for b in blocks:
        if b['kind'] == 'goals':
            continue
        key = squash(b['title'])
        num = b['num']
        hits = [m.start() for m in re.finditer(re.escape(key), flat)]
        # prefer a hit preceded by its number
        good = [h for h in hits if flat[max(0, h - len(num) - 1):h].startswith(num) or flat[:h].endswith(num + '．') or flat[:h].endswith(num + '、') or flat[:h].endswith(num) or flat[:h].endswith(num + '|')]
        if not hits:
            errs.append('measure title not found: %s %s' % (num, b['title']))
            b['pos'] = None
            continue
        b['pos'] = (good or hits)[0]
        if b['kind'] not in ('N', 'N?'):
            pos.append(b['pos'])
    starts = sorted(p for p in pos)
    first = starts[0] if starts else len(flat)
    for b in blocks:
        if b['kind'] in ('N', 'N?'):
            continue
        if b['kind'] == 'goals':
            seg = flat[:first]
        else:
            if b['pos'] is None:
                continue
            nxt = [p for p in starts if p > b['pos']]
            seg = flat[b['pos']: nxt[0] if nxt else len(flat)]
            b['last'] = not nxt
        for ln in b['lines']:
            ln = strip_tags(ln)
            tag, rest = ln.split(' ', 1)
            if tag in ('U', 'U?'):
                parts = rest.split(' ')
                name = parts[1]
                if squash(name) not in seg:
                    errs.append('%s %s: unit %s not in measure text' % (b['num'], b['title'], name))
            elif tag in ('UN', 'UN?'):
                if squash(rest) not in flat:
                    errs.append('%s: UN %s not in source' % (b['num'], rest))
            elif tag in ('D', 'D?'):
                date, text = rest.split(' ', 1)
                if squash(text) not in seg:
                    errs.append('%s %s: deadline text %s not in measure' % (b['num'], b['title'], text))
                if date != '?' and not re.fullmatch(r'(\d{4}|-)-\d\d-\d\d', date):
                    errs.append('bad date ' + date)
            elif tag == 'DN':
                if squash(rest) not in seg:
                    errs.append('%s: DN %s not in measure (pointless)' % (b['num'], rest))
            elif tag in ('Q', 'Q?'):
                m = re.match(r'(\S+) (\S+) (\S+) (\S+) (.+)$', rest)
                v, unit, cmp_, kind, text = m.groups()
                if cmp_ not in ('>=', '>', '<=', '<', '=', 'range'):
                    errs.append('bad comparator ' + ln)
                if kind.rstrip('?') not in ('target', 'limit', 'incentive', 'threshold'):
                    errs.append('bad kind ' + ln)
                if squash(text) not in seg:
                    errs.append('%s %s: quantity text %s not in measure' % (b['num'], b['title'], text))
                want = [float(x) for x in v.split('-')]
                got = value_of(text)
                if len(want) == 2:
                    # range: text like 3%—5%, 46—55人, 2万元以上5万元以下
                    g = re.findall(r'(\d+(?:\.\d+)?)\s*([万萬亿億]?)', text)
                    if len(g) == 2 and g[0][1] == '' and g[1][1]:
                        got = [float(g[0][0]) * MULT[g[1][1]], float(g[1][0]) * MULT[g[1][1]]]
                    if [round(x, 6) for x in got] != [round(x, 6) for x in want]:
                        errs.append('range value mismatch: %s -> %s' % (ln, got))
                else:
                    if not got or abs(got[0] - want[0]) > 1e-9 * max(1, want[0]):
                        errs.append('value mismatch: %s -> %s' % (ln, got))
                if unit != '*' and unit not in text and unit not in ('元', '%'):
                    errs.append('unit %s not printed in %s' % (unit, text))
            elif tag == 'QN':
                v = rest.split(' ')[0]
                if v != '*':
                    digits = v[:-2] if v.endswith('.0') else v
                    if digits not in seg and not any(abs(x - float(v)) < 1e-6 for x in value_of(seg)):
                        # Chinese numeral traps (九小场所, 两癌 …) are checked by eye
                        cn = {'1': '一', '2': '两二兩', '3': '三', '4': '四', '5': '五', '7': '7', '9': '九', '20': '二十', '1000': '千', '119': '119'}
                        if not any(c in seg for c in cn.get(v, 'x')):
                            errs.append('%s: QN %s has no trigger in measure' % (b['num'], v))
            elif tag == 'X':
                if squash(rest.replace('\\n', '')) not in seg:
                    errs.append('%s: X %s not in measure' % (b['num'], rest))
            elif tag == 'XN':
                if squash(rest) not in rawflat:
                    errs.append('%s: XN %s not in source at all (pointless)' % (b['num'], rest))
                if squash(rest) in seg and not b.get('last'):
                    errs.append('%s: XN %s inside the measure stretch' % (b['num'], rest))
            else:
                errs.append('unknown line ' + ln)
    nm = sum(1 for b in blocks if b['kind'] in ('', '?'))
    return errs, nm, len(flat)


if __name__ == '__main__':
    total = 0
    bad = 0
    for md in sorted((ROOT / 'expect').glob('f*.md')):
        errs, nm, n = check(md.stem)
        total += nm
        print('%-24s measures=%-3d chars=%d  %s' % (md.stem, nm, n, 'OK' if not errs else ''))
        for e in errs:
            print('   ', e)
        bad += len(errs)
    print('total measures', total, 'problems', bad)
    sys.exit(1 if bad else 0)
