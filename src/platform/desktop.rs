//! Desktop integration on Linux and other freedesktop.org systems: a menu
//! entry, the `*.coalition` file type and the app icon, so that users can
//! double-click a scenario file to open it in Coalition Map.
//!
//! [`install`] writes four files under the user's data directory
//! (`$XDG_DATA_HOME`, by default `~/.local/share`):
//!
//! - `applications/coalition-map.desktop`, the menu entry, whose `Exec` line
//!   runs this executable on the double-clicked file;
//! - `mime/packages/coalition-map.xml`, which defines the
//!   `application/x-coalition-map` type for `*.coalition` files;
//! - `icons/hicolor/256x256/apps/coalition-map.png` and
//!   `icons/hicolor/scalable/apps/coalition-map.svg`, the icon.
//!
//! It then refreshes the MIME and desktop databases and makes Coalition Map
//! the default application for the type, with `update-mime-database`,
//! `update-desktop-database` and `xdg-mime`. Those tools are a best effort: if
//! one is missing or fails, the files are still in place and a note says so.
//! [`uninstall`] removes the four files and refreshes the databases again.
//!
//! The module has no egui in it; the files it writes are embedded in the
//! binary from `assets/desktop/`.

use std::ffi::{OsStr, OsString};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The file type of scenario files.
pub const MIME_TYPE: &str = "application/x-coalition-map";

/// The menu entry's file name, which `xdg-mime` uses to name the default
/// application.
pub const DESKTOP_FILE_NAME: &str = "coalition-map.desktop";

/// The menu entry's `Exec` line as the Debian package installs it, running
/// `coalition-map` from the `PATH`; [`desktop_entry`] puts this executable's
/// absolute path in its place.
const PACKAGED_EXEC_LINE: &str = "Exec=coalition-map %f";

/// The menu entry, as the Debian package installs it (the file is one of its
/// assets): its `Exec` line is [`PACKAGED_EXEC_LINE`].
pub const DESKTOP_TEMPLATE: &str = include_str!("../../assets/desktop/coalition-map.desktop");
/// The shared-mime-info package that defines [`MIME_TYPE`].
pub const MIME_XML: &str = include_str!("../../assets/desktop/coalition-map-mime.xml");
/// The app icon, scalable.
pub const ICON_SVG: &str = include_str!("../../assets/desktop/coalition-map.svg");
/// The app icon, 256×256 pixels, rendered from [`ICON_SVG`].
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/desktop/coalition-map.png");

/// Where the desktop files go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DesktopPaths {
    /// The user's data directory: `$XDG_DATA_HOME`, or `~/.local/share`.
    pub data_home: PathBuf,
    /// The user's configuration directory: `$XDG_CONFIG_HOME`, or
    /// `~/.config`. `xdg-mime default` records the default application in
    /// its `mimeapps.list`.
    pub config_home: PathBuf,
}

impl DesktopPaths {
    /// The user's directories, from `XDG_DATA_HOME`, `XDG_CONFIG_HOME` and
    /// `HOME`, as the XDG Base Directory specification says.
    pub fn from_env() -> Result<Self, DesktopError> {
        Self::from_lookup(|name| std::env::var_os(name))
    }

    /// Like [`DesktopPaths::from_env`], but reads each variable with `var`.
    /// An XDG variable that is unset, empty or relative is ignored, as the
    /// specification says; `HOME` is then needed, and must be absolute.
    pub fn from_lookup(var: impl Fn(&str) -> Option<OsString>) -> Result<Self, DesktopError> {
        let absolute = |name: &str| {
            var(name)
                .map(PathBuf::from)
                .filter(|path| path.is_absolute())
        };
        let home = || absolute("HOME").ok_or(DesktopError::NoHome);
        let data_home = match absolute("XDG_DATA_HOME") {
            Some(path) => path,
            None => home()?.join(".local").join("share"),
        };
        let config_home = match absolute("XDG_CONFIG_HOME") {
            Some(path) => path,
            None => home()?.join(".config"),
        };
        Ok(Self {
            data_home,
            config_home,
        })
    }

    /// `applications/`, where menu entries go.
    pub fn applications_dir(&self) -> PathBuf {
        self.data_home.join("applications")
    }

    /// `mime/`, the user's shared-mime-info database.
    pub fn mime_dir(&self) -> PathBuf {
        self.data_home.join("mime")
    }

    /// The menu entry.
    pub fn desktop_file(&self) -> PathBuf {
        self.applications_dir().join(DESKTOP_FILE_NAME)
    }

    /// The shared-mime-info package for `*.coalition` files.
    pub fn mime_package(&self) -> PathBuf {
        self.mime_dir().join("packages").join("coalition-map.xml")
    }

    /// The 256×256 icon.
    pub fn icon_png(&self) -> PathBuf {
        self.data_home
            .join("icons/hicolor/256x256/apps")
            .join("coalition-map.png")
    }

    /// The scalable icon.
    pub fn icon_svg(&self) -> PathBuf {
        self.data_home
            .join("icons/hicolor/scalable/apps")
            .join("coalition-map.svg")
    }

    /// Every file that [`install`] writes, in the order it writes them.
    pub fn files(&self) -> [PathBuf; 4] {
        [
            self.desktop_file(),
            self.mime_package(),
            self.icon_png(),
            self.icon_svg(),
        ]
    }
}

/// Why the desktop integration could not be installed or removed.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    /// Neither the XDG variables nor `HOME` say where the user's files go.
    #[error(
        "cannot find your home directory: HOME is not set to an absolute path \
         (and XDG_DATA_HOME or XDG_CONFIG_HOME does not say where to go instead)"
    )]
    NoHome,
    /// The executable's path cannot be made absolute.
    #[error("cannot make the executable path {} absolute: {source}", path.display())]
    ExePath { path: PathBuf, source: io::Error },
    /// A desktop entry is UTF-8 text, so it cannot name this executable.
    #[error(
        "the executable path {} is not valid UTF-8, so a desktop entry cannot name it",
        path.display()
    )]
    NonUtf8Exe { path: PathBuf },
    /// A directory could not be created.
    #[error("cannot create the directory {}: {source}", path.display())]
    CreateDir { path: PathBuf, source: io::Error },
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    /// A file could not be removed.
    #[error("cannot remove {}: {source}", path.display())]
    Remove { path: PathBuf, source: io::Error },
}

/// Installs the menu entry, the file type and the icon for the executable
/// `exe` (made absolute if it is not), then refreshes the desktop databases
/// and makes Coalition Map the default application for `*.coalition` files.
///
/// Returns the files written. Running it again rewrites the same files.
/// Missing or failing database tools are reported on standard error and do
/// not make it fail; see [`install_reporting`] to send those notes elsewhere.
pub fn install(paths: &DesktopPaths, exe: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    install_reporting(paths, exe, &mut io::stderr())
}

/// [`install`], writing its notes about the database tools to `notes`.
pub fn install_reporting(
    paths: &DesktopPaths,
    exe: &Path,
    notes: &mut dyn Write,
) -> Result<Vec<PathBuf>, DesktopError> {
    let desktop_entry = desktop_entry(exe)?;
    let contents: [(PathBuf, &[u8]); 4] = [
        (paths.desktop_file(), desktop_entry.as_bytes()),
        (paths.mime_package(), MIME_XML.as_bytes()),
        (paths.icon_png(), ICON_PNG),
        (paths.icon_svg(), ICON_SVG.as_bytes()),
    ];
    let mut written = Vec::with_capacity(contents.len());
    for (path, bytes) in contents {
        write_file(&path, bytes)?;
        written.push(path);
    }
    refresh_databases(paths, notes);
    run_tool(
        paths,
        "xdg-mime",
        &[
            OsStr::new("default"),
            OsStr::new(DESKTOP_FILE_NAME),
            OsStr::new(MIME_TYPE),
        ],
        notes,
    );
    Ok(written)
}

/// Removes the files that [`install`] writes, then refreshes the desktop
/// databases. Returns the files removed; files already gone are skipped, so
/// uninstalling when nothing is installed succeeds and returns nothing.
/// Notes about the database tools go to standard error; see
/// [`uninstall_reporting`] to send them elsewhere.
pub fn uninstall(paths: &DesktopPaths) -> Result<Vec<PathBuf>, DesktopError> {
    uninstall_reporting(paths, &mut io::stderr())
}

/// [`uninstall`], writing its notes about the database tools to `notes`.
pub fn uninstall_reporting(
    paths: &DesktopPaths,
    notes: &mut dyn Write,
) -> Result<Vec<PathBuf>, DesktopError> {
    let mut removed = Vec::new();
    for path in paths.files() {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(DesktopError::Remove { path, source }),
        }
    }
    refresh_databases(paths, notes);
    Ok(removed)
}

/// The menu entry for `exe`: the packaged entry with its `Exec` line running
/// `exe` by its absolute path.
pub fn desktop_entry(exe: &Path) -> Result<String, DesktopError> {
    let exe = std::path::absolute(exe).map_err(|source| DesktopError::ExePath {
        path: exe.to_path_buf(),
        source,
    })?;
    let Some(text) = exe.to_str() else {
        return Err(DesktopError::NonUtf8Exe { path: exe });
    };
    let exec = format!("Exec={} %f", exec_argument(text));
    Ok(DESKTOP_TEMPLATE
        .lines()
        .map(|line| {
            if line == PACKAGED_EXEC_LINE {
                exec.as_str()
            } else {
                line
            }
        })
        .fold(String::new(), |mut entry, line| {
            entry.push_str(line);
            entry.push('\n');
            entry
        }))
}

/// `arg` as one argument of a desktop entry's `Exec` key, as the Desktop
/// Entry specification says: `%` doubled; quoted if it holds a reserved
/// character, with `"`, `` ` ``, `$` and `\` escaped inside the quotes; then
/// escaped as a string value (`\` doubled; newline, tab and carriage return
/// as `\n`, `\t`, `\r`), so that `$` ends up as `\\$` and a literal
/// backslash as four.
///
/// `GLib` (`gio launch`, GNOME) runs such entries whatever the characters,
/// except `%`: it looks for the program before undoing `%%`. Debian 12's
/// `xdg-open`, outside a desktop environment, splits `Exec` at spaces without
/// reading quotes, so it cannot run a program whose path has a space in it.
pub fn exec_argument(arg: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '\n', '\r', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#',
        '`', '(', ')',
    ];
    let arg = arg.replace('%', "%%");
    let quoted = if arg.is_empty() || arg.contains(RESERVED) {
        let mut quoted = String::with_capacity(arg.len() + 2);
        quoted.push('"');
        for c in arg.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        arg
    };
    let mut escaped = String::with_capacity(quoted.len());
    for c in quoted.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push_str("\\t"),
            '\r' => escaped.push_str("\\r"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// so that a reader never sees half a file.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), DesktopError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| DesktopError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut temp_name = OsString::from(".");
    temp_name.push(
        path.file_name()
            .unwrap_or_else(|| OsStr::new("coalition-map")),
    );
    temp_name.push(".tmp");
    let temp = path.with_file_name(temp_name);
    let result = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    result.map_err(|source| {
        let _ = std::fs::remove_file(&temp);
        DesktopError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Runs `update-mime-database` and `update-desktop-database` on the user's
/// directories that exist.
fn refresh_databases(paths: &DesktopPaths, notes: &mut dyn Write) {
    let mime_dir = paths.mime_dir();
    if mime_dir.is_dir() {
        run_tool(
            paths,
            "update-mime-database",
            &[mime_dir.as_os_str()],
            notes,
        );
    }
    let applications_dir = paths.applications_dir();
    if applications_dir.is_dir() {
        run_tool(
            paths,
            "update-desktop-database",
            &[applications_dir.as_os_str()],
            notes,
        );
    }
}

/// Runs a database tool with the XDG directories of `paths`, as a best
/// effort: if it is missing or fails, writes a note to `notes`.
fn run_tool(paths: &DesktopPaths, program: &str, args: &[&OsStr], notes: &mut dyn Write) {
    let output = Command::new(program)
        .args(args)
        .env("XDG_DATA_HOME", &paths.data_home)
        .env("XDG_CONFIG_HOME", &paths.config_home)
        .stdin(Stdio::null())
        .output();
    let shown = || {
        let mut line = program.to_owned();
        for arg in args {
            line.push(' ');
            line.push_str(&arg.to_string_lossy());
        }
        line
    };
    match output {
        Ok(output) if output.status.success() => {}
        Ok(output) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let _ = writeln!(
                notes,
                "note: `{}` failed ({}){}{}",
                shown(),
                output.status,
                if stderr.trim().is_empty() { "" } else { ": " },
                stderr.trim()
            );
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let _ = writeln!(
                notes,
                "note: {program} is not installed; skipped `{}`",
                shown()
            );
        }
        Err(err) => {
            let _ = writeln!(notes, "note: could not run `{}`: {err}", shown());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_are_not_quoted() {
        assert_eq!(
            exec_argument("/usr/bin/coalition-map"),
            "/usr/bin/coalition-map"
        );
        assert_eq!(exec_argument("/opt/a=b/c,d+e"), "/opt/a=b/c,d+e");
    }

    #[test]
    fn reserved_characters_are_quoted_and_escaped() {
        // Each escape in the quotes is then escaped again as a string value:
        // `\$` in the quotes is `\\$` in the file, a backslash is four.
        assert_eq!(exec_argument("/opt/My Apps/cm"), r#""/opt/My Apps/cm""#);
        assert_eq!(exec_argument("/a/it's"), r#""/a/it's""#);
        assert_eq!(exec_argument("/a/$HOME"), r#""/a/\\$HOME""#);
        assert_eq!(exec_argument(r#"/a/"q""#), r#""/a/\\"q\\"""#);
        assert_eq!(exec_argument("/a/`x`"), r#""/a/\\`x\\`""#);
        assert_eq!(exec_argument(r"/a\b"), r#""/a\\\\b""#);
        assert_eq!(exec_argument("/a\nb\tc"), r#""/a\nb\tc""#);
        assert_eq!(exec_argument(""), r#""""#);
    }

    #[test]
    fn percent_signs_are_doubled() {
        assert_eq!(exec_argument("/opt/100%/cm"), "/opt/100%%/cm");
        assert_eq!(exec_argument("/opt/100 %/cm"), "\"/opt/100 %%/cm\"");
    }

    /// The icon at the hicolor theme's sizes, committed beside the SVG (the
    /// Debian package installs them): each is the SVG as resvg renders it at
    /// that size. `UPDATE_ICONS=1 cargo test -- icons` renders them again
    /// after the SVG changes.
    #[test]
    fn the_icons_at_each_size_are_the_svg_rendered_at_that_size() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/desktop");
        let options = resvg::usvg::Options::default();
        let tree = resvg::usvg::Tree::from_str(ICON_SVG, &options).expect("the icon's SVG");
        let update = std::env::var_os("UPDATE_ICONS").is_some();
        for size in [16_u32, 32, 48, 64, 128, 256] {
            let path = if size == 256 {
                dir.join("coalition-map.png")
            } else {
                dir.join("icons").join(format!("{size}.png"))
            };
            let mut rendered = tiny_skia::Pixmap::new(size, size).expect("a pixmap");
            let scale = size as f32 / tree.size().width();
            resvg::render(
                &tree,
                tiny_skia::Transform::from_scale(scale, scale),
                &mut rendered.as_mut(),
            );
            if update {
                std::fs::write(&path, rendered.encode_png().expect("png")).expect("write");
            }
            let committed = std::fs::read(&path).expect("the committed icon");
            let committed = tiny_skia::Pixmap::decode_png(&committed).expect("a PNG");
            assert_eq!(
                (committed.width(), committed.height()),
                (size, size),
                "{}",
                path.display()
            );
            let differing = committed
                .data()
                .iter()
                .zip(rendered.data())
                .filter(|(a, b)| a.abs_diff(**b) > 8)
                .count();
            assert!(
                differing * 100 <= rendered.data().len(),
                "{} differs from the SVG rendered at {size} px in {differing} of {} bytes; \
                 UPDATE_ICONS=1 cargo test -- icons renders it again",
                path.display(),
                rendered.data().len()
            );
        }
    }

    #[test]
    fn the_packaged_entry_runs_coalition_map_from_the_path_on_the_file() {
        let exec: Vec<&str> = DESKTOP_TEMPLATE
            .lines()
            .filter(|line| line.starts_with("Exec="))
            .collect();
        assert_eq!(exec, [PACKAGED_EXEC_LINE]);
    }

    #[test]
    fn the_entry_runs_the_absolute_executable_on_the_file() {
        let entry = desktop_entry(Path::new("/opt/Coalition Map/coalition-map"));
        let entry = entry.unwrap_or_default();
        assert!(
            entry
                .lines()
                .any(|line| line == "Exec=\"/opt/Coalition Map/coalition-map\" %f"),
            "{entry}"
        );
        assert_eq!(entry.matches("Exec=").count(), 1, "{entry}");
        let relative = desktop_entry(Path::new("bin/coalition-map")).unwrap_or_default();
        let exec = relative
            .lines()
            .find_map(|line| line.strip_prefix("Exec="))
            .unwrap_or_default();
        assert!(exec.starts_with('/') || exec.starts_with("\"/"), "{exec}");
    }

    #[test]
    fn directories_follow_the_base_directory_spec() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| OsString::from(value))
            }
        };
        let paths = DesktopPaths::from_lookup(vars(&[("HOME", "/home/ada")]));
        assert_eq!(
            paths.ok(),
            Some(DesktopPaths {
                data_home: "/home/ada/.local/share".into(),
                config_home: "/home/ada/.config".into(),
            })
        );
        let paths = DesktopPaths::from_lookup(vars(&[
            ("HOME", "/home/ada"),
            ("XDG_DATA_HOME", "/data"),
            ("XDG_CONFIG_HOME", "relative/is/ignored"),
        ]));
        assert_eq!(
            paths.ok(),
            Some(DesktopPaths {
                data_home: "/data".into(),
                config_home: "/home/ada/.config".into(),
            })
        );
        let paths = DesktopPaths::from_lookup(vars(&[
            ("XDG_DATA_HOME", "/data"),
            ("XDG_CONFIG_HOME", "/config"),
        ]));
        assert!(paths.is_ok());
        let paths = DesktopPaths::from_lookup(vars(&[("HOME", "")]));
        assert!(matches!(paths, Err(DesktopError::NoHome)));
    }
}
