import ArgumentParser

/// `dangbo`: every job a staff member or operator scripts. Parsing and wiring only.
@main
struct DangBoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dangbo",
        abstract: "DangBo — quản lý công tác xây dựng Đảng (party-building registry).",
        subcommands: [Migrate.self, Import.self, Export.self, Stats.self, Report.self, Demo.self, Serve.self])
}
