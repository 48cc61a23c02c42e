# raise X from Y: __cause__, __suppress_context__, and from None.
class ParseError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(f"bad number {text!r}") from e

try:
    parse("x1")
except ParseError as e:
    print(e, "| cause:", type(e.__cause__).__name__, "| context is cause:", e.__context__ is e.__cause__)
    print(e.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise LookupError("clean") from None
except LookupError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

# from a class instantiates it
try:
    raise RuntimeError("r") from ValueError
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)

# outside any handler: a cause and no context
try:
    raise RuntimeError("alone") from KeyError("k")
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__)

try:
    raise RuntimeError("bad") from 42
except TypeError as e:
    print("TypeError:", e)

# setting the attributes by hand
e = ValueError("manual")
e.__cause__ = KeyError("set")
print(repr(e.__cause__), e.__suppress_context__)
