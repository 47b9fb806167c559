# expect: 2:1: error: annotated assignments ('x: T = ...') are not supported in scenarios
x: int = 1
