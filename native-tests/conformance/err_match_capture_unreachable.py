match command:
    case x:
        print(x)
    case "quit":
        pass
