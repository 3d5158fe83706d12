//! Presentation mode: the map large in projector colours, the step's title,
//! text and quote in type readable from the back of a room, a step counter,
//! and the speaker notes in a window of their own. Editing tools and panels
//! are hidden.

use egui::{Align, Layout, RichText};

use crate::theme::{MapLook, projector as type_size};
use crate::ui::command::Command;
use crate::ui::command::Move;
use crate::ui::map::{MapOptions, map_ui};
use crate::ui::state::ViewState;
use crate::ui::state::presentation::{Presentation, Step, steps};
use crate::ui::widgets::glyph::paint_glyph;
use crate::ui::widgets::presence::{PresenceCounts, paint_sample};
use coalition_core::Document;
use coalition_core::geo::basemap::Basemap;
use coalition_core::model::{QuoteKind, text};

/// Draws the presentation into the whole window.
pub fn presentation_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    basemap: &Basemap,
    view: &mut ViewState,
    presenting: &Presentation,
    commands: &mut Vec<Command>,
) {
    let scenario = &doc.scenario;
    let steps = steps(scenario);
    let step = steps.get(presenting.step);
    let hidden = presenting.hides_outcome(&steps);
    // The title, the day and the legend shrink with the window (down to a
    // floor), so a 1024×768 projector keeps room for the map.
    let chrome = type_size::chrome_scale(ui.available_size());

    egui::Panel::top("presentation_title")
        .frame(
            egui::Frame::new()
                .inner_margin(16.0)
                .fill(ui.visuals().panel_fill),
        )
        .show(ui, |ui| {
            // The counter and the day first, from the right; the title takes
            // what is left and wraps there, never under them.
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if !steps.is_empty() {
                    ui.label(
                        RichText::new(format!("{} / {}", presenting.step + 1, steps.len()))
                            .size(type_size::BODY * chrome),
                    );
                }
                // The day the map shows, large: the class sees when.
                if let Some(date) = view.time.date {
                    ui.add_space(16.0 * chrome);
                    ui.label(
                        RichText::new(crate::ui::panels::timeline::long_date(date))
                            .size(type_size::TITLE * chrome)
                            .strong(),
                    );
                    ui.add_space(24.0 * chrome);
                }
                ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                    let title = step.map_or(scenario.title.as_str(), |s| s.title.as_str());
                    ui.add(
                        egui::Label::new(
                            RichText::new(title)
                                .size(type_size::TITLE * chrome)
                                .strong(),
                        )
                        .wrap(),
                    );
                });
            });
        });
    egui::Panel::right("presentation_text")
        .exact_size(ui.available_width() * 0.36)
        .resizable(false)
        .frame(
            egui::Frame::new()
                .inner_margin(20.0)
                .fill(ui.visuals().panel_fill),
        )
        .show(ui, |ui| {
            // The text shrinks until it fits (down to a floor, then it
            // scrolls): worked out over a few frames for each step, panel
            // size and reveal, and remembered.
            let key = egui::Id::unique("presentation_text_scale");
            let size = ui.available_size();
            let fitting_for = (presenting.step, hidden, size.x as i32, size.y as i32);
            let scale = ui
                .ctx()
                .data(|d| d.get_temp::<((usize, bool, i32, i32), f32)>(key))
                .filter(|(what, _)| *what == fitting_for)
                .map_or(1.0, |(_, scale)| scale);
            // The buttons stay at the panel's foot, in the window, however
            // long the step's text.
            egui::Panel::bottom("presentation_controls")
                .frame(egui::Frame::new().inner_margin(egui::Margin {
                    top: 12,
                    ..Default::default()
                }))
                .show(ui, |ui| controls_ui(ui, step, hidden, scale, commands));
            let output = egui::ScrollArea::vertical().show(ui, |ui| {
                if let Some(step) = step {
                    step_text_ui(ui, doc, view, step, hidden, scale);
                }
            });
            let overflows = output.content_size.y > output.inner_rect.height() + 1.0;
            let next = if overflows && scale > type_size::TEXT_SCALE_FLOOR {
                ui.ctx().request_repaint();
                (scale * 0.9).max(type_size::TEXT_SCALE_FLOOR)
            } else {
                scale
            };
            ui.ctx()
                .data_mut(|d| d.insert_temp(key, (fitting_for, next)));
        });
    egui::CentralPanel::no_frame().show(ui, |ui| {
        // The legend under the map, as wide as the map.
        egui::Panel::bottom("presentation_legend")
            .frame(
                egui::Frame::new()
                    .inner_margin(12.0)
                    .fill(ui.visuals().panel_fill),
            )
            .show(ui, |ui| {
                // Counted as the map draws them: those in the picture on the day.
                let presence = PresenceCounts::of(
                    view.shown(doc),
                    &view.attendance.invited,
                    &view.attendance.outcome.attending,
                    hidden,
                );
                legend_ui(ui, scenario, &presence, chrome);
            });
        let options = MapOptions {
            look: MapLook::PROJECTOR,
            highlight: step.and_then(|s| s.highlight.clone()),
            hide_outcome: hidden,
            editing: false,
            vector: false,
        };
        let mut ignored = Vec::new();
        map_ui(
            ui,
            doc,
            basemap,
            &mut view.map_view(doc),
            &options,
            &mut ignored,
        );
        // Selecting and panning stay available to the presenter's mouse;
        // the map's own commands are the only ones it emits.
        commands.extend(ignored);
    });
    if presenting.notes_open {
        speaker_notes_ui(ui.ctx(), &steps, presenting, commands);
    }
}

fn step_text_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &ViewState,
    step: &Step<'_>,
    hidden: bool,
    scale: f32,
) {
    let scenario = &doc.scenario;
    let size = |points: f32| points * scale;
    if !step.text.is_empty() {
        ui.label(RichText::new(step.text).size(size(type_size::BODY)));
        ui.add_space(size(12.0));
    }
    if let Some(question) = step.predict {
        egui::Frame::new()
            .inner_margin(14.0)
            .corner_radius(6.0)
            .stroke(egui::Stroke::new(3.0, ui.visuals().strong_text_color()))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(question)
                        .size(size(type_size::QUOTE))
                        .strong(),
                );
                if !hidden {
                    ui.add_space(8.0);
                    ui.label(RichText::new(outcome_words(doc, view)).size(size(type_size::BODY)));
                }
            });
        ui.add_space(size(12.0));
    }
    if let Some(quote) = step.quote {
        let text = match quote.kind {
            QuoteKind::Verbatim => format!("\u{201C}{}\u{201D}", text::long(&quote.text)),
            QuoteKind::Paraphrase => format!("Paraphrase: {}", text::long(&quote.text)),
        };
        ui.label(RichText::new(text).size(size(type_size::QUOTE)).italics());
        let mut who = quote.speaker.clone();
        if !quote.role.is_empty() {
            who.push_str(", ");
            who.push_str(&quote.role);
        }
        ui.label(RichText::new(who).size(size(type_size::BODY)).strong());
        if let Some(source) = scenario.source(&quote.source) {
            ui.label(
                RichText::new(format!("Source: {}", source.citation()))
                    .size(size(type_size::SOURCE)),
            );
        }
        ui.add_space(size(12.0));
    }
    let quote_source = step.quote.map(|q| q.source.as_str());
    let others: Vec<String> = step
        .sources
        .iter()
        .filter(|s| Some(s.id.as_str()) != quote_source)
        .map(|s| s.citation())
        .collect();
    if !others.is_empty() {
        ui.label(
            RichText::new(format!("Sources: {}", others.join("; "))).size(size(type_size::SOURCE)),
        );
    }
}

/// "Saudi Arabia and the United Arab Emirates stay away." for a revealed step.
fn outcome_words(doc: &Document, view: &ViewState) -> String {
    let attendance = &view.attendance;
    let names: Vec<_> = doc
        .scenario
        .actors
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            attendance.invited.get(*i).copied().unwrap_or(false)
                && !attendance
                    .outcome
                    .attending
                    .get(*i)
                    .copied()
                    .unwrap_or(true)
        })
        .map(|(_, a)| a.shown_name())
        .collect();
    match names.as_slice() {
        [] => "Everyone invited attends.".to_owned(),
        [one] => format!("{one} stays away."),
        [rest @ .., last] => format!("{} and {last} stay away.", rest.join(", ")),
    }
}

/// The stances, glyph and label, large, in a row under the map.
fn legend_ui(
    ui: &mut egui::Ui,
    scenario: &coalition_core::model::Scenario,
    presence: &PresenceCounts,
    chrome: f32,
) {
    let count = scenario.stance_scale.len();
    ui.horizontal_wrapped(|ui| {
        for (rank, stance) in scenario.stance_scale.iter().enumerate() {
            legend_item(ui, &stance.label, chrome, |painter, centre| {
                paint_glyph(
                    painter,
                    centre,
                    12.0 * chrome,
                    crate::theme::Glyph::for_rank(rank, count),
                    crate::theme::stance_colour_for(crate::theme::Look::Projector, scenario, rank),
                    MapLook::PROJECTOR.node_stroke(),
                );
            });
        }
        // Each state toward the meeting in use, marked as the map marks it.
        for (state, hosts, words) in presence.rows() {
            legend_item(ui, &words, chrome, |painter, centre| {
                let lift = if hosts { 4.0 * chrome } else { 0.0 };
                paint_sample(
                    painter,
                    centre - egui::vec2(0.0, lift),
                    10.0 * chrome,
                    state,
                    hosts,
                );
            });
        }
    });
}

/// One entry of the legend: a sample and its words, which wrap together.
fn legend_item(
    ui: &mut egui::Ui,
    text: &str,
    chrome: f32,
    paint: impl FnOnce(&egui::Painter, egui::Pos2),
) {
    let size = type_size::BODY * chrome;
    let label = RichText::new(text).size(size);
    let width = 40.0 * chrome
        + ui.fonts_mut(|f| {
            f.layout_no_wrap(
                text.to_owned(),
                egui::FontId::proportional(size),
                egui::Color32::BLACK,
            )
            .size()
            .x
        });
    if ui.available_size_before_wrap().x < width {
        ui.end_row();
    }
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(34.0, 34.0) * chrome, egui::Sense::hover());
        paint(ui.painter(), rect.center());
        ui.label(label);
    });
    ui.add_space(18.0 * chrome);
}

/// Previous, Next (or Reveal), the speaker notes and End, for a presenter
/// with a mouse.
fn controls_ui(
    ui: &mut egui::Ui,
    step: Option<&Step<'_>>,
    hidden: bool,
    scale: f32,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let next = if hidden && step.is_some() {
            Command::Present(Move::Reveal)
        } else {
            Command::Present(Move::Next)
        };
        for command in [
            Command::Present(Move::Previous),
            next,
            Command::ToggleSpeakerNotes,
            Command::StopPresentation,
        ] {
            let text = RichText::new(command.label()).size(type_size::CONTROL * scale);
            if ui.button(text).on_hover_text(command.tooltip()).clicked() {
                commands.push(command);
            }
        }
    });
}

/// The presenter's window: this step's notes, what comes next, the keys.
fn speaker_notes_ui(
    ctx: &egui::Context,
    steps: &[Step<'_>],
    presenting: &Presentation,
    commands: &mut Vec<Command>,
) {
    // Where the presenter put it (on the laptop's own screen, usually) and
    // how large, kept in egui's memory, which eframe saves between runs.
    let placed = egui::Id::unique("speaker_notes_placement");
    let (position, size) = ctx
        .data_mut(|d| d.get_persisted::<(Option<egui::Pos2>, egui::Vec2)>(placed))
        .unwrap_or((None, egui::vec2(640.0, 520.0)));
    let mut builder = egui::ViewportBuilder::default()
        .with_title(format!("Speaker notes - {}", crate::APP_NAME))
        .with_inner_size(size);
    if let Some(position) = position {
        builder = builder.with_position(position);
    }
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("speaker_notes"),
        builder,
        |ui, _class| {
            if ui.input(|i| i.viewport().close_requested()) {
                commands.push(Command::ToggleSpeakerNotes);
            }
            let now = ui.input(|i| {
                let viewport = i.viewport();
                (
                    viewport.outer_rect.map(|r| r.min),
                    viewport.inner_rect.map_or(size, |r| r.size()),
                )
            });
            if now != (position, size) && now.0.is_some() {
                ui.ctx().data_mut(|d| d.insert_persisted(placed, now));
            }
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| notes_ui(ui, steps, presenting));
            });
        },
    );
}

fn notes_ui(ui: &mut egui::Ui, steps: &[Step<'_>], presenting: &Presentation) {
    let Some(step) = steps.get(presenting.step) else {
        ui.label("This scenario has no steps.");
        return;
    };
    ui.heading(format!(
        "Step {} of {}: {}",
        presenting.step + 1,
        steps.len(),
        step.title
    ));
    if presenting.hides_outcome(steps) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The outcome is hidden: let the class answer, then press Next to reveal it.",
        );
    }
    ui.separator();
    if step.notes.is_empty() {
        ui.weak("No notes for this step.");
    } else {
        ui.label(RichText::new(step.notes).size(18.0));
    }
    ui.separator();
    match steps.get(presenting.step + 1) {
        Some(next) => ui.label(format!("Next: {}", next.title)),
        None => ui.label("This is the last step."),
    };
    ui.weak(
        "Keys: Right, Space or Page Down for next (it reveals first); Left or Page Up for back; \
         Home, End; N for these notes; F11 full screen; Esc to stop.",
    );
}
