import ArgumentParser

@main
struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assess")
}
