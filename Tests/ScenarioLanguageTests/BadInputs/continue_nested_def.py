# expect: 4:9: error: 'continue' not properly in loop
while x:
    def f():
        continue
