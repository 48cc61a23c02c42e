# Uncaught ValueError from int().
for text in ["10", "20", "thirty"]:
    print(int(text) * 2)
