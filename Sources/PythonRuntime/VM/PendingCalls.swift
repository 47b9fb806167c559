/// `Py_AddPendingCall`: work that must run Python but was found where none may run (a
/// future's deinit, in the middle of an instruction or of a container's update). The
/// hot loop's checkpoint is pulled to the next instruction, where `makePendingCalls`
/// runs it, as CPython's eval breaker runs its pending calls between instructions; the
/// program embedding the runtime also drains the queue at its own safe points.
extension Interpreter {
    package func addPendingCall(_ call: @escaping () -> Void) {
        pendingCalls.append(call)
        instructionCheckpoint = instructionCount
    }

    /// Runs the pending calls (and any they add), in order. Nothing runs once the
    /// simulation is halted.
    package func makePendingCalls() {
        while !pendingCalls.isEmpty, halted == nil {
            let calls = pendingCalls
            pendingCalls.removeAll()
            for call in calls { call() }
        }
    }
}
