match point:
    case (x, x):
        pass
