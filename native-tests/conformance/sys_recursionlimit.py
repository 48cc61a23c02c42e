# getrecursionlimit / setrecursionlimit and the depth a function can reach.
import sys

print(sys.getrecursionlimit())


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


print("reached from module level:", depth(1))
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
print("reached with limit 200:", depth(1))
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
print(sys.getrecursionlimit())
