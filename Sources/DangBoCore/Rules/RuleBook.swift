/// The party rules DangBo enforces, as versioned data: the single source of their values, their regulations and the
/// days they apply from (DESIGN §1.3; issue 7 point 8). `dangbo rules` and `docs/rules.md` print this book.
///
/// Each rule follows its regulation chain (RULES §0): the rules of the Charter's implementing regulation go
/// QĐ 29-QĐ/TW (25/7/2016) → QĐ 24-QĐ/TW (30/7/2021) → QĐ 232-QĐ/TW (20/01/2025) → QĐ 294-QĐ/TW (01/7/2025); the
/// guidance HD 01-HD/TW 20/9/2016 → 28/9/2021; discipline QĐ 69-QĐ/TW (06/7/2022), amended by QĐ 264-QĐ/TW
/// (14/02/2025), after QĐ 102-QĐ/TW (2017, members) and QĐ 07-QĐi/TW (2018, organizations). A value carried into a
/// text nobody has quoted for it is marked unconfirmed.
public enum RuleBook {
    /// Every rule, in the order of the table.
    public static let all: [any RuleDescribing] = [
        admissionAge, admissionOverSixty, readmissionLimit, probationMonths, recognitionEffect, probationerExclusions,
        restorationAfter, partyAgeStart, partyAgeGaps, oneCell, temporaryInHeadCount, badgeMilestones, badgeEarlyAwards,
        seatHolderStanding, cellCommittee, standingCommittee, oversightOfDissolved, oversightStages,
        oversightThematicInProgramme, disciplineSanctions, disciplineByCell, disciplineLimitationOfMembers,
        disciplineLimitationOfOrganizations, disciplineAppealMonths, meetingRegularEvery, meetingThematicEvery,
        meetingMinimumMinutes, meetingAbsenceMonths,
    ]

    /// The rule with `id`, if the book has it.
    public static func rule(id: String) -> (any RuleDescribing)? { all.first { $0.id == id } }

    // MARK: - Admission (RULES §3.1)

    /// Age in completed months (`Day.completedMonths(until:)`) on the day the cell votes on the admission, or on the
    /// decision day when the vote's day is not known: 18 years through 60 years inclusive, i.e. 216...720 months
    /// (60 years and 1 month is too old).
    public static let admissionAge: Rule<ClosedRange<Int>> = {
        let months = (18 * 12)...(60 * 12)
        let text = "từ đủ 18 đến đủ 60 tuổi, tính theo tháng, tại ngày chi bộ xét kết nạp"
        return Rule(id: "admission.age", name: "Tuổi đời khi xét kết nạp", versions: [
            // QĐ 29 §1.1 quoted at vietjack.me/phap-luat/quy-dinh-29-qd-tw-4830.html.
            RuleVersion(.qd29, "mục 1.1", value: months, text: text, confirmed: true),
            // QĐ 24 §1.1.1 (RULES §3.1; nganhangphapluat.thukyluat.vn …-347579).
            RuleVersion(.qd24, "mục 1.1.1", value: months, text: text, confirmed: true),
            // "Same wording in QĐ 232" (RULES §3.1; luatvietnam 100895).
            RuleVersion(.qd232, "mục 1.1.1", value: months, text: text, confirmed: true),
            RuleVersion(.qd294, "mục 1.1.1", value: months, text: text, confirmed: false),
        ])
    }()

    /// Over 60 years (past `admissionAge`) only by decision of a committee directly under the Central Committee.
    public static let admissionOverSixty: Rule<DecidingAuthority> = {
        let who = DecidingAuthority.committeeDirectlyUnderCentral
        let text = "chỉ do cấp ủy trực thuộc Trung ương xem xét, quyết định"
        return Rule(id: "admission.overSixty", name: "Kết nạp người trên 60 tuổi", versions: [
            RuleVersion(.qd29, "mục 1.1", value: who, text: text, confirmed: true),
            RuleVersion(.qd24, "mục 1.1.2", value: who, text: text, confirmed: true),
            RuleVersion(.qd232, "mục 1.1.2", value: who, text: text, confirmed: true),
            RuleVersion(.qd294, "mục 1.1.2", value: who, text: text, confirmed: false),
        ])
    }()

    /// How many times a person may be readmitted (kết nạp lại); a readmitted member serves probation again.
    public static let readmissionLimit: Rule<Int> = {
        let text = "chỉ một lần; người được kết nạp lại phải dự bị lại"
        return Rule(id: "admission.readmissionLimit", name: "Kết nạp lại", versions: [
            // QĐ 29 §3.5.4 (probation again) is quoted at luatvietnam 28649; "only once" in QĐ 29 is not.
            RuleVersion(.qd29, "mục 3.5", value: 1, text: text, confirmed: false),
            // QĐ 24 §3.5.3–3.5.4 (RULES §3.1).
            RuleVersion(.qd24, "mục 3.5", value: 1, text: text, confirmed: true),
            RuleVersion(.qd232, "mục 3.5", value: 1, text: text, confirmed: false),
            RuleVersion(.qd294, "mục 3.5", value: 1, text: text, confirmed: false),
        ])
    }()

    // MARK: - Probation (RULES §3.2)

    /// Probation lasts this many months from the admission ceremony (`Day.adding(months:)`).
    public static let probationMonths: Rule<Int> = Rule(id: "probation.months", name: "Thời gian dự bị", versions: [
        // Charter Art. 5 §1 (RULES §3.2; luatvietnam 28649).
        RuleVersion(.charter2011, "Điều 5, khoản 1", value: 12, text: "12 tháng, tính từ ngày chi bộ tổ chức lễ kết nạp",
                    confirmed: true),
    ])

    /// A recognition as official member takes effect when probation ends, even when decided late.
    public static let recognitionEffect: Rule<RecognitionEffect> = {
        let effect = RecognitionEffect.endOfProbation
        let text = "từ ngày hết 12 tháng dự bị, kể cả khi chi bộ hoặc cấp ủy xét muộn"
        return Rule(id: "probation.recognitionEffect", name: "Ngày công nhận đảng viên chính thức", versions: [
            // QĐ 29 §4.2 (RULES §3.2, thuvienphapluat 35A57).
            RuleVersion(.qd29, "mục 4.2", value: effect, text: text, confirmed: true),
            // QĐ 24 §4.2.2, quoted at lawnet.vn …-1008778.
            RuleVersion(.qd24, "mục 4.2.2", value: effect, text: text, confirmed: true),
            RuleVersion(.qd232, "mục 4.2.2", value: effect, text: text, confirmed: false),
            RuleVersion(.qd294, "mục 4.2.2", value: effect, text: text, confirmed: false),
        ])
    }()

    /// Events a probationer can never have: a probationer is not expelled nor removed as an official member; one who
    /// is unfit is struck off (`probationRemoved`, xóa tên dự bị).
    public static let probationerExclusions: Rule<Set<EventKind>> = {
        let kinds: Set<EventKind> = [.expelled, .removed]
        let text = "không khai trừ, không xóa tên như đảng viên chính thức; chỉ xóa tên dự bị"
        return Rule(id: "probation.exclusions", name: "Đảng viên dự bị không đủ tư cách", versions: [
            // Charter Art. 5 §2, quoted at luatvietnam 28649 (RULES §3.2).
            RuleVersion(.charter2011, "Điều 5, khoản 2", value: kinds, text: text, confirmed: true),
            // QĐ 69 Art. 7: a probationer is only reprimanded or warned (thuvienphapluat 41466).
            RuleVersion(.qd69, "Điều 7", value: kinds, text: text, confirmed: true),
            // NB: whether QĐ 264 touches Art. 7 is unconfirmed; from its day QĐ 69 is read as amended.
            RuleVersion(.qd264, "Điều 7", value: kinds, text: text, confirmed: false),
        ])
    }()

    // MARK: - Restoration and party age (RULES §3.3)

    /// The departures after which party membership may be restored (phục hồi đảng tịch).
    // NB: RULES §1 and §3.3 speak of a wrongful expulsion; restoring a wrongful removal is what the journal accepts
    // today and is unconfirmed.
    public static let restorationAfter: Rule<Set<EventKind>> = {
        let kinds: Set<EventKind> = [.expelled, .removed]
        let text = "chỉ phục hồi đảng tịch cho người đã bị khai trừ hoặc xóa tên"
        return Rule(id: "membership.restorationAfter", name: "Phục hồi đảng tịch", versions: [
            RuleVersion(.hd01of2016, nil, value: kinds, text: text, confirmed: false),
            RuleVersion(.hd01of2021, "mục 5.3", value: kinds, text: text, confirmed: false),
        ])
    }()

    /// Party age is counted from the admission decision (the card's "ngày vào Đảng" when the decision is lost).
    public static let partyAgeStart: Rule<PartyAgeStart> = {
        let start = PartyAgeStart.admissionDecision
        let text = "ngày ký quyết định kết nạp (mất quyết định thì ngày vào Đảng ghi trên thẻ đảng viên)"
        return Rule(id: "partyAge.start", name: "Tuổi đảng tính từ", versions: [
            RuleVersion(.qd29, nil, value: start, text: text, confirmed: false),
            // QĐ 24 §4.5.1 (RULES §3.3).
            RuleVersion(.qd24, "mục 4.5.1", value: start, text: text, confirmed: true),
            RuleVersion(.qd232, "mục 4.5.1", value: start, text: text, confirmed: false),
            RuleVersion(.qd294, "mục 4.5.1", value: start, text: text, confirmed: false),
        ])
    }()

    /// Time out of the Party is subtracted, except after a restoration (wrongful expulsion), which counts it.
    public static let partyAgeGaps: Rule<PartyAgeGaps> = {
        let gaps = PartyAgeGaps(subtractedOn: [.readmitted], countedOn: [.restored])
        let text = "trừ thời gian gián đoạn khi kết nạp lại; khai trừ sai được phục hồi thì tính liên tục"
        return Rule(id: "partyAge.gaps", name: "Thời gian gián đoạn trong tuổi đảng", versions: [
            RuleVersion(.hd01of2016, nil, value: gaps, text: text, confirmed: false),
            // HD 01-HD/TW 2021 §5.3 (RULES §3.3, points 2–4).
            RuleVersion(.hd01of2021, "mục 5.3", value: gaps, text: text, confirmed: true),
        ])
    }()

    // MARK: - Cells and head count (RULES §2, §3.5)

    /// How many cells a member attends officially at a time: one; another cell only temporarily.
    public static let oneCell: Rule<Int> = {
        let text = "một chi bộ sinh hoạt chính thức tại một thời điểm; nơi khác chỉ sinh hoạt tạm thời"
        return Rule(id: "membership.oneCell", name: "Chi bộ sinh hoạt chính thức", versions: [
            RuleVersion(.qd29, "mục 6.3", value: 1, text: text, confirmed: false),
            // The official transfer clauses: QĐ 24 (RULES §3.5, luathongduc) and QĐ 294 §6.3.1 (m.ngoisao.vn).
            RuleVersion(.qd24, "mục 6.3.1", value: 1, text: text, confirmed: true),
            RuleVersion(.qd232, "mục 6.3.1", value: 1, text: text, confirmed: false),
            RuleVersion(.qd294, "mục 6.3.1", value: 1, text: text, confirmed: true),
        ])
    }()

    /// Whether a member attending a cell temporarily counts in its đảng số: never.
    public static let temporaryInHeadCount: Rule<Bool> = {
        let text = "không tính vào đảng số của chi bộ nơi sinh hoạt tạm thời"
        return Rule(id: "membership.temporaryInHeadCount", name: "Sinh hoạt tạm thời và đảng số", versions: [
            RuleVersion(.qd29, "mục 6.3", value: false, text: text, confirmed: false),
            RuleVersion(.qd24, "mục 6.3.2", value: false, text: text, confirmed: false),
            // QĐ 232 §6.3.2 (RULES §3.5, thuvienphapluat …-443883-200284).
            RuleVersion(.qd232, "mục 6.3.2", value: false, text: text, confirmed: true),
            RuleVersion(.qd294, "mục 6.3.2", value: false, text: text, confirmed: false),
        ])
    }()

    // MARK: - Committees and oversight (RULES §3.9, §4)

    /// The standing a committee seat's holder must have on the seat's first day: only official members stand for and
    /// elect the Party's leading bodies.
    public static let seatHolderStanding: Rule<Standing> = {
        let text = "đảng viên chính thức của tổ chức đảng đó vào ngày bắt đầu; đảng viên dự bị không có quyền ứng cử, bầu cử"
        return Rule(id: "committee.seatHolder", name: "Người giữ chức danh cấp ủy, ủy ban kiểm tra", versions: [
            // Charter Art. 2 §3 (the rights of official members; probationers have them all but these).
            RuleVersion(.charter2011, "Điều 2, khoản 3", value: .official, text: text, confirmed: false),
        ])
    }()

    /// The cell's leading body (RULES §3.9): with at least `officialMembersForCommittee` official members a cell elects
    /// a committee (chi ủy) of at most `maximumCommittee`, then its secretary and one deputy; with fewer, a secretary and
    /// a deputy if needed. A cell has no standing committee and no inspection commission (its committee member in
    /// charge of inspection serves instead).
    public static let cellCommittee: Rule<CellCommitteeLimits> = {
        let limits = CellCommitteeLimits(officialMembersForCommittee: 9, maximumCommittee: 7, deputies: 1)
        let text = "từ 9 đảng viên chính thức bầu chi ủy không quá 7 người, bầu bí thư và một phó bí thư; dưới 9 chỉ bầu "
            + "bí thư và, nếu cần, một phó bí thư"
        return Rule(id: "committee.cell", name: "Chi ủy, bí thư chi bộ", versions: [
            // QĐ 29 §24 (RULES §3.9: thuvienphapluat 4B40B; dangcongsan.vn …-76136.html).
            RuleVersion(.qd29, "mục 24", value: limits, text: text, confirmed: true),
            RuleVersion(.qd24, "mục 24", value: limits, text: text, confirmed: false),
            RuleVersion(.qd232, "mục 24", value: limits, text: text, confirmed: false),
            RuleVersion(.qd294, nil, value: limits, text: text, confirmed: false),
        ])
    }()

    /// A committee of a đảng bộ elects a standing committee (ban thường vụ) only when it has at least this many
    /// members.
    public static let standingCommittee: Rule<Int> = {
        let text = "cấp ủy có từ 9 ủy viên trở lên mới bầu ban thường vụ"
        return Rule(id: "committee.standing", name: "Ban thường vụ cấp ủy", versions: [
            // Charter Art. 22.5 (RULES §3.9: camau.dcs.vn/chi-tiet-hoi-dap-27).
            RuleVersion(.charter2011, "Điều 22, khoản 5", value: 9, text: text, confirmed: true),
        ])
    }()

    /// Inspection and supervision still apply to organizations dissolved or merged since (RULES §0, "What this means
    /// for the software"): a case's subject organization must have been established by its start day, no more.
    public static let oversightOfDissolved: Rule<Bool> = {
        let text = "tổ chức đảng đã thành lập trước ngày bắt đầu, kể cả đã giải thể, sáp nhập"
        return Rule(id: "oversight.dissolvedSubjects", name: "Đối tượng kiểm tra, giám sát", versions: [
            // QĐ 22 (RULES §0, tranphudn.edu.vn/news/view/nhung-diem-moi-trong-quy-dinh-so-22-qd-tw-…).
            RuleVersion(.qd22, "phạm vi điều chỉnh", value: true, text: text, confirmed: true),
            RuleVersion(.qd296, nil, value: true, text: text, confirmed: false),
        ])
    }()

    /// The stages a case passes, by activity and mode (RULES §4, "Steps" and "Statuses"; `OversightStageSequences`):
    /// regular supervision is concluded directly, without decision or team; thematic supervision and inspections pass
    /// decided → self-report → verification → team report → concluded → notified; follow-up when the outcome asks
    /// remedies. Read on the case's first day.
    // NB: the five steps are those of a grassroots committee's thematic inspection as thiquocgia.vn describes the
    // procedure (RULES §4); the statuses around them are RULES' design proposal. Neither is quoted from the text of
    // QĐ 22 or QĐ 296, hence unconfirmed and without a clause.
    public static let oversightStages: Rule<OversightStageSequences> = {
        let sequences = OversightStageSequences(
            regularSupervision: OversightStageSequence([.planned, .concluded, .notified, .followUp],
                                                       optional: [.planned, .notified]),
            withTeam: OversightStageSequence([.planned, .decided, .selfReport, .verification, .teamReport, .concluded,
                                              .notified, .followUp], optional: [.planned]))
        let text = "giám sát thường xuyên: kết luận, không cần quyết định, đoàn giám sát; giám sát chuyên đề và kiểm tra: "
            + "quyết định, tự kiểm điểm/báo cáo, thẩm tra/xác minh, báo cáo của đoàn, kết luận, thông báo kết luận; theo "
            + "dõi khắc phục khi kết luận có khuyết điểm hoặc vi phạm"
        return Rule(id: "oversight.stages", name: "Các bước kiểm tra, giám sát", versions: [
            RuleVersion(.qd22, nil, value: sequences, text: text, confirmed: false),
            RuleVersion(.qd296, nil, value: sequences, text: text, confirmed: false),
        ])
    }()

    /// Supervision under the programme or plan is thematic supervision: each thematic supervision is an item of its
    /// conductor's annual programme (`OversightCase.isInProgramme(_:)`). Read on the case's first day.
    public static let oversightThematicInProgramme: Rule<Bool> = {
        let text = "giám sát theo chương trình, kế hoạch là giám sát chuyên đề: cuộc giám sát chuyên đề phải có trong "
            + "chương trình giám sát năm của chủ thể giám sát"
        return Rule(id: "oversight.thematicInProgramme", name: "Giám sát chuyên đề theo chương trình", versions: [
            // QĐ 22 Art. 3.4 (RULES §4, "Forms of supervision": dongnai.dcs.vn/phan-biet-hinh-thuc-…-34959).
            RuleVersion(.qd22, "Điều 3, khoản 4", value: true, text: text, confirmed: true),
            RuleVersion(.qd296, nil, value: true, text: text, confirmed: false),
        ])
    }()

    // MARK: - Discipline (RULES §4, "Disciplinary sanctions" and "Statute of limitations")

    /// The sanctions each subject may be given, lightest first: an organization khiển trách, cảnh cáo, giải tán; an
    /// official member khiển trách, cảnh cáo, cách chức (only while holding a post), khai trừ; a probationary member
    /// khiển trách, cảnh cáo. A member's standing is read on the decision day.
    public static let disciplineSanctions: Rule<DisciplineSanctions> = {
        let sanctions = DisciplineSanctions(organization: [.reprimand, .warning, .dissolution],
                                            officialMember: [.reprimand, .warning, .removalFromPost, .expulsion],
                                            probationaryMember: [.reprimand, .warning])
        let text = "tổ chức đảng: khiển trách, cảnh cáo, giải tán; đảng viên chính thức: khiển trách, cảnh cáo, cách chức "
            + "(nếu đang giữ chức vụ), khai trừ; đảng viên dự bị: khiển trách, cảnh cáo"
        return Rule(id: "discipline.sanctions", name: "Hình thức kỷ luật", versions: [
            // NB: the Charter's own list of sanctions is not quoted in RULES.md; the clause is not known.
            RuleVersion(.charter2011, nil, value: sanctions, text: text, confirmed: false),
            // QĐ 69 Art. 7 (RULES §4; thuvienphapluat 41466).
            RuleVersion(.qd69, "Điều 7", value: sanctions, text: text, confirmed: true),
            // NB: whether QĐ 264 touches Art. 7 is unconfirmed; from its day QĐ 69 is read as amended.
            RuleVersion(.qd264, "Điều 7", value: sanctions, text: text, confirmed: false),
        ])
    }()

    /// What a cell (chi bộ) may decide itself, lightest first: khiển trách or cảnh cáo, only of a member of that very
    /// cell on the decision day (the member's membership period that day is in the cell), never of an organization.
    /// The cell decides in its meeting: a decision of a cell names the cell as its body, never its committee (chi ủy),
    /// and a cell has no standing committee nor inspection commission (`cellCommittee`); the body `cell` is a cell's
    /// only. Other sanctions, and members of other cells, are for the committees above. Read on the decision day.
    // NB: the Charter limits the cell to offences of some kinds (political quality, ideology, ethics, lifestyle, party
    // life, a member's duties other than those given by higher levels, state policy and law); the registry does not
    // record an offence's kind, so that limit is not checked. "Chi bộ quyết định", the Charter's words, is read as the
    // cell's meeting, not its committee: RULES does not quote that reading.
    public static let disciplineByCell: Rule<[Sanction]> = {
        let sanctions: [Sanction] = [.reprimand, .warning]
        let text = "chi bộ (hội nghị chi bộ) quyết định khiển trách, cảnh cáo đảng viên sinh hoạt trong chi bộ vào ngày "
            + "quyết định; không kỷ luật tổ chức đảng; các hình thức khác do cấp trên quyết định"
        return Rule(id: "discipline.cell", name: "Thẩm quyền kỷ luật của chi bộ", versions: [
            // Charter Art. 36.1 (RULES §4, "Disciplinary sanctions": moiday.com/huong-dan-thanh-lap-chi-bo-moi-nam-2024/amp).
            RuleVersion(.charter2011, "Điều 36, khoản 1", value: sanctions, text: text, confirmed: true),
        ])
    }()

    /// The statute of limitations for members: years from the offence (from its end when it lasted; from a new
    /// offence committed inside the period) within which it may be sanctioned; time postponed (pregnancy, maternity
    /// leave, serious illness) does not count. See `DisciplineDecision.limitationLastDay` for the day arithmetic.
    public static let disciplineLimitationOfMembers: Rule<DisciplineLimitation> = {
        let limitation = DisciplineLimitation(years: [.reprimand: 5, .warning: 10, .removalFromPost: 10],
                                              offencesWithoutLimit: Set(OffenceWithoutLimit.allCases))
        let text = "khiển trách 5 năm; cảnh cáo, cách chức 10 năm; khai trừ không áp dụng thời hiệu; không áp dụng thời "
            + "hiệu với vi phạm về chính trị nội bộ, an ninh, quốc phòng, đối ngoại xâm hại lợi ích quốc gia, sử dụng "
            + "văn bằng, chứng chỉ không hợp pháp"
        return Rule(id: "discipline.limitation.members", name: "Thời hiệu kỷ luật đảng viên", versions: [
            // QĐ 102 Art. 3 (RULES §4; stdt.danguykhoibinhthuan.vn …/thoi-hieu-xu-ly-ky-luat quotes it).
            RuleVersion(.qd102, "Điều 3", value: limitation, text: text, confirmed: true),
            // That QĐ 69 and QĐ 264 keep these numbers is unconfirmed (RULES §4); their clause is not known.
            RuleVersion(.qd69, nil, value: limitation, text: text, confirmed: false),
            RuleVersion(.qd264, nil, value: limitation, text: text, confirmed: false),
        ])
    }()

    /// The statute of limitations for organizations, as for members but without cách chức, with giải tán never
    /// time-barred, and without the offence of unlawful degrees among those never time-barred.
    public static let disciplineLimitationOfOrganizations: Rule<DisciplineLimitation> = {
        let limitation = DisciplineLimitation(years: [.reprimand: 5, .warning: 10],
                                              offencesWithoutLimit: [.internalPolitics, .securityDefence, .foreignAffairs])
        let text = "khiển trách 5 năm; cảnh cáo 10 năm; giải tán không áp dụng thời hiệu; không áp dụng thời hiệu với vi "
            + "phạm về chính trị nội bộ, an ninh, quốc phòng, đối ngoại xâm hại lợi ích quốc gia"
        return Rule(id: "discipline.limitation.organizations", name: "Thời hiệu kỷ luật tổ chức đảng", versions: [
            // QĐ 07-QĐi Art. 5 (RULES §4; stdt.danguykhoibinhthuan.vn …/thoi-hieu-xu-ly-ky-luat); a lasting offence
            // counts from its end (HD 06-HD/UBKTTW 2018).
            RuleVersion(.qd07of2018, "Điều 5", value: limitation, text: text, confirmed: true),
            RuleVersion(.qd69, nil, value: limitation, text: text, confirmed: false),
            RuleVersion(.qd264, nil, value: limitation, text: text, confirmed: false),
        ])
    }()

    /// A member or organization may appeal a disciplinary decision (khiếu nại kỷ luật) within this many months of
    /// receiving it, to the committee or inspection commission above, up to the Central Committee.
    // NB: not in RULES.md. The Charter's wording "trong vòng một tháng, kể từ ngày nhận quyết định" is quoted at
    // dangcongsan.vn/ban-doc/hoi-dap/…-428680.html as "Khoản 7, Điều 39", which is the numbering of QĐ 30-QĐ/TW's
    // guidance on Art. 39; that page also reads it as 30 working days, as the 2011 guidance (QĐ 46) did. One calendar
    // month as the Charter says is what is checked; unconfirmed.
    public static let disciplineAppealMonths: Rule<Int> = {
        let text = "trong vòng một tháng kể từ ngày nhận quyết định kỷ luật"
        return Rule(id: "discipline.appealMonths", name: "Thời hạn khiếu nại kỷ luật", versions: [
            RuleVersion(.charter2011, "Điều 39", value: 1, text: text, confirmed: false),
        ])
    }()

    // MARK: - Cell meetings (RULES §5)

    /// A cell holds a regular meeting (sinh hoạt thường kỳ) in every period of this many calendar months (1: every
    /// month).
    public static let meetingRegularEvery: Rule<Int> = {
        let text = "chi bộ sinh hoạt thường kỳ mỗi tháng một lần"
        return Rule(id: "meeting.regularEvery", name: "Sinh hoạt chi bộ thường kỳ", versions: [
            // Charter Art. 24.2 (RULES §4, §5; luatminhkhue mau-to-trinh).
            RuleVersion(.charter2011, "Điều 24, khoản 2", value: 1, text: text, confirmed: true),
        ])
    }()

    /// A cell holds a thematic meeting (sinh hoạt chuyên đề) in every period of this many calendar months (3: every
    /// quarter); it does not replace the monthly meeting.
    public static let meetingThematicEvery: Rule<Int> = {
        let text = "ít nhất mỗi quý một lần; không thay buổi sinh hoạt thường kỳ"
        return Rule(id: "meeting.thematicEvery", name: "Sinh hoạt chuyên đề", versions: [
            // The practice under HD 12-2018 (RULES §5: mnhoabinhvb.haiphong.edu.vn, citing it).
            RuleVersion(.hd12of2018, nil, value: 3, text: text, confirmed: true),
            // Whether HD 42-2025 keeps the frequency: unconfirmed (RULES §5).
            RuleVersion(.hd42of2025, nil, value: 3, text: text, confirmed: false),
        ])
    }()

    /// The shortest a cell meeting may last, in minutes (HD 42: 120 when regular and thematic business share one
    /// session; a cell with few members may get a shorter limit from the competent committee).
    public static let meetingMinimumMinutes: Rule<Int> = {
        let text = "ít nhất 90 phút (120 phút khi kết hợp sinh hoạt thường kỳ và chuyên đề)"
        return Rule(id: "meeting.minimumMinutes", name: "Thời lượng buổi sinh hoạt chi bộ", versions: [
            // RULES §5: the 90-minute minimum was already in HD 12-2018 (truongxaydunghcm.edu.vn/kich-ban-sinh-hoat-chi-bo-hang-thang/).
            RuleVersion(.hd12of2018, nil, value: 90, text: text, confirmed: true),
            // HD 42 (luatvietnam.vn/…-186-105065-article.html).
            RuleVersion(.hd42of2025, nil, value: 90, text: text, confirmed: true),
        ])
    }()

    /// Absent from meetings without good reason in this many months of a calendar year: a ground for removal from
    /// the rolls (xóa tên) of an official member.
    public static let meetingAbsenceMonths: Rule<Int> = {
        let text = "bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng: căn cứ xem xét xóa tên"
        return Rule(id: "meeting.absenceMonths", name: "Bỏ sinh hoạt không lý do", versions: [
            // QĐ 24 §8.1 (RULES §3.7: cusc.edu.vn/xoa-ten-khoi-danh-sach-dang-vien/).
            RuleVersion(.qd29, "mục 8.1", value: 3, text: text, confirmed: false),
            RuleVersion(.qd24, "mục 8.1", value: 3, text: text, confirmed: true),
            RuleVersion(.qd232, "mục 8.1", value: 3, text: text, confirmed: false),
            RuleVersion(.qd294, "mục 8.1", value: 3, text: text, confirmed: false),
        ])
    }()

    // MARK: - Badges (RULES §3.8)

    /// Party badge milestones in years of party age.
    public static let badgeMilestones: Rule<[Int]> = {
        let years = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
        let text = "30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90 năm tuổi đảng"
        return Rule(id: "badge.milestones", name: "Mốc tặng Huy hiệu Đảng", versions: [
            RuleVersion(.hd01of2016, nil, value: years, text: text, confirmed: false),
            // HD 01-HD/TW 2021 §18 (RULES §3.8).
            RuleVersion(.hd01of2021, "mục 18", value: years, text: text, confirmed: true),
        ])
    }()

    /// How early a badge may be awarded: for serious illness 12 months (30–65 years) or 24 months (70–90 years);
    /// posthumously 12 months.
    public static let badgeEarlyAwards: Rule<[BadgeEarlyAward]> = {
        let awards = [
            BadgeEarlyAward(.seriousIllness, milestones: 30...65, monthsEarly: 12),
            BadgeEarlyAward(.seriousIllness, milestones: 70...90, monthsEarly: 24),
            BadgeEarlyAward(.posthumous, milestones: 30...90, monthsEarly: 12),
        ]
        let text = "ốm nặng: sớm tối đa 12 tháng (mốc 30–65 năm), 24 tháng (mốc 70–90 năm); truy tặng: sớm tối đa 12 tháng"
        return Rule(id: "badge.earlyAwards", name: "Tặng sớm Huy hiệu Đảng", versions: [
            RuleVersion(.hd01of2016, nil, value: awards, text: text, confirmed: false),
            // HD 01-HD/TW 2021 §18 (RULES §3.8).
            RuleVersion(.hd01of2021, "mục 18", value: awards, text: text, confirmed: true),
        ])
    }()
}
