# expect: 3:5: error: 'await' outside async function
def f():
    await x
