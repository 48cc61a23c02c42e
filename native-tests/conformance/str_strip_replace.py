# strip family, replace, and padding.
s = "  \t padded \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "www.site.com".lstrip("w."), "file.txt".rstrip(".txt"))
print("a-b-c".replace("-", "+"), "a-b-c".replace("-", "", 1), "aaa".replace("a", "bb"), "abc".replace("", "."))
print("hello".replace("l", "L", 0), "hello".replace("xyz", "!"))
print("[" + "ab".center(6) + "]", "[" + "ab".ljust(5, ".") + "]", "[" + "ab".rjust(5) + "]")
print("[" + "abc".center(6, "*") + "]", "42".zfill(5), "-42".zfill(5), "abcdef".zfill(3))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
print("a\tb".expandtabs(4) == "a   b")
