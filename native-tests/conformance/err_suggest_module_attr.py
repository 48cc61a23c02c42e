# A misspelt module attribute.
import math
print(math.pi > 3)
print(math.pii)
