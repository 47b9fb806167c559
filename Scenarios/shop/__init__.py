# A small package for scenario 89: relative imports, __all__ and a module that
# runs once however often it is imported.
from .prices import price_of
from . import stock

__all__ = ["price_of", "stock", "CURRENCY"]
CURRENCY = "EUR"
print("shop package initialised as", __name__)
