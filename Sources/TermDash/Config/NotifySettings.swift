/// `[notify]`: the commands that send a verification code, each a program and its first arguments (a TOML array);
/// the address and the code are appended as two more arguments. Run directly, never through a shell.
struct NotifySettings: Equatable {
    var emailCommand: [String] = []
    var smsCommand: [String] = []
}
