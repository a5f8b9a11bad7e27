/// A date as a spreadsheet stores it: a serial number of days (ECMA-376 Part 1, 18.17.4.1), the
/// cell's number format alone saying that it is a date. Two systems: the 1900 system (Excel's
/// default, and LibreOffice's when it writes .xlsx), where serial 1 is 1900-01-01 and serial 60 is
/// the 1900-02-29 that never was (Lotus 1-2-3's leap-year bug, kept for compatibility, so serials
/// from 61 on are one more than the days since 1899-12-31); and the 1904 system (`date1904` in the
/// workbook, old Mac Excel), where serial 0 is 1904-01-01.
public enum SpreadsheetDate {
    /// Which day serial 0 stands for.
    public enum System: Sendable, Hashable {
        case from1900, from1904
    }

    /// The largest serial a spreadsheet shows as a date: 9999-12-31 in the 1900 system.
    static let largestSerial = 2_958_465.0

    /// Why a serial is no date.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Serial 60 of the 1900 system: 1900-02-29, which no calendar has.
        case february29of1900
        /// Below the first day or beyond 9999-12-31.
        case outOfRange(Double)

        public var description: String {
            switch self {
            case .february29of1900: return "日期序号 60 是不存在的 1900年2月29日"
            case .outOfRange(let serial): return "日期序号 \(SpreadsheetDate.text(of: serial)) 超出范围"
            }
        }
    }

    /// The day `serial` stands for in `system`; a fraction (the time of day) is dropped.
    /// - Throws: `Failure`.
    public static func date(serial: Double, system: System = .from1900) throws(Failure) -> LocalDate {
        let whole = serial.rounded(.down)
        guard whole.isFinite, whole >= (system == .from1900 ? 1 : 0), whole <= largestSerial else { throw .outOfRange(serial) }
        let days = Int(whole)
        switch system {
        case .from1904:
            // 1970-01-01 is serial 24107 in the 1904 system.
            return LocalDate(dayNumber: days - 24_107)
        case .from1900:
            if days == 60 { throw .february29of1900 }
            // 1970-01-01 is serial 25569; serials before the phantom 29 February are one day fewer.
            return LocalDate(dayNumber: days - (days < 60 ? 25_568 : 25_569))
        }
    }

    /// A serial as a message shows it: without `.0` when whole.
    static func text(of serial: Double) -> String {
        serial == serial.rounded() && abs(serial) < 1e15 ? String(Int(serial)) : String(serial)
    }
}
