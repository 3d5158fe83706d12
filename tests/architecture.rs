//! The layers as docs/ARCHITECTURE.md draws them, checked on the source: each
//! top-level module of the app crate names only the modules below it. The core
//! crate's own rule (no egui) is kept by cargo: it has no egui to name; this
//! test also reads its manifest, and `.ci/run` checks its dependency tree.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot read the source tree should stop loudly"
)]

use std::collections::{BTreeMap, BTreeSet};
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

/// What follows each `crate::` in `text` that is this crate's path (not
/// `mycrate::…`).
fn after_crate(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("crate::").filter_map(|(at, _)| {
        let own = !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        own.then(|| &text[at + "crate::".len()..])
    })
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
    for rest in after_crate(text) {
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

/// The module path of a file under `src/` (`ui/map/mod.rs` is `ui::map`;
/// `lib.rs` and `main.rs` are the root, `[]`).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned()
        })
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// Every `crate::a::b::c` path in `text`, as its names (groups left out:
/// their first names are checked by [`crate_modules`]).
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for rest in after_crate(text) {
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        paths.push(
            path.split("::")
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    paths
}

/// The modules of `src/` and the modules each names (the longest prefix of
/// each path that is a module; its own ancestors left out, as a file may
/// always name the module it is part of).
fn module_graph(src: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = rust_files(src);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_path(src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let from = module_path(src, file);
        let text = code(&std::fs::read_to_string(file).expect("a source file reads"));
        let mut names = BTreeSet::new();
        for path in crate_paths(&text) {
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains(p));
            if let Some(target) = target
                && !from.starts_with(&target)
            {
                names.insert(target);
            }
        }
        graph
            .entry(from)
            .or_insert_with(BTreeSet::new)
            .extend(names);
    }
    graph
}

/// A circle of modules that name each other, if there is one.
fn circle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == node) {
            return Some(path[start..].iter().map(|p| p.join("::")).collect());
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_modules_name_each_other_in_a_circle_in_the_app_or_the_core() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (src, at_least) in [
        (root.join("src"), 60),
        (root.join("crates/coalition-core/src"), 20),
    ] {
        let graph = module_graph(&src);
        assert!(
            graph.len() > at_least,
            "{}: {} modules",
            src.display(),
            graph.len()
        );
        assert_eq!(circle(&graph), None, "{}", src.display());
    }
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let m = |p: &str| p.split("::").map(str::to_owned).collect::<Vec<_>>();
    let mut graph = BTreeMap::new();
    graph.insert(m("ui::map"), BTreeSet::from([m("ui::state")]));
    graph.insert(m("ui::state"), BTreeSet::from([m("ui::command")]));
    graph.insert(m("ui::command"), BTreeSet::new());
    assert_eq!(circle(&graph), None);
    graph.insert(m("ui::command"), BTreeSet::from([m("ui::map")]));
    let found = circle(&graph).expect("a circle");
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(
        crate_paths("use crate::ui::map::MapView; x(crate::theme::size::A)"),
        vec![m("ui::map::MapView"), m("theme::size::A")]
    );
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
