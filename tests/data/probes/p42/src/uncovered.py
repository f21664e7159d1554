# list figures in each measure stretch that no Q/QN/D/DN/X/U line mentions (review aid)
import re, sys
sys.path.insert(0, '.')
import check_expect as C
for md in sorted((C.ROOT/'expect').glob('f*.md')):
    stem = md.stem
    src = next(p for p in (C.ROOT/'in').iterdir() if p.stem == stem)
    raw = C.text_of(src)
    if src.suffix == '.pdf':
        raw = re.sub(r'(?m)^\f?临溪县人民政府文件.*$|^第 \d+ 页 共 \d+ 页$', '', raw)
    flat = C.squash(raw)
    doc, blocks = C.parse(md)
    starts = []
    for b in blocks:
        if b['kind'] in ('goals', 'N', 'N?'): continue
        i = flat.find(C.squash(b['title'])); b['pos'] = i; starts.append(i)
    starts.sort()
    print('=====', stem)
    for b in blocks:
        if b['kind'] in ('N', 'N?'): continue
        if b['kind'] == 'goals': seg = flat[:starts[0]]
        else:
            nxt = [p for p in starts if p > b['pos']]; seg = flat[b['pos']: nxt[0] if nxt else len(flat)]
        covered = ' '.join(C.strip_tags(l).split(' ', 1)[1] for l in b['lines'])
        nums = re.findall(r'\d+(?:\.\d+)?', seg)
        miss = [n for n in nums if n not in covered and n != b['num']]
        if miss: print(b['num'], b['title'][:12], miss)
