def area(width: float, height: Undefined) -> float:
    return width * height

print("not reached")
