# Module attributes read through the VM's per-instruction cache: rebinding, deleting and re-adding
# a name, two modules and a plain object read by the same instruction, and a module __getattr__.
import math

ModuleType = type(math)    # types.ModuleType

fresh = ModuleType("fresh")
fresh.value = 1
other = ModuleType("other")
other.value = "other's"


def read(m):
    return m.value                      # one LOAD_ATTR for every object passed in


def call(m):
    return m.value()                    # the method-call form of LOAD_ATTR


print(read(fresh), read(fresh))
fresh.value = 2                         # rebinding keeps the entry where it was
print(read(fresh))
print(read(other), read(fresh))         # alternating modules at one instruction


class Plain:
    value = "class attribute"


print(read(Plain()), read(fresh))
del fresh.value
try:
    read(fresh)
except AttributeError as e:
    print("AttributeError:", e)
fresh.padding = 0
fresh.value = 3                         # back, at another position of the dict
print(read(fresh))
fresh.value = lambda: "called"
print(call(fresh), call(fresh))
del fresh.value
try:
    call(fresh)
except AttributeError as e:
    print("AttributeError:", e)


def module_getattr(name):
    return f"computed {name}"


fresh.__getattr__ = module_getattr     # consulted only for names the dict lacks
print(read(fresh))
fresh.value = 4
print(read(fresh))
print([round(math.sqrt(x), 3) for x in range(4)])
math.sqrt = lambda x: -x                # a module attribute replaced from outside
print([math.sqrt(x) for x in range(4)])
