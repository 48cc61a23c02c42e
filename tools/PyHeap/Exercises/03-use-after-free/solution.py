# Exercise 3, a solution: the registry holds the objects themselves, so they stay alive.


class Config:
    def __init__(self, name, timeout):
        self.name = name
        self.timeout = timeout


handles = {}


def register(cfg):
    handles[cfg.name] = cfg  # a real reference keeps the Config alive


def lookup(name):
    return handles[name]


register(Config("db", 30))
cache = Config("cache", 5)
print("db timeout:", lookup("db").timeout)
