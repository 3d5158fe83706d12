//! Hooks for the startup, idle and memory benchmarks (`benches/startup.rs`),
//! switched on by environment variables. Without them the app runs untouched:
//! [`wrap`] hands the app back as it was.
//!
//! - [`EXIT_AFTER_FIRST_FRAME`]`=1`: when the first frame has been painted,
//!   print one [`FIRST_FRAME_TAG`] line to stdout and close the window.
//! - [`LOG_FRAMES`]`=1`: print one [`FRAME_TAG`] line for every frame the
//!   window paints, so a benchmark can count frames painted while idle.
//! - [`SPAWNED_AT`]`=<ns since the Unix epoch>`: when the benchmark spawned the
//!   process, so the first-frame line can say how long it took from spawn.
//!
//! "First frame painted" is the start of the second frame: eframe calls the
//! app's `ui` for frame 0, tessellates it, renders it and hands it to the
//! window system (wgpu's `present`), makes the window visible (it is kept
//! hidden until then), and only after that starts frame 1. The report is
//! therefore taken at most one event-loop turn after the first present.

use std::io::Write;
use std::time::{Duration, Instant, SystemTime};

/// Set to `1` to report the first painted frame and close the window.
pub const EXIT_AFTER_FIRST_FRAME: &str = "COALITION_MAP_BENCH_EXIT_AFTER_FIRST_FRAME";

/// Set to `1` to print a line for every painted frame.
pub const LOG_FRAMES: &str = "COALITION_MAP_BENCH_LOG_FRAMES";

/// When the benchmark spawned the process, in nanoseconds since the Unix epoch.
pub const SPAWNED_AT: &str = "COALITION_MAP_BENCH_SPAWNED_AT_NS";

/// Starts the stdout line for the first painted frame, followed by
/// `main_ms=` (since `main` began), `create_at_ms=` (when eframe, its window
/// and GPU ready, asked for the app), `create_ms=` (building the app),
/// `first_ui_ms=` (the app's UI code in frame 0), `spawn_ms=` (since the
/// benchmark spawned the process) and `vm_hwm_kb=` (peak resident memory);
/// the last two only when known.
pub const FIRST_FRAME_TAG: &str = "bench-first-frame";

/// Starts the stdout line for each frame, followed by `nr=<frame> ms=<ms
/// since main> causes=<what asked for this frame, as egui recorded it>`
/// (input events cause frames without being listed).
pub const FRAME_TAG: &str = "bench-frame";

/// What the benchmark asked for, and when `main` started.
#[derive(Clone, Debug)]
pub struct Probe {
    started: Instant,
    spawned_at: Option<SystemTime>,
    exit_after_first_frame: bool,
    log_frames: bool,
}

impl Probe {
    /// The probe the environment asks for, or `None` (the normal case).
    /// Call it first thing in `main`: it notes the time.
    pub fn from_env() -> Option<Self> {
        let started = Instant::now();
        let on = |name: &str| std::env::var_os(name).is_some_and(|v| v == "1");
        let exit_after_first_frame = on(EXIT_AFTER_FIRST_FRAME);
        let log_frames = on(LOG_FRAMES);
        if !exit_after_first_frame && !log_frames {
            return None;
        }
        let spawned_at = std::env::var(SPAWNED_AT)
            .ok()
            .and_then(|ns| ns.parse::<u64>().ok())
            .map(|ns| SystemTime::UNIX_EPOCH + Duration::from_nanos(ns));
        Some(Self {
            started,
            spawned_at,
            exit_after_first_frame,
            log_frames,
        })
    }
}

/// The app `make` builds, watched by `probe` when there is one (which then
/// also notes how long `make` took).
pub fn wrap(
    probe: Option<Probe>,
    make: impl FnOnce() -> Box<dyn eframe::App>,
) -> Box<dyn eframe::App> {
    let Some(probe) = probe else {
        return make();
    };
    let create_at = probe.started.elapsed();
    let create_start = Instant::now();
    let inner = make();
    let create_took = create_start.elapsed();
    Box::new(Probed {
        inner,
        probe,
        create: (create_at, create_took),
        first_ui: None,
        last_frame: None,
        reported: false,
    })
}

/// The peak resident set size of this process (`VmHWM`), in kB, where the
/// system says (Linux).
pub fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    vm_hwm_kb(&status)
}

/// `VmHWM` from the text of a `/proc/<pid>/status` file, in kB.
pub fn vm_hwm_kb(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// An app that reports its frames; it forwards everything else to `inner`.
/// (Not `on_exit`, whose signature depends on eframe's features; the app
/// does not use it.)
struct Probed {
    inner: Box<dyn eframe::App>,
    probe: Probe,
    /// When `make` started (since `main`), and how long it took.
    create: (Duration, Duration),
    /// How long the app's `ui` took in frame 0 (all its passes).
    first_ui: Option<Duration>,
    /// The frame number last seen, so a frame with two passes counts once.
    last_frame: Option<u64>,
    reported: bool,
}

impl Probed {
    /// Called once per frame, before its first pass. Returns whether the
    /// window is closing (the report is taken; nothing more to draw).
    fn on_frame(&mut self, ctx: &egui::Context, nr: u64) -> bool {
        let mut out = std::io::stdout().lock();
        let since_main = self.probe.started.elapsed();
        if self.probe.log_frames {
            let causes: Vec<String> = ctx
                .repaint_causes()
                .iter()
                .map(|c| format!("{c:?}"))
                .collect();
            let _ = writeln!(
                out,
                "{FRAME_TAG} nr={nr} ms={:.1} causes={}",
                ms(since_main),
                causes.join("; ")
            );
        }
        if nr >= 1 && !self.reported {
            self.reported = true;
            let _ = write!(
                out,
                "{FIRST_FRAME_TAG} main_ms={:.1} create_at_ms={:.1} create_ms={:.1} first_ui_ms={:.1}",
                ms(since_main),
                ms(self.create.0),
                ms(self.create.1),
                ms(self.first_ui.unwrap_or_default()),
            );
            if let Some(spawned) = self.probe.spawned_at
                && let Ok(since_spawn) = SystemTime::now().duration_since(spawned)
            {
                let _ = write!(out, " spawn_ms={:.1}", ms(since_spawn));
            }
            if let Some(kb) = peak_memory_kb() {
                let _ = write!(out, " vm_hwm_kb={kb}");
            }
            let _ = writeln!(out);
            if self.probe.exit_after_first_frame {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        let _ = out.flush();
        self.reported && self.probe.exit_after_first_frame
    }
}

impl eframe::App for Probed {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.inner.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let nr = ctx.cumulative_frame_nr();
        let closing = if self.last_frame == Some(nr) {
            self.reported && self.probe.exit_after_first_frame
        } else {
            self.last_frame = Some(nr);
            self.on_frame(&ctx, nr)
        };
        if closing {
            // What follows is teardown; drawing the app again would only
            // delay the exit the benchmark times. The close takes one more
            // frame, so ask for it.
            ctx.request_repaint();
            return;
        }
        let start = Instant::now();
        self.inner.ui(ui, frame);
        if nr == 0 {
            *self.first_ui.get_or_insert_default() += start.elapsed();
        }
        if nr == 0 && self.probe.exit_after_first_frame {
            // Make sure a second frame follows the first at once.
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.inner.save(storage);
    }

    fn auto_save_interval(&self) -> Duration {
        self.inner.auto_save_interval()
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.inner.clear_color(visuals)
    }

    fn persist_egui_memory(&self) -> bool {
        self.inner.persist_egui_memory()
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.inner.raw_input_hook(ctx, raw_input);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_vm_hwm() {
        let status = "Name:\tcoalition-map\nVmPeak:\t 900 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(vm_hwm_kb(status), Some(123_456));
        assert_eq!(vm_hwm_kb("Name:\tx\n"), None);
    }
}
