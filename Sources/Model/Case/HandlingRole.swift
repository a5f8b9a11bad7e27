/// The bureau's role on a case, as set by the 交办.
public enum HandlingRole: String, CaseIterable, Sendable {
    /// Lead unit: writes the one reply.
    case lead = "主办"
    /// Co-handler: writes an opinion to the lead unit.
    case coHandler = "会办"
    /// Each unit replies separately.
    case separate = "分办"
    /// Sole handler.
    case sole = "独办"
}
