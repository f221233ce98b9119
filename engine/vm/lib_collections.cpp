// The collections module: deque (lib_deque.cpp) and defaultdict in C++ (module _collections),
// Counter, namedtuple and OrderedDict in embedded Python written after Lib/collections.
#include "engine/vm/builtins_util.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::vm::lib {

Type* make_deque_type(VM& vm);

namespace {

// defaultdict: a dict whose missing keys are filled by default_factory(). dict's getitem slot
// calls __missing__ for subclasses, so only __missing__, the constructor and repr are new here.
struct DefaultDict : Dict {
    explicit DefaultDict(Type* t) : Dict(t) {}
    Value factory;  // null: None
};

Value dd_new(VM&, Type* cls, Args) { return Value::steal(new DefaultDict(cls)); }

bool dd_init(VM& vm, const Value& self, Args a) {
    auto* d = self.as<DefaultDict>();
    Args rest = a;
    if (a.size() >= 1) {
        if (!a[0].is_none() && !is_callable(a[0])) {
            raise(vm, vm.exc.TypeError, "first argument must be callable or None");
            return false;
        }
        d->factory = a[0].is_none() ? Value() : a[0];
        rest = a.skip();
    }
    return vm.types.dict->slots.init(vm, self, rest);
}

Value dd_missing(VM& vm, Args a) {
    if (!method_one(vm, a, "defaultdict.__missing__")) return {};
    auto* d = a[0].as<DefaultDict>();
    if (!d->factory) return raise_with_args(vm, vm.exc.KeyError, {a[1]});
    Value v = call(vm, d->factory, Args());
    if (!v) return {};
    if (!set_item(vm, a[0], a[1], v)) return {};
    return v;
}

Value dd_repr(VM& vm, const Value& self) {
    auto* d = self.as<DefaultDict>();
    std::string out(type_of(self)->name);
    out += "(";
    if (!d->factory) out += "None";
    else if (d->factory.is(self)) out += "...";
    else if (!repr_into(vm, d->factory, out)) return {};
    out += ", ";
    Value inner = vm.types.dict->slots.repr(vm, self);
    if (!inner) return {};
    out += str_view(inner);
    out += ")";
    return new_str(vm, std::move(out));
}

Value dd_copy(VM& vm, Args a) {
    if (!method_none(vm, a, "defaultdict.copy")) return {};
    auto* src = a[0].as<DefaultDict>();
    auto* d = new DefaultDict(type_of(a[0]));
    Value r = Value::steal(d);
    d->factory = src->factory;
    for (const auto& e : src->entries())
        if (e.key && !d->set(vm, e.key, e.value)) return {};
    return r;
}

Value dd_get_factory(VM&, const Value& self) {
    auto* d = self.as<DefaultDict>();
    return d->factory ? d->factory : Value::none();
}

bool dd_set_factory(VM&, const Value& self, const Value& v) {
    auto* d = self.as<DefaultDict>();
    d->factory = (v.is_null() || v.is_none()) ? Value() : v;
    return true;
}

Type* make_defaultdict_type(VM& vm) {
    Type* t = make_builtin_type(vm, "defaultdict", vm.types.dict, kTypeBaseType);
    t->module = "collections";
    t->alloc = [](VM&, Type* cls) -> Object* { return new DefaultDict(cls); };
    t->slots.new_ = dd_new;
    t->slots.init = dd_init;
    t->slots.repr = dd_repr;
    def_method(vm, t, "__missing__", dd_missing);
    def_method(vm, t, "copy", dd_copy);
    def_method(vm, t, "__copy__", dd_copy);
    def_getset(vm, t, "default_factory", dd_get_factory, dd_set_factory);
    return t;
}

bool init_native_collections(VM& vm, Module* m) {
    def_value(vm, m, "deque", Value::borrow(make_deque_type(vm)));
    def_value(vm, m, "defaultdict", Value::steal(make_defaultdict_type(vm)));
    return true;
}

const char* const kCollectionsSource = R"PY(
from _collections import deque, defaultdict

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
           'defaultdict', 'deque', 'namedtuple']

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return',
    'try', 'while', 'with', 'yield'])


def _count_word(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _quoted_names(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_names = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))
    num_fields = len(field_names)
    tuple_new = tuple.__new__

    def __new__(_cls, *args, **kwargs):
        if len(args) > num_fields:
            raise TypeError(f"{typename}.__new__() takes {num_fields + 1} positional "
                            f"arguments but {len(args) + 1} were given")
        values = list(args)
        missing = []
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
                values.append(None)
        for name in kwargs:
            if name in field_names:
                raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
        if missing:
            raise TypeError(f"{typename}.__new__() missing "
                            f"{_count_word(len(missing), 'required positional argument')}: "
                            f"{_quoted_names(missing)}")
        return tuple_new(_cls, values)

    @classmethod
    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else value
                             for name, value in zip(field_names, self)])
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self):
        parts = ', '.join(f'{name}={value!r}' for name, value in zip(field_names, self))
        return f'{self.__class__.__name__}({parts})'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        '__doc__': f'{typename}({", ".join(field_names)})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
        '__module__': module if module is not None else '__main__',
    }
    for index, name in enumerate(field_names):
        namespace[name] = _field_property(index, name)
    return type(typename, (tuple,), namespace)


def _field_property(index, name):
    def get(self):
        return self[index]
    return property(get, doc=f'Alias for field number {index}')


def _itemgetter1(pair):
    return pair[1]


class Counter(dict):
    def __init__(self, iterable=None, /, **kwds):
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self.items(), key=_itemgetter1, reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter1)

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                self_get = self.get
                for elem in iterable:
                    self[elem] = self_get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result


class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        value = dict.pop(self, key)
        return key, value

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        return f'{self.__class__.__name__}({dict(self.items())!r})'

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def copy(self):
        return self.__class__(self)
)PY";

}  // namespace

void register_collections(VM& vm) {
    vm.register_native_module("_collections", init_native_collections);
    vm.register_source_module("collections", "<collections>", kCollectionsSource);
}

}  // namespace ll::vm::lib
