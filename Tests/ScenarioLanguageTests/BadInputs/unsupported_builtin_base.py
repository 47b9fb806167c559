# expect: 3:13: error: subclasses of the built-in type 'memoryview' are not supported in scenarios
@decorators_are_fine
class Stack(memoryview):
    pass
