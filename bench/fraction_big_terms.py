# Benchmark: fractions.Fraction with big terms. Newton's iteration for the square root of
# 2 doubles the denominator's size each step (to 41,665 bits), then 399 more sums of such
# terms: every operation normalises by math.gcd of numbers of tens of thousands of bits,
# so the time is gcd's (CPython's is Lehmer's, _PyLong_GCD).
from fractions import Fraction

x = Fraction(3, 2)
two = Fraction(2)
for i in range(14):
    x = (x + two / x) / 2
    if i > 9:
        print(i, x.denominator.bit_length())
total = Fraction(0)
for k in range(1, 400):
    total += x / k
print(total.numerator.bit_length(), total.denominator % 1000003)
