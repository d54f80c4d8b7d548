import Yams

/// Reads small YAML documents (front matter, `journal.yml`) into Yams nodes, turning parse
/// failures into a message and a real line number.
enum YAMLReader {
    struct Failure: Error {
        var line: Int?
        var column: Int?
        var message: String
    }

    /// - Parameter lineOffset: lines before the YAML text in its file.
    static func compose(_ text: String, lineOffset: Int = 0) -> Result<Node?, Failure> {
        do {
            // An explicit encoding: Yams' `.default` reads the whole process environment on
            // every call (6% of `journal review` in a profile) and prints when
            // YAMS_DEFAULT_ENCODING is set. Swift strings are UTF-8, which is what it picks anyway.
            return .success(try Yams.compose(yaml: text, .default, .default, .utf8))
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                return .failure(Failure(line: mark.line + lineOffset, column: mark.column, message: detail))
            case .reader(let problem, _, _, _):
                // Yams' own description quotes the text; only libyaml's fixed problem is shown.
                return .failure(Failure(message: "reader: \(problem)"))
            default:
                return .failure(Failure(message: "not readable as YAML"))
            }
        } catch {
            return .failure(Failure(message: "not readable as YAML"))
        }
    }

    /// The nodes in `node`'s tree with aliases expanded, counting no further than `limit + 1`,
    /// so a billion-laughs tree costs `limit` steps. Iterative: no recursion on deep trees.
    static func nodeCount(_ node: Node, limit: Int) -> Int {
        var count = 0
        var stack = [node]
        while let next = stack.popLast() {
            count += 1
            if count > limit { return count }
            switch next {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            default: break
            }
        }
        return count
    }

    /// The 1-based file line of a node.
    static func line(of node: Node, lineOffset: Int) -> Int? { node.mark.map { $0.line + lineOffset } }

    /// A scalar's text, or nil for mappings and sequences.
    static func scalar(_ node: Node) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// A list of strings: a sequence of scalars, or one scalar (possibly comma-separated).
    static func strings(_ node: Node) -> [String]? {
        switch node {
        case .scalar(let scalar):
            return commaSeparated(scalar.string)
        case .sequence(let sequence):
            var values: [String] = []
            for element in sequence {
                guard let value = scalar(element) else { return nil }
                values.append(value)
            }
            return values
        default:
            return nil
        }
    }

    /// `a, b` as a list, for front matter that writes a list on one line without brackets.
    static func commaSeparated(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
