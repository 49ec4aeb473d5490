/// The charts' series from the journals and the tree: the oracles the store's SQL is held equal to.
extension Registry {
    /// Official and probationary members of `root`'s subtree (as the tree stood on each day) on each day of
    /// `StandingSeries.days(months:asOf:)`.
    public func standingSeries(of root: OrganizationID, asOf day: Day, months: Int = OrganizationCharts.months) -> StandingSeries {
        let points = StandingSeries.days(months: months, asOf: day).map { point in
            var counted = StandingSeries.Point(day: point)
            for journal in journals.values {
                guard let period = journal.period(on: point), tree.isWithin(period.cell, root: root, on: point) else { continue }
                if period.standing == .official { counted.official += 1 } else { counted.probationary += 1 }
            }
            return counted
        }
        return StandingSeries(asOf: day, points: points)
    }

    /// Members on the rolls of `root`'s subtree on `day` by gender and age band.
    public func agePyramid(of root: OrganizationID, asOf day: Day) -> AgePyramid {
        var pyramid = AgePyramid(asOf: day)
        for journal in journals.values {
            guard let period = journal.period(on: day), tree.isWithin(period.cell, root: root, on: day) else { continue }
            pyramid.add(1, gender: journal.member.gender, age: AgeBand.age(birth: journal.member.birthDate, on: day))
        }
        return pyramid
    }

    /// Admissions and readmissions into `root`'s subtree in each of the `quarters` quarters up to `day`: by
    /// definition the review's `movements.admitted` and `movements.readmitted` over each quarter (the last up to `day`).
    public func admissionSeries(of root: OrganizationID, asOf day: Day, quarters: Int = OrganizationCharts.quarters) -> AdmissionSeries {
        AdmissionSeries(asOf: day, quarters: AdmissionSeries.quarters(quarters, asOf: day).map { quarter in
            var counted = quarter
            let movements = review(of: root, from: quarter.from, to: quarter.to).movements
            counted.admitted = movements.admitted
            counted.readmitted = movements.readmitted
            return counted
        })
    }

    /// The three charts of `root` on `day` with their default spans.
    public func charts(of root: OrganizationID, asOf day: Day) -> OrganizationCharts {
        OrganizationCharts(standing: standingSeries(of: root, asOf: day), pyramid: agePyramid(of: root, asOf: day),
                           admissions: admissionSeries(of: root, asOf: day))
    }
}
