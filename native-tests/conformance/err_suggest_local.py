# A local wins over a closer global: locals are searched first.
counter_total = 1
def f(counter):
    return countr
print(f(1))
