"""Functional tools for creating and using iterators: CPython 3.11's itertools.

CPython writes this module in C. Here each function is the pure-Python equivalent that
CPython's documentation gives for it (Doc/library/itertools.rst), so the items and their
order are CPython's; the objects are generators, not instances of itertools' own types
(their repr differs, and they cannot be pickled or copied).
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']


def accumulate(iterable, func=None, *, initial=None):
    'Return series of accumulated sums (or other binary function results).'
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def _chain(*iterables):
    for it in iterables:
        for element in it:
            yield element


def _from_iterable(iterables):
    for it in iterables:
        for element in it:
            yield element


class chain:
    """chain(*iterables) --> chain object

    Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __new__(cls, *iterables):
        return _chain(*iterables)

    @staticmethod
    def from_iterable(iterables):
        "Alternative chain() constructor taking a single iterable argument that evaluates lazily."
        return _from_iterable(iterables)


def combinations(iterable, r):
    'Return successive r-length combinations of elements in the iterable.'
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError('r must be non-negative')
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
        for j in range(i+1, r):
            indices[j] = indices[j-1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    'Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.'
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError('r must be non-negative')
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


def compress(data, selectors):
    'Return data elements corresponding to true selector elements.'
    return (d for d, s in zip(data, selectors) if s)


def count(start=0, step=1):
    'Return a count object whose .__next__() method returns consecutive values.'
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    'Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.'
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    if not saved:
        return
    while saved:
        for element in saved:
            yield element


def dropwhile(predicate, iterable):
    'Drop items from the iterable while predicate(item) is true.'
    iterable = iter(iterable)
    for x in iterable:
        if not predicate(x):
            yield x
            break
    for x in iterable:
        yield x


def filterfalse(function, iterable):
    'Return those items of iterable for which function(item) is false.'
    if function is None:
        function = bool
    for x in iterable:
        if not function(x):
            yield x


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable

    iterable
      Elements to divide into groups according to the key function.
    key
      A function for computing the group category for each element.
      If the key function is not specified or is None, the element itself
      is used for grouping."""

    def __init__(self, iterable, key=None):
        if key is None:
            key = lambda x: x
        self.keyfunc = key
        self.it = iter(iterable)
        self.tgtkey = self.currkey = self.currvalue = object()
        self.id = object()

    def __iter__(self):
        return self

    def __next__(self):
        self.id = object()
        while self.currkey == self.tgtkey:
            self.currvalue = next(self.it)    # Exit on StopIteration
            self.currkey = self.keyfunc(self.currvalue)
        self.tgtkey = self.currkey
        return (self.currkey, self._grouper(self.tgtkey, self.id))

    def _grouper(self, tgtkey, id):
        while self.id is id and self.currkey == tgtkey:
            yield self.currvalue
            try:
                self.currvalue = next(self.it)
            except StopIteration:
                return
            self.currkey = self.keyfunc(self.currvalue)


def islice(iterable, *args):
    'islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object'
    # slice(*args)'s arguments, checked as islice_new checks them.
    if not 1 <= len(args) <= 3:
        raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
    start, stop, step = (None, args[0], None) if len(args) == 1 else (args + (None,))[:3]
    if stop is not None and (not isinstance(stop, int) or stop < 0):
        raise ValueError('Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if start is not None and (not isinstance(start, int) or start < 0):
        raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if step is not None and (not isinstance(step, int) or step < 1):
        raise ValueError('Step for islice() must be a positive integer or None.')
    start, step = start or 0, step or 1
    it = iter(range(start, stop, step)) if stop is not None else count(start, step)
    try:
        nexti = next(it)
    except StopIteration:
        # Consume *iterable* up to the *start* position.
        for i, element in zip(range(start), iterable):
            pass
        return
    try:
        for i, element in enumerate(iterable):
            if i == nexti:
                yield element
                nexti = next(it)
    except StopIteration:
        return


def pairwise(iterable):
    'Return an iterator of overlapping pairs taken from the input iterator.'
    iterator = iter(iterable)
    for a in iterator:
        for b in iterator:
            yield a, b
            a = b
        return


def permutations(iterable, r=None):
    'Return successive r-length permutations of elements in the iterable.'
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError('r must be non-negative')
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n-r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i+1:] + indices[i:i+1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def product(*args, repeat=1):
    'Cartesian product of input iterables.  Equivalent to nested for-loops.'
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in args] * repeat
    result = [[]]
    for pool in pools:
        result = [x+[y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def repeat(object, times=None):
    'repeat(object [,times]) -> create an iterator which returns the object for the specified number of times.  If not specified, returns the object endlessly.'
    if times is None:
        while True:
            yield object
    else:
        for i in range(times):
            yield object


def starmap(function, iterable):
    'Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.'
    for args in iterable:
        yield function(*args)


def takewhile(predicate, iterable):
    'Return successive entries from an iterable as long as the predicate evaluates to true for each entry.'
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def _tee(iterator, link):
    # One of tee()'s iterators: `link` is [value, next link], shared by all of them, so
    # each item is drawn from the source once.
    while True:
        if link[1] is None:
            try:
                link[0] = next(iterator)
            except StopIteration:
                return
            link[1] = [None, None]
        value, link = link
        yield value


def tee(iterable, n=2):
    'Returns a tuple of n independent iterators.'
    if n < 0:
        raise ValueError('n must be >= 0')
    iterator = iter(iterable)
    link = [None, None]
    return tuple(_tee(iterator, link) for _ in range(n))


def zip_longest(*args, fillvalue=None):
    'Return a zip_longest object whose .__next__() method returns a tuple where the i-th element comes from the i-th iterable argument.'
    iterators = [iter(it) for it in args]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)
