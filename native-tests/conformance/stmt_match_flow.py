# match: inside loops (break/continue), functions (locals, closures), class bodies, return values.
def run(commands):
    out = []
    for cmd in commands:
        match cmd.split():
            case ["stop"]:
                out.append("stopping")
                break
            case ["skip", *_]:
                continue
            case ["go", direction]:
                out.append(f"going {direction}")
            case ["say", *words]:
                out.append(" ".join(words))
            case other:
                out.append(f"unknown {other}")
    return out

print(run(["go north", "skip this", "say hello there", "dance", "stop", "go south"]))

def make_counter(kind):
    match kind:
        case "up":
            step = 1
        case "down":
            step = -1
        case _:
            step = 0
    def count(n):
        return [i * step for i in range(n)]
    return count

print(make_counter("up")(3), make_counter("down")(3), make_counter("?")(2))

class Config:
    match {"debug": True}:
        case {"debug": flag}:
            DEBUG = flag
print(Config.DEBUG, Config.flag)

def gen(items):
    for item in items:
        match item:
            case int(n):
                yield n * 2
            case str(s):
                yield s.upper()

print(list(gen([1, "a", 2.0, 3])))

def first_even(xs):
    while True:
        match xs:
            case []:
                return None
            case [x, *rest] if x % 2 == 0:
                return x
            case [_, *rest]:
                xs = rest

print(first_even([1, 3, 4, 5]), first_even([1]))
subject_evaluations = []
def subject():
    subject_evaluations.append(1)
    return (1, 2)
match subject():
    case (1, 3):
        pass
    case (1, x):
        print("x =", x)
print("subject evaluated", len(subject_evaluations), "time")
