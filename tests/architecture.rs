//! The layers as docs/ARCHITECTURE.md draws them, checked on the source: each
//! top-level module of the app crate names only the modules below it. The core
//! crate's own rule (no egui) is kept by cargo: it has no egui to name; this
//! test also reads its manifest, and `.ci/run` checks its dependency tree.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot read the source tree should stop loudly"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module of `src/`, and the top-level modules it may name.
/// Top down: `app`, `cli`, `export`, `ui`, `theme`, `platform`, `bench_support`.
const ALLOWED: &[(&str, &[&str])] = &[
    (
        "app",
        &["bench_support", "cli", "export", "platform", "theme", "ui"],
    ),
    ("cli", &["app", "export", "platform", "theme", "ui"]),
    ("export", &["theme", "ui"]),
    ("ui", &["theme"]),
    ("theme", &[]),
    ("platform", &[]),
    ("bench_support", &[]),
];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("the source folder reads") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The code of `text` without comments (line comments and `//!`/`///` docs).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| line.split_once("//").map_or(line, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `text` names as `crate::name`, including the first
/// name of each item in a `crate::{a, b::c}` group.
fn crate_modules(text: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        // `mycrate::x` is another crate's path, not this one's.
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        names.insert(ident(&group[item_start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.insert(ident(&group[item_start..i]));
                        item_start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            names.insert(ident(rest));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The rule broken by a file of module `module` that names `names`, if any.
fn violations(module: &str, names: &BTreeSet<String>) -> Vec<String> {
    let Some((_, allowed)) = ALLOWED.iter().find(|(m, _)| *m == module) else {
        return vec![format!(
            "`{module}` is not in the layer table: add it to ALLOWED and docs/ARCHITECTURE.md"
        )];
    };
    let top_level: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    names
        .iter()
        .filter(|n| n.as_str() != module && top_level.contains(n.as_str()))
        .filter(|n| !allowed.contains(&n.as_str()))
        .map(|n| format!("`{module}` may not name `crate::{n}`"))
        .collect()
}

/// The top-level module a file under `src/` belongs to (`None` for the
/// crate's root files, `lib.rs` and `main.rs`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    if relative.components().count() == 1 {
        let stem = first.trim_end_matches(".rs");
        (stem != "lib" && stem != "main").then(|| stem.to_owned())
    } else {
        Some(first.into_owned())
    }
}

#[test]
fn each_module_of_the_app_names_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for file in rust_files(&src) {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a source file reads");
        for rule in violations(&module, &crate_modules(&code(&text))) {
            broken.push(format!("{}: {rule}", file.display()));
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn nothing_under_ui_or_export_names_the_app() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = rust_files(&src.join("ui"));
    files.extend(rust_files(&src.join("export")));
    assert!(files.len() > 20, "the ui and export folders are there");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file reads");
        let names = crate_modules(&code(&text));
        assert!(
            !names.contains("app") && !code(&text).contains("coalition_map::app"),
            "{} names the app",
            file.display()
        );
    }
}

#[test]
fn the_checker_finds_a_panel_that_imports_the_app() {
    // The rules above can fail: a file like this one would break them.
    let panel = "use crate::ui::command::Command;\nuse crate::{theme, app::CoalitionApp};\n";
    let names = crate_modules(&code(panel));
    assert_eq!(
        names,
        BTreeSet::from(["app".to_owned(), "theme".to_owned(), "ui".to_owned()])
    );
    assert_eq!(
        violations("ui", &names),
        vec!["`ui` may not name `crate::app`".to_owned()]
    );
    // A comment that names the app is not an import, nor is another crate's path.
    assert!(crate_modules(&code("// see crate::app\n")).is_empty());
    assert!(crate_modules("use mycrate::app;").is_empty());
}

#[test]
fn the_core_crate_depends_on_no_user_interface() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/coalition-core/Cargo.toml");
    let text = std::fs::read_to_string(&manifest).expect("the core's manifest reads");
    let dependencies: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("[dependencies]"))
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split_once('=').map(|(name, _)| name.trim()))
        .collect();
    assert!(dependencies.contains(&"serde"), "{dependencies:?}");
    for ui in [
        "egui",
        "eframe",
        "wgpu",
        "winit",
        "egui_plot",
        "rfd",
        "resvg",
    ] {
        assert!(!dependencies.contains(&ui), "the core depends on {ui}");
    }
}
