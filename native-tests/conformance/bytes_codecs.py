text = "héllo wörld €"
for enc in ("utf-8", "utf8", "UTF-8", "utf_8", "U8"):
    print(enc, text.encode(enc))
print("abc".encode("ascii"), "abc".encode("us-ascii"), "é".encode("latin-1"), "é".encode("latin1"), "é".encode("iso-8859-1"), "é".encode("L1"))
print("abc".encode(), "😀".encode(), len("😀".encode("utf-8")), "😀".encode().decode())
print(b"h\xc3\xa9".decode(), b"h\xc3\xa9".decode("utf-8"), b"h\xe9".decode("latin-1"), b"abc".decode("ascii"), b"\xf0\x9f\x98\x80".decode())

def show(f):
    try:
        print(repr(f()))
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
        print(isinstance(e, UnicodeError), isinstance(e, ValueError))

show(lambda: "héllo".encode("ascii"))
show(lambda: "hé€llo".encode("ascii"))
show(lambda: "ab€".encode("latin-1"))
show(lambda: "x😀".encode("ascii"))
show(lambda: "a\u1234".encode("latin-1"))
show(lambda: "x".encode("no-such-codec"))
show(lambda: b"\xff".decode())
show(lambda: b"ab\xe9cd".decode("ascii"))
show(lambda: b"\xc3".decode())
show(lambda: b"a\xe2\x82".decode())
show(lambda: b"\xc3\x28".decode())
show(lambda: b"\xe2\x28\xa1".decode())
show(lambda: b"\xed\xa0\x80".decode())
show(lambda: b"\xf4\x90\x80\x80".decode())
show(lambda: b"\x80abc".decode("utf-8"))
show(lambda: b"x".decode("bogus"))
show(lambda: "é".encode("ascii", "bogus-handler"))

for errors in ("ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
    print(errors, "héllo €".encode("ascii", errors), "héllo €".encode("latin-1", errors))
for errors in ("ignore", "replace", "backslashreplace"):
    print(errors, repr(b"a\xffb\xc3\x28c\xe2\x82".decode("utf-8", errors)), repr(b"a\xe9b".decode("ascii", errors)))
print(repr(b"a\xffb".decode("utf-8", errors="replace")), "é".encode(encoding="utf-8", errors="strict"))
print(bytes("é", "utf-8", "strict"), str(b"caf\xc3\xa9", "utf-8"), str(b"x\xff", "ascii", "ignore"))
print(len("€".encode()), "naïve café".encode("utf-8").decode("latin-1"))
