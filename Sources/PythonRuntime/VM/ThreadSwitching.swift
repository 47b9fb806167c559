/// The VM asks this at an instruction checkpoint (`Interpreter.instructionCheckpoint`)
/// whether the running thread stops there. The VM knows threads only through it.
package protocol ThreadSwitching: AnyObject {
    /// Nil: go on. Otherwise the thread running `fiber` stops before the instruction and
    /// is resumed later with `.send(value)`; true when it stopped right after a blocking
    /// call, whose placeholder result `value` then replaces.
    func checkpoint(_ fiber: Fiber) throws -> Bool?
}
