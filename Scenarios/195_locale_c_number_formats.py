# A report formatter in the C locale: locale.setlocale(LC_ALL, 'C'), localeconv(),
# getlocale(), format_string with grouping (no separators in C), the 'n' format of
# int, float and Decimal, and locale.Error for a locale the machine does not have.
import asyncio
import locale
from decimal import Decimal

print(locale.LC_ALL, locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_COLLATE,
      locale.LC_MONETARY, locale.LC_MESSAGES, locale.CHAR_MAX)
print(locale.setlocale(locale.LC_ALL, 'C'), locale.getlocale(), locale.getencoding())
print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_ALL, 'POSIX'))
try:
    locale.setlocale(locale.LC_ALL, 'xx_YY.UTF-8')
except locale.Error as e:
    print(type(e).__name__, e)
conv = locale.localeconv()
print(conv)
print(repr(conv['decimal_point']), repr(conv['thousands_sep']), conv['grouping'])
try:
    locale.currency(10.5)
except ValueError as e:
    print(e)
print(locale.str(3.5), locale.atof('2.75'), locale.atoi('42'), locale.delocalize('1234.5'))
print(locale.strcoll('apple', 'banana'), locale.strxfrm('abc'), locale.normalize('en_US.utf8'),
      locale.normalize('de_DE'), locale.normalize('fr.iso88591'))


async def report(name, amount, count):
    await asyncio.sleep(0.01 * count)
    line = locale.format_string('%-8s %12.2f %6d', (name, amount, count), grouping=True)
    print(line, '|', format(count * 1000, 'n'), '{:n}'.format(amount), f'{Decimal(str(amount)):n}')


async def main():
    await asyncio.gather(report('north', 1234567.891, 3), report('south', 98.5, 1),
                         report('east', 100000.0, 2))
    print(format(1234, 'n'), '{:n}'.format(-1234567), format(1234.5, 'n'), f'{1e20:n}',
          format(123456789, '>15n'), format(0.00001234, 'n'), format(2.5e-7, '.3n'))
    print(format(Decimal('1234.5'), 'n'), format(Decimal('-1234567.891'), '.10n'),
          format(Decimal('1E+5'), 'n'), format(Decimal('12345'), '>12n'), format(True, 'n'))


asyncio.run(main())
