import CHaru
import Foundation
import Metrics

/// The invoice as a PDF, through libharu: A4, the DejaVu Sans TrueType font embedded with UTF-8 text so any name
/// renders (Cyrillic, Polish, …), and no creation date, so the same invoice gives the same bytes. Every libharu call
/// is in this file.
enum InvoicePDF {
    /// Debian's fonts-dejavu-core puts it here; `make test` installs it.
    static let defaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `invoice` to `path`; `company` is the issuer (`[company]` in the config).
    static func write(_ invoice: Invoice, company: CompanySettings, to path: String,
                      fontPath: String = defaultFontPath) throws {
        guard FileManager.default.isReadableFile(atPath: fontPath) else {
            throw Failure(description: "\(fontPath): font not found (install fonts-dejavu-core)")
        }
        guard let pdf = HPDF_New(nil, nil) else { throw Failure(description: "libharu could not start") }
        defer { HPDF_Free(pdf) }
        func check(_ status: HPDF_STATUS, _ what: String) throws {
            if status != HPDF_OK {
                throw Failure(description: "\(path): \(what) failed (libharu error 0x\(String(HPDF_GetError(pdf), radix: 16)))")
            }
        }
        try check(HPDF_UseUTFEncodings(pdf), "UTF-8 encoding")
        try check(HPDF_SetCurrentEncoder(pdf, "UTF-8"), "UTF-8 encoding")
        guard let fontName = HPDF_LoadTTFontFromFile(pdf, fontPath, HPDF_TRUE),
              let font = HPDF_GetFont(pdf, fontName, "UTF-8") else {
            throw Failure(description: "\(fontPath): libharu could not load the font")
        }
        var page = try newPage(pdf)
        let left: Float = 50
        let right: Float = 545
        var y: Float = 790

        func text(_ string: String, x: Float, size: Float = 10, alignRight: Bool = false) {
            let clean = Sanitizer.clean(string)
            HPDF_Page_SetFontAndSize(page, font, size)
            let width = alignRight ? HPDF_Page_TextWidth(page, clean) : 0
            HPDF_Page_BeginText(page)
            HPDF_Page_TextOut(page, alignRight ? x - width : x, y, clean)
            HPDF_Page_EndText(page)
        }
        func advance(_ by: Float) throws {
            y -= by
            if y < 60 {
                page = try newPage(pdf)
                y = 790
            }
        }

        let dates = InvoiceDates(zone: invoice.zone)
        let currency = invoice.currency
        // Issuer, then title.
        text(company.name.isEmpty ? "(set [company] name in the config)" : company.name, x: left, size: 14)
        text(invoice.number.map { "Invoice \($0)" } ?? "DRAFT invoice (id \(invoice.id))", x: right, size: 14,
             alignRight: true)
        try advance(16)
        for line in company.address.split(separator: "\n", omittingEmptySubsequences: false) {
            text(String(line), x: left)
            try advance(12)
        }
        if !company.taxID.isEmpty {
            text("Tax ID \(company.taxID)", x: left)
            try advance(12)
        }
        let contact = [company.email, company.phone].filter { !$0.isEmpty }.joined(separator: "  ")
        if !contact.isEmpty {
            text(contact, x: left)
            try advance(12)
        }
        if !company.paypal.isEmpty {
            text("PayPal \(company.paypal)", x: left)
            try advance(12)
        }
        try advance(14)
        text("Bill to", x: left, size: 9)
        try advance(13)
        text(invoice.customerName, x: left, size: 12)
        try advance(13)
        text("Account \(invoice.accountCode)", x: left)
        try advance(22)
        var facts = [("Status", invoice.statusText),
                     ("Period", "\(dates.period(invoice.period)) (\(dates.zoneName))")]
        if let issued = invoice.issuedAt { facts.append(("Issue date", dates.day(issued))) }
        if let due = invoice.dueAt { facts.append(("Due date", dates.day(due))) }
        facts.append(("Currency", currency))
        for (label, value) in facts {
            text(label, x: left)
            text(value, x: left + 90)
            try advance(13)
        }
        try advance(12)
        // Lines.
        let columns: [(String, Float, Bool)] = [
            (invoice.lineGrouping == .day ? "Day" : "Destination", left, false), ("Calls", 330, true),
            ("Minutes", 390, true), ("Rate", 460, true), ("Amount", right, true),
        ]
        for (title, x, alignRight) in columns { text(title, x: x, size: 9, alignRight: alignRight) }
        try advance(4)
        HPDF_Page_MoveTo(page, left, y)
        HPDF_Page_LineTo(page, right, y)
        HPDF_Page_Stroke(page)
        try advance(13)
        for line in invoice.lines where line.kind == .usage {
            text(line.description, x: left)
            text(String(line.calls), x: 330, alignRight: true)
            text(InvoiceFigures.minutes(line.billedSeconds), x: 390, alignRight: true)
            text(InvoiceFigures.rate(line), x: 460, alignRight: true)
            text(InvoiceFigures.lineAmount(line), x: right, alignRight: true)
            try advance(13)
        }
        try advance(6)
        // Subtotal, each tax, the rounding, then the total: what the customer pays, built up.
        var totals = [("Subtotal", invoice.subtotal.formatted(decimals: 6))]
        for line in invoice.lines where line.kind != .usage {
            totals.append((line.description, InvoiceFigures.lineAmount(line)))
        }
        for (label, value) in totals {
            text(label, x: 390)
            text(value, x: right, alignRight: true)
            try advance(13)
        }
        try advance(3)
        text("Total", x: 390, size: 12)
        text("\(InvoiceFigures.amount(invoice.total, currency: currency)) \(currency)", x: right, size: 12,
             alignRight: true)
        try advance(16)
        if invoice.paid.micros > 0 {
            text("Paid", x: 390)
            text(InvoiceFigures.amount(invoice.paid, currency: currency), x: right, alignRight: true)
            try advance(13)
            text("Left to pay", x: 390)
            text(InvoiceFigures.amount(invoice.left, currency: currency), x: right, alignRight: true)
            try advance(13)
        }
        if let due = invoice.dueAt, invoice.status == .issued {
            try advance(10)
            text("Please pay by \(dates.day(due)).", x: left)
        }
        try check(HPDF_SaveToFile(pdf, path), "writing the PDF")
    }

    private static func newPage(_ pdf: HPDF_Doc) throws -> HPDF_Page {
        guard let page = HPDF_AddPage(pdf) else { throw Failure(description: "libharu could not add a page") }
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT)
        return page
    }
}
