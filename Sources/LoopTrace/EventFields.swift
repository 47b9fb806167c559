/// The fields of one event line, asked for in the order `TraceWriter.event` writes them.
/// `TraceReader.decodeFields` reads every event through it, from one of two sources: the
/// line parsed as a JSON object and looked up by key (any valid line, errors naming the
/// field), or `TraceLineCursor`, which expects the writer's exact bytes in that order and
/// gives up on anything else, so that the same decoding serves both.
protocol EventFields {
    associatedtype Failure: Error
    mutating func int(_ key: StaticString) throws(Failure) -> Int
    mutating func optionalInt(_ key: StaticString) throws(Failure) -> Int?
    mutating func double(_ key: StaticString) throws(Failure) -> Double
    mutating func optionalDouble(_ key: StaticString) throws(Failure) -> Double?
    mutating func string(_ key: StaticString) throws(Failure) -> String
    mutating func optionalString(_ key: StaticString) throws(Failure) -> String?
    /// A string naming one of a few values (a step's outcome, a thread's state), which the
    /// event does not keep as text.
    mutating func word(_ key: StaticString) throws(Failure) -> String
    /// The `file` of a step end, burst or thread state; version 2 traces have none (their
    /// lines are all the scenario's).
    mutating func fileNumber() throws(Failure) -> Int
    /// The failure for a field of the right type whose value the format does not allow.
    func unexpected(_ key: StaticString, expected: String, found: String) -> Failure
}
