// Placeholder so the package resolves on the `frontend` branch, where the simulator's own
// tests do not exist yet. Safe to delete once LoopSimulatorTests has real tests.
import Testing

@Test func loopSimulatorTestsPlaceholder() {}
