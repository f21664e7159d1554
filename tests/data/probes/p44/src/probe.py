import importlib.util,sys
spec=importlib.util.spec_from_file_location('b','/tmp/p44/src/build_h3.py')
src=open('/tmp/p44/src/build_h3.py').read()
ns={}
exec(src.split('LPP = 22')[0]+src[src.index('import re\nNOEND'):src.index('out=[]; page=1')],ns)
for t in sys.argv[1:]:
    for l in ns['wrap'](t): print(len(l), l)
    print()
