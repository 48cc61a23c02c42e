from collections import Counter, defaultdict, OrderedDict
from operator import itemgetter
text = """the quick brown fox jumps over the lazy dog the fox
was quick and the dog was lazy but the fox was quicker"""
words = text.split()
counts = Counter(words)
print(counts.most_common(4))
print(counts['fox'], counts['cat'], len(counts), counts.total())
by_letter = defaultdict(set)
for w in words:
    by_letter[w[0]].add(w)
for letter in sorted(by_letter):
    print(letter, sorted(by_letter[letter]))
lengths = Counter(len(w) for w in words)
print(sorted(lengths.items()))
first_seen = OrderedDict()
for i, w in enumerate(words):
    first_seen.setdefault(w, i)
print(list(first_seen.items())[:5])
ranked = sorted(counts.items(), key=itemgetter(1, 0), reverse=True)
print(ranked[:3])
print(Counter('mississippi') - Counter('miss'), Counter('aab') & Counter('abb'))
