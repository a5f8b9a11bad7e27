extension Reply {
    /// A new reply for `c`, as the form starts it: the generated parts filled from the configured
    /// template (salutation, opening, closing, signature), the office's contact block and copy line,
    /// one empty body section to write in, and today's date.
    public static func started(for c: Case, configuration: Configuration, today: LocalDate) -> Reply {
        let wording = ReplyWording(for: c, configuration: configuration, date: today)
        let office = configuration.office
        return Reply(date: today, salutation: wording.salutation, opening: wording.opening,
                     sections: [ReplySection(heading: "", text: "")], closing: wording.closing,
                     signature: wording.signature, contactPerson: office.contactPerson, contactPhone: office.phone,
                     contactAddress: office.address, postcode: office.postcode, copyTo: office.copyTo)
    }
}
