import json
data = {'name': 'Ada', 'age': 36, 'langs': ['en', 'fr'], 'score': 9.5, 'ok': True, 'none': None, 'nested': {'t': (1, 2), 'e': [], 'd': {}}}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, {'a': []}]], indent='\t'))
print(json.dumps([1, {'a': 2}], separators=(',', ':')), json.dumps({'a': 1}, indent=0))
print(json.dumps('caf\u00e9 \u2603 \U0001F600 "q" \\ \n\t\x01\x7f'), json.dumps('caf\u00e9 \x7f\n', ensure_ascii=False))
print(json.dumps(1e16), json.dumps(-0.0), json.dumps(0.1), json.dumps(10**20), json.dumps(float('inf')), json.dumps(float('nan')))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', False: 'e'}))
try: json.dumps(float('inf'), allow_nan=False)
except ValueError as e: print('ValueError', e)
try: json.dumps({(1, 2): 3})
except TypeError as e: print('TypeError', e)
print(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
class P:
    def __init__(self, x, y): self.x = x; self.y = y
try: json.dumps(P(1, 2))
except TypeError as e: print('TypeError', e)
print(json.dumps([P(1, 2)], default=lambda o: {'x': o.x, 'y': o.y}))
l = [1]; l.append(l)
try: json.dumps(l)
except ValueError as e: print('ValueError', e)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, P): return [o.x, o.y]
        return json.JSONEncoder.default(self, o)
print(json.dumps({'p': P(3, 4)}, cls=Enc), Enc(indent=1).encode([P(5, 6)]))
