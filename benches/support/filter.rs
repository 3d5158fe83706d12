//! The benchmarks' name filter: `cargo bench --bench NAME -- WORD` runs only
//! the cases whose name has WORD in it (several words: any of them).

/// Whether the command line asks for the case `name`.
pub fn wanted(name: &str) -> bool {
    let words: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    words.is_empty() || words.iter().any(|w| name.contains(w.as_str()))
}
