/// A value kept on the heap once and shared by every copy until one of them changes it.
///
/// A commitment is held by its entry, by the ledger and by its status, and arrays of them grow by
/// copying: inline, each copy moved about 250 bytes and retained a dozen strings, and those copies
/// were most of a lifetime review's peak memory (issue 13). Shared, a copy is one retain.
struct CopyOnWrite<Value: Hashable & Sendable>: Hashable, Sendable {
    /// Mutated only while uniquely referenced (see `value`'s `_modify`), so never across threads.
    private final class Storage: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage

    init(_ value: Value) { storage = Storage(value) }

    var value: Value {
        get { storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.value == rhs.storage.value
    }

    func hash(into hasher: inout Hasher) { storage.value.hash(into: &hasher) }
}
