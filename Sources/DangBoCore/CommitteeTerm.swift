import Foundation

/// A term (nhiệm kỳ) of a committee of an organization: from the congress that elected it to the next, with the number
/// of seats the congress decided (số lượng cấp ủy) when it is known.
public struct CommitteeTerm: Hashable, Sendable {
    public var organization: OrganizationID
    public var committee: CommitteeKind
    /// As users name it: "2020–2025".
    public var name: String
    /// From the congress's day; the end is the next congress's day (nil while the term runs).
    public var validity: DayRange
    /// The number of seats the congress decided, when known: the committee's vacancies are counted against it.
    public var size: Int?
    public var decision: Decision?

    public init(organization: OrganizationID, committee: CommitteeKind, name: String, validity: DayRange, size: Int? = nil,
                decision: Decision? = nil) {
        self.organization = organization
        self.committee = committee
        self.name = name
        self.validity = validity
        self.size = size
        self.decision = decision
    }
}

/// A committee term that breaks a rule, with the field at fault and the Vietnamese message a user reads.
public struct CommitteeTermViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable {
        case organization
        case committee
        case name
        case start
        case end
        case size
    }

    public enum Reason: Hashable, Sendable {
        case endBeforeStart
        case unknownOrganization
        case organizationNotExisting
        case emptyName
        /// The organization kind has no committee of this kind (a cell has no inspection commission).
        case noSuchCommittee(OrganizationKind)
        case badSize
        /// A cell's committee is at most `maximum` seats.
        case sizeAboveCellMaximum(maximum: Int)
        /// Another term of the same committee covers some of the same days.
        case overlaps(name: String, validity: DayRange)
    }

    public var reason: Reason
    public var term: CommitteeTerm
    public var organizationCode: String

    public init(reason: Reason, term: CommitteeTerm, organizationCode: String) {
        self.reason = reason
        self.term = term
        self.organizationCode = organizationCode
    }

    public var field: Field {
        switch reason {
        case .endBeforeStart: .end
        case .unknownOrganization: .organization
        case .organizationNotExisting, .overlaps: .start
        case .emptyName: .name
        case .noSuchCommittee: .committee
        case .badSize, .sizeAboveCellMaximum: .size
        }
    }

    /// The message of `endBeforeStart`, also for a form or a file whose days make no range at all.
    public static func endBeforeStart(_ start: Day) -> String {
        "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu \(VietnameseFormat.day(start))."
    }

    public var message: String {
        let start = VietnameseFormat.day(term.validity.start)
        switch reason {
        case .endBeforeStart:
            return Self.endBeforeStart(term.validity.start)
        case .unknownOrganization:
            return "Không có tổ chức đảng này."
        case .organizationNotExisting:
            return "Ngày \(start) tổ chức đảng \(organizationCode) chưa thành lập hoặc đã giải thể."
        case .emptyName:
            return "Hãy ghi tên nhiệm kỳ, ví dụ 2025–2030."
        case .noSuchCommittee(let kind):
            return "\(kind.vietnamese) không có \(term.committee.vietnamese.lowercased()); chi ủy viên phụ trách công tác "
                + "kiểm tra làm nhiệm vụ này."
        case .badSize:
            return "Số lượng là một số nguyên từ 1 đến 99."
        case .sizeAboveCellMaximum(let maximum):
            let rule = RuleBook.cellCommittee.version(on: term.validity.start)
            return "Chi ủy có không quá \(maximum) người (\(rule.citation))."
        case .overlaps(let name, let validity):
            let end = validity.end.map { " đến ngày \(VietnameseFormat.day($0))" } ?? ""
            return "Nhiệm kỳ \(name) (từ ngày \(VietnameseFormat.day(validity.start))\(end)) đã có những ngày này."
        }
    }

    public var description: String { message }
}

extension CommitteeTerm {
    /// Whether an organization of `kind` has a committee of `committee` kind: every organization elects its
    /// executive (a cell, its committee or secretary); inspection commissions are elected from the đảng bộ cơ sở up
    /// (Điều lệ Đảng, Điều 30).
    public static func exists(_ committee: CommitteeKind, in kind: OrganizationKind) -> Bool {
        committee == .executive || !kind.isCell
    }

    /// The days of a term as a form or a file gives them; nil when the end comes before the start, which no range can
    /// hold (the caller reports `CommitteeTermViolation.endBeforeStart(_:)`; an end on the start day makes a range, which
    /// `violations` refuses).
    public static func validity(start: Day, end: Day?) -> DayRange? {
        if let end, end < start { return nil }
        return DayRange(start: start, end: end)
    }

    /// Every rule this term breaks, in the order of its fields: a name; the organization exists on the first day and
    /// has such a committee; the end after the start; a size from 1 to 99 (a cell's at most the rule's maximum); no
    /// other term of the committee (`others`) shares a day.
    public func violations(in tree: OrganizationTree, others: [CommitteeTerm]) -> [CommitteeTermViolation] {
        let code = tree[organization]?.code ?? ""
        var found: [CommitteeTermViolation] = []
        func add(_ reason: CommitteeTermViolation.Reason) {
            found.append(CommitteeTermViolation(reason: reason, term: self, organizationCode: code))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { add(.emptyName) }
        let version = tree.version(of: organization, on: validity.start)
        if tree[organization] == nil { add(.unknownOrganization) } else if version == nil { add(.organizationNotExisting) }
        if let version, !Self.exists(committee, in: version.kind) { add(.noSuchCommittee(version.kind)) }
        if let end = validity.end, end <= validity.start { add(.endBeforeStart) }
        if let size {
            if !(1...99).contains(size) {
                add(.badSize)
            } else if let version, version.kind.isCell, committee == .executive {
                let maximum = RuleBook.cellCommittee.version(on: validity.start).value.maximumCommittee
                if size > maximum { add(.sizeAboveCellMaximum(maximum: maximum)) }
            }
        }
        if let other = others.first(where: {
            $0.organization == organization && $0.committee == committee && $0.validity.start != validity.start
                && $0.validity.overlaps(validity)
        }) {
            add(.overlaps(name: other.name, validity: other.validity))
        }
        return found
    }
}
