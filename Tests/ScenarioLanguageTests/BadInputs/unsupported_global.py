# expect: 4:5: error: 'global' statements are not supported in scenarios
counter = 0
def bump():
    global counter
    counter += 1
