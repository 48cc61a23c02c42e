import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(operator.add if False else (lambda a,b:a+b), [], 0))
try: functools.reduce(lambda a, b: a, [])
except TypeError as e: print(e)
print(functools.reduce(lambda acc, w: acc + len(w), ['ab', 'cde', 'f'], 100))
print(functools.reduce(max, [3, 9, 2]), functools.reduce(lambda a, b: b + a, 'abc'))
