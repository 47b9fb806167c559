"""Support for POSIX locales.

loopscope: CPython's _locale is C over the C library's setlocale/localeconv. This is the
process those calls see in a simulation: CPython started with LANG=C.UTF-8 on glibc, the
C locale with UTF-8 as its character encoding. At start-up LC_CTYPE is "C.UTF-8" (CPython
sets it from the environment) and every other category "C"; the locales that exist are
"C", "POSIX" and "C.UTF-8" (also spelt "C.utf8"); any other name raises
locale.Error('unsupported locale setting'), as glibc does for a locale not installed.
The C and C.UTF-8 locales format numbers and money alike, so localeconv() is the C
locale's whatever is set.
"""

CHAR_MAX = 127

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6


class Error(Exception):
    __module__ = 'locale'


# glibc's categories in the order its composite LC_ALL name lists them, with their
# numbers (LC_ALL, 6, is not one of them).
_CATEGORY_NAMES = {
    0: 'LC_CTYPE', 1: 'LC_NUMERIC', 2: 'LC_TIME', 3: 'LC_COLLATE', 4: 'LC_MONETARY',
    5: 'LC_MESSAGES', 7: 'LC_PAPER', 8: 'LC_NAME', 9: 'LC_ADDRESS', 10: 'LC_TELEPHONE',
    11: 'LC_MEASUREMENT', 12: 'LC_IDENTIFICATION',
}

# What LANG=C.UTF-8 gives each category for setlocale(category, "").
_ENVIRONMENT = dict.fromkeys(_CATEGORY_NAMES, 'C.UTF-8')

# The current locale of each category: CPython's start-up call setlocale(LC_CTYPE, "").
_current = dict.fromkeys(_CATEGORY_NAMES, 'C')
_current[LC_CTYPE] = _ENVIRONMENT[LC_CTYPE]

_KNOWN = ('C', 'POSIX', 'C.UTF-8', 'C.utf8')


def _check(name):
    if name not in _KNOWN:
        raise Error('unsupported locale setting')
    # glibc reports POSIX as C.
    return 'C' if name == 'POSIX' else name


def _all_name():
    names = [_current[c] for c in _CATEGORY_NAMES]
    if all(n == names[0] for n in names):
        return names[0]
    return ';'.join(f'{_CATEGORY_NAMES[c]}={_current[c]}' for c in _CATEGORY_NAMES)


def setlocale(category, locale=None, /):
    """Activates/queries locale processing."""
    if not isinstance(category, int):
        raise TypeError(f"'{type(category).__name__}' object cannot be interpreted as an integer")
    if locale is not None and not isinstance(locale, str):
        raise TypeError(f"setlocale() argument 2 must be str or None, not {type(locale).__name__}")
    if category != LC_ALL and category not in _CATEGORY_NAMES:
        raise Error('unsupported locale setting' if locale is not None else 'locale query failed')
    if locale is None:
        return _all_name() if category == LC_ALL else _current[category]
    categories = list(_CATEGORY_NAMES) if category == LC_ALL else [category]
    if locale == '':
        new = {c: _ENVIRONMENT[c] for c in categories}
    elif category == LC_ALL and ';' in locale:
        # A composite name, as setlocale(LC_ALL) returned it.
        new = {}
        names = {v: k for k, v in _CATEGORY_NAMES.items()}
        for part in locale.split(';'):
            key, sep, value = part.partition('=')
            if not sep or key not in names:
                raise Error('unsupported locale setting')
            new[names[key]] = _check(value)
        if set(new) != set(_CATEGORY_NAMES):
            raise Error('unsupported locale setting')
    else:
        name = _check(locale)
        new = dict.fromkeys(categories, name)
    _current.update(new)
    return _all_name() if category == LC_ALL else _current[category]


def localeconv():
    """Returns numeric and monetary locale-specific parameters."""
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '', 'negative_sign': '',
            'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX, 'p_cs_precedes': CHAR_MAX,
            'p_sep_by_space': CHAR_MAX, 'n_cs_precedes': CHAR_MAX, 'n_sep_by_space': CHAR_MAX,
            'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX, 'decimal_point': '.',
            'thousands_sep': '', 'grouping': []}


def strcoll(os1, os2, /):
    """Compares two strings according to the locale."""
    # The C locale's collation (and C.UTF-8's) is code-point order.
    if not isinstance(os1, str) or not isinstance(os2, str):
        bad = os1 if not isinstance(os1, str) else os2
        raise TypeError(f"strcoll() argument {1 if bad is os1 else 2} must be str, not {type(bad).__name__}")
    return (os1 > os2) - (os1 < os2)


def strxfrm(string, /):
    """Return a string that can be used as a key for locale-aware comparisons."""
    if not isinstance(string, str):
        raise TypeError(f"strxfrm() argument must be str, not {type(string).__name__}")
    return string


def getencoding():
    """Get the current locale encoding (nl_langinfo(CODESET) of LC_CTYPE)."""
    return 'UTF-8' if _current[LC_CTYPE] in ('C.UTF-8', 'C.utf8') else 'ANSI_X3.4-1968'


def _getdefaultlocale():
    # loopscope: CPython has this on Windows only; elsewhere locale.getdefaultlocale()
    # reads os.environ, which loopscope has not. This answers what that reading of
    # LANG=C.UTF-8 gives, through the same aliasing engine.
    return ('en_US', 'UTF-8')
