import Metrics

/// A customer's Account view in their portal, in their language (My profile's): the company profile, read-only
/// (name, account code, currency, debit limit, taxes), their number blocks with the extensions in use in each, and
/// My profile with what is verified. Lines that do not fit are dropped from the bottom; data is sanitised.
struct AccountWidget: Widget {
    var account: AccountFigures?
    var glyphs: GlyphSet
    var moneyDecimals = 2
    /// `[company]`: the issuer's name, contact and PayPal address, shown when set.
    var company: CompanySettings? = nil

    func lines() -> [(String, Style)] {
        guard let account else { return [("loading" + glyphs.ellipsis, Style(.dim))] }
        let language = account.user?.language ?? .english
        func t(_ key: String, _ arguments: String...) -> String {
            switch arguments.count {
            case 0: return PortalStrings.text(key, language)
            case 1: return PortalStrings.text(key, language, arguments[0])
            default: return PortalStrings.text(key, language, arguments[0], arguments[1])
            }
        }
        var lines: [(String, Style)] = [(t("company.title"), Style(.label))]
        // Room for the longest label of the language, and two spaces.
        let labelKeys = ["company.name", "company.currency", "company.debit_limit", "company.tax", "company.provider",
                         "company.contact", "company.paypal", "totp.status"]
            + ProfileForm.fields.map { "profile.\($0.rawValue)" }
        let labelWidth = (labelKeys.map { t($0).count }.max() ?? 0) + 2
        func pair(_ label: String, _ value: String) -> (String, Style) {
            ("  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + Sanitizer.clean(value), .normal)
        }
        if let customer = account.customer {
            lines.append(pair(t("company.name"), "\(customer.name) (\(customer.accountCode))"))
            lines.append(pair(t("company.currency"), customer.currency))
            lines.append(pair(t("company.debit_limit"), "\(customer.debitLimit.formatted(decimals: moneyDecimals)) \(customer.currency)"))
        }
        let taxes = account.billing?.taxes.map { "\($0.name) \(Double($0.rateMillionths) / 10_000)%" } ?? []
        lines.append(pair(t("company.tax"), taxes.isEmpty ? "–" : taxes.joined(separator: ", ")))
        if let company {
            if !company.name.isEmpty { lines.append(pair(t("company.provider"), company.name)) }
            let contact = [company.email, company.phone].filter { !$0.isEmpty }.joined(separator: "  ")
            if !contact.isEmpty { lines.append(pair(t("company.contact"), contact)) }
            if !company.paypal.isEmpty { lines.append(pair(t("company.paypal"), company.paypal)) }
        }
        lines.append(("", .normal))
        lines.append((t("blocks.title"), Style(.label)))
        if account.blocks.isEmpty { lines.append(("  " + t("blocks.none"), Style(.dim))) }
        for block in account.blocks {
            let used = account.inUse[block.id] ?? 0
            lines.append(("  \(block.start)–\(block.end)  " + t("blocks.in_use", String(used), String(block.size)), .normal))
        }
        lines.append(("", .normal))
        lines.append((t("profile.title"), Style(.label)))
        let user = account.user ?? PortalUser(customerID: account.customer?.id ?? 0)
        for field in [ProfileField.name, .email, .department, .phone, .mobile] {
            var value = user[field]
            if field == .email, !value.isEmpty { value += "  (" + t(user.isEmailVerified ? "profile.verified" : "profile.unverified") + ")" }
            if field == .mobile, !value.isEmpty { value += "  (" + t(user.isMobileVerified ? "profile.verified" : "profile.unverified") + ")" }
            lines.append(pair(t("profile.\(field.rawValue)"), value))
        }
        lines.append(pair(t("profile.language"), user[.language]))
        lines.append(pair(t("totp.status"), t(user.totpEnabled ? "totp.on" : "totp.off")))
        return lines
    }

    func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        for (row, line) in lines().prefix(area.height).enumerated() {
            buffer.put(line.0, x: area.x, y: area.y + row, style: line.1, maxWidth: area.width)
        }
    }
}
