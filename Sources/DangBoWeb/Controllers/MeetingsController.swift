import DangBoCore
import DangBoStore
import Vapor

/// Sinh hoạt chi bộ (issue 11 point 4): the compliance of the cells of an organization over a period (months without a
/// regular meeting, quarters without a thematic one, short meetings, members absent without reason), and the minutes of
/// a meeting — the cell and the day, then one line per member of its roll, each present unless changed — recorded in
/// one locked write. Reading needs the organization in the caller's scope (404); writing, a role that records (403).
struct MeetingsController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.meetings, use: show)
        routes.get(.newMeeting, use: form)
        routes.post(.newMeeting, use: create)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await ReviewController(store: store, today: today).question(of: request, context: context)
        let compliance = try await store.meetingCompliance(of: organization.id, from: from, to: to)
        let figures = try await store.meetingFigures(of: organization.id, from: from, to: to)
        let cells = try await store.organizationNames(of: Set(compliance.withoutRegular.map(\.cell) + compliance.withoutThematic.map(\.cell)
            + compliance.short.map(\.cell)), on: to)
        let members = try await store.memberNames(of: Set(compliance.absentees.map(\.member)))
        let recorded = request.query[String.self, at: "da-ghi"].map { "Đã ghi biên bản buổi sinh hoạt \($0)." }
        return Response.html(MeetingsPage(context: context, organization: organization, from: from, to: to, figures: figures,
                                          compliance: compliance, cellNames: cells, memberNames: members, notice: recorded).render())
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

        enum CodingKeys: String, CodingKey {
            case chiBo = "chi-bo", ngay, loai, thoiLuong = "thoi-luong", chuTri = "chu-tri", thuKy = "thu-ky"
            case noiDung = "noi-dung", ketLuan = "ket-luan", khach
        }
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
        // NB: a cell named in the address outside the caller's scope is unknown here (404), never its roll.
        if let code = fields.chiBo, !code.isEmpty {
            let day = fields.ngay.flatMap { Day(parsing: VietnameseText.normalized($0)) } ?? context.asOf
            guard try await store.organization(code: code, on: day, in: context.caller.scope) != nil else {
                throw Abort(.notFound, reason: "Không có chi bộ mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(day)).")
            }
        }
        return Response.html(try await page(context, fields, statuses: [:], errors: [:]).render())
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try EventFormController.requireWriter(context)
        let fields = try request.content.decode(Fields.self)
        var errors: [String: [String]] = [:]
        let (cell, day) = try await target(fields, context, &errors)
        let kind = MeetingKind(rawValue: fields.loai ?? "")
        if kind == nil { errors["loai", default: []].append("Hãy chọn loại buổi sinh hoạt.") }
        let minutes = Int(VietnameseText.normalized(fields.thoiLuong ?? ""))
        if !(1...1_440).contains(minutes ?? 0) {
            errors["thoi-luong", default: []].append("Thời lượng là số phút, từ 1 đến 1.440, ví dụ 120.")
        }
        var statuses: [MemberID: AttendanceStatus] = [:]
        var people: [String: MemberID] = [:]
        if let cell, let day {
            let roll = try await store.meetingRoll(of: cell.id, on: day)
            for line in roll {
                let posted = try? request.content.get(String.self, at: "dd-\(line.member.rawValue)")
                statuses[line.member] = posted.flatMap(AttendanceStatus.init(rawValue:)) ?? (line.exempt ? .exempt : .present)
            }
            // Guests: members of the registry not on the roll, each once.
            for line in (fields.khach ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" }) {
                let written = VietnameseText.normalized(String(line))
                guard !written.isEmpty else { continue }
                guard let guest = try await store.memberID(nationalID: written) else {
                    errors["khach", default: []].append("Không có đảng viên có số CCCD \(written).")
                    continue
                }
                if statuses[guest] != nil {
                    errors["khach", default: []].append(roll.contains { $0.member == guest }
                        ? "Đảng viên số CCCD \(written) sinh hoạt ở chi bộ này: đã có trong danh sách điểm danh."
                        : "Số CCCD \(written) đã ghi ở dòng trên.")
                    continue
                }
                statuses[guest] = .guest
            }
            // The chair and the minutes' secretary, when chosen: members of the roll.
            for (field, value) in [("chu-tri", fields.chuTri), ("thu-ky", fields.thuKy)] {
                guard let value, !value.isEmpty else { continue }
                if let id = Int(value).map(MemberID.init(rawValue:)), roll.contains(where: { $0.member == id }) {
                    people[field] = id
                } else {
                    errors[field, default: []].append("Hãy chọn một đảng viên của chi bộ.")
                }
            }
        }
        if errors.isEmpty, let cell, let day, let kind, let minutes {
            do {
                let reference = try await store.recordMeeting(
                    Meeting(reference: "", cell: cell.id, kind: kind, held: day, durationMinutes: minutes,
                            attendance: statuses.map { Attendance(member: $0.key, status: $0.value) },
                            chair: people["chu-tri"], secretary: people["thu-ky"],
                            agenda: VietnameseText.normalized(fields.noiDung ?? ""), resolution: VietnameseText.normalized(fields.ketLuan ?? "")),
                    in: context.caller.scope, actor: ImportController.actor(context.caller))
                request.logger.info("meeting.recorded", metadata: ["account": "\(context.caller.account.id)", "lines": "\(statuses.count)"])
                let quarter = ReviewDraft.lastQuarter(endingBy: day.adding(months: 3).previous)
                return request.redirect(to: SiteURL.meetings.with(query: [
                    ("to-chuc", cell.code), ("tu", VietnameseFormat.day(min(quarter.from, day))), ("den", VietnameseFormat.day(max(quarter.to, day))),
                    ("da-ghi", reference)]), redirectType: .normal)
            } catch let refusal as MeetingRefusal {
                errors[refusal == .outsideScope ? "chi-bo" : "", default: []].append(refusal.description)
            } catch StoreError.busy {
                throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
            }
        }
        return Response.html(try await page(context, fields, statuses: statuses, errors: errors).render(), status: .unprocessableEntity)
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
                      errors: [String: [String]]) async throws -> NewMeetingPage {
        var errors = errors
        var cell: OrganizationSummary?, day: Day?, roll: [MeetingRollLine] = []
        if !(fields.chiBo ?? "").isEmpty || !(fields.ngay ?? "").isEmpty {
            var found: [String: [String]] = [:]
            (cell, day) = try await target(fields, context, &found)
            for (field, messages) in found where errors[field] == nil { errors[field] = messages }
            if let cell, let day { roll = try await store.meetingRoll(of: cell.id, on: day) }
        }
        let cells = try await store.cells(in: context.caller.scope, on: day ?? context.asOf, limit: 500)
        return NewMeetingPage(context: context, fields: fields, cells: cells, cell: cell, day: day, roll: roll,
                              statuses: statuses, errors: errors)
    }
}
