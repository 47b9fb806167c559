# Configuration layers with collections.ChainMap (lookups, new_child, parents, deletes),
# UserDict/UserList/UserString subclasses and methods, and pprint of all four.
import pprint
import collections
from collections import ChainMap, UserDict, UserList, UserString, abc

defaults = {'color': 'red', 'user': 'guest'}
env = {'user': 'alice'}
cm = ChainMap({}, env, defaults)
print(cm['user'], cm['color'], len(cm), sorted(cm), cm)
cm['mode'] = 'fast'
print(cm.maps[0], 'mode' in cm, cm.get('nope', 1))
child = cm.new_child({'user': 'bob'})
print(child['user'], child.parents['user'], child.parents.parents['user'])
del cm['mode']
try:
    del cm['user']
except KeyError as e:
    print('KeyError', e)
print(list(ChainMap({'a': 1}, {'b': 2, 'a': 3}).items()))
print(ChainMap({'a': 1}) | {'b': 2}, dict(ChainMap({1: 1}, {2: 2})))
c2 = cm.copy(); c2['x'] = 1; print(c2, cm)
print(isinstance(cm, abc.MutableMapping), repr(ChainMap()))
r = ChainMap(); r['self'] = r; print(r)
print(cm.pop('nothing', 'default'))
try:
    ChainMap().popitem()
except KeyError as e:
    print(e)

class Upper(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
u = Upper({'a': 1}, b=2)
u['c'] = 3
print(u, u.data, len(u), 'A' in u, u.get('A'), list(u), u | {'z': 0}, isinstance(u, dict), isinstance(u, abc.Mapping))
u2 = u.copy(); u2['d'] = 4; print(type(u2).__name__, u2, u)
print(UserDict.fromkeys('ab', 0), UserDict(a=1) == {'a': 1})
class Missing(UserDict):
    def __missing__(self, key):
        return key * 2
print(Missing()['ha'])

ul = UserList([3, 1, 2])
ul.append(5); ul.sort(); print(ul, ul[1:], type(ul[1:]).__name__, ul + [9], [0] + ul, ul * 2, len(ul), ul.index(3), ul.count(1))
ul.reverse(); print(ul, ul.pop(), ul, 3 in ul, ul == [5, 3, 2], ul < [9], ul.copy())
ul.extend(UserList([7])); ul.insert(0, 8); ul.remove(3); print(ul, repr(ul), isinstance(ul, abc.MutableSequence))
ul += [1]; ul *= 2; print(ul); del ul[0]; print(ul); ul[0] = 'x'; print(ul)

us = UserString('Hello World')
print(us, repr(us), us.upper(), us.lower(), us[1:4], type(us[1:4]).__name__, us + '!', 'x' + us, us * 2, len(us))
print(us.split(), us.find('o'), us.replace('l', 'L'), us.startswith('He'), 'World' in us, us == 'Hello World', us < 'Z')
print(us.center(15, '*'), us.zfill(13), '%s!' % us, us % () if False else '', us.encode(), us.join(['a', 'b']))
print(us.format_map({}) if False else '', UserString(42), int(UserString('7')) + 1, float(UserString('1.5')), us.casefold(), us.title(), us.partition(' '))
print(isinstance(us, abc.Sequence), sorted(collections.__all__))
print(UserString('a{}c').format('b'), UserString('%d-%s') % (1, 'x'), us.count('l'), us.isdigit(), us.strip('Hd'), list(reversed(UserString('abc'))))
pprint.pprint(ChainMap({'a' * 30: 1, 'b' * 30: 2}, {'c' * 30: list(range(20))}), width=40)
pprint.pprint(UserDict({'k%d' % i: 'v' * i for i in range(8)}), width=30)
pprint.pprint(UserList(['x' * 20] * 5), width=30)
pprint.pprint(UserString('word ' * 30), width=40)
