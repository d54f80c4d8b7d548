/// People and tags are compared as a reader sees them: after canonical normalisation (Swift's
/// `String` equality and hashing are canonical-equivalence based, so NFC and NFD spellings are
/// already one key) and without default-ignorable code points (zero-width joiner and
/// non-joiner, soft hyphen, variation selectors, bidi marks). `@ana` and `@a\u{200D}na` are
/// one person, shown with the first spelling seen; a name holding such characters is warned
/// about. Persian or Indic names that need ZWJ/ZWNJ still work: they compare equal with and
/// without them. Homoglyphs (Cyrillic а for Latin a) are out of scope.
///
/// Applied after `ItemSyntax` returns, so the item grammar stays a grammar.
enum NameNormalizer {
    /// The comparison key: the name without default-ignorable code points.
    static func key(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: isInvisible) else { return name }
        var result = ""
        result.unicodeScalars.append(contentsOf: name.unicodeScalars.filter { !isInvisible($0) })
        return result
    }

    /// False for ASCII, which holds no default-ignorable code point, and for a name without one.
    static func mayHoldInvisible(_ name: String) -> Bool {
        name.utf8.contains { $0 >= 0x80 } && name.unicodeScalars.contains(where: isInvisible)
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 && scalar.properties.isDefaultIgnorableCodePoint
    }

    /// The name with its invisible characters shown as `\u{200D}`, for a warning.
    static func shown(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            if isInvisible(scalar) {
                result += "\\u{" + TerminalText.hex(scalar.value, width: 4) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One item's or front matter's names, de-duplicated by key (first spelling kept, linear),
    /// with a warning per name that holds invisible characters.
    static func normalize(_ names: [String], sigil: String, warn: (String) -> Void) -> [String] {
        // A few names without invisible characters are their own keys: when they are already
        // distinct there is nothing to do, and no set to build for every item.
        if names.count <= 8, !names.contains(where: { $0.isEmpty || mayHoldInvisible($0) }),
            !names.indices.contains(where: { i in names[..<i].contains(names[i]) })
        {
            return names
        }
        var seen = Set<String>()
        var result: [String] = []
        for name in names {
            let key = key(name)
            if key != name {
                warn(
                    "'\(sigil)\(shown(name))' holds invisible characters; it is the same as '\(sigil)\(key)'")
            }
            if key.isEmpty || !seen.insert(key).inserted { continue }
            result.append(name)
        }
        return result
    }

    /// Across the journal: every spelling of a name becomes the first one seen, in the
    /// entries' order (date, then path). One pass, one dictionary per kind.
    static func unify(_ entries: inout [Entry]) {
        var people: [String: String] = [:]
        var tags: [String: String] = [:]
        func first(_ name: String, _ table: inout [String: String]) -> String {
            let key = key(name)
            if let spelling = table[key] { return spelling }
            table[key] = name
            return name
        }
        // Per kind: a person and a theme may be canonically equal and spelled apart.
        var peopleLists: [[String]: [String]] = [:]
        var tagLists: [[String]: [String]] = [:]
        func each(_ names: inout [String], _ table: inout [String: String], _ lists: inout [[String]: [String]]) {
            // Written only where a spelling changes: writing every name back copied every array.
            guard !names.isEmpty else { return }
            // Equal lists share one array: most commitments name the same few people and themes,
            // and a list of its own for each added up over a lifetime. A list equal (as Strings)
            // to one already unified unifies to it, so it is looked up before its names are.
            // Only short lists repeat; a long one would only be hashed twice for nothing.
            let shareable = names.count <= 8
            if shareable, let shared = lists[names] {
                names = shared
                return
            }
            for index in names.indices {
                let spelling = first(names[index], &table)
                // By bytes: an NFD spelling equals its NFC twin as a String but prints differently.
                if !spelling.utf8.elementsEqual(names[index].utf8) { names[index] = spelling }
            }
            if shareable { lists[names] = names }
        }
        for e in entries.indices {
            each(&entries[e].people, &people, &peopleLists)
            each(&entries[e].tags, &tags, &tagLists)
            for c in entries[e].commitments.indices {
                each(&entries[e].commitments[c].people, &people, &peopleLists)
                each(&entries[e].commitments[c].tags, &tags, &tagLists)
            }
            for x in entries[e].expectations.indices {
                each(&entries[e].expectations[x].people, &people, &peopleLists)
                each(&entries[e].expectations[x].tags, &tags, &tagLists)
            }
        }
    }
}
