// The itertools module as embedded Python generators. Each public function checks its arguments
// eagerly (as CPython's C types do at construction) and hands the work to a private generator.
#include "engine/vm/vm.hpp"

namespace ll::vm::lib {

namespace {

const char* const kItertoolsSource = R"PY(
_MAXSIZE = 9223372036854775807


def _count(n, step):
    while True:
        yield n
        n += step


def count(start=0, step=1):
    for value in (start, step):
        if not isinstance(value, (int, float)):
            raise TypeError('a number is required')
    return _count(start, step)


def _cycle(iterator):
    saved = []
    for element in iterator:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def cycle(iterable, /):
    return _cycle(iter(iterable))


def _repeat_forever(element):
    while True:
        yield element


def _repeat_times(element, times):
    for _ in range(times):
        yield element


def repeat(object, times=None):
    if times is None:
        return _repeat_forever(object)
    return _repeat_times(object, times)


def _accumulate(iterator, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(iterator)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in iterator:
            total = total + element
            yield total
    else:
        for element in iterator:
            total = func(total, element)
            yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _chain(iterables):
    for it in iterables:
        yield from it


def chain(*iterables):
    return _chain(iterables)


def _from_iterable(iterable, /):
    return _chain(iter(iterable))


chain.from_iterable = _from_iterable


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, iterator):
    for x in iterator:
        if not predicate(x):
            yield x
            break
    for x in iterator:
        yield x


def dropwhile(predicate, iterable, /):
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, iterator):
    for x in iterator:
        if predicate(x):
            yield x
        else:
            break


def takewhile(predicate, iterable, /):
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, iterator):
    if predicate is None:
        predicate = bool
    for x in iterator:
        if not predicate(x):
            yield x


def filterfalse(function, iterable, /):
    return _filterfalse(function, iter(iterable))


def _starmap(function, iterator):
    for args in iterator:
        yield function(*args)


def starmap(function, iterable, /):
    return _starmap(function, iter(iterable))


def _islice_index(value, message):
    if value is None:
        return None
    if hasattr(type(value), '__index__'):
        value = value.__index__()
        if 0 <= value <= _MAXSIZE:
            return value
    raise ValueError(message)


def _islice(iterator, start, stop, step):
    # The C type's bookkeeping: skip to the next wanted position (never past stop), take one.
    count = 0
    wanted = start
    while True:
        if stop is not None and count >= stop:
            return
        while count < wanted:
            try:
                next(iterator)
            except StopIteration:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        try:
            item = next(iterator)
        except StopIteration:
            return
        count += 1
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop
        yield item


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = None, args[0], None
        stop = _islice_index(stop, 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    elif 2 <= len(args) <= 3:
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
        start = _islice_index(start, 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        stop = _islice_index(stop, 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        if step is not None:
            if not hasattr(type(step), '__index__') or step.__index__() <= 0:
                raise ValueError('Step for islice() must be a positive integer or None.')
            step = step.__index__()
    elif len(args) == 0:
        raise TypeError('islice expected at least 2 arguments, got 1')
    else:
        raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
    return _islice(iter(iterable), start or 0, stop, step or 1)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    values = [None] * len(iterators)
    while True:
        for i, it in enumerate(iterators):
            if it is None:
                values[i] = fillvalue
                continue
            try:
                values[i] = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                values[i] = fillvalue
        yield tuple(values)


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    elif r < 0:
        raise ValueError('r must be non-negative')
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations(tuple(iterable), r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations_with_replacement(tuple(iterable), r)


def _groupby(iterator, keyfunc):
    # The group iterators share the outer one: advancing the outer skips the rest of a group.
    state = {'done': False}
    try:
        value = next(iterator)
    except StopIteration:
        return
    state['value'] = value
    state['key'] = value if keyfunc is None else keyfunc(value)

    def group(target):
        yield state['value']
        for value in iterator:
            key = value if keyfunc is None else keyfunc(value)
            state['value'] = value
            state['key'] = key
            if key != target:
                return
            yield value
        state['done'] = True

    while not state['done']:
        target = state['key']
        current = group(target)
        yield target, current
        if state['key'] == target and not state['done']:
            for _ in current:
                pass


def groupby(iterable, key=None):
    return _groupby(iter(iterable), key)


def _pairwise(iterator):
    try:
        a = next(iterator)
    except StopIteration:
        return
    for b in iterator:
        yield a, b
        a = b


def pairwise(iterable, /):
    return _pairwise(iter(iterable))


def _batched(iterator, n, strict):
    while True:
        batch = tuple(islice(iterator, n))
        if not batch:
            return
        if strict and len(batch) != n:
            raise ValueError('batched(): incomplete batch')
        yield batch


def batched(iterable, n, *, strict=False):
    if n < 1:
        raise ValueError('n must be at least one')
    return _batched(iter(iterable), n, strict)


def _tee_gen(iterator, buffers, mine):
    while True:
        if not mine:
            try:
                value = next(iterator)
            except StopIteration:
                return
            for buf in buffers:
                buf.append(value)
        yield mine.pop(0)


def tee(iterable, n=2, /):
    if n < 0:
        raise ValueError('n must be >= 0')
    iterator = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee_gen(iterator, buffers, buf) for buf in buffers)
)PY";

}  // namespace

void register_itertools(VM& vm) { vm.register_source_module("itertools", "<itertools>", kItertoolsSource); }

}  // namespace ll::vm::lib
