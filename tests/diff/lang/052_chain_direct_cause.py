# Uncaught exception with an explicit cause: "The above exception was the direct cause".
class ConfigError(Exception):
    pass

def read_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e

print(read_port("8080"))
print(read_port("http"))
