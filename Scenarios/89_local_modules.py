# A scenario in several files: `from util import delay` finds Scenarios/util.py, and the
# `shop` package (Scenarios/shop/) uses relative imports and __all__. Each module runs
# once: later imports get the same module object back.
import asyncio
import util
import util as helpers
from util import delay as pause
from shop import *
import shop.stock
from shop.prices import PRICES


async def main():
    import shop
    print(util is helpers, pause is util.delay, shop.stock is stock)
    print(util.__name__, shop.__name__, shop.prices.__name__, CURRENCY)
    print(price_of("apple"), sorted(PRICES))
    results = await asyncio.gather(pause(1), util.delay(2), stock.restock("pear", 3))
    print(results, price_of("pear"))


if __name__ == "__main__":
    asyncio.run(main())
