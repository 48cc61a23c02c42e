from __future__ import annotations, division
print(1 / 2)
