# args, add_note/__notes__, with_traceback and __traceback__ objects.
e = ValueError("a", 2)
print(e.args, str(e), repr(e))
print(hasattr(e, "__notes__"), e.__traceback__)
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as t:
    print("TypeError:", t)

def fail():
    raise KeyError("deep")

def middle():
    fail()

try:
    middle()
except KeyError as k:
    tb = k.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(lines)
    print(type(k.__traceback__).__name__)
    saved = k

r = saved.with_traceback(None)
print(r is saved, saved.__traceback__)

print(ValueError().args, KeyError("x").args)
try:
    raise ValueError
except ValueError as v:
    print(v.args, v.__traceback__.tb_lineno)
