import re,os,sys
sys.path.insert(0,'/tmp/p44/src')
exec(open('/tmp/p44/src/check.py').read().split('errs=0')[0])
for md in sorted(os.listdir(EX)):
    if md=='NOTES.md': continue
    stem=md[:-3]; fn=[f for f in os.listdir(IN) if f.rsplit('.',1)[0]==stem][0]
    N=norm(source(fn), stem.startswith('h3'))
    ann=open(os.path.join(EX,md)).read()
    qs=[norm(l.split(' ',5)[5]) for l in ann.split('\n') if re.match(r'Q\??\s',l)]
    for m in re.finditer(r'\d+(?:\.\d+)?[万亿千]?(?:个工作日|个月|家次|[%％户件项家次天日元条个分名])',N):
        if not any(m.group(0) in q for q in qs):
            print(md, m.group(0), N[max(0,m.start()-12):m.end()+4])
