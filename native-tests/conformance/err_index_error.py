# Uncaught IndexError from a function two calls deep.
def last_plus_one(seq):
    return seq[len(seq)]


def run():
    data = [1, 2, 3]
    print("data:", data)
    return last_plus_one(data)


run()
