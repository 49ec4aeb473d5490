import Testing
@testable import DangBoCore

/// Core's rules for a change of the tree, at each rule's edges, without a database: the tree is a value and the
/// members on the rolls a closure.
@Suite struct OrganizationChangeRulesTests {
    typealias F = Fixture

    /// An expected answer: nil when the change is accepted, else the field and a part of the message.
    typealias Expected = (field: OrganizationChangeViolation.Field, text: String)?

    /// The fixture with DUK.02 renamed on 1/1/2020 (its current version starts that day) and DUK.01.02 dissolved on
    /// 1/1/2022 (DUK.01 keeps one child from that day on).
    static var tree: OrganizationTree {
        var tree = F.tree
        try! tree.apply(.rename(F.cellC, name: "Chi bộ Văn phòng"), on: F.day("2020-01-01"))
        try! tree.apply(.dissolve(F.cellB), on: F.day("2022-01-01"))
        return tree
    }

    static func check(_ change: OrganizationChange, on day: String, members: Int = 0, codesInUse: Set<String> = [],
                      established: [OrganizationID: String] = [:], _ expected: Expected,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let violation = change.violation(in: tree, on: F.day(day), established: established, codesInUse: codesInUse,
                                         membersOnRolls: { _ in members })
        switch (violation, expected) {
        case (nil, nil): break
        case let (violation?, expected?):
            #expect(violation.field == expected.field, "\(violation)", sourceLocation: sourceLocation)
            #expect(violation.message.contains(expected.text), "\(violation.message)", sourceLocation: sourceLocation)
        case let (violation, expected):
            Issue.record("\(change) on \(day): \(violation.map(\.message) ?? "accepted"), expected \(expected.map(\.text) ?? "accepted")",
                         sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        // History is not rewritten: from the first day of the current version (1/1/2020) on.
        (OrganizationChange.rename(F.cellC, name: "Chi bộ mới"), "2019-12-31", (.effective, "không được trước ngày 1/1/2020")),
        (.rename(F.cellC, name: "Chi bộ mới"), "2020-01-01", nil),
        (.move(F.cellC, parent: F.committee), "2019-12-31", (.effective, "Lịch sử không được sửa lại")),
        (.changeKind(F.cellC, kind: .grassrootsCommittee), "2019-12-31", (.effective, "không được trước ngày 1/1/2020")),
        // A dissolution, merger or split strictly after it.
        (.dissolve(F.cellC), "2020-01-01", (.effective, "phải sau ngày 1/1/2020")),
        (.dissolve(F.cellC), "2020-01-02", nil),
        (.merge(absorbed: [F.cellC], into: F.committee), "2020-01-01", (.effective, "phải sau ngày 1/1/2020")),
        (.merge(absorbed: [F.cellC], into: F.committee), "2020-01-02", nil),
        (.split(F.cellC, into: [F.committee], assignments: [:]), "2020-01-01", (.effective, "phải sau ngày 1/1/2020")),
        (.split(F.cellC, into: [F.committee], assignments: [:]), "2020-01-02", nil),
        // Not before establishment (1/7/2021), not from dissolution (1/1/2023) on.
        (.rename(F.lateCell, name: "Chi bộ mới"), "2021-06-30", (.effective, "thành lập ngày 1/7/2021")),
        (.rename(F.lateCell, name: "Chi bộ mới"), "2021-07-01", nil),
        (.rename(F.lateCell, name: "Chi bộ mới"), "2022-12-31", nil),
        (.rename(F.lateCell, name: "Chi bộ mới"), "2023-01-01", (.effective, "đã giải thể từ ngày 1/1/2023")),
    ] as [(OrganizationChange, String, Expected)])
    func historyIsNotRewritten(change: OrganizationChange, day: String, expected: Expected) {
        Self.check(change, on: day, expected)
    }

    @Test(arguments: [
        // A cell with members on its rolls stays a cell, is not dissolved, is not split.
        (OrganizationChange.changeKind(F.cellC, kind: .grassrootsCommittee), 1, (.kind, "còn 1 đảng viên")),
        (.changeKind(F.cellC, kind: .grassrootsCommittee), 0, nil),
        (.dissolve(F.cellC), 1, (.organization, "còn 1 đảng viên")),
        (.dissolve(F.cellC), 0, nil),
        (.split(F.cellC, into: [F.committee], assignments: [:]), 1, (.organization, "còn 1 đảng viên")),
        (.split(F.cellC, into: [F.committee], assignments: [:]), 0, nil),
        (.dissolve(F.cellC), 4046, (.organization, "còn 4.046 đảng viên")),
        // A committee never holds members: becoming a cell does not count them.
        (.changeKind(F.cellC, kind: .grassrootsCell), 1, (.kind, "đã là chi bộ cơ sở")),
    ] as [(OrganizationChange, Int, Expected)])
    func aCellWithMembersStaysACell(change: OrganizationChange, members: Int, expected: Expected) {
        Self.check(change, on: "2024-01-01", members: members, expected)
    }

    @Test(arguments: [
        // DUK.01 has DUK.01.01 and DUK.01.02 until 31/12/2021, then DUK.01.01 alone.
        ("2021-12-31", (OrganizationChangeViolation.Field.organization, "còn 2 tổ chức trực thuộc") as Expected),
        ("2022-01-01", (.organization, "còn 1 tổ chức trực thuộc")),
    ] as [(String, Expected)])
    func anOrganizationWithChildrenIsNotDissolved(day: String, expected: Expected) {
        Self.check(.dissolve(F.committee), on: day, expected)
    }

    @Test func anOrganizationIsDissolvedOnTheDayItsLastChildIs() {
        var tree = Self.tree
        try! tree.apply(.dissolve(F.cellA), on: F.day("2023-01-01"))
        let rule = { (day: String) in
            OrganizationChange.dissolve(F.committee).violation(in: tree, on: F.day(day), membersOnRolls: { _ in 0 })
        }
        #expect(rule("2022-12-31")?.message.contains("còn 1 tổ chức trực thuộc") == true)
        #expect(rule("2023-01-01") == nil)
    }

    @Test(arguments: [
        (OrganizationChange.establish(id: OrganizationID(-1), code: " ", name: "Chi bộ mới", kind: .grassrootsCell, parent: F.bloc),
         (.code, "Hãy nhập mã tổ chức") as Expected),
        (.establish(id: OrganizationID(-1), code: "DUK.09", name: " ", kind: .grassrootsCell, parent: F.bloc), (.name, "Hãy nhập tên tổ chức")),
        (.establish(id: OrganizationID(-1), code: "DUK.03", name: "Chi bộ mới", kind: .grassrootsCell, parent: F.bloc),
         (.code, "Mã tổ chức DUK.03 đã được dùng")),
        (.establish(id: OrganizationID(-1), code: "DUK.09", name: "Chi bộ mới", kind: .grassrootsCell, parent: nil),
         (.parent, "Hãy chọn tổ chức cấp trên")),
        (.establish(id: OrganizationID(-1), code: "DUK.09", name: "Chi bộ mới", kind: .grassrootsCell, parent: F.lateCell),
         (.parent, "Tổ chức cấp trên DUK.03 không tồn tại vào ngày 1/1/2024")),
        (.establish(id: OrganizationID(-1), code: "DUK.09", name: "Chi bộ mới", kind: .grassrootsCell, parent: F.bloc), nil),
        (.rename(F.cellC, name: "Chi bộ Văn phòng"), (.name, "trùng với tên")),
        (.rename(F.cellC, name: "  "), (.name, "Hãy nhập tên mới")),
        (.move(F.cellA, parent: F.committee), (.parent, "DUK.01.01 đã trực thuộc DUK.01")),
        (.move(F.cellC, parent: nil), (.parent, "Hãy chọn tổ chức cấp trên")),
        (.move(F.cellC, parent: F.lateCell), (.parent, "không tồn tại vào ngày 1/1/2024")),
        (.move(F.cellC, parent: F.committee), nil),
        (.merge(absorbed: [], into: F.cellC), (.absorbed, "ít nhất một")),
        (.merge(absorbed: [F.cellA, F.cellC], into: F.cellC), (.absorbed, "DUK.02 không thể sáp nhập vào chính nó")),
        (.merge(absorbed: [F.cellA, F.cellA], into: F.cellC), (.absorbed, "chỉ được chọn một lần")),
        (.merge(absorbed: [F.cellA], into: F.lateCell), (.target, "DUK.03 không tồn tại vào ngày 1/1/2024")),
        (.merge(absorbed: [F.cellA], into: F.cellC), nil),
        (.split(F.cellC, into: [], assignments: [:]), (.parts, "Hãy nhập các tổ chức mới")),
        (.split(F.cellC, into: [F.lateCell], assignments: [:]), (.parts, "DUK.03 không tồn tại vào ngày 1/1/2024")),
    ] as [(OrganizationChange, Expected)])
    func eachChangeNeedsWhatItChanges(change: OrganizationChange, expected: Expected) {
        Self.check(change, on: "2024-01-01", codesInUse: ["DUK.03"], expected)
    }

    @Test func partsAndParentsEstablishedAlongsideAreAccepted() {
        let new: [OrganizationID: String] = [OrganizationID(-1): "DUK.09"]
        Self.check(.split(F.cellC, into: [OrganizationID(-1)], assignments: [:]), on: "2024-01-01", established: new, nil)
        Self.check(.move(F.cellC, parent: OrganizationID(-1)), on: "2024-01-01", established: new, nil)
        Self.check(.merge(absorbed: [F.cellC], into: OrganizationID(-1)), on: "2024-01-01", established: new, nil)
        Self.check(.split(F.cellC, into: [OrganizationID(-1)], assignments: [:]), on: "2024-01-01",
                   (.parts, "Tổ chức -1 không tồn tại"))
    }

    static func applying(_ changes: [OrganizationChange], on day: String = "2024-01-01", members: [OrganizationID: Int] = [:],
                         codesInUse: Set<String> = []) -> Result<OrganizationTree, OrganizationChangeViolation> {
        Result { () throws(OrganizationChangeViolation) in
            try OrganizationChange.applying(changes, to: tree, on: F.day(day), codesInUse: codesInUse,
                                            membersOnRolls: { members[$0] ?? 0 })
        }
    }

    static func violation(_ result: Result<OrganizationTree, OrganizationChangeViolation>) -> OrganizationChangeViolation? {
        if case .failure(let violation) = result { violation } else { nil }
    }

    @Test func aListIsCheckedAsAWholeAndApplied() throws {
        let a = OrganizationID(-1), b = OrganizationID(-2)
        func establish(_ id: OrganizationID, _ code: String) -> OrganizationChange {
            .establish(id: id, code: code, name: code, kind: .subordinateCell, parent: F.committee)
        }
        // Two establishments with one code.
        #expect(Self.violation(Self.applying([establish(a, "DUK.01.09"), establish(b, "DUK.01.09")]))
            == OrganizationChangeViolation(.code, "Mã tổ chức DUK.01.09 đã được dùng (kể cả cho tổ chức đã giải thể); hãy chọn mã khác."))
        #expect(Self.violation(Self.applying([establish(a, "DUK.01.09")], codesInUse: ["DUK.01.09"]))?.field == .code)
        // A split into new parts: every child assigned, or the field at fault is the assignments.
        let split = OrganizationChange.split(F.committee, into: [a, b], assignments: [F.cellA: a])
        let parts = [establish(a, "DUK.01.08"), establish(b, "DUK.01.09")].map { change -> OrganizationChange in
            guard case let .establish(id, code, name, _, _) = change else { return change }
            return .establish(id: id, code: code, name: name, kind: .grassrootsCommittee, parent: F.bloc)
        }
        #expect(Self.violation(Self.applying(parts + [.split(F.committee, into: [a, b], assignments: [:])]))?.field == .assignments)
        let after = try Self.applying(parts + [split]).get()
        #expect(after[F.committee]?.dissolved == F.day("2024-01-01"))
        #expect(after.version(of: F.cellA, on: F.day("2024-01-01"))?.parent == a)
        // A structural rule of the tree: a subordinate cell does not stand under the bloc.
        #expect(Self.violation(Self.applying([.move(F.cellA, parent: F.bloc)]))?.field == .parent)
        #expect(Self.violation(Self.applying([.changeKind(F.committee, kind: .grassrootsCell)]))?.field == .kind)
        #expect(Self.violation(Self.applying([]))?.field == .organization)
    }

    @Test(arguments: [
        (F.committee, 1, (OrganizationChangeViolation.Field.target, "Chi bộ DUK.02 còn 1 đảng viên") as Expected),
        (F.committee, 0, nil),
        (F.cellA, 1, nil),
    ] as [(OrganizationID, Int, Expected)])
    func aMergedCellWithMembersGoesIntoACell(target: OrganizationID, members: Int, expected: Expected) {
        let violation = Self.violation(Self.applying([.merge(absorbed: [F.cellC], into: target)], members: [F.cellC: members]))
        #expect(violation?.field == expected?.field)
        #expect(violation?.message.contains(expected?.text ?? "") ?? (expected == nil))
    }
}
