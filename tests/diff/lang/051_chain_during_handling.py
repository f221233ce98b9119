# Uncaught exception raised while handling another: implicit chaining in the traceback.
def load(cfg):
    try:
        return cfg["port"]
    except KeyError:
        print("no port, converting")
        return int(cfg["fallback"])

print("start")
load({"fallback": "eighty"})
