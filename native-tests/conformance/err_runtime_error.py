# Uncaught RuntimeError raised explicitly.
def stop(reason):
    raise RuntimeError("stopped: " + reason)


print("starting")
stop("out of budget")
