"""JSON token scanner
"""
# loopscope: CPython 3.11's Lib/json/scanner.py: the scanner is _json's (CPython's C one; the
# pure-Python py_make_scanner needs re, which is not available).
from _json import make_scanner as c_make_scanner

__all__ = ['make_scanner']

make_scanner = c_make_scanner
