# Exercise 3: catch a use-after-free with the debug hooks. Make it print "db timeout: 30".
import ctypes


class Config:
    def __init__(self, name, timeout):
        self.name = name
        self.timeout = timeout


handles = {}


def register(cfg):
    handles[cfg.name] = id(cfg)  # a raw address, as a C extension would keep it


def lookup(name):
    return ctypes.cast(handles[name], ctypes.py_object).value


register(Config("db", 30))
cache = Config("cache", 5)
print("db timeout:", lookup("db").timeout)
