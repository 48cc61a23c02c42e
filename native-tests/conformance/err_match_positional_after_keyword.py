match p:
    case Point(x=1, 2):
        pass
