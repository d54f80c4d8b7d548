import Testing

/// Task lines taken from the test files of the tools that define the field syntaxes, with the
/// values those tests expect. Both projects are MIT-licensed; each line names its file.
///
/// - Obsidian Tasks 8.3.0-410-gcc0fce3c1 (commit cc0fce3c1326d18e2bdb7020eaf4c52e885da569):
///   `tests/Task/Task.test.ts` (T), `tests/TaskSerializer/DefaultTaskSerializer.test.ts` (DS),
///   `tests/TaskSerializer/DataviewTaskSerializer.test.ts` (DV), and the approved samples
///   `tests/TaskSerializer/DocsSamplesForTaskFormats.test.Serializer_*-include.approved.md` (DOC).
/// - Dataview 0.5.70 (commit 5ad0994ff384cbb797de382e7edff2388141b73a):
///   `src/test/parse/parse.inline.test.ts` (INL).
///
/// `text` is the description the test expects (Obsidian Tasks), or what Dataview's own
/// `setInlineField` leaves once the field is removed; nil where the test states none. Lines
/// without a list marker are `deserialize` inputs and are read as `- [ ] line`.
struct ReferenceLine: Sendable, CustomTestStringConvertible {
    enum Tool: String, Sendable { case obsidianTasks = "Obsidian Tasks", dataview = "Dataview" }

    /// A deliberate difference, each a row of FORMAT.md's "Differences from Obsidian Tasks and Dataview".
    enum Difference: String, Sendable {
        /// journal never reads tasks inside block quotes or callouts.
        case blockQuote
        /// Inline markup is flattened in journal's text: a link keeps its words, not its URL.
        case flattened
        /// Dataview keys are read in any case, as Dataview does; Obsidian Tasks' Dataview format is case-sensitive.
        case keyCase
        /// Fields are read and removed wherever they stand, not only at the end.
        case anywhere
        /// A line indented four spaces or more with no list above it is a code block (CommonMark).
        case indentedCode
    }

    var file: String
    var tool: Tool
    var line: String
    var text: String?
    var due: String? = nil
    var done: String? = nil
    var cancelled: String? = nil
    var id: String? = nil
    var difference: Difference? = nil

    var testDescription: String { line }
}

extension ReferenceLine {
    static func t(
        _ line: String, _ text: String?, due: String? = nil, done: String? = nil, cancelled: String? = nil,
        id: String? = nil, _ difference: Difference? = nil, file: String = "tests/Task/Task.test.ts"
    ) -> ReferenceLine {
        ReferenceLine(
            file: file, tool: .obsidianTasks, line: line, text: text, due: due, done: done, cancelled: cancelled,
            id: id, difference: difference)
    }

    static func ds(
        _ line: String, _ text: String?, due: String? = nil, done: String? = nil, cancelled: String? = nil,
        id: String? = nil, _ difference: Difference? = nil
    ) -> ReferenceLine {
        t(
            line, text, due: due, done: done, cancelled: cancelled, id: id, difference,
            file: "tests/TaskSerializer/DefaultTaskSerializer.test.ts")
    }

    static func dv(
        _ line: String, _ text: String?, due: String? = nil, done: String? = nil, cancelled: String? = nil,
        id: String? = nil, _ difference: Difference? = nil
    ) -> ReferenceLine {
        t(
            line, text, due: due, done: done, cancelled: cancelled, id: id, difference,
            file: "tests/TaskSerializer/DataviewTaskSerializer.test.ts")
    }

    static func doc(
        _ line: String, _ text: String?, due: String? = nil, done: String? = nil, cancelled: String? = nil,
        id: String? = nil
    ) -> ReferenceLine {
        t(
            line, text, due: due, done: done, cancelled: cancelled, id: id,
            file: "tests/TaskSerializer/DocsSamplesForTaskFormats.test.Serializer_*-include.approved.md")
    }

    static func inl(
        _ line: String, _ text: String?, due: String? = nil, done: String? = nil, cancelled: String? = nil,
        id: String? = nil, _ difference: Difference? = nil
    ) -> ReferenceLine {
        ReferenceLine(
            file: "src/test/parse/parse.inline.test.ts", tool: .dataview, line: line, text: text, due: due,
            done: done, cancelled: cancelled, id: id, difference: difference)
    }

    /// Dataview's whitespace variants of one field, as DataviewTaskSerializer.test.ts writes them.
    static func whitespaceVariants(_ key: String, _ value: String) -> [String] {
        [
            "[\(key)\(value)]", "[\(key) \(value)]", "[\(key)               \(value)]", "[ \(key)\(value)]",
            "[      \(key)\(value)]", "[\(key)\(value) ]", "[\(key)\(value)     ]", "[ \(key)\(value) ]",
            "[     \(key)\(value)     ]", "[     \(key)     \(value)     ]",
        ]
    }

    static let all: [ReferenceLine] = {
        var lines: [ReferenceLine] = [
            // tests/Task/Task.test.ts
            t(
                "- [x] this is a done task 🗓 2021-09-12 ✅ 2021-06-20 ➕ 2023-03-07", "this is a done task",
                due: "2021-09-12", done: "2021-06-20"),
            t("* [ ] this is a task in asterisk list", "this is a task in asterisk list"),
            t("+ [ ] this is a task in asterisk list", "this is a task in asterisk list"),
            t("1. [x] this is a done task", "this is a done task"),
            t("909999. [ ] this is a todo task", "this is a todo task"),
            t(
                "- [x] this is a ✅ done task 🗓 2021-09-12 ✅ 2021-06-20", "this is a ✅ done task", due: "2021-09-12",
                done: "2021-06-20"),
            t(
                "- [x] this is a ✅ done task 🗓 2021-09-12 ✅ 2021-06-20 ^my-precious  ", "this is a ✅ done task",
                due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [ ] this is a task due 📅 2021-09-12 #inside_tag ⏫ #some/tags_with_underscore",
                "this is a task due #inside_tag #some/tags_with_underscore", due: "2021-09-12"),
            t(
                "- [ ] Wobble ⏫  #tag1 ✅ 2022-07-02 #tag2  📅 2022-07-02 #tag3 ⏳ 2022-07-02 #tag4 🛫 2022-07-02 #tag5  🔁 every day  #tag6 #tag7 #tag8 #tag9 #tag10",
                "Wobble #tag1 #tag2 #tag3 #tag4 #tag5 #tag6 #tag7 #tag8 #tag9 #tag10", due: "2022-07-02",
                done: "2022-07-02"),
            t(
                "- [ ] Wobble ✅2022-07-01 📅2022-07-02 ⏳2022-07-03 🛫2022-07-04 ➕2022-07-05 🔁every day", "Wobble",
                due: "2022-07-02", done: "2022-07-01"),
            t(
                "- [ ] Wobble ✅ 2022-07-01 📅 2022-07-02 ⏳ 2022-07-03 🛫 2022-07-04 ➕ 2022-07-05 🔁 every day", "Wobble",
                due: "2022-07-02", done: "2022-07-01"),
            t(
                "- [ ] Wobble ✅  2022-07-01 📅  2022-07-02 ⏳  2022-07-03 🛫  2022-07-04 ➕  2022-07-05 🔁  every day",
                "Wobble", due: "2022-07-02", done: "2022-07-01"),
            t(
                "- [ ] Wobble ✅  2022-07-01 📅  2022-07-02 ⏳  2022-07-03 🛫  2022-07-04 ➕   2022-07-05 🔁  every day",
                "Wobble", due: "2022-07-02", done: "2022-07-01"),
            t(
                "> - [ ] Task inside a blockquote or callout 📅2022-07-29", "Task inside a blockquote or callout",
                due: "2022-07-29", .blockQuote),
            t(
                ">>> - [ ] Task inside a blockquote or callout 📅2022-07-29", "Task inside a blockquote or callout",
                due: "2022-07-29", .blockQuote),
            t(
                "> > > * [ ] Task inside a blockquote or callout 📅2022-07-29", "Task inside a blockquote or callout",
                due: "2022-07-29", .blockQuote),
            t(
                "- [x] this is a done task #tagone 🗓 2021-09-12 #another-tag ✅ 2021-06-20 #and_another",
                "this is a done task #tagone #another-tag #and_another", due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [x] this is a done task #tagone #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
                "this is a done task #tagone #tagtwo",
                due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [ ] this is a normal task #tagone 🗓 2021-09-12 ✅ 2021-06-20", "this is a normal task #tagone",
                due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [ ] this is a normal task #tagone #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
                "this is a normal task #tagone #tagtwo", due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [ ] this is a normal task #tagone #tag/with/depth #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
                "this is a normal task #tagone #tag/with/depth #tagtwo", due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [x] #someglobaltasktag this is a done task #tagone 🗓 2021-09-12 ✅ 2021-06-20",
                "#someglobaltasktag this is a done task #tagone", due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [x] #someglobaltasktag this is a done task #tagone #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
                "#someglobaltasktag this is a done task #tagone #tagtwo", due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [ ] #someglobaltasktag this is a normal task #tagone 🗓 2021-09-12 ✅ 2021-06-20",
                "#someglobaltasktag this is a normal task #tagone", due: "2021-09-12", done: "2021-06-20"),
            t(
                "- [ ] #someglobaltasktag this is a normal task #tagone #tagtwo 🗓 2021-09-12 #tagthree ✅ 2021-06-20 #tagfour",
                "#someglobaltasktag this is a normal task #tagone #tagtwo #tagthree #tagfour", due: "2021-09-12",
                done: "2021-06-20"),
            t(
                "- [ ] #someglobaltasktag this is a normal task #tagone #tag/with/depth #tagtwo 🗓 2021-09-12 ✅ 2021-06-20",
                "#someglobaltasktag this is a normal task #tagone #tag/with/depth #tagtwo", due: "2021-09-12",
                done: "2021-06-20"),
            t(
                "* [ ] Export [Cloud Feedly feeds](https://cloud.feedly.com/#opml) #context/pc_clare 🔁 every 4 weeks on Sunday ⏳ 2022-05-15 #context/more_context",
                "Export Cloud Feedly feeds #context/pc_clare #context/more_context", .flattened),
            t(
                "- [ ] Export [Cloud Feedly feeds](https://cloud.feedly.com/#opml) #context/pc_clare ⏳ 2022-05-15 🔁 every 4 weeks on Sunday #context/more_context",
                "Export Cloud Feedly feeds #context/pc_clare #context/more_context", .flattened),
            t(
                "- [ ] Review [savings accounts and interest rates](https://www.moneysavingexpert.com/tips/2022/04/20/#hiya) #context/pc_clare ⏳ 2022-05-06",
                "Review savings accounts and interest rates #context/pc_clare", .flattened),
            t(
                "> - [ ] Task inside a blockquote or callout #tagone", "Task inside a blockquote or callout #tagone",
                .blockQuote),
            t(
                ">>> * [ ] Task inside a nested blockquote or callout #tagone",
                "Task inside a nested blockquote or callout #tagone", .blockQuote),
            t("- [ ] count the # of tomatoes #gardening", "count the # of tomatoes #gardening"),
            t("- [-] Stuff 📅 2023-12-15 ❌ 2023-06-26", "Stuff", due: "2023-12-15", cancelled: "2023-06-26"),
            t("- [-] Stuff 🔁 every day 📅 2023-05-15 ❌ 2023-05-16", "Stuff", due: "2023-05-15", cancelled: "2023-05-16"),

            // tests/TaskSerializer/DefaultTaskSerializer.test.ts (deserialize)
            ds("🛫 2021-06-20", ""), ds("➕ 2021-06-20", ""), ds("⏳ 2021-06-20", ""),
            ds("📅 2021-06-20", "", due: "2021-06-20"), ds("✅ 2021-06-20", "", done: "2021-06-20"),
            ds("⌛ 2021-06-20", ""), ds("⏳️ 2024-11-18", ""), ds("📆 2021-06-20", "", due: "2021-06-20"),
            ds("🗓 2021-06-20", "", due: "2021-06-20"),
            ds("🔺", ""), ds("⏫", ""), ds("🔼", ""), ds("🔽", ""), ds("⏬", ""), ds("⏫️", ""),
            ds("🔁 every day", ""), ds("🏁 Delete", ""), ds("🏁  Keep", ""),
            ds("⛔ F12345", ""), ds("⛔️ F12345", ""), ds("⛔ 123456,abC123", ""), ds("⛔ ab , CD ,  EF  ,    GK", ""),
            ds("🆔 pqrd0f", "", id: "pqrd0f"), ds("🆔 Abcd0f", "", id: "Abcd0f"), ds("🆔 Abcd0f-", "", id: "Abcd0f-"),
            ds("🆔 Ab_cd0f", "", id: "Ab_cd0f"), ds("🆔 A*bcd0f", "🆔 A*bcd0f"),
            ds("#hello #world #task", "#hello #world #task"),

            // tests/TaskSerializer/DataviewTaskSerializer.test.ts (deserialize)
            dv("[start:: 2021-06-20]", ""), dv("[due:: 2021-06-20]", "", due: "2021-06-20"),
            dv("[completion:: 2021-06-20]", "", done: "2021-06-20"), dv("[created:: 2021-06-20]", ""),
            dv("[scheduled:: 2021-06-20]", ""), dv("[cancelled:: 2021-06-20]", "", cancelled: "2021-06-20"),
            dv("[priority:: highest]", ""), dv("[priority:: high]", ""), dv("[priority:: medium]", ""),
            dv("[priority:: low]", ""), dv("[priority:: lowest]", ""),
            dv("[repeat:: every day]", ""), dv("[onCompletion:: delete]", ""),
            dv("[dependsOn:: F12345]", ""), dv("[dependsOn:: 123456,abC123]", ""),
            dv("[dependsOn::  ab , CD ,  EF  ,    GK]", ""),
            dv("[dependson:: F12345]", "[dependson:: F12345]", .keyCase),
            dv("[id:: pqrd0f]", "", id: "pqrd0f"), dv("[id:: Abcd0f]", "", id: "Abcd0f"),
            dv("[id:: Abcd0f-]", "", id: "Abcd0f-"), dv("[id:: Ab_cd0f]", "", id: "Ab_cd0f"),
            dv("[id:: A*bcd0f]", "[id:: A*bcd0f]"),
            dv(
                "Wobble [priority::high] #tag1 [completion:: 2024-09-04] #tag2  [due::2025-10-05] #tag3 [scheduled::2022-07-02] #tag4 [start::2023-08-03] #tag5  [repeat::every day]  #tag6 #tag7 #tag8 #tag9 #tag10",
                "Wobble #tag1 #tag2 #tag3 #tag4 #tag5 #tag6 #tag7 #tag8 #tag9 #tag10", due: "2025-10-05",
                done: "2024-09-04"),
            dv("#hello #world #task", "#hello #world #task"),
            dv("Some task that is [due::2021-08-22] [priority:: high]", "Some task that is", due: "2021-08-22"),
            dv("Some task that is (due::2021-08-22) (priority:: high)", "Some task that is", due: "2021-08-22"),
            dv(
                "Some task that is [due::2021-08-22) (priority:: high]",
                "Some task that is [due::2021-08-22) (priority:: high]"),
            dv(
                "Some task that is [due::2021-08-22], [priority::high]       , (start::2021-08-19)",
                "Some task that is",
                due: "2021-08-22"),
            dv(
                "Some task that is [due::2021-08-02] and is [priority::high]",
                "Some task that is [due::2021-08-02] and is [priority::high]", due: "2021-08-02", .anywhere),

            // tests/TaskSerializer/DocsSamplesForTaskFormats.test.Serializer_*-include.approved.md
            doc("- [ ] #task Has a created date ➕ 2023-04-13", "#task Has a created date"),
            doc("- [ ] #task Has a scheduled date ⏳ 2023-04-14", "#task Has a scheduled date"),
            doc("- [ ] #task Has a start date 🛫 2023-04-15", "#task Has a start date"),
            doc("- [ ] #task Has a due date 📅 2023-04-16", "#task Has a due date", due: "2023-04-16"),
            doc("- [x] #task Has a done date ✅ 2023-04-17", "#task Has a done date", done: "2023-04-17"),
            doc("- [-] #task Has a cancelled date ❌ 2023-04-18", "#task Has a cancelled date", cancelled: "2023-04-18"),
            doc("- [ ] #task Has a created date  [created:: 2023-04-13]", "#task Has a created date"),
            doc("- [ ] #task Has a scheduled date  [scheduled:: 2023-04-14]", "#task Has a scheduled date"),
            doc("- [ ] #task Has a start date  [start:: 2023-04-15]", "#task Has a start date"),
            doc("- [ ] #task Has a due date  [due:: 2023-04-16]", "#task Has a due date", due: "2023-04-16"),
            doc("- [x] #task Has a done date  [completion:: 2023-04-17]", "#task Has a done date", done: "2023-04-17"),
            doc(
                "- [-] #task Has a cancelled date  [cancelled:: 2023-04-18]", "#task Has a cancelled date",
                cancelled: "2023-04-18"),
            doc("- [ ] #task do this first 🆔 dcf64c", "#task do this first", id: "dcf64c"),
            doc(
                "- [ ] #task do this after first and some other task ⛔ dcf64c,0h17ye",
                "#task do this after first and some other task"),
            doc("- [ ] #task do this first  [id:: dcf64c]", "#task do this first", id: "dcf64c"),
            doc(
                "- [ ] #task do this after first and some other task  [dependsOn:: dcf64c,0h17ye]",
                "#task do this after first and some other task"),
            doc("- [ ] #task Lowest priority  [priority:: lowest]", "#task Lowest priority"),
            doc("- [ ] #task Low priority  [priority:: low]", "#task Low priority"),
            doc("- [ ] #task Normal priority", "#task Normal priority"),
            doc("- [ ] #task Medium priority  [priority:: medium]", "#task Medium priority"),
            doc("- [ ] #task High priority  [priority:: high]", "#task High priority"),
            doc("- [ ] #task Highest priority  [priority:: highest]", "#task Highest priority"),
            doc(
                "- [ ] #task Keep this task when done too  [onCompletion:: keep]", "#task Keep this task when done too"),
            doc("- [ ] #task Remove this task when done  [onCompletion:: delete]", "#task Remove this task when done"),
            doc(
                "- [ ] #task Remove completed instance of this recurring task when done  [repeat:: every day]  [onCompletion:: delete]",
                "#task Remove completed instance of this recurring task when done"),

            // src/test/parse/parse.inline.test.ts (Dataview)
            inl("[key::value]", "[key::value]"), inl("(key::value)", "(key::value)"),
            inl("[key:value]", "[key:value]"), inl("(key:value)", "(key:value)"),
            inl("[key:: value] and so thus, [key2:: value2]", "[key:: value] and so thus, [key2:: value2]"),
            inl("This is some text. [key:: [value]]", "This is some text. [key:: [value]]"),
            inl("      - [ ] Huh! [p:: 1]", "Huh! [p:: 1]", .indentedCode),
            inl("- [ ] testTask 🗓️2022-07-14", "testTask", due: "2022-07-14"),
            inl("- [ ] testTask 🗓2022-07-14", "testTask", due: "2022-07-14"),
            inl(" - [ ] testTask \u{2795}2022-07-25", "testTask"), inl(" - [ ] testTask 🛫2022-07-21", "testTask"),
            inl(" - [ ] testTask ⏳2022-07-24", "testTask"),
            inl("- [ ] an uncompleted task", "an uncompleted task"),
            inl("- [ ] an uncompleted task [completion:: 2021-02-21]", "an uncompleted task", done: "2021-02-21"),
            inl(
                "- [x] a completed task [completion:: 2021-02-21] foo bar", "a completed task foo bar",
                done: "2021-02-21"),
            inl(
                "- [x] a completed task [completion:: 2021-02-22] foo bar", "a completed task foo bar",
                done: "2021-02-22"),
            inl("- [ ] an uncompleted task ✅ 2022-07-26", "an uncompleted task", done: "2022-07-26"),
            inl("- [x] a completed task ✅ 2022-07-26 foo bar", "a completed task foo bar", done: "2022-07-26"),
        ]
        for (key, field) in [("due::", "due"), ("completion::", "done"), ("cancelled::", "cancelled")] {
            for line in whitespaceVariants(key, "2021-06-20") {
                lines.append(
                    dv(
                        line, "", due: field == "due" ? "2021-06-20" : nil, done: field == "done" ? "2021-06-20" : nil,
                        cancelled: field == "cancelled" ? "2021-06-20" : nil))
            }
        }
        return lines
    }()
}
