# Generator expressions passed as call arguments.
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(x * 2 for x in nums))
print(max(x for x in nums if x % 2 == 0))
print(min(-x for x in nums))
print(any(x > 8 for x in nums), all(x > 0 for x in nums), any(x > 100 for x in nums))
print(list(x for x in range(5)), tuple(c for c in "ab"), set(x % 3 for x in nums))
print(sorted(x for x in nums if x > 2))
print(dict((k, k * k) for k in range(3)))
print(sum(1 for c in "mississippi" if c == "s"))
print("".join(c.upper() for c in "shout"), "-".join(str(n) for n in range(4)))
print(sum(x for x in []), all(x for x in []), any(x for x in []))


def noisy(v):
    print("checking", v)
    return v > 2


print(any(noisy(x) for x in [1, 3, 5]))
