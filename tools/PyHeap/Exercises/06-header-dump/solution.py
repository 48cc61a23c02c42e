# Exercise 6, a solution: the answers as the dump shows them.
import heapdebug

shelf = ["atlas", "bible", "codex"]
alias = shelf
heapdebug.dump(shelf)

REFCOUNT = 3          # shelf, alias, and the argument of the dump call
OB_SIZE = 3           # three items in use
ITEMS_OFFSET = 24     # after ob_refcnt (0), ob_type (8) and ob_size (16)
GC_HEADER_BYTES = 16  # gc_next and gc_prev, at offsets -16 and -8
