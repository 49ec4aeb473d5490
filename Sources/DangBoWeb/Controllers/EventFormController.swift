import DangBoCore
import DangBoStore
import Vapor

/// Biến động: one form per membership event (UX.md "Forms"). GET shows the kind's form for a member in the caller's
/// scope; POST has Core check the whole journal inside the write lock, and either writes the event with its periods
/// and audit entry and goes back to the member page, or shows the form again (422) with the message on the field at
/// fault and nothing written.
struct EventFormController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.eventForm(MemberID(0), .admitted), use: show)
        routes.post(.eventForm(MemberID(0), .admitted), use: record)
    }

    /// The most cells a cell field lists; above it the code is typed.
    static let cellChoices = 500

    @Sendable func show(_ request: Request) async throws -> Response {
        let (context, record, kind) = try await target(of: request)
        try Self.requireWriter(context)
        var form = EventForm()
        form.loai = kind.rawValue
        // The day the rule expects, written in for the user to confirm (RuleBook.recognitionEffect).
        if kind == .recognizedOfficial, let due = record.journal.probations.last?.due { form.ngay = VietnameseFormat.day(due) }
        return Response.html(try await page(context, record, kind, form).render())
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        let (context, record, kind) = try await target(of: request)
        try Self.requireWriter(context)
        var form = try request.content.decode(EventForm.self)
        form.loai = kind.rawValue
        let fields = Set(EventField.fields(of: kind).map(\.rawValue))
        // NB: a field the kind's form does not have is not taken from the request either.
        if !fields.contains(EventField.cell.rawValue) { form.toChuc = nil }
        if !fields.contains(EventField.votedOn.rawValue) { form.ngayBieuQuyet = nil }
        if !fields.contains(EventField.decidedBy.rawValue) { form.capQuyetDinh = nil }
        if !fields.contains(EventField.counterpart.rawValue) { form.noiChuyen = nil }
        if try await Self.write(&form, member: record.member.id, fields: fields, context: context, store: store, request: request) {
            return request.redirect(to: SiteURL.member(record.member.id).path, redirectType: .normal)
        }
        return Response.html(try await page(context, record, kind, form).render(), status: .unprocessableEntity)
    }

    /// Writes the event `form` describes for `member`; false with the form's errors set when the form, a rule of Core
    /// or the caller's scope refuses it (nothing is written then). `fields` are the fields the form shows.
    static func write(
        _ form: inout EventForm, member: MemberID, fields: Set<String>, context: PageContext, store: Store, request: Request
    ) async throws -> Bool {
        guard let event = try await form.event(member: member, store: store) else { return false }
        do {
            try await store.recordEvent(event, in: context.caller.scope, actor: "account#\(context.caller.account.id)")
            request.logger.info("event.recorded", metadata: ["member": "\(member.rawValue)", "kind": "\(event.kind.rawValue)"])
            return true
        } catch let violation as JournalViolation {
            form.errors[EventForm.field(for: violation, among: fields), default: []].append(violation.message)
        } catch RecordEventRefusal.cellOutsideScope {
            form.errors[EventField.cell.rawValue, default: []].append("Chi bộ này không thuộc phạm vi tài khoản của bạn.")
        } catch RecordEventRefusal.memberOutsideScope {
            throw Abort(.notFound)
        }
        return false
    }

    /// Only the roles that record (`MemberController.writers`) see and post the forms: 403 for the others.
    static func requireWriter(_ context: PageContext) throws {
        guard context.caller.account.grants.contains(where: { MemberController.writers.contains($0.role) }) else {
            throw Abort(.forbidden, reason: "Tài khoản của bạn chỉ được xem, không được ghi biến động.")
        }
    }

    /// The caller's context, the member (404 outside the caller's scope) and the kind of the route (404 when unknown).
    private func target(of request: Request) async throws -> (PageContext, MemberRecord, EventKind) {
        let context = try await PageContext.of(request, store: store, today: today())
        guard let raw = request.parameters.get("member", as: Int.self),
              let kind = request.parameters.get("kind").flatMap(EventKind.init(rawValue:)),
              let record = try await store.memberRecord(MemberID(raw), in: context.caller.scope, asOf: context.asOf) else {
            throw Abort(.notFound)
        }
        return (context, record, kind)
    }

    private func page(_ context: PageContext, _ record: MemberRecord, _ kind: EventKind, _ form: EventForm) async throws -> EventFormPage {
        var cells: [OrganizationSummary]?
        if EventField.fields(of: kind).contains(.cell) {
            let found = try await store.cells(in: context.caller.scope, on: context.asOf, limit: Self.cellChoices)
            cells = found.count > Self.cellChoices ? nil : found
        }
        return EventFormPage(context: context, record: record, kind: kind, form: form, cells: cells)
    }
}
