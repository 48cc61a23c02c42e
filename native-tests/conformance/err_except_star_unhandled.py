# except* handles part of a group; the rest is raised again.
try:
    raise ExceptionGroup("mixed", [ValueError("v"), KeyError("k")])
except* ValueError as eg:
    print("handled", len(eg.exceptions))
