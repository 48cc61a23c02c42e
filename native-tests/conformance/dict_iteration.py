# Iterating over dicts, views, and mutation during iteration.
scores = {"ann": 90, "bob": 72, "cy": 85}
for name in scores:
    print(name, scores[name])
for name, score in scores.items():
    if score > 80:
        print("passed:", name)
total = 0
for v in scores.values():
    total += v
print("total", total)
print(sorted(scores.items(), key=lambda kv: kv[1]))
print({v: k for k, v in scores.items()})
keys = scores.keys()
print(type(keys).__name__, type(scores.values()).__name__, type(scores.items()).__name__)
try:
    for k in scores:
        scores[k + "!"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(scores))
for k in list(scores):
    if k.endswith("!"):
        del scores[k]
print(scores)
