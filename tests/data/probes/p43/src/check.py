# Self-check of expect/*.md against in/* (run with the venv python: needs docx + pdfminer).
# - document title present; each measure's title present in order (number printed just before it)
# - U/Q/D/X strings present inside the measure's region (title .. next heading), XN absent
# - Q value/unit consistent with its text (Chinese multipliers), D text present
# - lists the figures in each region that no Q/QN/D/DN/X line mentions (for review)
import re, sys, os, html as H
from docx import Document
from pdfminer.high_level import extract_text

BASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')

def source(path):
    if path.endswith('.txt'):
        return open(path, encoding='utf-8').read()
    if path.endswith('.docx'):
        return '\n'.join(p.text for p in Document(path).paragraphs)
    if path.endswith('.pdf'):
        return extract_text(path)
    if path.endswith('.html'):
        t = open(path, 'rb').read().decode('gbk')
        t = re.sub(r'(?is)<(script|style)\b.*?</\1>', '', t)
        t = re.sub(r'(?i)<(br|p|tr|td|div)\b[^>]*>', '\n', t)
        t = re.sub(r'<[^>]+>', '', t)
        return H.unescape(t)
    raise ValueError(path)

def work(t):
    t = re.sub(r'\n*- \d+ -\n*', '', t).replace('\f', '')   # PDF page footers
    return re.sub(r'[\n\r]+', '', t)

MULT = {'万': 1e4, '亿': 1e8, '千': 1e3}
def qvalues(text):
    out = []
    for m in re.finditer(r'(\d+(?:\.\d+)?)(万|亿)?', text):
        v = float(m.group(1)) * MULT.get(m.group(2), 1)
        out.append(v)
    if not out and '亿' in text: out = [1e8]
    return out

def parse(md):
    doc, goals, measures, cur = {}, [], [], None
    for ln in open(md, encoding='utf-8').read().splitlines():
        if not ln.strip(): continue
        if ln.startswith('# '):
            k, v = ln[2:].split(':', 1); doc[k.strip()] = v.strip(); continue
        if ln == '## goals':
            cur = {'flag': 'goals', 'num': '', 'title': '', 'lines': []}; goals.append(cur); continue
        if ln.startswith('## '):
            parts = ln[3:].split(' ', 2)
            if parts[0] in ('?', '~', 'N', 'N?'):
                flag, num, title = parts[0], parts[1], ln[3:].split(' ', 2)[2]
            else:
                flag, num, title = '', parts[0], ln[3:].split(' ', 1)[1]
            cur = {'flag': flag, 'num': num, 'title': title, 'lines': []}; measures.append(cur); continue
        cur['lines'].append(ln)
    return doc, goals, measures

def main():
    bad = 0
    def err(*a):
        nonlocal bad; bad += 1; print('  ERROR', *a)
    stems = sorted(f[:-3] for f in os.listdir(os.path.join(BASE, 'expect')) if f.endswith('.md') and f != 'NOTES.md')
    for stem in stems:
        src = [f for f in os.listdir(os.path.join(BASE, 'in')) if f.rsplit('.', 1)[0] == stem]
        assert len(src) == 1, (stem, src)
        raw = source(os.path.join(BASE, 'in', src[0])); W = work(raw)
        doc, goals, ms = parse(os.path.join(BASE, 'expect', stem + '.md'))
        print('==', stem, src[0], 'chars', len(raw), 'measures', sum(1 for m in ms if m['flag'] in ('', '?', '~')))
        if doc['title'] not in W: err('title not found', doc['title'])
        tpos = W.find(doc['title'])
        # locate headings in order (after the plan title)
        pos = tpos + len(doc['title'])
        for m in ms:
            p = W.find(m['title'], pos)
            if p < 0: err('heading title not found in order', m['num'], m['title']); m['pos'] = pos; continue
            before = W[max(0, p - 8):p]
            n = m['num'].strip('（）()')
            if n not in before: err('number not before title', m['num'], repr(before))
            m['pos'] = p; pos = p + len(m['title'])
        for i, m in enumerate(ms):
            m['end'] = ms[i + 1]['pos'] if i + 1 < len(ms) else len(W)
            m['last'] = i + 1 == len(ms)
        first = ms[0]['pos'] if ms else len(W)
        for g in goals:
            g['pos'], g['end'], g['last'] = 0, len(W), False
        for m in goals + ms:
            R = W[m['pos']:m['end']]
            mentioned = []
            for ln in m['lines']:
                body = re.sub(r'\s+#b\d+$', '', ln)
                tag, rest = body.split(' ', 1)
                if tag in ('U', 'U?'):
                    role, name = rest.split(' ', 1); name = re.sub(r' g$', '', name)
                    if name not in R: err(m['num'], 'unit not in region', name)
                elif tag in ('UN', 'UN?'):
                    if rest not in W: err(m['num'], 'UN string absent from doc', rest)
                elif tag in ('D', 'D?'):
                    date, text = rest.split(' ', 1)
                    if text not in R: err(m['num'], 'deadline text not in region', text)
                    if not re.fullmatch(r'(\d{4}|-)-\d\d-\d\d', date): err('bad date', date)
                    mentioned.append(text)
                elif tag == 'DN':
                    if rest not in W: err(m['num'], 'DN absent from doc', rest)
                    mentioned.append(rest)
                elif tag in ('Q', 'Q?'):
                    f = rest.split(' ', 4)
                    v, unit, cmp_, kind, text = f
                    if text not in R: err(m['num'], 'quantity text not in region', text)
                    vals = qvalues(text)
                    lo = float(v.split('-')[0]); hi = float(v.split('-')[1]) if '-' in v[1:] else None
                    if not vals or abs(vals[-1 if hi is None else 0] - lo) > 1e-6:
                        err(m['num'], 'value mismatch', v, text, vals)
                    if hi is not None and abs(vals[-1] - hi) > 1e-6: err('vmax mismatch', v, text)
                    if unit.split('/')[0] not in text: err(m['num'], 'unit not in text', unit, text)
                    if cmp_ not in ('>=', '>', '<=', '<', '=', 'range'): err('cmp', cmp_)
                    if kind.rstrip('?') not in ('target', 'limit', 'incentive', 'threshold'): err('kind', kind)
                    mentioned.append(text)
                elif tag == 'QN':
                    mentioned.append(rest)
                elif tag == 'X':
                    if rest.replace('\\n', '\n') not in R: err(m['num'], 'X not in region', rest)
                    mentioned.append(rest)
                elif tag == 'XN':
                    if rest not in W and rest not in raw: err(m['num'], 'XN string absent from doc (vacuous)', rest)
                    if not m['last'] and rest in R: err(m['num'], 'XN inside region', rest)
                else:
                    err('unknown line', ln)
            if m['flag'] in ('', '?', '~'):
                # figures not mentioned by any line
                blob = ' '.join(mentioned)
                for num in re.findall(r'\d+(?:\.\d+)?', R if not m['last'] else R[:400]):
                    if num not in blob:
                        print('    note', m['num'], m['title'][:12], 'unmentioned figure', num)
    print('errors:', bad)
    return bad

sys.exit(1 if main() else 0)
