import ArgumentParser
import Logging

/// `dangbo`: every job a staff member or operator scripts. Parsing and wiring only.
@main
struct DangBoCommand: AsyncParsableCommand {
    /// Logs go to standard error, so that standard output holds only what was asked for (text or JSON).
    static func main() async {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Bench.reportPeakIfAsked()
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "dangbo",
        abstract: "DangBo — quản lý công tác xây dựng Đảng (party-building registry).",
        subcommands: [Migrate.self, Import.self, Export.self, Generate.self, Bench.self, Stats.self, Report.self, Demo.self, Serve.self, Rules.self, Backup.self, Restore.self, Audit.self, User.self, OrganizationCommand.self, OversightCommand.self, DisciplineCommand.self, CommitteeCommand.self,
                      MeetingsCommand.self])
}
