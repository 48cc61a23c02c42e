match command:
    case _:
        pass
    case "quit":
        pass
