# expect: 2:1: error: 'class' definitions are not supported in scenarios
class Foo:
    pass
