import Foundation

/// Runs work later. The server debounces edits through it; tests use `ManualScheduler` and run
/// the pending work when they choose, so no test ever sleeps.
public protocol Scheduler: Sendable {
    func schedule(after delay: Duration, _ action: @escaping @Sendable () async -> Void)
}

/// The real clock: a task that sleeps, then runs the action.
public struct TaskScheduler: Scheduler {
    public init() {}

    public func schedule(after delay: Duration, _ action: @escaping @Sendable () async -> Void) {
        Task {
            if delay > .zero { try? await Task.sleep(for: delay) }
            await action()
        }
    }
}

/// Holds scheduled work until `runPending()`: time passes when the test says so.
public final class ManualScheduler: Scheduler, @unchecked Sendable {
    let lock = NSLock()
    var pending: [@Sendable () async -> Void] = []

    public init() {}

    public func schedule(after delay: Duration, _ action: @escaping @Sendable () async -> Void) {
        lock.withLock { pending.append(action) }
    }

    public var pendingCount: Int { lock.withLock { pending.count } }

    /// Runs everything scheduled so far, in order, as if the debounce had elapsed.
    public func runPending() async {
        let actions = lock.withLock {
            let taken = pending
            pending = []
            return taken
        }
        for action in actions { await action() }
    }
}
