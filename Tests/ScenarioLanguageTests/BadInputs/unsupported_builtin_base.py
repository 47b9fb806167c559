# expect: 3:13: error: subclasses of the built-in type 'dict' are not supported in scenarios
@decorators_are_fine
class Stack(dict):
    pass
