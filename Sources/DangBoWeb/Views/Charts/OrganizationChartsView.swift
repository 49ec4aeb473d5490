import DangBoCore
import DangBoStore
import Plot

/// The three charts of an organization (issue 9 point 3) as one section of a page.
struct OrganizationChartsView {
    var charts: OrganizationCharts
    var organization: OrganizationSummary

    var node: Node<HTML.BodyContext> {
        .section(.class("charts"),
                 .h2(.text("Biểu đồ — \(organization.name)")),
                 StandingChart(series: charts.standing, organization: organization).figure.node,
                 AgePyramidChart(pyramid: charts.pyramid, organization: organization).figure.node,
                 AdmissionChart(series: charts.admissions, organization: organization).figure.node)
    }
}
