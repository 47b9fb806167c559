# expect: 4:1: error: 'except*' is not supported in scenarios
try:
    pass
except* ValueError:
    pass
