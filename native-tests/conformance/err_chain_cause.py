# An uncaught exception raised from another: the cause is printed first.
class ConfigError(Exception):
    pass

def read(value):
    try:
        return int(value)
    except ValueError as e:
        raise ConfigError("port must be a number") from e

print(read("80"))
read("eighty")
