# expect: 4:1: error: inconsistent use of tabs and spaces in indentation
if x:
	if y:
        a = 1
