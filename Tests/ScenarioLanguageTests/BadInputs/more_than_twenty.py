# expect: 21:7: error: 'lambda' expressions are not supported in scenarios
# expect: 22:7: error: 'lambda' expressions are not supported in scenarios
# expect: 23:7: error: 'lambda' expressions are not supported in scenarios
# expect: 24:7: error: 'lambda' expressions are not supported in scenarios
# expect: 25:7: error: 'lambda' expressions are not supported in scenarios
# expect: 26:7: error: 'lambda' expressions are not supported in scenarios
# expect: 27:7: error: 'lambda' expressions are not supported in scenarios
# expect: 28:7: error: 'lambda' expressions are not supported in scenarios
# expect: 29:7: error: 'lambda' expressions are not supported in scenarios
# expect: 30:7: error: 'lambda' expressions are not supported in scenarios
# expect: 31:7: error: 'lambda' expressions are not supported in scenarios
# expect: 32:7: error: 'lambda' expressions are not supported in scenarios
# expect: 33:7: error: 'lambda' expressions are not supported in scenarios
# expect: 34:7: error: 'lambda' expressions are not supported in scenarios
# expect: 35:7: error: 'lambda' expressions are not supported in scenarios
# expect: 36:7: error: 'lambda' expressions are not supported in scenarios
# expect: 37:7: error: 'lambda' expressions are not supported in scenarios
# expect: 38:7: error: 'lambda' expressions are not supported in scenarios
# expect: 39:7: error: 'lambda' expressions are not supported in scenarios
# expect: 40:7: error: 'lambda' expressions are not supported in scenarios
g00 = lambda: 0
g01 = lambda: 1
g02 = lambda: 2
g03 = lambda: 3
g04 = lambda: 4
g05 = lambda: 5
g06 = lambda: 6
g07 = lambda: 7
g08 = lambda: 8
g09 = lambda: 9
g10 = lambda: 10
g11 = lambda: 11
g12 = lambda: 12
g13 = lambda: 13
g14 = lambda: 14
g15 = lambda: 15
g16 = lambda: 16
g17 = lambda: 17
g18 = lambda: 18
g19 = lambda: 19
g20 = lambda: 20
g21 = lambda: 21
g22 = lambda: 22
g23 = lambda: 23
g24 = lambda: 24
