public enum JournalKitVersion { public static let string = "0.1.0" }
