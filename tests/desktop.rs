//! Desktop integration: install into a private data directory, check every
//! file, reinstall, uninstall.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up its directory should stop there"
)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use coalition_map::platform::desktop::{self, DesktopError, DesktopPaths};

/// The fake executable: never run, and its directory has a space in it.
const EXE: &str = "/opt/Coalition Map/bin/coalition-map";

/// A unique directory under the system's temporary directory, removed when
/// dropped.
struct TempHome {
    root: PathBuf,
}

impl TempHome {
    fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let root = std::env::temp_dir().join(format!(
            "coalition-map-desktop-{name}-{}-{nanos}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&root).expect("create the temporary directory");
        Self { root }
    }

    fn paths(&self) -> DesktopPaths {
        DesktopPaths {
            data_home: self.root.join("data"),
            config_home: self.root.join("config"),
        }
    }
}

impl Drop for TempHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn install_quietly(paths: &DesktopPaths) -> Vec<PathBuf> {
    let mut notes = Vec::new();
    match desktop::install_reporting(paths, Path::new(EXE), &mut notes) {
        Ok(files) => files,
        Err(err) => panic!("install failed: {err}"),
    }
}

#[test]
fn install_writes_every_file_with_its_content() {
    let home = TempHome::new("install");
    let paths = home.paths();
    let written = desktop::install(&paths, Path::new(EXE)).expect("install");

    let data = &paths.data_home;
    assert_eq!(
        written,
        vec![
            data.join("applications/coalition-map.desktop"),
            data.join("mime/packages/coalition-map.xml"),
            data.join("icons/hicolor/256x256/apps/coalition-map.png"),
            data.join("icons/hicolor/scalable/apps/coalition-map.svg"),
        ]
    );
    for file in &written {
        assert!(file.is_file(), "{} is missing", file.display());
    }

    let entry = read(&written[0]);
    let lines: Vec<&str> = entry.lines().collect();
    assert_eq!(lines.first(), Some(&"[Desktop Entry]"));
    for line in [
        "Exec=\"/opt/Coalition Map/bin/coalition-map\" %f",
        "Name=Coalition Map",
        "GenericName=Coalition explorer",
        "Icon=coalition-map",
        "Terminal=false",
        "Type=Application",
        "Categories=Education;Science;",
        "MimeType=application/x-coalition-map;",
    ] {
        assert!(lines.contains(&line), "no line {line:?} in\n{entry}");
    }
    assert!(lines.iter().any(|line| line.starts_with("Comment=")));
    assert!(!entry.contains("@EXEC@"), "{entry}");
    let exec = lines
        .iter()
        .find_map(|line| line.strip_prefix("Exec="))
        .unwrap_or_default();
    assert!(exec.ends_with(" %f"), "{exec}");

    let mime = read(&written[1]);
    assert!(mime.contains("<mime-type type=\"application/x-coalition-map\">"));
    assert!(mime.contains("<glob pattern=\"*.coalition\"/>"), "{mime}");
    assert!(mime.contains("<sub-class-of type=\"application/json\"/>"));
    assert!(mime.contains("<comment>Coalition Map scenario</comment>"));

    let png = std::fs::read(&written[2]).expect("read the PNG icon");
    assert_eq!(png, desktop::ICON_PNG);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    // The IHDR chunk: 256×256 pixels.
    assert_eq!(png.get(16..24), Some(&[0, 0, 1, 0, 0, 0, 1, 0][..]));

    let svg = read(&written[3]);
    assert_eq!(svg, desktop::ICON_SVG);
    assert!(svg.contains("<svg"));

    // When the freedesktop tools are here, they accept the files.
    if let Ok(output) = std::process::Command::new("desktop-file-validate")
        .arg(&written[0])
        .output()
    {
        // Hints are fine: the brief's two main categories earn one.
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && !report.contains("error:") && !report.contains("warning:"),
            "desktop-file-validate: {report}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let globs = data.join("mime/globs2");
    if globs.is_file() {
        assert!(
            read(&globs).contains("application/x-coalition-map:*.coalition"),
            "update-mime-database did not register the glob"
        );
    }
    assert!(
        !paths.config_home.exists() || paths.config_home.starts_with(&home.root),
        "xdg-mime wrote outside the private directory"
    );
}

#[test]
fn awkward_executable_paths_make_valid_entries() {
    let home = TempHome::new("awkward");
    let paths = home.paths();
    let exe = r#"/opt/it's "odd" $HOME \ `x` (1);#~/coalition-map"#;
    let mut notes = Vec::new();
    desktop::install_reporting(&paths, Path::new(exe), &mut notes).expect("install");
    let entry = read(&paths.desktop_file());
    assert!(
        entry.lines().any(|line| line
            == r#"Exec="/opt/it's \\"odd\\" \\$HOME \\\\ \\`x\\` (1);#~/coalition-map" %f"#),
        "{entry}"
    );
    if let Ok(output) = std::process::Command::new("desktop-file-validate")
        .arg(paths.desktop_file())
        .output()
    {
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && !report.contains("error:"),
            "desktop-file-validate: {report}"
        );
    }
}

#[test]
fn reinstalling_rewrites_the_same_files() {
    let home = TempHome::new("reinstall");
    let paths = home.paths();
    let first = install_quietly(&paths);
    let contents: Vec<Vec<u8>> = first
        .iter()
        .map(|f| std::fs::read(f).expect("read an installed file"))
        .collect();
    let second = install_quietly(&paths);
    assert_eq!(first, second);
    for (file, before) in second.iter().zip(&contents) {
        assert_eq!(&std::fs::read(file).expect("read again"), before);
        // No temporary files are left beside it.
        let dir = file.parent().expect("a file has a directory");
        for entry in std::fs::read_dir(dir).expect("list the directory") {
            let name = entry.expect("a directory entry").file_name();
            assert!(
                !name.to_string_lossy().ends_with(".tmp"),
                "{name:?} left in {}",
                dir.display()
            );
        }
    }
}

#[test]
fn uninstalling_removes_every_file() {
    let home = TempHome::new("uninstall");
    let paths = home.paths();
    let written = install_quietly(&paths);
    let mut notes = Vec::new();
    let removed = desktop::uninstall_reporting(&paths, &mut notes).expect("uninstall");
    assert_eq!(removed, written);
    for file in &written {
        assert!(!file.exists(), "{} is still there", file.display());
    }
    assert_eq!(
        desktop::uninstall(&paths).expect("uninstall again"),
        Vec::<PathBuf>::new()
    );
}

#[test]
fn uninstalling_nothing_is_not_an_error() {
    let home = TempHome::new("nothing");
    let removed = desktop::uninstall(&home.paths()).expect("uninstall nothing");
    assert!(removed.is_empty());
}

#[test]
fn errors_name_the_path() {
    let home = TempHome::new("errors");
    // A file where the applications directory should be.
    let paths = home.paths();
    std::fs::create_dir_all(&paths.data_home).expect("create the data directory");
    std::fs::write(paths.applications_dir(), b"not a directory").expect("write a blocker");
    let mut notes = Vec::new();
    let err = desktop::install_reporting(&paths, Path::new(EXE), &mut notes)
        .expect_err("cannot install over a file");
    assert!(matches!(err, DesktopError::CreateDir { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains(&paths.applications_dir().display().to_string()),
        "{message}"
    );
}
