# expect: 2:11: error: '*' and '**' in a class's arguments are not supported in scenarios
class Foo(**options):
    pass
