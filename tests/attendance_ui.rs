//! The attendance slider, panel and plot, driven through AccessKit.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]
#![allow(
    clippy::float_cmp,
    reason = "the plot must show exactly the numbers the engine computes"
)]

use coalition_core::decide::Engine;
use coalition_core::decide::whatif::invitations;
use coalition_map::ui::state::attendance::plot_series;
use coalition_map::{CoalitionApp, Startup};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// How long a test waits for the best-list search to answer: a bound on a
/// hang, not a speed target (the benchmarks measure speed).
const SEARCH_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

fn app_harness() -> Harness<'static, CoalitionApp> {
    // Scrolling a panel animates; under the whole suite's load it has taken
    // up to 6 steps to settle (the other UI tests allow 16 as well).
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(16)
        .build_eframe(|cc| CoalitionApp::new(cc, &Startup::default()));
    harness.run();
    harness
}

/// Scrolls a widget into view, then clicks it.
fn scroll_and_click(harness: &mut Harness<'static, CoalitionApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

fn open_attendance_tab(harness: &mut Harness<'static, CoalitionApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Decisions")
        .click();
    harness.run();
}

#[test]
fn as_it_happened_all_29_participants_attend() {
    let mut harness = app_harness();
    open_attendance_tab(&mut harness);
    let app = harness.state();
    assert_eq!(app.view.attendance.position, 0);
    assert_eq!(app.view.attendance.outcome.attending_count(), 29);
    harness.get_by_label("Invited but staying away (0)");
    // The tab's heading, and the legend's key to the map's marks.
    assert_eq!(harness.get_all_by_label("Attending (29)").count(), 2);
}

#[test]
fn moving_the_slider_to_iran_invited_shows_saudi_arabia_staying_away_with_its_reason() {
    let mut harness = app_harness();
    open_attendance_tab(&mut harness);
    let iran_invited = harness
        .state()
        .doc
        .scenario
        .attendance_scenarios()
        .iter()
        .position(|n| n.name == "Iran invited")
        .expect("the scenario has an 'Iran invited' step");
    harness
        .get_by_role_and_label(
            Role::Slider,
            "Attendance scenario: As it happened: Iran not invited",
        )
        .set_value_accesskit(iran_invited as f64);
    harness.run();

    assert_eq!(harness.state().view.attendance.position, iran_invited);
    harness.get_by_label("Invited but staying away (2)");
    harness.get_by_label("Saudi Arabia:");
    harness.get_by_label("Saudi Arabia will not attend if Iran attends, and Iran does.");
    harness.get_by_label("United Arab Emirates will not attend if Iran attends, and Iran does.");
    // The map follows in the same frame: Saudi Arabia is not attending.
    let sau = harness
        .state()
        .doc
        .scenario
        .actor_index("SAU")
        .expect("SAU");
    assert!(!harness.state().view.attendance.outcome.attending[sau]);
}

#[test]
fn toggling_an_invitation_from_the_panel_changes_the_outcome_and_marks_the_list_custom() {
    let mut harness = app_harness();
    open_attendance_tab(&mut harness);
    scroll_and_click(
        &mut harness,
        Role::DisclosureTriangle,
        "Change the invitation list",
    );
    scroll_and_click(&mut harness, Role::CheckBox, "Invite Iran (not invited)");
    let app = harness.state();
    assert!(app.view.attendance.is_custom());
    assert_eq!(
        app.view.attendance.outcome.attending_count(),
        28,
        "Iran comes, Saudi Arabia and the UAE leave"
    );
    harness.get_by_label("Invited but staying away (2)");
    harness.get_by_role_and_label(Role::CheckBox, "Invite Saudi Arabia (stays away)");

    // The slider's bar and the panel both offer the reset; use the one in the bar.
    harness
        .get_all_by_role_and_label(Role::Button, "Back to the scenario's list")
        .next()
        .expect("a reset button")
        .click();
    harness.run();
    assert!(!harness.state().view.attendance.is_custom());
    assert_eq!(
        harness.state().view.attendance.outcome.attending_count(),
        29
    );
}

#[test]
fn what_flips_names_iran_first() {
    let mut harness = app_harness();
    open_attendance_tab(&mut harness);
    let app = harness.state();
    let iran = app.doc.scenario.actor_index("IRN").expect("IRN");
    let first = app
        .view
        .attendance
        .flips
        .first()
        .expect("at least one flip");
    assert_eq!(first.actor, iran);
    assert!(first.invite);
    scroll_and_click(&mut harness, Role::Button, "Invite Iran");
    assert!(harness.state().view.attendance.is_custom());
    assert!(harness.state().view.attendance.invited[iran]);
}

#[test]
fn the_plot_shows_exactly_what_the_engine_computes_for_every_scenario() {
    let harness = app_harness();
    let doc = &harness.state().doc;
    let scenario = &doc.scenario;
    let series = plot_series(scenario, &doc.named);
    let engine = Engine::new(scenario);
    let attending = series
        .iter()
        .find(|s| s.name == "Attending")
        .expect("attendance series");
    assert_eq!(
        attending.points.len(),
        scenario.attendance_scenarios().len()
    );
    for (i, named) in scenario.attendance_scenarios().iter().enumerate() {
        let outcome = engine.evaluate(&invitations(scenario, named));
        assert_eq!(
            attending.points[i],
            [i as f64, outcome.attending_count() as f64],
            "{}",
            named.name
        );
        for kind in &scenario.weight_kinds {
            let total: f64 = scenario
                .actors
                .iter()
                .enumerate()
                .filter(|(a, _)| outcome.attending[*a])
                .filter_map(|(_, a)| a.weights.get(&kind.id))
                .sum();
            let line = series
                .iter()
                .find(|s| s.name == format!("Total: {}", kind.label))
                .expect("weight series");
            assert_eq!(line.points[i][1], total, "{} in {}", kind.label, named.name);
        }
        for group in &scenario.groups {
            let present = scenario
                .actors
                .iter()
                .enumerate()
                .filter(|(a, actor)| outcome.attending[*a] && actor.groups.contains(&group.id))
                .count();
            let line = series
                .iter()
                .find(|s| {
                    s.name
                        == format!(
                            "{} attending (of {})",
                            group.id.replace('_', " "),
                            line_members(scenario, &group.id)
                        )
                })
                .expect("group series");
            assert_eq!(
                line.points[i][1], present as f64,
                "{} in {}",
                group.label, named.name
            );
        }
    }
}

#[test]
fn the_best_list_search_runs_in_the_background_and_its_answer_can_be_applied() {
    let mut harness = app_harness();
    open_attendance_tab(&mut harness);
    {
        let search = &mut harness.state_mut().view.attendance.search;
        for id in ["IRN", "SAU", "ARE", "SYR"] {
            search.swing.insert(id.to_owned());
        }
    }
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        coalition_map::ui::command::Command::StartBestListSearch,
    );
    // The search runs on other threads: wait for it, however loaded the
    // machine (the whole suite runs at once), but not forever.
    let deadline = std::time::Instant::now() + SEARCH_WAIT;
    while std::time::Instant::now() < deadline {
        harness.run_steps(1);
        if harness.state().view.attendance.search.job.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let (request, front) = harness
        .state()
        .view
        .attendance
        .search
        .front
        .clone()
        .expect("a finished search");
    assert!(!front.is_empty());
    let best_attendance = front.last().expect("non-empty");
    harness.state_mut().apply(
        &ctx,
        coalition_map::ui::command::Command::ApplyInvitations(best_attendance.invited(&request)),
    );
    harness.run();
    assert_eq!(
        harness.state().view.attendance.outcome.attending_count(),
        best_attendance.attending
    );
}

#[test]
fn the_bracket_keys_step_the_slider_even_after_clicking_a_panel() {
    let mut harness = app_harness();
    open_attendance_tab(&mut harness);
    harness.key_press(egui::Key::CloseBracket);
    harness.run();
    assert_eq!(harness.state().view.attendance.position, 1);
    harness.key_press(egui::Key::OpenBracket);
    harness.run();
    assert_eq!(harness.state().view.attendance.position, 0);
}

fn line_members(scenario: &coalition_core::model::Scenario, group: &str) -> usize {
    scenario
        .actors
        .iter()
        .filter(|a| a.groups.iter().any(|g| g == group))
        .count()
}

#[test]
fn the_best_list_search_can_be_run_from_the_panel() {
    let mut harness = app_harness();
    open_attendance_tab(&mut harness);
    scroll_and_click(
        &mut harness,
        Role::DisclosureTriangle,
        "Best invitation list",
    );
    scroll_and_click(
        &mut harness,
        Role::DisclosureTriangle,
        "Swing actors (0 chosen)",
    );
    scroll_and_click(&mut harness, Role::CheckBox, "Swing: Iran");
    scroll_and_click(&mut harness, Role::CheckBox, "Swing: Saudi Arabia");
    scroll_and_click(&mut harness, Role::Button, "Find best lists");
    let deadline = std::time::Instant::now() + SEARCH_WAIT;
    while std::time::Instant::now() < deadline {
        harness.run_steps(1);
        if harness.state().view.attendance.search.front.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    let front = harness
        .state()
        .view
        .attendance
        .search
        .front
        .clone()
        .expect("a finished search")
        .1;
    // Inviting Iran trades Saudi Arabia and the UAE for Iran: 29 is the most in the room.
    assert_eq!(front.last().map(|c| c.attending), Some(29));
    harness.get_by_label_contains("Tried 4 lists");
    harness.get_by_label_contains("Use list 1:").scroll_to_me();
    harness.run();
    harness.get_by_label_contains("Use list 1:").click();
    harness.run();
    assert!(harness.state().view.attendance.is_custom());
}
