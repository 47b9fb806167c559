# expect: 2:12: error: '**' parameters are not supported in scenarios
def f(a, **options):
    pass
