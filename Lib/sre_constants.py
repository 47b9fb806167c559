import warnings
warnings.warn(f"module {__name__!r} is deprecated",
              DeprecationWarning,
              stacklevel=2)

# loopscope: there is no globals() to update with vars(re._constants), so the names come by a
# star import: all but those starting with '_' (CPython's copies all but dunders).
from re._constants import *
