match point:
    case (0, y) | (x, 0):
        pass
