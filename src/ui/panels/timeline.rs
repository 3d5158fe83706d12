//! The timeline under the map: the date axis with a tick per day of events and
//! a diamond per decision (click it to show the decision), a cursor
//! to drag (or click anywhere on the axis; arrow keys move it a day when it
//! has focus), Play/Pause with its pace, the previous and next event, and a
//! banner with the current day's events, each with its source and the
//! source's own words.

use chrono::Datelike as _;
use egui::emath::GuiRounding as _;
use egui::{Align2, FontId, Pos2, Rect, Role, Sense, Stroke, WidgetInfo, pos2, vec2};

use crate::theme::size;
use crate::ui::command::Command;
use crate::ui::state::time::TimeView;
use crate::ui::widgets::source_view::source_ui;
use coalition_core::model::{Date, Event, Scenario, Timeline, text};

/// Draws the timeline of `scenario` (nothing without one).
pub fn timeline_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    time: &TimeView,
    commands: &mut Vec<Command>,
) {
    let (Some(timeline), Some(date)) = (&scenario.timeline, time.date) else {
        return;
    };
    let events: Vec<&Event> = time.chronology.events(scenario).collect();
    controls_ui(ui, time, date, commands);
    axis_ui(ui, scenario, timeline, &events, date, commands);
    banner_ui(ui, scenario, &events, time, commands);
}

fn controls_ui(ui: &mut egui::Ui, time: &TimeView, date: Date, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let play = if time.playing { "Pause" } else { "Play" };
        if ui
            .button(play)
            .on_hover_text(Command::TogglePlay.tooltip())
            .clicked()
        {
            commands.push(Command::TogglePlay);
        }
        for step in [-1, 1] {
            let command = Command::StepEvent(step);
            let enabled = time.neighbour(step).is_some();
            if ui
                .add_enabled(enabled, egui::Button::new(command.label()))
                .on_hover_text(command.label_with_shortcut(ui.ctx()))
                .clicked()
            {
                commands.push(command);
            }
        }
        ui.label(egui::RichText::new(long_date(date)).strong().size(16.0))
            .on_hover_text("The day the map shows");
        ui.separator();
        let mut seconds = time.seconds_per_event;
        let pace = ui
            .add(
                egui::Slider::new(&mut seconds, 0.5..=5.0)
                    .step_by(0.25)
                    .suffix(" s")
                    .text("per event"),
            )
            .on_hover_text(Command::SetSecondsPerEvent(seconds).tooltip());
        if pace.changed() {
            commands.push(Command::SetSecondsPerEvent(seconds));
        }
    });
}

/// `excerpt` in curly quotation marks, once: an excerpt that is itself a
/// quotation in straight or curly marks keeps its words, not its marks.
pub fn quoted(excerpt: &str) -> String {
    let marks: &[char] = &['"', '\u{201C}', '\u{201D}'];
    let words = excerpt.trim();
    let inner = words
        .strip_prefix(marks)
        .and_then(|w| w.strip_suffix(marks))
        .filter(|w| !w.contains(marks))
        .unwrap_or(words);
    format!("\u{201C}{inner}\u{201D}")
}

/// "15 September 2014".
pub fn long_date(date: Date) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Where `date` lies on an axis drawn in `rect` from `start` to `end`.
fn x_of(rect: Rect, start: Date, end: Date, date: Date) -> f32 {
    let span = (end - start).num_days().max(1) as f32;
    let along = (date - start).num_days() as f32 / span;
    rect.left() + along.clamp(0.0, 1.0) * rect.width()
}

/// The day at `x` on the axis.
fn date_at(rect: Rect, start: Date, end: Date, x: f32) -> Date {
    let span = (end - start).num_days().max(1) as f32;
    let along = ((x - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
    start + chrono::Days::new((along * span).round() as u64)
}

fn axis_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    timeline: &Timeline,
    events: &[&Event],
    date: Date,
    commands: &mut Vec<Command>,
) {
    let (outer, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), size::TIMELINE_AXIS_HEIGHT),
        Sense::click_and_drag(),
    );
    let rect = outer.shrink2(vec2(size::TIMELINE_MARGIN, 0.0));
    let (start, end) = (timeline.start, timeline.end.max(timeline.start));
    let label = format!("Timeline: {}", long_date(date));
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(Role::Slider, true, &label);
        info.value = Some((date - start).num_days() as f64);
        info
    });
    let visuals = ui.visuals();
    let painter = ui.painter_at(outer);
    let line_y = rect.center().y + 4.0;
    painter.line_segment(
        [pos2(rect.left(), line_y), pos2(rect.right(), line_y)],
        visuals.widgets.noninteractive.fg_stroke,
    );
    // A tick and a label at the first of each month.
    let mut month = start.with_day(1).unwrap_or(start);
    while month <= end {
        if month >= start {
            let x = x_of(rect, start, end, month);
            painter.line_segment(
                [pos2(x, line_y - 3.0), pos2(x, line_y + 3.0)],
                visuals.widgets.noninteractive.fg_stroke,
            );
            painter.text(
                pos2(x + 2.0, line_y + 4.0),
                Align2::LEFT_TOP,
                month.format("%b %Y").to_string(),
                FontId::proportional(10.0),
                visuals.weak_text_color(),
            );
        }
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(end + chrono::Days::new(1));
    }
    // A tick per day with events (the events are in order): click it to go
    // to that day. One widget a day, however many events it has. The ticks
    // are plain pixel-aligned rectangles gathered in one mesh: hundreds of
    // them cost little to draw every frame.
    let pixels_per_point = ui.pixels_per_point();
    let mut ticks = egui::Mesh::default();
    for day_events in events.chunk_by(|a, b| a.date == b.date) {
        let Some(first) = day_events.first() else {
            continue;
        };
        let day = first.date;
        let x = x_of(rect, start, end, day);
        let tick = Rect::from_center_size(pos2(x, line_y - 7.0), vec2(5.0, 12.0));
        let hit = ui.interact(
            tick.expand2(vec2(1.0, 2.0)),
            response.id.with(("day", day)),
            Sense::click(),
        );
        // Named only when asked (a screen reader, a hover): a world-wide
        // timeline has hundreds of days, and the strip is drawn every frame.
        let name = || match day_events.len() {
            1 => format!("Event {day}: {}", first.title),
            n => format!("Events {day}: {} and {} more", first.title, n - 1),
        };
        hit.widget_info(|| WidgetInfo::labeled(Role::Button, true, name()));
        let colour = match day.cmp(&date) {
            std::cmp::Ordering::Equal => crate::theme::map::EVENT_RING,
            std::cmp::Ordering::Less => visuals.strong_text_color(),
            std::cmp::Ordering::Greater => visuals.weak_text_color(),
        };
        ticks.add_colored_rect(
            tick.shrink2(vec2(1.0, 0.0))
                .round_to_pixels(pixels_per_point),
            colour,
        );
        if hit
            .on_hover_ui(|ui| {
                ui.label(name());
            })
            .clicked()
        {
            commands.push(Command::SetDate(day));
        }
    }
    painter.add(ticks);
    // A diamond per decision, above the ticks: click it to show it.
    for (i, decision) in scenario.decisions.iter().enumerate() {
        if !(start..=end).contains(&decision.date) {
            continue;
        }
        let x = x_of(rect, start, end, decision.date);
        let centre = pos2(x, rect.top() + 5.0);
        let hit = ui.interact(
            Rect::from_center_size(centre, vec2(12.0, 12.0)),
            response.id.with(("decision", i)),
            Sense::click(),
        );
        let name = format!("Decision {}: {}", decision.date, decision.title);
        hit.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
        let colour = if decision.date <= date {
            crate::theme::map::EVENT_RING
        } else {
            visuals.weak_text_color()
        };
        let r = 5.0;
        painter.add(egui::Shape::convex_polygon(
            vec![
                centre + vec2(0.0, -r),
                centre + vec2(r, 0.0),
                centre + vec2(0.0, r),
                centre + vec2(-r, 0.0),
            ],
            colour,
            Stroke::new(1.0, visuals.strong_text_color()),
        ));
        if hit.on_hover_text(&name).clicked() {
            commands.push(Command::SelectDecision(Some(i)));
        }
    }
    // The cursor.
    let x = x_of(rect, start, end, date);
    painter.line_segment(
        [pos2(x, rect.top() + 1.0), pos2(x, rect.bottom() - 1.0)],
        Stroke::new(2.5, visuals.selection.stroke.color),
    );
    painter.circle_filled(
        Pos2::new(x, rect.top() + 4.0),
        4.5,
        visuals.selection.stroke.color,
    );
    if response.has_focus() {
        painter.rect_stroke(
            outer.shrink(1.0),
            2.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    // Pressed or dragged: the cursor follows the pointer, a day at a time.
    if (response.is_pointer_button_down_on() || response.dragged())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let wanted = date_at(rect, start, end, pointer.x);
        if wanted != date {
            commands.push(Command::SetDate(wanted));
        }
    }
    if response.clicked() {
        response.request_focus();
    }
    if response.has_focus() {
        let (left, right) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight),
            )
        });
        let moved = if left {
            date.checked_sub_days(chrono::Days::new(1))
        } else if right {
            date.checked_add_days(chrono::Days::new(1))
        } else {
            None
        };
        if let Some(day) = moved.filter(|d| (start..=end).contains(d)) {
            commands.push(Command::SetDate(day));
        }
    }
}

/// The day's events, each with its source and its own words; or where the
/// day lies between events.
fn banner_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    events: &[&Event],
    time: &TimeView,
    commands: &mut Vec<Command>,
) {
    let today: Vec<&&Event> = events
        .iter()
        .filter(|e| time.current.contains(&e.id))
        .collect();
    if today.is_empty() {
        let before = events
            .iter()
            .rev()
            .find(|e| time.date.is_some_and(|d| e.date < d));
        ui.weak(match before {
            Some(e) => format!(
                "No event on this day. The last before it: {} ({}).",
                e.title, e.date
            ),
            None => "No event on this day.".to_owned(),
        });
        return;
    }
    egui::ScrollArea::vertical()
        .max_height(ui.available_height())
        .auto_shrink([false, true])
        .id_salt("timeline_banner")
        .show(ui, |ui| {
            for (i, decision) in scenario.decisions.iter().enumerate() {
                if Some(decision.date) == time.date {
                    ui.horizontal_wrapped(|ui| {
                        ui.strong(format!("Decision: {}", decision.title));
                        let show = Command::SelectDecision(Some(i));
                        if ui
                            .small_button("Show it")
                            .on_hover_text(show.tooltip())
                            .clicked()
                        {
                            commands.push(show);
                        }
                    });
                }
            }
            for event in today {
                ui.horizontal_wrapped(|ui| {
                    ui.strong(long_date(event.date));
                    ui.label(&event.title);
                });
                if !event.excerpt.is_empty() {
                    ui.label(egui::RichText::new(quoted(&event.excerpt)).italics());
                }
                if !event.text.is_empty() {
                    ui.weak(text::long(&event.text));
                }
                for source in &event.sources {
                    source_ui(ui, scenario, source, commands);
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn an_excerpt_is_put_in_quotation_marks_once_however_it_was_written() {
        assert_eq!(
            quoted("We will not go beyond that."),
            "\u{201C}We will not go beyond that.\u{201D}"
        );
        assert_eq!(
            quoted("\"We will not go beyond that.\""),
            "\u{201C}We will not go beyond that.\u{201D}"
        );
        assert_eq!(quoted(" \u{201C}Iraq.\u{201D} "), "\u{201C}Iraq.\u{201D}");
        // Marks inside stay, and so do the outer ones that pair with them.
        assert_eq!(
            quoted("\"a\" said \"b\""),
            "\u{201C}\"a\" said \"b\"\u{201D}"
        );
    }
}
