def collect(source):
    result = []
    async for item in source:
        result.append(item)
    return result
