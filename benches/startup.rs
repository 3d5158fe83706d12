//! Cold start, idle CPU and peak memory: `cargo bench --bench startup`
//! (Linux, with `Xvfb`; `xdotool` for the pointer part of the idle check).
//!
//! Cargo builds the release app for this benchmark (it is the package's
//! binary); the bare eframe window it is compared with is this benchmark
//! itself, started again with [`ROLE`] set (`support/bare_window.rs`). Both
//! run on a private `Xvfb` display started here, with their own data folders
//! under a temporary directory, so neither the desktop nor earlier sessions
//! change the numbers.
//!
//! - **Startup**: for the built-in Paris 2014 scenario and for a world
//!   scenario written by `coalition-map generate`, `RUNS` rounds, each
//!   starting the bare window and the app one after the other (which goes
//!   first alternates), after two warm-up rounds. Each process reports its
//!   first painted frame and closes (`coalition_map::bench_support`).
//!   Reported: medians of spawn-to-exit wall time and of spawn-to-first-frame
//!   (the process's report against the spawn time given to it), and their
//!   ratio app/bare against the target 1.3; peak memory (`VmHWM`) at the
//!   first frame.
//! - **Idle**: the app on each scenario, printing a line per painted frame.
//!   Once it has settled (no frame begun for 3 s), 10 s without input:
//!   frames painted, CPU time (`utime + stime` from `/proc/<pid>/stat`) and
//!   context switches (all threads), and what egui recorded as asking for
//!   any frame; then the pointer moves across the map, and once settled
//!   again another 10 s idle; then a click into the search field, and once
//!   settled 10 s idle with its text cursor showing. `VmHWM` at the end.
//!
//! Arguments (after `--`): `startup` and/or `idle` to run only those parts.
//! Environment: `STARTUP_BENCH_RUNS` (default 15).

#![allow(
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]

#[path = "support/bare_window.rs"]
mod bare_window;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant, SystemTime};

use coalition_map::bench_support::{self, FIRST_FRAME_TAG, FRAME_TAG, Probe};

/// Set to `bare-window` in the environment of the bare window's process.
const ROLE: &str = "COALITION_MAP_STARTUP_BENCH_ROLE";

/// The release app, built by cargo for this benchmark.
const APP: &str = env!("CARGO_BIN_EXE_coalition-map");

const DEFAULT_RUNS: usize = 15;
const WARM_UP_ROUNDS: usize = 2;
const TARGET_RATIO: f64 = 1.3;
/// How long a process may take to paint its first frame before the benchmark gives up.
const TIMEOUT: Duration = Duration::from_mins(2);
/// The app has settled when it has begun no frame for this long.
const QUIET: Duration = Duration::from_secs(3);
/// How long to wait for that before measuring anyway.
const SETTLE_MAX: Duration = Duration::from_secs(90);
/// The same with a text field in focus (its cursor blinks for 10 s).
const SETTLE_TEXT_MAX: Duration = Duration::from_secs(30);
const IDLE: Duration = Duration::from_secs(10);

fn main() -> std::process::ExitCode {
    // First, as in the app's own `main`.
    let probe = Probe::from_env();
    if std::env::var(ROLE).is_ok_and(|role| role == "bare-window") {
        return bare_window::run(probe);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let wanted = |part: &str| {
        let parts: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        parts.is_empty() || parts.iter().any(|a| *a == part)
    };
    let runs = std::env::var("STARTUP_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_RUNS);

    let bench = Bench::set_up();
    println!(
        "machine: {} logical cores; release build; private Xvfb {} at 1280x800x24",
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        bench.display
    );
    println!("app: {APP}");
    println!("scratch: {}", bench.dir.display());
    let scenarios = [
        ("Paris 2014 (built in)", None),
        ("world (generated)", Some(bench.world.clone())),
    ];
    if wanted("startup") {
        for (name, file) in &scenarios {
            bench.startup(name, file.as_deref(), runs);
        }
    }
    if wanted("idle") {
        for (name, file) in &scenarios {
            bench.idle(name, file.as_deref());
        }
    }
    std::process::ExitCode::SUCCESS
}

/// The private display and the scratch folder; both go away on drop.
struct Bench {
    xvfb: Child,
    display: String,
    dir: PathBuf,
    world: PathBuf,
    bare: PathBuf,
}

impl Drop for Bench {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Which process to start.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bare,
    App,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Bare => "bare",
            Kind::App => "app",
        }
    }
}

/// One start to the first frame and exit.
struct StartRun {
    /// Spawn to exit, as the benchmark saw it.
    wall: Duration,
    /// Spawn to the first painted frame, as the process reported it.
    spawn_to_frame_ms: f64,
    /// `main` to the first painted frame.
    main_to_frame_ms: f64,
    /// `main` to eframe asking for the app (window and GPU set up).
    create_at_ms: f64,
    /// Building the app.
    create_ms: f64,
    /// The app's UI code in the first frame.
    first_ui_ms: f64,
    vm_hwm_kb: u64,
}

impl Bench {
    fn set_up() -> Self {
        let dir = std::env::temp_dir().join(format!(
            "coalition-map-startup-bench-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(dir.join("runtime")).expect("a scratch folder");
        private_dir(&dir.join("runtime"));

        // -displayfd: Xvfb picks a free display and writes its number to stdout.
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
            ])
            .arg("tcp")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (this benchmark needs it: apt-get install xvfb)");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().expect("Xvfb's stdout"))
            .read_line(&mut line)
            .expect("Xvfb's display number");
        let display = format!(":{}", line.trim());

        let world = dir.join("world.coalition");
        let status = Command::new(APP)
            .arg("generate")
            .arg("--out")
            .arg(&world)
            .stdout(Stdio::null())
            .status()
            .expect("coalition-map generate");
        assert!(status.success(), "coalition-map generate failed");
        let bare = std::env::current_exe().expect("this benchmark's path");
        Self {
            xvfb,
            display,
            dir,
            world,
            bare,
        }
    }

    /// A process of `kind` (on `file`, for the app) on the private display,
    /// with its own data folder; `probe` holds the bench variables to set.
    fn command(&self, kind: Kind, file: Option<&Path>, probe: &[(&str, String)]) -> Command {
        let mut command = match kind {
            Kind::Bare => {
                let mut c = Command::new(&self.bare);
                c.env(ROLE, "bare-window");
                c
            }
            Kind::App => {
                let mut c = Command::new(APP);
                c.args(file);
                c
            }
        };
        command
            .env("DISPLAY", &self.display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_RUNTIME_DIR", self.dir.join("runtime"))
            .env(
                "XDG_DATA_HOME",
                self.dir.join(format!("data-{}", kind.name())),
            )
            .env("XDG_CONFIG_HOME", self.dir.join("config"))
            .env("XDG_CACHE_HOME", self.dir.join("cache"))
            .env_remove(bench_support::EXIT_AFTER_FIRST_FRAME)
            .env_remove(bench_support::LOG_FRAMES)
            .envs(probe.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(self.dir.join(format!("{}.log", kind.name())))
                    .expect("a log file"),
            ));
        command
    }

    /// Starts `kind`, waits for its first frame and its exit.
    fn start_once(&self, kind: Kind, file: Option<&Path>) -> StartRun {
        let spawned_at = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .expect("a clock after 1970")
            .as_nanos();
        let mut command = self.command(
            kind,
            file,
            &[
                (bench_support::EXIT_AFTER_FIRST_FRAME, "1".into()),
                (bench_support::SPAWNED_AT, spawned_at.to_string()),
            ],
        );
        let start = Instant::now();
        let mut child = command.spawn().expect("the process starts");
        let mut stdout = child.stdout.take().expect("its stdout");
        let pid = child.id();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let status = child.wait();
            let _ = sender.send((status, Instant::now()));
        });
        let Ok((status, exited)) = receiver.recv_timeout(TIMEOUT) else {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!(
                "{} did not paint and exit within {TIMEOUT:?}; see {}",
                kind.name(),
                self.dir.display()
            );
        };
        let status = status.expect("the process ran");
        let mut out = String::new();
        stdout.read_to_string(&mut out).expect("its output");
        assert!(
            status.success(),
            "{} exited with {status}: {out}",
            kind.name()
        );
        let line = out
            .lines()
            .find(|l| l.starts_with(FIRST_FRAME_TAG))
            .unwrap_or_else(|| panic!("{} did not report a first frame: {out}", kind.name()));
        let field = |name: &str| -> f64 {
            line.split_whitespace()
                .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN)
        };
        StartRun {
            wall: exited - start,
            spawn_to_frame_ms: field("spawn_ms"),
            main_to_frame_ms: field("main_ms"),
            create_at_ms: field("create_at_ms"),
            create_ms: field("create_ms"),
            first_ui_ms: field("first_ui_ms"),
            vm_hwm_kb: field("vm_hwm_kb") as u64,
        }
    }

    fn startup(&self, name: &str, file: Option<&Path>, runs: usize) {
        println!();
        println!(
            "startup, {name}: {runs} rounds of bare window + app, after {WARM_UP_ROUNDS} warm-up rounds"
        );
        for _ in 0..WARM_UP_ROUNDS {
            self.start_once(Kind::Bare, None);
            self.start_once(Kind::App, file);
        }
        let mut bare = Vec::new();
        let mut app = Vec::new();
        for round in 0..runs {
            let order = if round % 2 == 0 {
                [Kind::Bare, Kind::App]
            } else {
                [Kind::App, Kind::Bare]
            };
            for kind in order {
                let run = self.start_once(kind, file);
                match kind {
                    Kind::Bare => bare.push(run),
                    Kind::App => app.push(run),
                }
            }
        }
        let wall = |runs: &[StartRun]| median(runs.iter().map(|r| r.wall.as_secs_f64() * 1e3));
        let frame = |runs: &[StartRun]| median(runs.iter().map(|r| r.spawn_to_frame_ms));
        let main = |runs: &[StartRun]| median(runs.iter().map(|r| r.main_to_frame_ms));
        let hwm = |runs: &[StartRun]| median(runs.iter().map(|r| r.vm_hwm_kb as f64)) / 1024.0;
        let verdict = |ratio: f64| {
            if ratio <= TARGET_RATIO {
                "within"
            } else {
                "OVER"
            }
        };
        let (bare_wall, app_wall) = (wall(&bare), wall(&app));
        let (bare_frame, app_frame) = (frame(&bare), frame(&app));
        println!(
            "  spawn -> exit (wall):         bare {bare_wall:7.1} ms   app {app_wall:7.1} ms   ratio {:.2} ({} target {TARGET_RATIO})",
            app_wall / bare_wall,
            verdict(app_wall / bare_wall)
        );
        println!(
            "  spawn -> first frame painted: bare {bare_frame:7.1} ms   app {app_frame:7.1} ms   ratio {:.2} ({} target {TARGET_RATIO})",
            app_frame / bare_frame,
            verdict(app_frame / bare_frame)
        );
        println!(
            "  main -> first frame painted:  bare {:7.1} ms   app {:7.1} ms",
            main(&bare),
            main(&app)
        );
        let part = |runs: &[StartRun], f: fn(&StartRun) -> f64| median(runs.iter().map(f));
        for (label, f) in [
            (
                "  main -> window and GPU ready:",
                (|r| r.create_at_ms) as fn(&StartRun) -> f64,
            ),
            ("  building the app:            ", |r| r.create_ms),
            ("  the app's UI, first frame:   ", |r| r.first_ui_ms),
        ] {
            println!(
                "{label} bare {:7.1} ms   app {:7.1} ms",
                part(&bare, f),
                part(&app, f)
            );
        }
        println!(
            "  peak memory (VmHWM) at the first frame: bare {:.1} MiB   app {:.1} MiB",
            hwm(&bare),
            hwm(&app)
        );
        let spread = |runs: &[StartRun]| {
            let mut v: Vec<f64> = runs.iter().map(|r| r.wall.as_secs_f64() * 1e3).collect();
            v.sort_by(f64::total_cmp);
            format!("{:.0}..{:.0} ms", v[0], v[v.len() - 1])
        };
        println!(
            "  wall range: bare {}   app {}",
            spread(&bare),
            spread(&app)
        );
    }

    fn idle(&self, name: &str, file: Option<&Path>) {
        println!();
        println!("idle, {name}: the app left alone, {IDLE:?} at a time");
        let mut child = self
            .command(Kind::App, file, &[(bench_support::LOG_FRAMES, "1".into())])
            .spawn()
            .expect("the app starts");
        let pid = child.id();
        // When each frame began, and what egui says asked for it.
        let frames: Arc<Mutex<Vec<(Instant, String)>>> = Arc::default();
        let stdout = child.stdout.take().expect("its stdout");
        let seen = frames.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.starts_with(FRAME_TAG)
                    && let Ok(mut seen) = seen.lock()
                {
                    let causes = line.split_once("causes=").map_or("", |(_, c)| c);
                    seen.push((Instant::now(), causes.to_owned()));
                }
            }
        });
        let frames_since = |t: Instant| {
            frames
                .lock()
                .map_or(0, |f| f.iter().filter(|(f, _)| *f >= t).count())
        };
        let causes_since = |t: Instant| {
            let mut causes: Vec<String> = frames.lock().map_or_else(
                |_| Vec::new(),
                |f| {
                    f.iter()
                        .filter(|(f, c)| *f >= t && !c.is_empty())
                        .map(|(_, c)| c.clone())
                        .collect()
                },
            );
            causes.sort();
            causes.dedup();
            causes
        };
        let last_frame = || frames.lock().ok().and_then(|f| f.last().map(|(t, _)| *t));
        // Waits until no frame has begun for `QUIET`; says how long that took.
        let settle = |from: Instant, label: &str, max: Duration| {
            loop {
                std::thread::sleep(Duration::from_millis(100));
                assert!(
                    child_running(pid),
                    "the app exited; see {}",
                    self.dir.display()
                );
                let last = last_frame().filter(|t| *t >= from).unwrap_or(from);
                if last.elapsed() >= QUIET {
                    println!(
                        "  {label:<30} frames {:>4}   quiet after {:.1} s",
                        frames_since(from),
                        (last - from).as_secs_f64()
                    );
                    return;
                }
                if from.elapsed() > max {
                    println!(
                        "  {label:<30} frames {:>4}   NOT quiet after {max:?}",
                        frames_since(from)
                    );
                    return;
                }
            }
        };
        let started = Instant::now();
        while frames_since(started) == 0 {
            assert!(started.elapsed() < TIMEOUT, "the app painted nothing");
            std::thread::sleep(Duration::from_millis(20));
        }
        println!(
            "  first frame begun after {:.0} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        settle(started, "starting, settling:", SETTLE_MAX);
        let measure = |label: &str| {
            let (cpu0, switches0, t0) = (cpu_ticks(pid), context_switches(pid), Instant::now());
            std::thread::sleep(IDLE);
            let (cpu1, switches1) = (cpu_ticks(pid), context_switches(pid));
            println!(
                "  {label:<30} frames {:>4}   CPU {:>6.0} ms   context switches {:>5}",
                frames_since(t0),
                (cpu1 - cpu0) as f64 * 1e3 / ticks_per_second(),
                switches1 - switches0
            );
            for cause in causes_since(t0).iter().take(5) {
                println!("    asked for by: {cause}");
            }
        };
        measure("idle, no input:");
        if xdotool(&self.display, &["mousemove", "400", "300"]) {
            let moved = Instant::now();
            for step in 0..20 {
                let (x, y) = (400 + step * 20, 300 + step * 10);
                xdotool(
                    &self.display,
                    &["mousemove", &x.to_string(), &y.to_string()],
                );
                std::thread::sleep(Duration::from_millis(30));
            }
            settle(moved, "pointer moved, settling:", SETTLE_MAX);
            measure("idle after the pointer:");
            // Keyboard focus to the window (there is no window manager),
            // then into the "Find an actor" field, top left: a text cursor shows.
            let clicked = Instant::now();
            xdotool(
                &self.display,
                &["search", "--name", "Coalition Map", "windowfocus"],
            );
            xdotool(&self.display, &["mousemove", "120", "108", "click", "1"]);
            settle(clicked, "text field focused, settling:", SETTLE_TEXT_MAX);
            measure("idle in a text field:");
        } else {
            println!("  (no xdotool: pointer part skipped)");
        }
        let hwm = std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .as_deref()
            .and_then(bench_support::vm_hwm_kb)
            .unwrap_or(0);
        println!(
            "  peak memory (VmHWM) at the end: {:.1} MiB",
            hwm as f64 / 1024.0
        );
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// Whether process `pid` is still there (and not a zombie).
fn child_running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rfind(')')
            .and_then(|i| stat[i + 1..].split_whitespace().next())
            .is_some_and(|state| state != "Z")
    })
}

/// Makes `dir` private to the user (`XDG_RUNTIME_DIR` must be).
fn private_dir(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .expect("a private runtime folder");
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// `utime + stime` of the whole process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/<pid>/stat");
    // Fields after the command name (which may hold spaces), from field 3 on.
    let rest = &stat[stat.rfind(')').expect("a command name") + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |n: usize| -> u64 { fields[n - 3].parse().expect("a number") };
    field(14) + field(15)
}

/// Voluntary and involuntary context switches, summed over the process's threads.
fn context_switches(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter_map(|line| {
                    let (key, value) = line.split_once(':')?;
                    key.ends_with("ctxt_switches")
                        .then(|| value.trim().parse::<u64>().ok())
                        .flatten()
                })
                .collect::<Vec<_>>()
        })
        .sum()
}

fn ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// Runs `xdotool` on `display`; false if it is not there or failed.
fn xdotool(display: &str, args: &[&str]) -> bool {
    Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .status()
        .is_ok_and(|s| s.success())
}
