# A tiny calculator service: requests arrive over time, each is tokenized with one
# master pattern (named alternatives, m.lastgroup tells which matched, as the re docs'
# tokenizer example does) and evaluated by a recursive-descent parser in its own task.
import asyncio
import re

TOKEN = re.compile(r"""
    (?P<NUMBER>\d+(?:\.\d*)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>\*\*|[-+*/%()=,])
  | (?P<SKIP>[ \t]+)
  | (?P<MISMATCH>.)
""", re.VERBOSE)


class CalcError(Exception):
    pass


def tokenize(text):
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "SKIP":
            continue
        if kind == "MISMATCH":
            raise CalcError(f"unexpected {m.group()!r} at column {m.start() + 1}")
        yield kind, m.group(), m.start()
    yield "END", "", len(text)


class Parser:
    def __init__(self, text, env):
        self.tokens = list(tokenize(text))
        self.i = 0
        self.env = env

    def peek(self):
        return self.tokens[self.i]

    def take(self, value=None):
        kind, text, pos = self.tokens[self.i]
        if value is not None and text != value:
            raise CalcError(f"expected {value!r} at column {pos + 1}, got {text or 'end'!r}")
        self.i += 1
        return kind, text

    def statement(self):
        kind, text, _ = self.peek()
        if kind == "NAME" and self.tokens[self.i + 1][1] == "=":
            self.take()
            self.take("=")
            value = self.expr()
            self.env[text] = value
            return f"{text} = {value:g}"
        return f"{self.expr():g}"

    def expr(self):
        value = self.term()
        while self.peek()[1] in ("+", "-"):
            _, op = self.take()
            value = value + self.term() if op == "+" else value - self.term()
        return value

    def term(self):
        value = self.power()
        while self.peek()[1] in ("*", "/", "%"):
            _, op = self.take()
            right = self.power()
            if op != "*" and right == 0:
                raise CalcError("division by zero")
            value = value * right if op == "*" else value / right if op == "/" else value % right
        return value

    def power(self):
        base = self.atom()
        if self.peek()[1] == "**":
            self.take()
            return base ** self.power()
        return base

    def atom(self):
        kind, text = self.take()
        if kind == "NUMBER":
            return float(text)
        if kind == "NAME":
            if text not in self.env:
                raise CalcError(f"unknown name {text!r}")
            return self.env[text]
        if text == "-":
            return -self.atom()
        if text == "(":
            value = self.expr()
            self.take(")")
            return value
        raise CalcError(f"unexpected {text or 'end'!r}")


async def handle(request_id, line, env, delay):
    await asyncio.sleep(delay)
    try:
        result = Parser(line, env).statement()
    except CalcError as e:
        result = f"error: {e}"
    print(f"[{request_id}] t={asyncio.get_running_loop().time():.1f} {line!r:24} -> {result}")


async def main():
    env = {"pi": 3.14159}
    requests = [
        "rate = 0.5", "2 ** 3 ** 2", "total = (rate + 1) * 4", "total / 0",
        "r = 2", "pi * r ** 2", "3 $ 4", "(1 + 2", "unknown + 1", "-total % 5",
    ]
    async with asyncio.TaskGroup() as tg:
        for i, line in enumerate(requests):
            tg.create_task(handle(i, line, env, 0.1 * i))
    names = re.findall(r"^[a-z]+(?= =)", "\n".join(requests), re.M)
    print("assigned:", names, "env:", {k: round(v, 3) for k, v in sorted(env.items())})
    print(re.sub(r"\s*([-+*/=])\s*", r" \1 ", "a=b+c*2-1"))


asyncio.run(main())
