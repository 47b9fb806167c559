"""The events a recording emits: codes the hooks append and the writer turns into JSON Lines.

An event travels as a tuple ``(code, time, iteration, field, ...)``, fields in the order of
``KINDS[code]``. Each kind's fields, names and meanings are those of docs/trace-format.md;
a step's outcome is folded into the code (one code per ``taskStepEnd`` outcome) so the
hooks never build a nested value.
"""

# Field types: "int", "int?" (or null), "num", "num?", "str", "str?", and "sec": seconds that
# are always finite and non-negative (a duration, a clock reading), written with nine decimals.
KINDS = [
    ("iterationStart", None, (("ready", "int"), ("timers", "int"), ("selectTimeout", "num?"))),
    ("iterationEnd", None, ()),
    ("clockAdvance", None, (("from", "sec"), ("to", "sec"))),
    ("callbackStart", None, (("handle", "int"), ("description", "str"), ("task", "int?"))),
    ("callbackEnd", None, (("handle", "int"), ("duration", "sec"))),
    ("callbackSkipped", None, (("handle", "int"), ("description", "str"), ("task", "int?"))),
    ("taskCreated", None, (("task", "int"), ("name", "str"), ("coroutine", "str"), ("creator", "int?"), ("line", "int"), ("file", "int"))),
    ("taskStepStart", None, (("task", "int"), ("resumedBy", "str"))),
    ("taskStepEnd", "parked", (("task", "int"), ("on", "str"), ("future", "int"), ("line", "int"), ("file", "int"))),
    ("taskStepEnd", "yielded", (("task", "int"), ("line", "int"), ("file", "int"))),
    ("taskStepEnd", "finished", (("task", "int"), ("result", "str"))),
    ("taskStepEnd", "failed", (("task", "int"), ("exception", "str"))),
    ("taskStepEnd", "cancelled", (("task", "int"),)),
    ("cancelRequested", None, (("task", "int"), ("by", "int?"), ("message", "str?"), ("line", "int"), ("file", "int"))),
    ("cancelledErrorDelivered", None, (("task", "int"),)),
    ("timeoutFired", None, (("task", "int?"), ("line", "int"), ("file", "int"))),
    ("blockingSleepStart", None, (("task", "int?"), ("seconds", "num"), ("line", "int"), ("file", "int"))),
    ("blockingSleepEnd", None, (("task", "int?"),)),
    ("futureCreated", None, (("future", "int"), ("purpose", "str"))),
    ("futureResolved", None, (("future", "int"), ("state", "str"))),
    ("timerScheduled", None, (("handle", "int"), ("when", "num"), ("description", "str"), ("future", "int?"))),
    ("timerCancelled", None, (("handle", "int"),)),
    ("timerDropped", None, (("handle", "int"),)),
    ("print", None, (("task", "int?"), ("text", "str"))),
    ("warning", None, (("text", "str"),)),
]

(ITERATION_START, ITERATION_END, CLOCK_ADVANCE, CALLBACK_START, CALLBACK_END, CALLBACK_SKIPPED,
 TASK_CREATED, STEP_START, STEP_PARKED, STEP_YIELDED, STEP_FINISHED, STEP_FAILED, STEP_CANCELLED,
 CANCEL_REQUESTED, CANCELLED_ERROR_DELIVERED, TIMEOUT_FIRED, BLOCKING_SLEEP_START, BLOCKING_SLEEP_END,
 FUTURE_CREATED, FUTURE_RESOLVED, TIMER_SCHEDULED, TIMER_CANCELLED, TIMER_DROPPED, PRINT,
 WARNING) = range(len(KINDS))
