# expect: 2:11: error: class arguments other than base classes ('metaclass=', '*', '**') are not supported in scenarios
class Foo(metaclass=Meta):
    pass
