# expect: 21:7: error: the '@' operator is not supported in scenarios
# expect: 22:7: error: the '@' operator is not supported in scenarios
# expect: 23:7: error: the '@' operator is not supported in scenarios
# expect: 24:7: error: the '@' operator is not supported in scenarios
# expect: 25:7: error: the '@' operator is not supported in scenarios
# expect: 26:7: error: the '@' operator is not supported in scenarios
# expect: 27:7: error: the '@' operator is not supported in scenarios
# expect: 28:7: error: the '@' operator is not supported in scenarios
# expect: 29:7: error: the '@' operator is not supported in scenarios
# expect: 30:7: error: the '@' operator is not supported in scenarios
# expect: 31:7: error: the '@' operator is not supported in scenarios
# expect: 32:7: error: the '@' operator is not supported in scenarios
# expect: 33:7: error: the '@' operator is not supported in scenarios
# expect: 34:7: error: the '@' operator is not supported in scenarios
# expect: 35:7: error: the '@' operator is not supported in scenarios
# expect: 36:7: error: the '@' operator is not supported in scenarios
# expect: 37:7: error: the '@' operator is not supported in scenarios
# expect: 38:7: error: the '@' operator is not supported in scenarios
# expect: 39:7: error: the '@' operator is not supported in scenarios
# expect: 40:7: error: the '@' operator is not supported in scenarios
g00 = 0 @ 0
g01 = 1 @ 1
g02 = 2 @ 2
g03 = 3 @ 3
g04 = 4 @ 4
g05 = 5 @ 5
g06 = 6 @ 6
g07 = 7 @ 7
g08 = 8 @ 8
g09 = 9 @ 9
g10 = 10 @ 10
g11 = 11 @ 11
g12 = 12 @ 12
g13 = 13 @ 13
g14 = 14 @ 14
g15 = 15 @ 15
g16 = 16 @ 16
g17 = 17 @ 17
g18 = 18 @ 18
g19 = 19 @ 19
g20 = 20 @ 20
g21 = 21 @ 21
g22 = 22 @ 22
g23 = 23 @ 23
g24 = 24 @ 24
