# TypeError messages from operators, calls and subscripts.
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + "a",
    lambda: 1 - "a",
    lambda: {} + {},
    lambda: -"a",
    lambda: ~1.5,
    lambda: 5(),
    lambda: None(),
    lambda: 5[0],
    lambda: None[0],
    lambda: len(5),
    lambda: [] < 1,
    lambda: {1: 2}[[1]],
    lambda: "abc"[None],
    lambda: (1, 2)[0:1:0.5],
    lambda: "x" * 2.0,
    lambda: sum(1),
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print(type(e).__name__, e)
    except ValueError as e:
        print(type(e).__name__, e)
