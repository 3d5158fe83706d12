//! Colour science for checking the stance palettes (no egui): simulated colour
//! blindness, CIELAB and the CIEDE2000 colour difference.
//!
//! - Simulation: Machado, Oliveira & Fernandes (2009), "A Physiologically-based
//!   Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6). The
//!   severity-1.0 matrices below are the authors' pre-computed ones (also in
//!   G. M. Machado's 2010 thesis and, to the same six decimals, in the
//!   `colour-science` Python package as `CVD_MATRICES_MACHADO2010`). They act
//!   on linear RGB, so colours are decoded from sRGB first.
//! - CIELAB: sRGB (IEC 61966-2-1) to XYZ with the D65 white, then CIE 1976
//!   L\*a\*b\* with the CIE's exact ε = 216/24389 and κ = 24389/27.
//! - CIEDE2000: as written out in Sharma, Wu & Dalal (2005), "The CIEDE2000
//!   Color-Difference Formula: Implementation Notes, Supplementary Test Data,
//!   and Mathematical Observations", Color Research & Application 30(1),
//!   21–30, with kL = kC = kH = 1. The tests check all 34 pairs of its Table 1.

use std::fmt;

/// A colour-vision deficiency at full severity (dichromacy).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Deficiency {
    /// No working long-wavelength (red) cones.
    Protanopia,
    /// No working medium-wavelength (green) cones.
    Deuteranopia,
    /// No working short-wavelength (blue) cones.
    Tritanopia,
}

impl Deficiency {
    /// Every deficiency, in the order above.
    pub const ALL: [Self; 3] = [Self::Protanopia, Self::Deuteranopia, Self::Tritanopia];

    /// The lower-case name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Protanopia => "protanopia",
            Self::Deuteranopia => "deuteranopia",
            Self::Tritanopia => "tritanopia",
        }
    }

    /// Machado et al.'s severity-1.0 simulation matrix, row by row; it maps a
    /// linear RGB column vector to the simulated linear RGB.
    pub fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Self::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            Self::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Self::Tritanopia => [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        }
    }
}

impl fmt::Display for Deficiency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An sRGB channel (0..=255) as linear light (0..=1).
fn decode(channel: u8) -> f64 {
    let v = f64::from(channel) / 255.0;
    if v <= 0.040_45 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear light, clamped to 0..=1, as an sRGB channel.
fn encode(linear: f64) -> u8 {
    let v = linear.clamp(0.0, 1.0);
    let srgb = if v <= 0.003_130_8 {
        v * 12.92
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    };
    (srgb * 255.0).round() as u8
}

/// How an sRGB colour looks to someone with deficiency `d`: decoded to linear
/// RGB, multiplied by Machado et al.'s severity-1.0 matrix, clamped to the
/// gamut and encoded back to sRGB.
pub fn simulate(rgb: [u8; 3], d: Deficiency) -> [u8; 3] {
    let [r, g, b] = rgb.map(decode);
    d.matrix()
        .map(|row| encode(row[0] * r + row[1] * g + row[2] * b))
}

/// The D65 reference white in XYZ, Y = 1 (the white point of sRGB).
const D65_WHITE: [f64; 3] = [0.950_47, 1.0, 1.088_83];

/// Linear sRGB to XYZ (D65), rows X, Y, Z (IEC 61966-2-1, to seven decimals).
const SRGB_TO_XYZ: [[f64; 3]; 3] = [
    [0.412_456_4, 0.357_576_1, 0.180_437_5],
    [0.212_672_9, 0.715_152_2, 0.072_175_0],
    [0.019_333_9, 0.119_192_0, 0.950_304_1],
];

/// An sRGB colour in CIELAB (D65): `[L*, a*, b*]`, L* from 0 (black) to 100 (white).
pub fn to_lab(rgb: [u8; 3]) -> [f64; 3] {
    const EPSILON: f64 = 216.0 / 24_389.0;
    const KAPPA: f64 = 24_389.0 / 27.0;
    let linear = rgb.map(decode);
    let f = |row: usize| {
        let m = SRGB_TO_XYZ[row];
        let t = (m[0] * linear[0] + m[1] * linear[1] + m[2] * linear[2]) / D65_WHITE[row];
        if t > EPSILON {
            t.cbrt()
        } else {
            (KAPPA * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(0), f(1), f(2));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The hue angle of (a, b) in degrees, 0..360, and 0 for a neutral colour.
fn hue_degrees(a: f64, b: f64) -> f64 {
    if a == 0.0 && b == 0.0 {
        return 0.0;
    }
    b.atan2(a).to_degrees().rem_euclid(360.0)
}

/// The CIEDE2000 colour difference ΔE₀₀ between two CIELAB colours, with the
/// parametric factors kL = kC = kH = 1. About 1 is just noticeable; the
/// palette tests ask for at least 10 between neighbouring stances.
pub fn ciede2000(lab1: [f64; 3], lab2: [f64; 3]) -> f64 {
    const POW25_7: f64 = 6_103_515_625.0; // 25^7
    let [l1, a1, b1] = lab1;
    let [l2, a2, b2] = lab2;

    // Step 1: a' stretched for low chroma, then C' and h'.
    let chroma_mean = f64::midpoint(a1.hypot(b1), a2.hypot(b2));
    let chroma_mean_7 = chroma_mean.powi(7);
    let g = 0.5 * (1.0 - (chroma_mean_7 / (chroma_mean_7 + POW25_7)).sqrt());
    let a1_prime = (1.0 + g) * a1;
    let a2_prime = (1.0 + g) * a2;
    let chroma1 = a1_prime.hypot(b1);
    let chroma2 = a2_prime.hypot(b2);
    let hue1 = hue_degrees(a1_prime, b1);
    let hue2 = hue_degrees(a2_prime, b2);
    let neutral = chroma1 * chroma2 == 0.0;

    // Step 2: ΔL', ΔC', ΔH'.
    let delta_l = l2 - l1;
    let delta_c = chroma2 - chroma1;
    let delta_hue = if neutral {
        0.0
    } else if hue2 - hue1 > 180.0 {
        hue2 - hue1 - 360.0
    } else if hue2 - hue1 < -180.0 {
        hue2 - hue1 + 360.0
    } else {
        hue2 - hue1
    };
    let delta_h = 2.0 * (chroma1 * chroma2).sqrt() * (delta_hue / 2.0).to_radians().sin();

    // Step 3: the weighting functions and the rotation term.
    let l_mean = f64::midpoint(l1, l2);
    let c_mean = f64::midpoint(chroma1, chroma2);
    let h_mean = if neutral {
        hue1 + hue2
    } else if (hue1 - hue2).abs() <= 180.0 {
        f64::midpoint(hue1, hue2)
    } else if hue1 + hue2 < 360.0 {
        (hue1 + hue2 + 360.0) / 2.0
    } else {
        (hue1 + hue2 - 360.0) / 2.0
    };
    let cos_deg = |degrees: f64| degrees.to_radians().cos();
    let t = 1.0 - 0.17 * cos_deg(h_mean - 30.0)
        + 0.24 * cos_deg(2.0 * h_mean)
        + 0.32 * cos_deg(3.0 * h_mean + 6.0)
        - 0.20 * cos_deg(4.0 * h_mean - 63.0);
    let delta_theta = 30.0 * (-((h_mean - 275.0) / 25.0).powi(2)).exp();
    let c_mean_7 = c_mean.powi(7);
    let r_c = 2.0 * (c_mean_7 / (c_mean_7 + POW25_7)).sqrt();
    let l_offset = (l_mean - 50.0).powi(2);
    let s_l = 1.0 + 0.015 * l_offset / (20.0 + l_offset).sqrt();
    let s_c = 1.0 + 0.045 * c_mean;
    let s_h = 1.0 + 0.015 * c_mean * t;
    let r_t = -(2.0 * delta_theta).to_radians().sin() * r_c;

    let (dl, dc, dh) = (delta_l / s_l, delta_c / s_c, delta_h / s_h);
    (dl * dl + dc * dc + dh * dh + r_t * dc * dh).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sharma, Wu & Dalal (2005), Table 1: all 34 pairs, as
    /// `[L1, a1, b1, L2, a2, b2, ΔE00]`, the difference given to four decimals.
    /// (Also published as `ciede2000testdata.txt` with the paper's programs.)
    const SHARMA_2005: [[f64; 7]; 34] = [
        [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425],
        [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615],
        [50.0, 2.8361, -74.0200, 50.0, 0.0, -82.7485, 3.4412],
        [50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0000],
        [50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0000],
        [50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0000],
        [50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669],
        [50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669],
        [50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0009, 7.1792],
        [50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0010, 7.1792],
        [50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0011, 7.2195],
        [50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0012, 7.2195],
        [50.0, -0.0010, 2.4900, 50.0, 0.0009, -2.4900, 4.8045],
        [50.0, -0.0010, 2.4900, 50.0, 0.0010, -2.4900, 4.8045],
        [50.0, -0.0010, 2.4900, 50.0, 0.0011, -2.4900, 4.7461],
        [50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065],
        [50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492],
        [50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977],
        [50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.9030],
        [50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535],
        [50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0000],
        [50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0000],
        [50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0000],
        [50.0, 2.5, 0.0, 50.0, 3.2592, 0.3350, 1.0000],
        [
            60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644,
        ],
        [
            63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630,
        ],
        [61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731],
        [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
        [
            22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373,
        ],
        [36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
        [90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441],
        [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
        [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
        [2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082],
    ];

    #[test]
    fn ciede2000_matches_all_of_sharma_wu_and_dalals_test_pairs() {
        for (i, row) in SHARMA_2005.iter().enumerate() {
            let lab1 = [row[0], row[1], row[2]];
            let lab2 = [row[3], row[4], row[5]];
            let expected = row[6];
            let forward = ciede2000(lab1, lab2);
            let backward = ciede2000(lab2, lab1);
            assert!(
                (forward - expected).abs() < 5e-5,
                "pair {}: ΔE00 {forward:.6}, expected {expected}",
                i + 1
            );
            assert!(
                (forward - backward).abs() < 1e-9,
                "pair {} is not symmetric",
                i + 1
            );
        }
    }

    #[test]
    fn ciede2000_of_a_colour_with_itself_is_zero() {
        for lab in [
            [50.0, 0.0, 0.0],
            [30.0, 20.0, -40.0],
            to_lab([0xA5, 0x00, 0x26]),
        ] {
            assert!(ciede2000(lab, lab).abs() < 1e-12, "{lab:?}");
        }
    }

    fn assert_lab_near(rgb: [u8; 3], expected: [f64; 3], tolerance: f64) {
        let lab = to_lab(rgb);
        for (got, want) in lab.iter().zip(expected) {
            assert!(
                (got - want).abs() < tolerance,
                "{rgb:?} is {lab:?} in CIELAB, expected {expected:?}"
            );
        }
    }

    #[test]
    fn white_black_and_red_have_their_known_cielab_values() {
        assert_lab_near([255, 255, 255], [100.0, 0.0, 0.0], 1e-3);
        assert_lab_near([0, 0, 0], [0.0, 0.0, 0.0], 1e-9);
        // sRGB red in CIELAB (D65), as published to four decimals, e.g. by
        // Bruce Lindbloom's colour calculator: L* 53.2408, a* 80.0925, b* 67.2032.
        assert_lab_near([255, 0, 0], [53.2408, 80.0925, 67.2032], 1e-3);
        // Mid grey (sRGB 119) is close to L* 50.
        assert_lab_near([119, 119, 119], [50.0, 0.0, 0.0], 0.5);
    }

    #[test]
    fn simulation_leaves_greys_grey() {
        for d in Deficiency::ALL {
            for v in 0..=255 {
                assert_eq!(simulate([v, v, v], d), [v, v, v], "grey {v} under {d}");
            }
        }
    }

    #[test]
    fn the_protanopia_matrix_is_the_papers_severity_one_matrix() {
        // Machado, Oliveira & Fernandes (2009), protanopia at severity 1.0,
        // typed in again here so that an edit to `matrix` cannot pass unnoticed.
        let paper = [
            [0.152_286, 1.052_583, -0.204_868],
            [0.114_503, 0.786_281, 0.099_216],
            [-0.003_882, -0.048_116, 1.051_998],
        ];
        let matrix = Deficiency::Protanopia.matrix();
        for (row, (got, want)) in matrix.iter().zip(paper).enumerate() {
            for col in 0..3 {
                assert!(
                    (got[col] - want[col]).abs() < 1e-9,
                    "row {row}, column {col}: {} against the paper's {}",
                    got[col],
                    want[col]
                );
            }
        }
        // The matrix is applied the right way round: pure linear red comes out
        // as the matrix's first column.
        let column: [u8; 3] = [paper[0][0], paper[1][0], paper[2][0]].map(encode);
        assert_eq!(simulate([255, 0, 0], Deficiency::Protanopia), column);
        assert_eq!(column, [109, 95, 0]);
    }

    #[test]
    fn every_matrix_keeps_white_white() {
        for d in Deficiency::ALL {
            for (i, row) in d.matrix().iter().enumerate() {
                let sum: f64 = row.iter().sum();
                assert!((sum - 1.0).abs() < 2e-6, "{d} row {i} sums to {sum}");
            }
        }
    }

    #[test]
    fn red_and_green_collapse_for_red_green_deficiencies_but_not_tritanopia() {
        let (red, green) = ([255, 0, 0], [0, 255, 0]);
        let normal = ciede2000(to_lab(red), to_lab(green));
        let seen = |d| ciede2000(to_lab(simulate(red, d)), to_lab(simulate(green, d)));
        assert!(normal > 80.0, "{normal}");
        assert!(seen(Deficiency::Protanopia) < 0.6 * normal);
        assert!(seen(Deficiency::Deuteranopia) < 0.3 * normal);
        assert!(seen(Deficiency::Tritanopia) > 0.8 * normal);
        // Tritanopes confuse blue with green-blue: blue moves a long way.
        let blue = [0, 0, 255];
        let moved = ciede2000(to_lab(blue), to_lab(simulate(blue, Deficiency::Tritanopia)));
        assert!(moved > 20.0, "{moved}");
    }
}
