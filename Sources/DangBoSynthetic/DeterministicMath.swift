/// Logarithms computed with basic IEEE operations only, so that results are bit-identical on every platform.
enum DeterministicMath {
    /// The natural logarithm of a positive finite `x`.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of a positive finite number")
        // x = m · 2^e with m in [1, 2): both parts are exact.
        let e = Double(x.exponent)
        var m = x.significand
        var k = e
        // Centre m on 1 (m in [0.75, 1.5)) so that the series below converges fast.
        if m > 1.5 { m /= 2; k += 1 }
        // ln m = 2 atanh(z) with z = (m − 1)/(m + 1), |z| ≤ 0.2: 14 terms reach double precision.
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var term = z
        var sum = 0.0
        var n = 1.0
        while n < 28 {
            sum += term / n
            term *= z2
            n += 2
        }
        return 2 * sum + k * 0.693_147_180_559_945_3
    }
}
