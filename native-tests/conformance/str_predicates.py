# is* predicates.
tests = ["abc", "ABC", "Abc", "123", "abc123", "", " ", " \t\n", "a b", "Ab Cd", "é"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isnumeric(), t.isdecimal())
print("snake_case".isidentifier(), "2bad".isidentifier(), "ascii".isascii(), "é".isascii())
