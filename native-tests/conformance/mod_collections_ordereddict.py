from collections import OrderedDict
o = OrderedDict()
o['b'] = 1; o['a'] = 2; o['c'] = 3
print(o, list(o), o.popitem(), o.popitem(last=False), o)
o = OrderedDict([('x', 1), ('y', 2), ('z', 3)])
o.move_to_end('x'); print(o); o.move_to_end('z', last=False); print(o, list(o.keys()), list(o.values()))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1}, OrderedDict())
try: o.move_to_end('nope')
except KeyError as e: print('KeyError', e)
try: OrderedDict().popitem()
except KeyError as e: print('KeyError', e)
