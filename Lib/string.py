"""A collection of string constants: CPython 3.11's Lib/string.py, ported statement for
statement for the constants, capwords and Template.

Differences forced by the simulator: there is no re, so Template finds its placeholders
by hand with CPython's default pattern (a delimiter, then another delimiter, an
identifier of ASCII letters, digits and underscores not starting with a digit, or one
in braces); a subclass may change `delimiter` but not `idpattern`, `braceidpattern`,
`flags` or `pattern`. string.Formatter is not available.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

# Some strings for ctype-style character classification
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace

# Functions which aren't available as string methods.

# Capitalize the words in a string, e.g. " aBc  dEf " -> "Abc Def".
def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    # loopscope: map(str.capitalize, ...); str's methods are not attributes of str here.
    return (sep or ' ').join(map(lambda word: word.capitalize(), s.split(sep)))


####################################################################
_sentinel_dict = {}

_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


class _Match:
    # loopscope: the re match object Template's helpers read: which group matched, its
    # text, where the invalid group starts, and the whole match.
    def __init__(self, kind, value, start, text):
        self.kind = kind
        self.value = value
        self.start_invalid = start
        self.text = text


def _identifier_at(template, i):
    j = i
    if j < len(template) and template[j] in _ID_START:
        j += 1
        while j < len(template) and template[j] in _ID_CHARS:
            j += 1
    return template[i:j]


def _matches(template, delim):
    # Template.pattern.finditer(template): (start, end, _Match) for each placeholder.
    result = []
    i = template.find(delim)
    while i >= 0:
        k = i + len(delim)
        if template.startswith(delim, k):
            result.append((i, k + len(delim), _Match('escaped', delim, -1, delim + delim)))
            i = template.find(delim, k + len(delim))
            continue
        name = _identifier_at(template, k)
        if name:
            end = k + len(name)
            result.append((i, end, _Match('named', name, -1, template[i:end])))
            i = template.find(delim, end)
            continue
        if template.startswith('{', k):
            name = _identifier_at(template, k + 1)
            if name and template.startswith('}', k + 1 + len(name)):
                end = k + 2 + len(name)
                result.append((i, end, _Match('braced', name, -1, template[i:end])))
                i = template.find(delim, end)
                continue
        result.append((i, k, _Match('invalid', None, k, delim)))
        i = template.find(delim, k)
    return result


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        # loopscope: the pattern is the default one, for this class's delimiter.
        for name in ('pattern', 'flags'):
            if name in cls.__dict__:
                raise ValueError(f"loopscope's string.Template does not support a custom {name}")
        if cls.idpattern != Template.idpattern or cls.braceidpattern is not None:
            raise ValueError("loopscope's string.Template does not support a custom idpattern")

    def __init__(self, template):
        self.template = template

    # Search for $$, $identifier, ${identifier}, and any bare $'s

    def _invalid(self, mo):
        i = mo.start_invalid
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _sub(self, convert):
        # self.pattern.sub(convert, self.template)
        pieces = []
        last = 0
        for start, end, mo in _matches(self.template, self.delimiter):
            pieces.append(self.template[last:start])
            pieces.append(convert(mo))
            last = end
        pieces.append(self.template[last:])
        return ''.join(pieces)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            # loopscope: ChainMap(kws, mapping), as a dict read in that order.
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        # Helper function for .sub()
        def convert(mo):
            # Check the most common path first.
            named = mo.value if mo.kind in ('named', 'braced') else None
            if named is not None:
                return str(mapping[named])
            if mo.kind == 'escaped':
                return self.delimiter
            if mo.kind == 'invalid':
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern',
                             self.pattern)
        return self._sub(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        # Helper function for .sub()
        def convert(mo):
            named = mo.value if mo.kind in ('named', 'braced') else None
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.text
            if mo.kind == 'escaped':
                return self.delimiter
            if mo.kind == 'invalid':
                return mo.text
            raise ValueError('Unrecognized named group in pattern',
                             self.pattern)
        return self._sub(convert)

    def is_valid(self):
        for start, end, mo in _matches(self.template, self.delimiter):
            if mo.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, mo in _matches(self.template, self.delimiter):
            named = mo.value if mo.kind in ('named', 'braced') else None
            if named is not None and named not in ids:
                # add a named group only the first time it appears
                ids.append(named)
        return ids
