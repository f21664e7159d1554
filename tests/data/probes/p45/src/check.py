"""Self-check of the expect/*.md annotations against in/*.txt (no tool involved)."""
import re, sys, pathlib
ROOT = pathlib.Path('/tmp/p45')
PINYIN = re.compile(r'\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)')
CN = {'一':1,'二':2,'三':3,'四':4,'五':5,'六':6,'七':7,'八':8,'九':9,'十':10}
MULT = {'万':1e4,'亿':1e8,'千':1e3,'百':1e2}

def qvalue(text, unit):
    nums = re.findall(r'\d+(?:\.\d+)?', text)
    if not nums:
        if text.startswith('亿') or '亿元' in text and not nums:
            return [1e8]
        return None
    vals = []
    for n in nums:
        v = float(n)
        after = text[text.index(n)+len(n):]
        after = after.lstrip(' ')
        if after[:1] in MULT and unit in ('元', '户', '亩', '立方', '吨', '家', '件', '人'):
            v *= MULT[after[0]]
        vals.append(v)
    return vals

def main():
    errors = 0
    rows = []
    for md in sorted((ROOT/'expect').glob('k*.md')):
        stem = md.stem
        src = (ROOT/'in'/f'{stem}.txt').read_text(encoding='utf-8')
        work = PINYIN.sub('', src)
        lines = md.read_text(encoding='utf-8').splitlines()
        facts = {}
        blocks = []  # (kind, num, title, [lines])
        cur = None
        for ln in lines:
            if ln.startswith('# '):
                k, v = ln[2:].split(':', 1); facts[k.strip()] = v.strip()
            elif ln.startswith('## '):
                body = ln[3:]
                if body == 'goals':
                    cur = ('goals', None, None, []); blocks.append(cur); continue
                parts = body.split(' ', 1)
                flag = ''
                if parts[0] in ('?', '~', 'N', 'N?'):
                    flag = parts[0]; parts = parts[1].split(' ', 1)
                cur = (flag or 'M', parts[0], parts[1], []); blocks.append(cur)
            elif ln.strip():
                cur[3].append(ln)
        def err(msg):
            nonlocal errors; errors += 1; print(f'[{stem}] ERROR {msg}')
        # title
        if facts['title'] not in work.splitlines():
            err(f"title line not found: {facts['title']}")
        # locate measures in order
        measures = [b for b in blocks if b[0] in ('M', '?', '~')]
        starts = []
        pos = 0
        for b in measures:
            num, title = b[1], b[2]
            lab = f'{num}.' if num.isdigit() else num
            needle = lab + title
            i = work.find(needle, pos)
            if i < 0:
                err(f'measure start not found: {needle}'); starts.append(None); continue
            after = work[i+len(needle):i+len(needle)+1]
            if after not in ('。', '\n'):
                err(f'title does not end at 。/newline: {needle}+{after!r}')
            starts.append(i); pos = i + 1
        # N headings
        for b in blocks:
            if b[0] in ('N', 'N?'):
                num, title = b[1], b[2]
                lab = num if num.startswith('（') else num + '、'
                if lab + title not in work:
                    err(f'N heading not found: {lab+title}')
        # spans: to next measure start or next section heading / end of file
        spans = []
        for k, s in enumerate(starts):
            if s is None: spans.append(None); continue
            e = next((x for x in starts[k+1:] if x is not None), len(work))
            para = work.find('\n\n', s)
            if para != -1: e = min(e, para)
            spans.append((s, e))
        # goals span: from 总体目标 heading... use text before first measure
        first = next(s for s in starts if s is not None)
        goal_text = work[:first]
        for b, sp in zip(measures, spans):
            if sp is None: continue
            seg = work[sp[0]:sp[1]]
            check_block(b, seg, err, stem)
        for b in blocks:
            if b[0] == 'goals':
                check_block(b, goal_text, err, stem)
        nm = len(measures)
        rows.append((stem, nm, len(src), len(''.join(src.split()))))
    for r in rows:
        print('%-12s measures=%d chars=%d nonspace=%d' % r)
    print('errors:', errors)
    return errors

DL = re.compile(r'(?:到)?(?:\d{4}年)?(?:\d{1,2}月底前?|底前?|末)|\d{4}年|年内|年底前|全年|上半年|下半年|[一二三四]季度|每月\d+日|每月|每季度?|按月|长期坚持')
def check_block(b, seg, err, stem):
    label = f'{b[1]} {b[2]}' if b[1] else 'goals'
    # completeness report: every number / time expression in the segment must be covered by some line
    body = seg[len(b[1]) + 1:] if b[1] and b[1].isdigit() else seg
    covered = ' '.join(re.sub(r'^(Q\??|QN|D\??|DN|X|XN|U\??|UN\??) ', '', l) for l in b[3])
    qn_vals = {l.split()[1] for l in b[3] if l.startswith('QN ')}
    for m in re.finditer(r'\d+(?:\.\d+)?', body):
        n = m.group()
        if n in covered or n in qn_vals:
            continue
        print(f'[{stem}] uncovered number in {label}: {body[max(0,m.start()-8):m.end()+6]!r}')
    for m in DL.finditer(body):
        if m.group() not in covered:
            print(f'[{stem}] uncovered time expr in {label}: {body[max(0,m.start()-6):m.end()+6]!r}')
    for ln in b[3]:
        ln = re.sub(r'\s+#b\d$', '', ln)
        tag, _, rest = ln.partition(' ')
        if tag in ('U', 'U?'):
            role, _, name = rest.partition(' ')
            name = re.sub(r' g$', '', name)
            assert role in ('lead', 'responsible', 'cooperating'), ln
            if name not in seg:
                err(f'{label}: unit not in measure text: {name}')
        elif tag in ('D', 'D?'):
            date, _, text = rest.partition(' ')
            assert re.fullmatch(r'(\d{4}|-)-\d\d-\d\d', date), ln
            if text not in seg:
                err(f'{label}: deadline text not in segment: {text}')
            m = re.search(r'(\d{4})年', text)
            if m and not date.startswith(m.group(1)):
                err(f'{label}: deadline year mismatch {ln}')
            m = re.search(r'(\d+)月底', text)
            if m and int(date[5:7]) != int(m.group(1)):
                err(f'{label}: deadline month mismatch {ln}')
        elif tag in ('Q', 'Q?'):
            p = rest.split(' ', 4)
            v, unit, cmp_, kind, text = p
            assert cmp_ in ('>=', '>', '<=', '<', '=', 'range'), ln
            assert kind.rstrip('?') in ('target', 'limit', 'incentive', 'threshold'), ln
            if text not in seg:
                err(f'{label}: quantity text not in segment: {text}')
            if '-' in v:
                lo, hi = map(float, v.split('-'))
                vals = qvalue(text, unit)
                if not vals or vals[0] != lo or vals[-1] != hi:
                    err(f'{label}: range value mismatch {ln} {vals}')
            else:
                vals = qvalue(text, unit)
                if not vals or abs(vals[-1] - float(v)) > 1e-9:
                    err(f'{label}: value mismatch {ln} parsed={vals}')
            if unit not in text and not (unit == '元' and '元' in text):
                err(f'{label}: unit not printed in text {ln}')
        elif tag in ('X',):
            if rest.replace('\\n', '\n') not in seg:
                err(f'{label}: X not in segment: {rest}')
        elif tag in ('XN',):
            if rest in seg:
                # only meaningful if the segment heuristic stops at next measure; report as info
                print(f'[{stem}] info {label}: XN substring found in raw segment (expected for last/glued?): {rest}')
        elif tag in ('DN',):
            pass
        elif tag in ('QN', 'UN', 'UN?'):
            pass
        else:
            err(f'{label}: unknown line {ln}')

if __name__ == '__main__':
    sys.exit(1 if main() else 0)
