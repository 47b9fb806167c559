/// What the area above the panels shows.
public enum ExplorerView: String, Sendable {
    /// A lane per task (or group) over time or steps.
    case timeline
    /// A row per task with its numbers, like tokio-console's task list.
    case table
}
