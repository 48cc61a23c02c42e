import heapq, random
random.seed(5)
h = []
for x in [random.randint(0, 100) for _ in range(30)]: heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(10)], h)
l = [random.random() for _ in range(20)]; heapq.heapify(l); print(l[:5])
print(heapq.heapreplace(h, 50), heapq.heappushpop(h, 1), heapq.heappushpop(h, 99), h)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len), heapq.nlargest(2, [(1, 'a'), (1, 'b')], key=lambda t: t[0]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([3, 1], [4, 2], reverse=True)), list(heapq.merge(['a', 'ccc'], ['bb'], key=len)))
t = []
for i, w in enumerate(['x', 'y', 'z']): heapq.heappush(t, (3 - i, w))
print(heapq.heappop(t), t)
try: heapq.heappop([])
except IndexError as e: print('IndexError', e)
try: heapq.heappush((), 1)
except TypeError as e: print(e)
big = list(range(3000, 0, -1)); heapq.heapify(big); print(big[:10], big[2990:])
