# repr of strings: quoting, escapes, non-ASCII, len of non-ASCII strings.
print(repr("plain"), repr("it's"), repr('"quoted"'), repr("both ' \""))
print(repr("\n\t\r\\"), repr("\x00\x07\x7f"), repr("\u00e9"), repr("日本語"))
print(repr("emoji 🐍"), len("🐍"), len("日本語"), len("é"), len("e\u0301"))
print("\u00e9" == "é", "\u03b1", "\u03b1" == "α")
print(["a'b", 'c"d', "é"])
print({"ключ": "значение"})
print(str("\n") == "\n", repr(repr("x")))
