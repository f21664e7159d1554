# Self-check of the annotations in /tmp/p37/expect against the inputs in /tmp/p37/in
import re, sys, pathlib, unicodedata
ROOT = pathlib.Path('/tmp/p37')

def load(p):
    if p.suffix == '.pdf':
        from pdfminer.high_level import extract_text
        return extract_text(str(p))
    if p.suffix == '.html':
        import lxml.html
        d = lxml.html.parse(str(p)).getroot()
        for bad in d.xpath('//script|//style|//head'):
            bad.drop_tree()
        return d.text_content()
    b = p.read_bytes()
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('gb18030')

END = {  # where the plan text ends (signature / attachment / page furniture follow)
    'e1_chengxi_jiuye': '附件澄溪县稳就业工作专班成员名单',
    'e2_yunjin_wenlv': '本方案自印发之日起施行',
    'e3_hongshui_hehu': '泓水县人民政府办公室2024年3月5日',
    'e4_fenglin_yanglao': '桐州市枫林区人民政府办公室2024年3月20日',
    'e5_ningchuan_gengxin': '宁川市人民政府2024年1月15日',
}
FURN = ['桐州市枫林区人民政府公报', '2024年第2期', '— 1 —', '— 2 —', '— 3 —']

def norm(t, pdf=False):
    if pdf:
        # drop running header/footer lines that sit on page boundaries
        t = re.sub(r'— \d+ —\s*\f\s*桐州市枫林区人民政府公报\s*2024年第2期', '', t)
        t = re.sub(r'\s*— \d+ —\s*\f?\s*$', '', t)
        t = re.sub(r'^\s*桐州市枫林区人民政府公报\s*2024年第2期', '', t)
    return re.sub(r'\s+', '', t)

CN = {'一':1,'二':2,'三':3,'四':4,'五':5,'六':6,'七':7,'八':8,'九':9,'十':10}
def parse_val(text):
    m = re.search(r'(\d+(?:\.\d+)?)(?:\s*[—\-~至]\s*(\d+(?:\.\d+)?))?\s*(万|亿)?', text)
    if not m:
        c = re.search(r'[一二三四五六七八九十]', text)
        return (CN[c.group()], None) if c else (None, None)
    mul = {'万': 10**4, '亿': 10**8, None: 1}[m.group(3)]
    v = float(m.group(1)) * mul
    vm = float(m.group(2)) * mul if m.group(2) else None
    return v, vm

def numf(s):
    return float(s)

errors = 0
def err(*a):
    global errors
    errors += 1
    print('  ERROR', *a)

for md in sorted((ROOT / 'expect').glob('*.md')):
    if md.name == 'NOTES.md':
        continue
    src = [p for p in (ROOT / 'in').iterdir() if p.stem == md.stem]
    assert len(src) == 1, md
    src = src[0]
    raw = load(src)
    T = norm(raw, src.suffix == '.pdf')
    TRAW = norm(raw)
    assert T.count(END[md.stem]) == 1, md.stem
    TEND = T.index(END[md.stem])
    print(f'== {md.name}  ({src.name}, {len(raw)} chars raw, {len(T)} non-space)')
    lines = md.read_text(encoding='utf-8').splitlines()
    blocks = []  # (kind, num, title, [lines])
    cur = None
    for ln in lines:
        ln2 = re.sub(r'\s+#b\d+$', '', ln)
        if ln2.startswith('# '):
            k, v = ln2[2:].split(': ', 1)
            if k in ('title', 'region'):
                if norm(v) not in T:
                    err('doc fact not in text', k, v)
            continue
        if ln2.startswith('## '):
            body = ln2[3:]
            if body == 'goals':
                cur = ('goals', None, None, []); blocks.append(cur); continue
            flag = ''
            if body.split(' ', 1)[0] in ('?', '~', 'N', 'N?'):
                flag, body = body.split(' ', 1)
            num, title = body.split(' ', 1)
            cur = (flag or 'M', num, title, []); blocks.append(cur); continue
        cur[3].append(ln2)
    # locate headings
    pos = []
    for b in blocks:
        if b[0] == 'goals':
            continue
        num, title = b[1], norm(b[2])
        if b[0].startswith('N') and src.suffix == '.pdf' and num.isdigit():
            pat = re.escape(title)   # table rows: pdf text is column-ordered
        elif num.startswith('（'):
            pat = re.escape(num) + re.escape(title)
        else:
            pat = r'(?<![\d.])' + re.escape(num) + r'[．.、]?' + re.escape(title)
        hits = [m.start() for m in re.finditer(pat, T)]
        if not hits:
            err('heading not found', b[0], num, b[2]); pos.append(None); continue
        pos.append(hits)
    # choose increasing positions
    chosen = []
    last = -1
    hb = [b for b in blocks if b[0] != 'goals']
    for b, h in zip(hb, pos):
        if h is None:
            chosen.append(None); continue
        c = [x for x in h if x > last]
        if not c:
            err('heading out of order', b[1], b[2]); chosen.append(h[0]); continue
        chosen.append(c[0]); last = c[0]
    starts = sorted(x for x in chosen if x is not None)
    nmeas = sum(1 for b in hb if b[0] in ('M', '?'))
    print(f'  measures: {sum(1 for b in hb if b[0]=="M")} firm, {sum(1 for b in hb if b[0]=="?")} judgement; N: {sum(1 for b in hb if b[0].startswith("N"))}')
    for b in blocks:
        if b[0] == 'goals':
            span = T
            label = 'goals'
        else:
            i = hb.index(b)
            s = chosen[i]
            if s is None:
                continue
            nxt = [x for x in starts if x > s]
            e = nxt[0] if nxt else TEND
            span = T[s:e]
            label = f'{b[1]} {b[2]}'
        for ln in b[3]:
            tag, _, rest = ln.partition(' ')
            if tag in ('U', 'U?'):
                role, name = rest.split(' ', 1)
                name = re.sub(r' g$', '', name)
                assert role in ('lead', 'responsible', 'cooperating'), ln
                if norm(name) not in span: err(label, 'unit not in measure', name)
            elif tag in ('UN', 'UN?'):
                if norm(rest) not in span: err(label, 'UN not in measure text (pointless)', rest)
            elif tag in ('D', 'D?'):
                date, text = rest.split(' ', 1)
                assert re.fullmatch(r'\d{4}-\d\d-\d\d|--\d\d-\d\d', date), ln
                if norm(text) not in span: err(label, 'deadline text not found', text)
            elif tag in ('DN', 'DN?'):
                if norm(rest) not in (TRAW if label == 'goals' else span): err(label, 'DN text not in span', rest)
            elif tag in ('Q', 'Q?'):
                v, unit, cmp_, kind, text = rest.split(' ', 4)
                assert cmp_ in ('>=', '>', '<=', '<', '=', 'range'), ln
                assert kind.rstrip('?') in ('target', 'limit', 'incentive', 'threshold'), ln
                if norm(text) not in span: err(label, 'quantity text not found', text)
                pv, pvm = parse_val(text)
                if '-' in v:
                    a, c = v.split('-'); ok = pv == numf(a) and pvm == numf(c) and cmp_ == 'range'
                else:
                    ok = pv == numf(v) and pvm is None and cmp_ != 'range'
                if not ok: err(label, 'value mismatch', ln, pv, pvm)
                if unit.split('/')[0].lstrip('个') not in text and unit != '%' and not re.fullmatch(r'[\d.]+', text):
                    if not (unit == '立方米' and '立方米' in text):
                        err(label, 'unit not in text', ln)
            elif tag in ('QN', 'QN?'):
                v, unit = rest.split(' ', 1)
                digits = v if v != '*' else None
                if digits and digits not in span and not any(ch in span for ch in ''):
                    # chinese numeral names (十四五, 一老一小, 清四乱 …) cannot be checked by digits
                    f = float(digits)
                    if not (f == int(f) and int(f) < 20):
                        if str(int(f)) not in span and digits not in span:
                            # try Chinese multiplier forms e.g. 1526万 for 15260000
                            alt = [str(f / 1e4).rstrip('0').rstrip('.') + '万', str(f / 1e8).rstrip('0').rstrip('.') + '亿']
                            if not any(a in span for a in alt):
                                print('   note: QN figure not written in digits', label, ln)
            elif tag == 'X':
                if norm(rest.replace('\\n', '')) not in span: err(label, 'X not in text', rest)
            elif tag == 'XN':
                if norm(rest.replace('\\n', '')) in span: err(label, 'XN found in measure span', rest)
                if norm(rest.replace('\\n', '')) not in TRAW: err(label, 'XN not in document at all (pointless)', rest)
            else:
                err('unknown line', ln)
        # completeness: numbers in a measure span not covered by any line
        if b[0] in ('M', '?', 'goals'):
            if b[0] == 'goals':
                span = T[:min(x for x in starts)]
            cov = set()
            for x in b[3]:
                parts = x.split(' ')
                for q in parts[1:]:
                    cov.update(re.findall(r'\d+(?:\.\d+)?', q))
                    if re.fullmatch(r'[\d.]+', q):
                        f = float(q)
                        for d in (1e4, 1e8):
                            cov.add(('%g' % (f / d)))
            for m in re.finditer(r'\d+(?:\.\d+)?', span):
                n = m.group()
                if n not in cov and n != b[1]:
                    print('   note: uncovered figure', label, n, span[max(0, m.start()-8):m.end()+6])
print('errors:', errors)
sys.exit(1 if errors else 0)
