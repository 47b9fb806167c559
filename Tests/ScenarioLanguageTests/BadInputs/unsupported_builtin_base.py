# expect: 3:13: error: subclasses of the built-in type 'complex' are not supported in scenarios
@decorators_are_fine
class Stack(complex):
    pass
