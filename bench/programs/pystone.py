# pystone: Reinhold Weicker's Dhrystone 1.1 integer benchmark in the shape of Python's former Lib/test/pystone.py; written for UnmanagedHeap
# Records, enumerations, character and string comparisons, one- and
# two-dimensional arrays and procedure calls, in Dhrystone's fixed mix. Instead
# of timing itself it prints the globals the run leaves behind.

LOOPS = 500000
IDENT_1, IDENT_2, IDENT_3, IDENT_4, IDENT_5 = 1, 2, 3, 4, 5


class Record:
    def __init__(self, ptr=None, discr=0, enum=0, number=0, text=0):
        self.ptr = ptr
        self.discr = discr
        self.enum = enum
        self.number = number
        self.text = text

    def copy(self):
        return Record(self.ptr, self.discr, self.enum, self.number, self.text)


int_glob = 0
bool_glob = False
char1_glob = "\0"
char2_glob = "\0"
array1_glob = [0] * 51
array2_glob = [[0] * 51 for _ in range(51)]
ptr_glob = None
ptr_glob_next = None


def proc0(loops):
    global int_glob, bool_glob, char1_glob, char2_glob, ptr_glob, ptr_glob_next
    ptr_glob_next = Record()
    ptr_glob = Record()
    ptr_glob.ptr = ptr_glob_next
    ptr_glob.discr = IDENT_1
    ptr_glob.enum = IDENT_3
    ptr_glob.number = 40
    ptr_glob.text = "DHRYSTONE PROGRAM, SOME STRING"
    string1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    array2_glob[8][7] = 10
    for _ in range(loops):
        proc5()
        proc4()
        a = 2
        b = 3
        string2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum = IDENT_2
        bool_glob = not func2(string1, string2)
        while a < b:
            c = 5 * a - b
            c = proc7(a, b)
            a += 1
        proc8(array1_glob, array2_glob, a, c)
        ptr_glob = proc1(ptr_glob)
        ch = "A"
        while ch <= char2_glob:
            if enum == func1(ch, "C"):
                enum = proc6(IDENT_1)
            ch = chr(ord(ch) + 1)
        c = b * a
        b = c // a
        b = 7 * (c - b) - a
        a = proc2(a)
    return a, b, c, enum


def proc1(rec):
    nxt = ptr_glob.copy()
    rec.ptr = nxt
    rec.number = 5
    nxt.number = rec.number
    nxt.ptr = rec.ptr
    nxt.ptr = proc3(nxt.ptr)
    if nxt.discr == IDENT_1:
        nxt.number = 6
        nxt.enum = proc6(rec.enum)
        nxt.ptr = ptr_glob.ptr
        nxt.number = proc7(nxt.number, 10)
    else:
        rec = nxt.copy()
    nxt.ptr = None
    return rec


def proc2(value):
    local = value + 10
    while True:
        if char1_glob == "A":
            local -= 1
            value = local - int_glob
            enum = IDENT_1
        if enum == IDENT_1:
            return value


def proc3(ptr):
    global int_glob
    if ptr_glob is not None:
        ptr = ptr_glob.ptr
    else:
        int_glob = 100
    ptr_glob.number = proc7(10, int_glob)
    return ptr


def proc4():
    global char2_glob
    flag = char1_glob == "A"
    flag = flag or bool_glob
    char2_glob = "B"


def proc5():
    global char1_glob, bool_glob
    char1_glob = "A"
    bool_glob = False


def proc6(enum_in):
    enum_out = enum_in
    if not func3(enum_in):
        enum_out = IDENT_4
    if enum_in == IDENT_1:
        enum_out = IDENT_1
    elif enum_in == IDENT_2:
        enum_out = IDENT_1 if int_glob > 100 else IDENT_4
    elif enum_in == IDENT_3:
        enum_out = IDENT_2
    elif enum_in == IDENT_5:
        enum_out = IDENT_3
    return enum_out


def proc7(x, y):
    return y + x + 2


def proc8(array1, array2, x, y):
    global int_glob
    loc = x + 5
    array1[loc] = y
    array1[loc + 1] = array1[loc]
    array1[loc + 30] = loc
    for i in range(loc, loc + 2):
        array2[loc][i] = loc
    array2[loc][loc - 1] += 1
    array2[loc + 20][loc] = array1[loc]
    int_glob = 5


def func1(ch1, ch2):
    if ch1 != ch2:
        return IDENT_1
    return IDENT_2


def func2(s1, s2):
    i = 1
    while i <= 1:
        if func1(s1[i], s2[i + 1]) == IDENT_1:
            ch = "A"
            i += 1
    if "W" <= ch <= "Z":
        i = 7
    if ch == "X":
        return True
    if s1 > s2:
        i += 7
        return True
    return False


def func3(enum):
    return enum == IDENT_3


a, b, c, enum = proc0(LOOPS)
print("pystone: %d loops; locals %d %d %d %d; int_glob %d, bool_glob %s, char2_glob %s"
      % (LOOPS, a, b, c, enum, int_glob, bool_glob, char2_glob))
print("pystone: array1[8] %d, array2[8][7] %d, ptr_glob.number %d, ptr_glob.enum %d"
      % (array1_glob[8], array2_glob[8][7], ptr_glob.number, ptr_glob.enum))
