# expect: 3:1: error: expected an indented block after function definition on line 2
async def main():
return 1
