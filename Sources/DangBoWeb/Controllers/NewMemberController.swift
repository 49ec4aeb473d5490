import DangBoCore
import DangBoStore
import Vapor

/// A person who comes onto the rolls (UX.md "Forms"): the profile as the party's record (sơ yếu lý lịch) has it, then
/// the first event, an admission (kết nạp) or a transfer in from outside the registry (chuyển sinh hoạt đến). The
/// values are read as the import contract reads them (the national ID by Core's `NationalID`, ethnicity and religion
/// by their canonical names); the store checks the national ID and the journal inside the write lock and writes
/// everything or nothing.
struct NewMemberController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.newMember, use: show)
        routes.post(.newMember, use: create)
    }

    /// The first events the form records.
    static let kinds: [EventKind] = [.admitted, .transferredIn]

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await writerContext(of: request)
        var form = NewMemberForm()
        form.event.loai = Self.kind(request.query[String.self, at: "loai"]).rawValue
        // A cell named in the link (from an organization page) is written in; one outside the scope is unknown here.
        if let code = request.query[String.self, at: "to-chuc"], !code.isEmpty {
            guard let cell = try await store.organization(code: code, on: context.asOf), cell.kind.isCell,
                  try await store.covers(context.caller.scope, cell.id, on: context.asOf) else {
                throw Abort(.notFound, reason: "Không có chi bộ mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(context.asOf)).")
            }
            form.event.toChuc = cell.code
        }
        return Response.html(try await page(context, form).render())
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let context = try await writerContext(of: request)
        var form = try request.content.decode(NewMemberForm.self)
        form.event = try request.content.decode(EventForm.self)
        let kind = Self.kind(form.event.loai)
        form.event.loai = kind.rawValue
        let fields = Set(EventField.fields(of: kind).map(\.rawValue))
        let member = form.member(today: context.asOf, arriving: kind)
        let event = try await form.event.event(member: MemberID(0), store: store)
        if let member, let event {
            do {
                let id = try await store.addMember(member, firstEvent: event, in: context.caller.scope,
                                                   actor: "account#\(context.caller.account.id)")
                request.logger.info("member.added", metadata: ["member": "\(id.rawValue)", "kind": "\(kind.rawValue)"])
                // NB: a member whose first day is still ahead is shown as of that day (not yet on the rolls today).
                let url = event.effective > context.asOf
                    ? SiteURL.member(id).with(query: [("ngay", VietnameseFormat.day(event.effective))]) : SiteURL.member(id).path
                return request.redirect(to: url, redirectType: .normal)
            } catch let violation as JournalViolation {
                form.event.errors[EventForm.field(for: violation, among: fields), default: []].append(violation.message)
            } catch let violation as NationalIDViolation {
                form.errors[NewMemberForm.Field.nationalID.rawValue, default: []].append(violation.message)
            } catch let refusal as AddMemberRefusal {
                switch refusal {
                case .nationalIDTaken(let code):
                    let holder = code.isEmpty ? "" : " (đảng viên của chi bộ mã \(code))"
                    form.errors[NewMemberForm.Field.nationalID.rawValue, default: []].append(
                        "Số CCCD \(member.nationalID) đã có trong cơ sở dữ liệu\(holder): mỗi người chỉ có một hồ sơ; hãy tìm "
                            + "hồ sơ đó và ghi biến động trên hồ sơ ấy (hoặc nhờ cấp ủy quản lý chi bộ đó).")
                case .cellOutsideScope:
                    form.event.errors[EventField.cell.rawValue, default: []].append("Chi bộ này không thuộc phạm vi tài khoản của bạn.")
                case .notAnArrival:
                    form.event.errors["loai", default: []].append("Hãy chọn kết nạp hoặc tiếp nhận chuyển sinh hoạt đến.")
                }
            }
        }
        return Response.html(try await page(context, form).render(), status: .unprocessableEntity)
    }

    /// The kind of first event asked for: a transfer in when said so, else an admission.
    static func kind(_ written: String?) -> EventKind {
        written.flatMap(EventKind.init(rawValue:)).flatMap { kinds.contains($0) ? $0 : nil } ?? .admitted
    }

    /// The page context of a caller who may write (403 for the others: the form would be of no use to them).
    private func writerContext(of request: Request) async throws -> PageContext {
        let context = try await PageContext.of(request, store: store, today: today())
        guard context.caller.account.grants.contains(where: { MemberController.writers.contains($0.role) }) else {
            throw Abort(.forbidden, reason: "Tài khoản của bạn chỉ được xem, không được thêm đảng viên.")
        }
        return context
    }

    private func page(_ context: PageContext, _ form: NewMemberForm) async throws -> NewMemberPage {
        let found = try await store.cells(in: context.caller.scope, on: context.asOf, limit: EventFormController.cellChoices)
        return NewMemberPage(context: context, form: form, cells: found.count > EventFormController.cellChoices ? nil : found)
    }
}
