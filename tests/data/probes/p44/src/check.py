import re, sys, os
import lxml.html
from docx import Document
IN='/tmp/p44/in'; EX='/tmp/p44/expect'
def source(fn):
    p=os.path.join(IN,fn)
    if fn.endswith('.txt'): return open(p,encoding='utf-8').read()
    if fn.endswith('.html'):
        d=lxml.html.parse(p).getroot()
        for x in d.xpath('//script|//style|//head'): x.drop_tree()
        return d.text_content()
    if fn.endswith('.docx'):
        d=Document(p); parts=[q.text for q in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                seen=[]
                for c in r.cells:
                    if c._tc in seen: continue
                    seen.append(c._tc); parts.append(c.text)
        return '\n'.join(parts)
FURN=re.compile(r'^(—\d+—|- \d+ -|澜州市人民政府办公室文件)$')
def norm(s, furniture=False):
    if furniture:
        s='\n'.join(l for l in s.split('\n') if not FURN.match(l.strip()))
    return re.sub(r'\s','',s)
CN={'零':0,'一':1,'二':2,'两':2,'三':3,'四':4,'五':5,'六':6,'七':7,'八':8,'九':9,'十':10}
MUL={'万':1e4,'亿':1e8,'千':1e3}
def qval(text):
    nums=re.findall(r'(\d+(?:\.\d+)?)([万亿千]?)',text)
    return [float(n)*MUL.get(m,1) for n,m in nums]
errs=0
def err(*a):
    global errs; errs+=1; print('  !!',*a)
for md in sorted(os.listdir(EX)):
    if not md.endswith('.md') or md=='NOTES.md': continue
    stem=md[:-3]
    fn=[f for f in os.listdir(IN) if f.rsplit('.',1)[0]==stem]
    assert len(fn)==1,(md,fn); fn=fn[0]
    src=source(fn); furn = stem.startswith('h3')
    N=norm(src,furn); Nraw=norm(src)
    print(f'== {md} <- {fn}  chars={len(src)} nonws={len(Nraw)}')
    lines=open(os.path.join(EX,md),encoding='utf-8').read().split('\n')
    plan_year=None; measures=[]; cur=None
    for ln in lines:
        if not ln.strip(): continue
        if ln.startswith('# '):
            k,v=ln[2:].split(': ',1)
            if k=='title' and norm(v) not in N: err('title not in text',v)
            if k=='plan_year': plan_year=v
            continue
        if ln.startswith('## '):
            parts=ln[3:].split(' ')
            if parts[0]=='goals': cur={'kind':'goals','num':'','title':'goals','items':[]}; measures.append(cur); continue
            flag=''
            if parts[0] in ('?','~','N','N?'): flag=parts.pop(0)
            num=parts[0]; title=' '.join(parts[1:])
            cur={'kind':flag or 'M','num':num,'title':title,'items':[]}; measures.append(cur)
            # number + title adjacency
            nt=norm(title)
            pat=re.escape(num)+r'[．.、]?'+re.escape(nt)
            if not re.search(pat,N): err('num+title not found',num,title)
            continue
        cur['items'].append(ln)
    # order & regions
    pos=0; regions=[]
    for m in measures:
        if m['kind']=='goals': m['start']=None; continue
        nt=norm(m['title']); i=N.find(nt,pos)
        if i<0: err('title out of order',m['num'],m['title']); i=N.find(nt)
        m['start']=i; pos=i+1
    ms=[m for m in measures if m['start'] is not None]
    for a,b in zip(ms,ms[1:]): a['end']=b['start']
    if ms: ms[-1]['end']=len(N)
    for m in measures:
        reg = N[m['start']:m['end']] if m['start'] is not None else N
        for it in m['items']:
            tag,rest=it.split(' ',1)
            rest=re.sub(r'\s+#b\d+$','',rest)
            base=tag.rstrip('?')
            if base=='U':
                role,name=rest.split(' ',1); name=re.sub(r' g$','',name)
                if norm(name) not in N: err('unit not in text',m['num'],name)
                elif norm(name) not in reg: print('   (unit outside region)',m['num'],m['title'][:10],name)
            elif base=='UN':
                if norm(rest) not in Nraw: err('UN not in text',rest)
            elif base=='D':
                date,text=rest.split(' ',1)
                if norm(text) not in N: err('deadline text missing',text)
                elif norm(text) not in reg: print('   (deadline outside region)',m['num'],text)
                y=re.search(r'(\d{4})年',text)
                yy=y.group(1) if y else plan_year
                if not date.startswith(yy): err('year mismatch',date,text,yy)
                mo=re.search(r'(\d+)月',text)
                if mo and int(date[5:7])!=int(mo.group(1)): err('month mismatch',date,text)
            elif base=='DN':
                if norm(rest) not in Nraw: err('DN not in text',rest)
            elif base=='Q':
                v,unit,cmp,kind,text=rest.split(' ',4)
                if norm(text) not in N: err('quantity text missing',text)
                elif norm(text) not in reg: err('quantity outside region',m['num'],text)
                vals=qval(text)
                if '-' in v:
                    lo,hi=map(float,v.split('-'))
                    # range like 10—30万元: multiplier applies to both
                    nums=[float(x) for x in re.findall(r'\d+(?:\.\d+)?',text)]
                    mul=MUL.get((re.findall(r'[万亿千]',text) or [''])[0],1)
                    if [lo,hi]!=[n*mul for n in nums]: err('range value',v,text)
                else:
                    if float(v) not in vals: err('value mismatch',v,text,vals)
                if unit!='*' and unit not in text.replace('万元','元').replace('亿元','元').replace('亿条','条'): err('unit not in text',unit,text)
                if cmp not in ('>=','<=','=','>','<','range'): err('bad cmp',cmp)
                if kind.rstrip('?') not in ('target','limit','incentive','threshold'): err('bad kind',kind)
            elif base=='QN':
                v=rest.split(' ')[0]
                if v!='*':
                    digits=v.rstrip('0').rstrip('.') if '.' in v else v
                    if digits not in Nraw and v not in ('11600','12600','1000','10000','2','3','4','10','1'): err('QN value not visible',v)
            elif base=='X':
                if norm(rest.replace('\\n','\n')) not in reg: err('X not in measure region',m['num'],rest)
            elif base=='XN':
                if norm(rest) not in Nraw and rest not in src: err('XN string absent from source (pointless)',rest)
            else: err('unknown line',it)
    nm=sum(1 for m in measures if m['kind'] in ('M','?'))
    print(f'   measures={nm}  N={sum(1 for m in measures if m["kind"].startswith("N"))}')
print('ERRORS',errs)
