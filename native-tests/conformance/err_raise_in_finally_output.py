# Output from finally blocks appears before the program dies.
def work():
    try:
        print("working")
        raise KeyError("job-42")
    finally:
        print("cleanup in finally")


try:
    work()
finally:
    print("outer finally")
