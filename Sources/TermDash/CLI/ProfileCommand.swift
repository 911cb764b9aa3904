import ArgumentParser

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Portal users' My profile, its verification and two-factor authentication (for operators).",
        subcommands: [ProfileShowCommand.self, ProfileSetCommand.self, ProfileSendCodeCommand.self,
                      ProfileVerifyCommand.self, ProfileTwoFactorCommand.self])
}
