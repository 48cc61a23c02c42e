match items:
    case [first, *a, *b]:
        pass
