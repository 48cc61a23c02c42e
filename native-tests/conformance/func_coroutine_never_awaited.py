async def fetch():
    return 1

fetch()
print("the coroutine was dropped without being awaited")
