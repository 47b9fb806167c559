# Random set algebra (a fixed LCG, no imports): every result must print in CPython's order.
state = [12345]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n
def rset(k):
    return set([rnd(240) - 40 for _ in range(rnd(k))])
for trial in range(400):
    a = rset(30); b = rset(30)
    l = [rnd(240) - 40 for _ in range(rnd(20))]
    c = set(a)
    c |= b; d = set(a); d &= b; e = set(a); e -= b; f = set(a); f ^= b
    g = set(a); g.update(l); h = set(a); h.intersection_update(l); k = set(a); k.difference_update(l); m = set(a); m.symmetric_difference_update(l)
    for x in l[:3]: a.discard(x)
    print((a | b, a & b, a - b, b - a, a ^ b, c, d, e, f, g, h, k, m, a.union(l), a.intersection(l), a.difference(l), a.symmetric_difference(l), [a.pop() for _ in range(min(3, len(a)))], a, frozenset(l) | a, a.copy(), {x for x in l}, {*l, *a}))
