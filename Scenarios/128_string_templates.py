# string's constants, capwords and Template in an asyncio notifier: $name and ${name}
# placeholders, $$ escapes, substitute with a mapping and keywords, safe_substitute
# leaving unknown ones, CPython's "Invalid placeholder" line/column and KeyError, a
# subclass with its own delimiter; str.startswith/endswith with start and end.
import asyncio
import string
from string import Template

MESSAGE = Template("Dear ${name}, your order #$order ships in $days day(s); you owe $$${amount}.")


async def notify(name, order, days, amount):
    await asyncio.sleep(days * 0.1)
    print(MESSAGE.substitute({"name": string.capwords(name), "order": order}, days=days, amount=amount))


async def main():
    await asyncio.gather(notify("ada lovelace", 17, 3, "12.50"), notify("  alan   TURING ", 18, 1, "3"))


asyncio.run(main())
print(MESSAGE.get_identifiers(), MESSAGE.is_valid())
print(Template("$who met $whom at ${place").safe_substitute(who="Ada"))
for text in ["price: $", "first line\nsecond $5 line", "${}"]:
    try:
        Template(text).substitute()
    except ValueError as e:
        print("ValueError:", e)
try:
    Template("$missing").substitute(present=1)
except KeyError as e:
    print("KeyError:", e)


class Percent(Template):
    delimiter = "%"


print(Percent("%user has %%%{pct}").substitute(user="bob", pct=40))
print(string.ascii_lowercase, string.digits, string.hexdigits, string.punctuation)
print(repr(string.whitespace), len(string.printable), string.capwords("x-y-z", "-"))
print("$who".startswith("$", 1), "abcdef".startswith(("x", "cd"), 2), "abcdef".endswith("cd", 0, 4), "abc".startswith("", 4))
