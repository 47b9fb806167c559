# Part of the shop package (scenario 89): a module importing a sibling
# relatively (`from .stock import COUNTS`).
from .stock import COUNTS

PRICES = {"apple": 3, "pear": 5}


def price_of(item):
    return PRICES[item] * COUNTS.get(item, 0)
