//! Percentiles of timed samples.

use std::time::{Duration, Instant};

/// Sorted samples in milliseconds.
#[derive(Debug, Clone)]
pub struct Samples(Vec<f64>);

impl Samples {
    pub fn new(mut ms: Vec<f64>) -> Samples {
        assert!(!ms.is_empty(), "no samples");
        ms.sort_by(f64::total_cmp);
        Samples(ms)
    }

    /// Nearest-rank percentile (p in 0..=100).
    pub fn pct(&self, p: f64) -> f64 {
        let n = self.0.len();
        let rank = ((p / 100.0) * n as f64).ceil() as usize;
        self.0[rank.clamp(1, n) - 1]
    }

    pub fn median(&self) -> f64 {
        self.pct(50.0)
    }

    pub fn max(&self) -> f64 {
        self.0[self.0.len() - 1]
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The time of one call in milliseconds, and its value.
pub fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let v = f();
    (ms(t.elapsed()), v)
}

/// Median of `runs` calls after one warm-up call.
pub fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f();
    Samples::new((0..runs).map(|_| timed(&mut f).0).collect()).median()
}

#[cfg(test)]
mod tests {
    use super::Samples;

    #[test]
    fn nearest_rank() {
        let s = Samples::new((1..=100).rev().map(f64::from).collect());
        assert_eq!(s.pct(50.0), 50.0);
        assert_eq!(s.pct(95.0), 95.0);
        assert_eq!(s.pct(99.0), 99.0);
        assert_eq!(s.pct(100.0), 100.0);
        assert_eq!(Samples::new(vec![3.0]).pct(99.0), 3.0);
    }
}
