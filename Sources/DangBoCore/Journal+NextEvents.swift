/// What may come next in a journal: the kinds of event whose rules the member's state leaves open, so that a page
/// offers only forms that can succeed (UX.md "Forms"). `Journal` still checks whatever is recorded; this spares the
/// user a form that cannot.
extension EventKind {
    /// The kinds that may open the journal of a person new to the registry.
    public static let arrivals: Set<EventKind> = [.admitted, .transferredIn, .readmitted, .restored]
}

extension Journal {
    /// The temporary stays open on `day` after `events` (in effective order): away since, and the cell attended
    /// since. A `temporary_ended` ends both, and so does leaving the rolls — as `Journal` walks them.
    public static func openStays(_ events: [MembershipEvent], on day: Day)
        -> (away: Day?, attending: (cell: OrganizationID, since: Day)?) {
        var away: Day?
        var attending: (cell: OrganizationID, since: Day)?
        for event in events where event.effective <= day {
            switch event.kind {
            case .temporaryOut: away = event.effective
            case .temporaryIn: attending = event.organization.map { ($0, event.effective) }
            case .temporaryEnded: (away, attending) = (nil, nil)
            default: if event.kind.leaves { (away, attending) = (nil, nil) }
            }
        }
        return (away, attending)
    }

    /// The kinds that may follow the journal's last event, in the order of `EventKind.allCases`: nothing after death;
    /// on the rolls, the movements of a member (recognition and probation removal for a probationer, and the
    /// exclusions the rule in force allows for one — QĐ 24 §3.3 / RuleBook.probationerExclusions); off the rolls,
    /// a transfer in after a transfer out, a readmission within `RuleBook.readmissionLimit`, a restoration after the
    /// departures `RuleBook.restorationAfter` names — each rule read on the last event's day.
    public var kindsThatMayFollow: [EventKind] {
        guard let last = events.last else { return EventKind.allCases.filter(EventKind.arrivals.contains) }
        if last.kind == .died { return [] }
        let day = last.effective
        let stays = Self.openStays(events, on: events.map(\.effective).max() ?? day)
        var kinds: Set<EventKind> = []
        if let standing = standingsAfter.last ?? nil {
            kinds.formUnion([.moved, .transferredOut, .withdrew, .died])
            kinds.insert(periods.last?.exempt == true ? .exemptionEnded : .exempted)
            if stays.away == nil { kinds.insert(.temporaryOut) }
            // NB: a member of the registry attending another cell for a while is recorded there too (temporary_in).
            if stays.attending == nil { kinds.insert(.temporaryIn) }
            if stays.away != nil || stays.attending != nil { kinds.insert(.temporaryEnded) }
            if standing == .probationary {
                kinds.formUnion([.recognizedOfficial, .probationRemoved])
                kinds.formUnion(Set([.removed, .expelled]).subtracting(RuleBook.probationerExclusions.version(on: day).value))
            } else {
                kinds.formUnion([.removed, .expelled])
            }
        } else if let left = events.last(where: \.kind.leaves) {
            if left.kind == .transferredOut {
                kinds.insert(.transferredIn)
                kinds.insert(stays.attending != nil ? .temporaryEnded : .temporaryIn)
            } else {
                let readmissions = events.filter { $0.kind == .readmitted }.count
                if readmissions < RuleBook.readmissionLimit.version(on: day).value { kinds.insert(.readmitted) }
                if RuleBook.restorationAfter.version(on: day).value.contains(left.kind) { kinds.insert(.restored) }
            }
        }
        return EventKind.allCases.filter(kinds.contains)
    }
}
