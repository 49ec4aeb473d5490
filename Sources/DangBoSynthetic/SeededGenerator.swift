/// A small, fast, deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every random choice of the synthetic registry goes through it, so one seed gives one registry on every machine.
/// NB: the sampling helpers below use only integer arithmetic and IEEE basic operations (+ − × ÷ √), never the
/// platform's `log` or `exp`, whose last bits differ between libm implementations.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = nextSplitMix()
        s1 = nextSplitMix()
        s2 = nextSplitMix()
        s3 = nextSplitMix()
    }

    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension SeededGenerator {
    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection: unbiased and stable across
    /// toolchains, unlike `Int.random(in:using:)` whose algorithm the standard library may change).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "an empty range has no element")
        let n = UInt64(bound)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold { product = next().multipliedFullWidth(by: n) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// A uniform double in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// An element of a non-empty array, uniformly.
    mutating func pick<T>(_ elements: [T]) -> T { elements[below(elements.count)] }

    /// An exponential variate with the given mean (inverse transform with a deterministic logarithm).
    mutating func exponential(mean: Double) -> Double { -mean * DeterministicMath.log(1 - unit()) }

    /// A standard normal variate, approximately (Irwin–Hall sum of four uniforms, rescaled).
    mutating func normal() -> Double { (unit() + unit() + unit() + unit() - 2) * 1.732_050_807_568_877_2 }

    /// A count with mean `mean` and a Poisson-like spread (normal approximation, randomized rounding).
    mutating func count(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        let value = mean + (mean.squareRoot() * normal()) + unit()
        return max(0, Int(value.rounded(.down)))
    }

    /// A triangular variate on `[low, high]` with its mode at `mode`.
    mutating func triangular(_ low: Double, _ mode: Double, _ high: Double) -> Double {
        let u = unit()
        let cut = (mode - low) / (high - low)
        if u < cut { return low + ((u * (high - low) * (mode - low)).squareRoot()) }
        return high - (((1 - u) * (high - low) * (high - mode)).squareRoot())
    }
}
