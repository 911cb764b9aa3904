import Metrics

/// My profile as an editable form: the fields' values being typed, which one has the focus, and the last outcome.
/// Keys go through `PortalFormKey.table`; saving hands the edited values to the caller, which stores them.
struct ProfileForm: Equatable {
    /// What the form edits, in order on screen.
    static let fields: [ProfileField] = [.name, .email, .department, .phone, .mobile, .language]

    var saved: PortalUser
    var values: [ProfileField: String]
    var focus = 0
    /// The last message: saved, cancelled, or why the values were refused.
    var message: String?

    init(user: PortalUser) {
        saved = user
        values = Dictionary(uniqueKeysWithValues: Self.fields.map { ($0, user[$0]) })
    }

    var language: PortalLanguage { saved.language }
    var focusedField: ProfileField { Self.fields[focus] }

    /// What a key did, for the caller: nothing more to do, save these values, or leave the form.
    enum Outcome: Equatable {
        case editing
        case save([ProfileField: String])
        case cancel
    }

    mutating func handle(_ key: Key) -> Outcome {
        if let action = PortalFormKey.action(for: key) {
            switch action {
            case .next: focus = (focus + 1) % Self.fields.count
            case .previous: focus = (focus + Self.fields.count - 1) % Self.fields.count
            case .erase:
                if focusedField == .language { break }
                if var value = values[focusedField], !value.isEmpty {
                    value.removeLast()
                    values[focusedField] = value
                }
            case .save:
                for field in Self.fields {
                    if let reason = field.problem(with: values[field] ?? "") {
                        message = PortalStrings.text("profile.invalid", language,
                                                     PortalStrings.text("profile.\(field.rawValue)", language), reason)
                        focus = Self.fields.firstIndex(of: field) ?? focus
                        return .editing
                    }
                }
                let changed = values.filter { saved[$0.key] != $0.value }
                message = PortalStrings.text("profile.saved", language)
                return .save(changed)
            case .cancel:
                values = Dictionary(uniqueKeysWithValues: Self.fields.map { ($0, saved[$0]) })
                message = PortalStrings.text("profile.cancelled", language)
                return .cancel
            }
            return .editing
        }
        guard case .character(let character) = key else { return .editing }
        if focusedField == .language {
            // Space (or any key) steps through the languages: the field only takes the codes the table has.
            let all = PortalLanguage.allCases
            let current = all.firstIndex { $0.rawValue == values[.language] } ?? 0
            if character == " " { values[.language] = all[(current + 1) % all.count].rawValue }
            return .editing
        }
        // Only printable text: control characters never enter a stored value.
        guard character.unicodeScalars.allSatisfy({ !Sanitizer.isUnsafe($0) && $0.value >= 0x20 }),
              (values[focusedField]?.count ?? 0) < 200 else { return .editing }
        values[focusedField, default: ""].append(character)
        return .editing
    }

    /// After the caller stored the values.
    mutating func stored(_ user: PortalUser) {
        saved = user
        values = Dictionary(uniqueKeysWithValues: Self.fields.map { ($0, user[$0]) })
    }
}
