async def ok():
    return 1

def reader(path):
    async with open(path) as f:
        return f.read()
