import Foundation

/// Runs work that recurses as deep as its input allows (the front end's and the compiler's
/// tree walks, the VM's native repr/compare of nested containers) on a thread with a stack
/// large enough for the depth limits those walks enforce, whatever thread the caller is on
/// (a secondary thread or a Swift concurrency worker may have only 512 KB). The stack is
/// reserved address space; only the pages a deep input touches are ever used.
public enum DeepStack {
    public static func run<T>(stackSize: Int, _ body: @escaping () -> T) -> T {
        let box = Box<T>(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = box.body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.value!
    }

    /// The work and its result, handed to the thread and back (the caller waits, so the
    /// two never run at once).
    private final class Box<T>: @unchecked Sendable {
        let body: () -> T
        var value: T?
        init(_ body: @escaping () -> T) { self.body = body }
    }
}
