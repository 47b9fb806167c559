# Methods and attributes of a class of the program's own.
import time


class Account:
    def __init__(self):
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount


def work():
    account = Account()
    for i in range(500_000):
        account.deposit(i % 7)
    return account.balance


if __name__ == "__main__":
    start = time.perf_counter()
    work()
    print(f"{time.perf_counter() - start:.6f}")
