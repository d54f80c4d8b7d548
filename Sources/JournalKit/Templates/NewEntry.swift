/// Where `journal new` puts an entry, and which names it accepts for `--with`.
public enum NewEntry {
    /// `<entries>/<YYYY>/<MM>/<YYYY-MM-DD>[-<template>][-<name>].md`, relative to the journal.
    /// The daily template adds no suffix: it is the entry of the day.
    public static func path(config: Config, date: Day, template: String, person: String?) -> String {
        let entries = LocatorPath.clean(config.entries)
        var stem = date.description
        if template != "daily" { stem += "-\(template)" }
        if let person { stem += "-\(person)" }
        let folder = "\(Day.pad(date.year, 4))/\(Day.pad(date.month, 2))"
        return (entries.isEmpty ? "" : "\(entries)/") + "\(folder)/\(stem).md"
    }

    /// The `--with` value as a mention and file-name part: lowercase, without `@`, made of the
    /// characters a mention may hold and starting and ending with a letter or digit; else nil.
    public static func person(_ raw: String) -> String? {
        let name = raw.trimmingPrefix("@").lowercased()
        guard let first = name.first, let last = name.last, first.isLetter || first.isNumber,
            last.isLetter || last.isNumber, name.allSatisfy(ItemSyntax.isPersonCharacter)
        else { return nil }
        return name
    }
}

/// The files `journal init` writes.
public enum JournalSkeleton {
    /// `journal.yml` with every key set to its default, each with a comment saying what it does.
    public static var configText: String {
        var text = """
            # journal settings. Every key is optional; the values below are the defaults.
            # Delete a line to keep the default, or change it.

            """
        for key in Config.keys {
            text += "\n# \(comments[key] ?? "See docs/FORMAT.md.")\n\(key): \(defaultValue(key) ?? "")\n"
        }
        return text
    }

    static let comments: [String: String] = [
        "entries": "Folder for new entries, relative to the journal.",
        "commitment-tag": "The tag that marks a list item as a commitment, without '#'.",
        "commitments":
            "tagged: items with the commitment tag, and tasks under a commitment heading. all-tasks: every task item.",
        "commitment-headings": "Headings under which every task item is a commitment.",
        "stale-after-days": "An open commitment with no due date and no follow-up for this many days is stale.",
        "templates": "Folder of this journal's own templates; they win over the built-ins of the same name.",
        "default-template": "The template 'journal new' uses when none is named.",
        "max-entry-bytes": "Entries larger than this are reported and not read.",
        "fiscal-year-start":
            "The month your fiscal year starts (a name or 1-12); quarters and 'end of year' in due dates count from it.",
    ]

    /// The default of `key` as YAML, or nil for a key this file does not know.
    static func defaultValue(_ key: String) -> String? {
        let config = Config()
        switch key {
        case "entries": return config.entries
        case "commitment-tag": return config.commitmentTag
        case "commitments": return config.commitments.rawValue
        case "commitment-headings": return "[" + config.commitmentHeadings.joined(separator: ", ") + "]"
        case "stale-after-days": return String(config.staleAfterDays)
        case "templates": return config.templates
        case "default-template": return config.defaultTemplate
        case "max-entry-bytes": return String(config.maxEntryBytes)
        case "fiscal-year-start": return Day.monthNames[config.fiscalYearStart - 1]
        default: return nil
        }
    }
}
