import DangBoCore
import DangBoStore
import Vapor

/// Sinh hoạt chi bộ (issue 11 point 4): the compliance of the cells of an organization over a period (months without a
/// regular meeting, quarters without a thematic one, short meetings, members absent without reason) and the minutes
/// recorded; the minutes of a meeting — the cell and the day, then one line per member of its roll, each present unless
/// changed — recorded in one locked write, and corrected or deleted the same way with a reason. Reading needs the
/// organization in the caller's scope (404); writing, a role that records (403), and correcting, the meeting's cell in
/// the caller's scope on its day (404).
struct MeetingsController {
    let store: Store
    let today: @Sendable () -> Day

    /// The meetings page lists at most this many minutes, the latest first.
    static let listLimit = 100

    func register(_ routes: any RoutesBuilder) {
        routes.get(.meetings, use: show)
        routes.get(.newMeeting, use: form)
        routes.post(.newMeeting, use: create)
        routes.get(.meetingCorrection, use: correctionForm)
        routes.post(.meetingCorrection, use: correct)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await ReviewController(store: store, today: today).question(of: request, context: context)
        let compliance = try await store.meetingCompliance(of: organization.id, from: from, to: to)
        let figures = try await store.meetingFigures(of: organization.id, from: from, to: to)
        let minutes = try await store.meetings(of: organization.id, from: from, to: to, limit: Self.listLimit)
        let cells = try await store.organizationNames(of: Set(compliance.withoutRegular.map(\.cell) + compliance.withoutThematic.map(\.cell)
            + compliance.short.map(\.cell) + minutes.map(\.cell)), on: to)
        let members = try await store.memberNames(of: Set(compliance.absentees.map(\.member)))
        let deleted = try await store.deletedMeetings(of: organization.id, from: from, to: to, in: context.caller.scope)
        let deletedCells = try await store.organizationNames(of: Set(deleted.map(\.meeting.cell)).subtracting(cells.keys), on: to)
        let notices = [("da-ghi", "Đã ghi"), ("da-sua", "Đã sửa"), ("da-xoa", "Đã xóa")]
        let notice = notices.lazy.compactMap { key, done in
            request.query[String.self, at: key].map { "\(done) biên bản buổi sinh hoạt \($0)." }
        }.first
        return Response.html(MeetingsPage(context: context, organization: organization, from: from, to: to, figures: figures,
                                          compliance: compliance, minutes: minutes,
                                          cellNames: cells.merging(deletedCells) { first, _ in first }, memberNames: members,
                                          deleted: deleted, notice: notice).render())
    }

    /// The form's fields as posted.
    struct Fields: Content {
        var chiBo: String?
        var ngay: String?
        var loai: String?
        var thoiLuong: String?
        var chuTri: String?
        var thuKy: String?
        var noiDung: String?
        /// Members of other cells attending (sinh hoạt tạm thời), by citizen ID, one a line.
        var khach: String?
        var ketLuan: String?
        /// The reference of the minutes corrected or deleted, the reason of a correction, of a deletion, and "xoa" to
        /// delete.
        var bienBan: String?
        var lyDo: String?
        var lyDoXoa: String?
        var hanhDong: String?

        enum CodingKeys: String, CodingKey {
            case chiBo = "chi-bo", ngay, loai, thoiLuong = "thoi-luong", chuTri = "chu-tri", thuKy = "thu-ky"
            case noiDung = "noi-dung", ketLuan = "ket-luan", khach
            case bienBan = "bien-ban", lyDo = "ly-do", lyDoXoa = "ly-do-xoa", hanhDong = "hanh-dong"
        }
    }

    /// What the minutes' fields describe: the meeting (nil while an error stands), its cell, and the attendance as
    /// posted, to show again.
    private struct Minutes {
        var meeting: Meeting?
        var cell: OrganizationSummary?
        var statuses: [MemberID: AttendanceStatus]
    }

    /// Step one without a cell and a day (the cells of the scope that day); step two with them: the roll.
    @Sendable func form(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try EventFormController.requireWriter(context)
        var fields = Fields()
        fields.chiBo = request.query[String.self, at: "chi-bo"]
        fields.ngay = request.query[String.self, at: "ngay-hop"]
        fields.loai = MeetingKind.regular.rawValue
        fields.thoiLuong = "120"
        try await requireAddressedCell(fields, context)
        return Response.html(try await page(context, fields, statuses: [:], errors: [:]).render())
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try EventFormController.requireWriter(context)
        let fields = try request.content.decode(Fields.self)
        var errors: [String: [String]] = [:]
        let minutes = try await minutes(fields, of: request, context, correcting: nil, &errors)
        if errors.isEmpty, let meeting = minutes.meeting, let cell = minutes.cell {
            do {
                let reference = try await store.recordMeeting(meeting, in: context.caller.scope, actor: ImportController.actor(context.caller))
                request.logger.info("meeting.recorded", metadata: ["account": "\(context.caller.account.id)", "lines": "\(meeting.attendance.count)"])
                return request.redirect(to: listing(of: cell.code, around: meeting.held, notice: ("da-ghi", reference)), redirectType: .normal)
            } catch let refusal as MeetingRefusal {
                errors[Self.field(of: refusal), default: []].append(refusal.description)
            } catch StoreError.busy {
                throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
            }
        }
        return Response.html(try await page(context, fields, statuses: minutes.statuses, errors: errors).render(), status: .unprocessableEntity)
    }

    /// The recorded minutes in their form: each member listed with their status, a member of the roll the minutes do
    /// not list as such, the guests by citizen ID; the cell and the day may be changed first, as on the record form.
    @Sendable func correctionForm(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try EventFormController.requireWriter(context)
        let stored = try await correcting(request.query[String.self, at: "bien-ban"], context)
        var fields = try await storedFields(stored)
        fields.chiBo = request.query[String.self, at: "chi-bo"] ?? fields.chiBo
        fields.ngay = request.query[String.self, at: "ngay-hop"] ?? fields.ngay
        try await requireAddressedCell(fields, context)
        return Response.html(try await page(context, fields, statuses: Self.rollStatuses(of: stored), errors: [:], correcting: stored).render())
    }

    /// A correction (its reason required), or with `hanh-dong=xoa` a deletion (its own reason required): refused on
    /// the field at fault with nothing written, as a new record.
    @Sendable func correct(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try EventFormController.requireWriter(context)
        let fields = try request.content.decode(Fields.self)
        let stored = try await correcting(fields.bienBan, context)
        if fields.hanhDong == "xoa" { return try await delete(stored, fields, request, context) }
        var errors: [String: [String]] = [:]
        let minutes = try await minutes(fields, of: request, context, correcting: stored, &errors)
        let reason = VietnameseText.normalized(fields.lyDo ?? "")
        if reason.isEmpty { errors["ly-do", default: []].append(MeetingRefusal.noReason.description) }
        if errors.isEmpty, let meeting = minutes.meeting, let cell = minutes.cell {
            do {
                try await store.correctMeeting(stored.reference, to: meeting, reason: reason, in: context.caller.scope,
                                               actor: ImportController.actor(context.caller))
                request.logger.info("meeting.corrected", metadata: ["account": "\(context.caller.account.id)", "lines": "\(meeting.attendance.count)"])
                return request.redirect(to: listing(of: cell.code, around: meeting.held, notice: ("da-sua", stored.reference)),
                                        redirectType: .normal)
            } catch let refusal as MeetingRefusal {
                errors[Self.field(of: refusal), default: []].append(refusal.description)
            } catch StoreError.busy {
                throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
            }
        }
        return Response.html(try await page(context, fields, statuses: minutes.statuses, errors: errors, correcting: stored).render(),
                             status: .unprocessableEntity)
    }

    /// Deletes minutes recorded by mistake; without a reason, the correction form again with the error on it.
    private func delete(_ stored: Meeting, _ posted: Fields, _ request: Request, _ context: PageContext) async throws -> Response {
        let reason = VietnameseText.normalized(posted.lyDoXoa ?? "")
        var errors: [String: [String]] = [:]
        do {
            try await store.deleteMeeting(stored.reference, reason: reason, in: context.caller.scope, actor: ImportController.actor(context.caller))
            request.logger.info("meeting.deleted", metadata: ["account": "\(context.caller.account.id)"])
            let code = try await store.organization(stored.cell, on: stored.held)?.code ?? ""
            return request.redirect(to: listing(of: code, around: stored.held, notice: ("da-xoa", stored.reference)), redirectType: .normal)
        } catch let refusal as MeetingRefusal {
            errors[refusal == .noReason ? "ly-do-xoa" : "", default: []].append(refusal.description)
        } catch StoreError.busy {
            throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
        }
        var fields = try await storedFields(stored)
        fields.lyDoXoa = posted.lyDoXoa
        return Response.html(try await page(context, fields, statuses: Self.rollStatuses(of: stored), errors: errors, correcting: stored).render(),
                             status: .unprocessableEntity)
    }

    /// The minutes recorded as `reference` (404 when unknown or outside the caller's scope: a caller is never told which).
    private func correcting(_ reference: String?, _ context: PageContext) async throws -> Meeting {
        guard let reference, !reference.isEmpty, let stored = try await store.meeting(reference, in: context.caller.scope) else {
            throw Abort(.notFound, reason: "Không có biên bản buổi sinh hoạt \(reference ?? "") trong phạm vi tài khoản của bạn.")
        }
        return stored
    }

    /// The fields of stored minutes, as the form shows them.
    private func storedFields(_ stored: Meeting) async throws -> Fields {
        let guests = stored.attendance.filter { $0.status == .guest }.map(\.member)
        let numbers = try await store.nationalIDs(of: Set(guests))
        var fields = Fields()
        fields.bienBan = stored.reference
        fields.chiBo = try await store.organization(stored.cell, on: stored.held)?.code
        fields.ngay = VietnameseFormat.day(stored.held)
        fields.loai = stored.kind.rawValue
        fields.thoiLuong = "\(stored.durationMinutes)"
        fields.chuTri = stored.chair.map { "\($0.rawValue)" } ?? ""
        fields.thuKy = stored.secretary.map { "\($0.rawValue)" } ?? ""
        fields.noiDung = stored.agenda
        fields.ketLuan = stored.resolution
        fields.khach = guests.compactMap { numbers[$0] }.joined(separator: "\n")
        return fields
    }

    /// The statuses of stored minutes but the guests' (the form names those by citizen ID).
    private static func rollStatuses(of stored: Meeting) -> [MemberID: AttendanceStatus] {
        Dictionary(stored.attendance.filter { $0.status != .guest }.map { ($0.member, $0.status) }, uniquingKeysWith: { first, _ in first })
    }

    /// NB: a cell named in the address outside the caller's scope is unknown here (404), never its roll.
    private func requireAddressedCell(_ fields: Fields, _ context: PageContext) async throws {
        guard let code = fields.chiBo, !code.isEmpty else { return }
        let day = fields.ngay.flatMap { Day(parsing: VietnameseText.normalized($0)) } ?? context.asOf
        guard try await store.organization(code: code, on: day, in: context.caller.scope) != nil else {
            throw Abort(.notFound, reason: "Không có chi bộ mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(day)).")
        }
    }

    /// The minutes the fields describe, with an error on each field at fault. Each member of the roll is present
    /// (exempt when exempt) unless changed; when correcting, a member has the stored status unless changed, one the
    /// stored minutes do not list stays unlisted, and "Không có trong biên bản" (posted empty) unlists one. The chair and
    /// the secretary are members of the roll, or, when correcting, the ones the stored minutes name.
    private func minutes(_ fields: Fields, of request: Request, _ context: PageContext, correcting stored: Meeting?,
                         _ errors: inout [String: [String]]) async throws -> Minutes {
        let (cell, day) = try await target(fields, context, &errors)
        let kind = MeetingKind(rawValue: fields.loai ?? "")
        if kind == nil { errors["loai", default: []].append("Hãy chọn loại buổi sinh hoạt.") }
        let length = Int(VietnameseText.normalized(fields.thoiLuong ?? ""))
        if !(1...1_440).contains(length ?? 0) {
            errors["thoi-luong", default: []].append("Thời lượng là số phút, từ 1 đến 1.440, ví dụ 120.")
        }
        var statuses: [MemberID: AttendanceStatus] = [:]
        var people: [String: MemberID] = [:]
        if let cell, let day {
            let roll = try await store.meetingRoll(of: cell.id, on: day)
            let recorded = stored.map(Self.rollStatuses(of:)) ?? [:]
            for line in roll {
                let posted = try? request.content.get(String.self, at: "dd-\(line.member.rawValue)")
                if let status = posted.flatMap(AttendanceStatus.init(rawValue:)) {
                    statuses[line.member] = status
                } else if stored == nil {
                    statuses[line.member] = line.exempt ? .exempt : .present
                } else if posted == nil {
                    statuses[line.member] = recorded[line.member]
                }
            }
            // Guests: members of the registry not on the roll, each once.
            for line in (fields.khach ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" }) {
                let written = VietnameseText.normalized(String(line))
                guard !written.isEmpty else { continue }
                guard let guest = try await store.memberID(nationalID: written) else {
                    errors["khach", default: []].append("Không có đảng viên có số CCCD \(written).")
                    continue
                }
                if roll.contains(where: { $0.member == guest }) {
                    errors["khach", default: []].append("Đảng viên số CCCD \(written) sinh hoạt ở chi bộ này: đã có trong danh sách điểm danh.")
                    continue
                }
                if statuses[guest] != nil {
                    errors["khach", default: []].append("Số CCCD \(written) đã ghi ở dòng trên.")
                    continue
                }
                statuses[guest] = .guest
            }
            // The chair and the minutes' secretary, when chosen: members of the roll (or the stored ones).
            let named = Set([stored?.chair, stored?.secretary].compactMap { $0 })
            for (field, value) in [("chu-tri", fields.chuTri), ("thu-ky", fields.thuKy)] {
                guard let value, !value.isEmpty else { continue }
                if let id = Int(value).map(MemberID.init(rawValue:)), roll.contains(where: { $0.member == id }) || named.contains(id) {
                    people[field] = id
                } else {
                    errors[field, default: []].append("Hãy chọn một đảng viên của chi bộ.")
                }
            }
        }
        var meeting: Meeting?
        if errors.isEmpty, let cell, let day, let kind, let length {
            meeting = Meeting(reference: stored?.reference ?? "", cell: cell.id, kind: kind, held: day, durationMinutes: length,
                              attendance: statuses.map { Attendance(member: $0.key, status: $0.value) },
                              chair: people["chu-tri"], secretary: people["thu-ky"],
                              agenda: VietnameseText.normalized(fields.noiDung ?? ""),
                              resolution: VietnameseText.normalized(fields.ketLuan ?? ""))
        }
        return Minutes(meeting: meeting, cell: cell, statuses: statuses)
    }

    /// The field a refusal of the store belongs to ("" above the form).
    static func field(of refusal: MeetingRefusal) -> String {
        switch refusal {
        case .notACell, .outsideScope: "chi-bo"
        case .noReason: "ly-do"
        case .notOnTheRolls, .listedTwice, .unknownMeeting, .unchanged: ""
        }
    }

    /// The meetings page of the cell `code` over the quarter around `day`, with a notice.
    private func listing(of code: String, around day: Day, notice: (String, String)) -> String {
        let quarter = ReviewDraft.lastQuarter(endingBy: day.adding(months: 3).previous)
        return SiteURL.meetings.with(query: [
            ("to-chuc", code), ("tu", VietnameseFormat.day(min(quarter.from, day))), ("den", VietnameseFormat.day(max(quarter.to, day))), notice])
    }

    /// The cell (in the caller's scope on the day) and the day the fields name, with an error on each field at fault.
    private func target(_ fields: Fields, _ context: PageContext, _ errors: inout [String: [String]])
        async throws -> (OrganizationSummary?, Day?) {
        let day = Day(parsing: VietnameseText.normalized(fields.ngay ?? ""))
        if day == nil { errors["ngay", default: []].append(EventForm.badDay) }
        if let day, day > today() { errors["ngay", default: []].append("Ngày họp không được sau hôm nay.") }
        let code = VietnameseText.normalized(fields.chiBo ?? "")
        guard let day, !code.isEmpty else {
            if code.isEmpty { errors["chi-bo", default: []].append("Hãy chọn chi bộ.") }
            return (nil, day)
        }
        guard let cell = try await store.organization(code: code, on: day, in: context.caller.scope), cell.kind.isCell else {
            errors["chi-bo", default: []].append("Không có chi bộ mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(day)).")
            return (nil, day)
        }
        return (cell, day)
    }

    private func page(_ context: PageContext, _ fields: Fields, statuses: [MemberID: AttendanceStatus],
                      errors: [String: [String]], correcting stored: Meeting? = nil) async throws -> MeetingFormPage {
        var errors = errors
        var cell: OrganizationSummary?, day: Day?, roll: [MeetingRollLine] = []
        if !(fields.chiBo ?? "").isEmpty || !(fields.ngay ?? "").isEmpty {
            var found: [String: [String]] = [:]
            (cell, day) = try await target(fields, context, &found)
            for (field, messages) in found where errors[field] == nil { errors[field] = messages }
            if let cell, let day { roll = try await store.meetingRoll(of: cell.id, on: day) }
        }
        let cells = try await store.cells(in: context.caller.scope, on: day ?? context.asOf, limit: 500)
        // The chair and the secretary the stored minutes name, when not on the roll shown: kept as choices.
        let named = Set([stored?.chair, stored?.secretary].compactMap { $0 }).subtracting(roll.map(\.member))
        let names = try await store.memberNames(of: named)
        var revisions: [MeetingRevision] = []
        if let stored { revisions = try await store.meetingRevisions(of: stored.reference, in: context.caller.scope) }
        let listed = Set(revisions.flatMap { revision -> [MemberID] in
            [revision.meeting.chair, revision.meeting.secretary].compactMap { $0 } + revision.meeting.attendance.map(\.member)
        })
        return MeetingFormPage(context: context, fields: fields, cells: cells, cell: cell, day: day, roll: roll,
                               others: named.sorted().map { ($0, names[$0] ?? "#\($0.rawValue)") },
                               statuses: statuses, errors: errors, correcting: stored, revisions: revisions,
                               revisionNames: try await store.memberNames(of: listed))
    }
}
