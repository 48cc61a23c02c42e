# Exercise 6: read a header dump. Run it, read the dump, fill in the answers.
import heapdebug

shelf = ["atlas", "bible", "codex"]
alias = shelf
heapdebug.dump(shelf)

REFCOUNT = None         # the ob_refcnt the dump shows
OB_SIZE = None          # the value of ob_size
ITEMS_OFFSET = None     # the offset of the ob_item field from the object's address
GC_HEADER_BYTES = None  # how many bytes the GC header takes in front of the object
