from collections import defaultdict
d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]: d[k].append(v)
print(d, d['a'], len(d), 'c' in d, sorted(d.items()), list(d.keys()), d.get('z'))
c = defaultdict(int)
for ch in 'hello world': c[ch] += 1
print(c['l'], c['q'], len(c), dict(c.items()) == {'h':1,'e':1,'l':3,'o':2,' ':1,'w':1,'r':1,'d':1,'q':0})
n = defaultdict(); 
try: n['x']
except KeyError as e: print('KeyError', e)
print(defaultdict(None, {1: 2}), n.default_factory, c.default_factory)
dd = defaultdict(lambda: defaultdict(int)); dd['a']['b'] += 2; print(dd['a']['b'], d == {'a': [1, 3], 'b': [2]})
for k in d: print(k, d[k])
print(d.pop('a'), d, d.setdefault('z', 5), d)
