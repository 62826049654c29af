import ArgumentParser

/// `assess sessions`: look after the interview sessions in a store.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, export and delete the interview sessions in a store.",
        discussion: """
            Sessions hold her answers: the store is created readable by you alone (folder \
            0700, files 0600). 'delete' and 'purge' remove a session so that none of its \
            bytes are left in any file of the store.

            Examples:
              assess sessions list
              assess sessions show k7m2q9xd
              assess sessions export k7m2q9xd --out result.json
              assess sessions purge --older-than 90d --yes
            """,
        subcommands: [
            ListSessions.self, ShowSession.self, ExportSession.self, DeleteSession.self, PurgeSessions.self,
        ])
}
