import json
doc = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "x\\ny \\u00e9 \\ud83d\\ude00"}, "d": "", "e": 0}'
v = json.loads(doc)
print(v)
print(v['b']['c'], type(v['a'][1]).__name__, type(v['a'][2]).__name__, v['a'][2])
print(json.loads('  [ ]  '), json.loads('{}'), json.loads('"s"'), json.loads('12'), json.loads('-0.5'), json.loads('1E3'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('{"a": 1, "a": 2}'))
print(json.loads('[1, 2]', parse_int=lambda s: int(s) * 10), json.loads('[1.5]', parse_float=lambda s: 'F' + s))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=lambda pairs: pairs), json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d)))
for bad in ['[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '', '  ', 'tru', '"abc', '"a\\qb"', '"\\u12"', '{1:2}', '[1]x', '"a\nb"', '-', '01', '{', '[']:
    try:
        json.loads(bad)
        print('parsed', repr(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
try: json.loads('[1,\n 2,\n x]')
except ValueError as e: print(type(e).__name__, e)
roundtrip = {'k': [1, {'n': None}], 'u': 'ü'}
print(json.loads(json.dumps(roundtrip)) == roundtrip, json.loads(json.dumps(roundtrip, indent=3)) == roundtrip)
