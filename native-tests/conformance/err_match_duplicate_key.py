match config:
    case {"debug": 1, "debug": 2}:
        pass
