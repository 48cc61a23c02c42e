from collections import ChainMap
a = {'x': 1}; b = {'x': 2, 'y': 3}
c = ChainMap(a, b)
print(c['x'], c['y'], len(c), sorted(c), c, 'y' in c, c.get('q', 0))
c['y'] = 9; print(a, b, c.maps)
ch = c.new_child(); ch['x'] = 100; print(ch['x'], ch.parents, ch)
try: c['nope']
except KeyError as e: print('KeyError', e)
