//! The Decisions tab's decision chooser and what a decision that is not the
//! conference shows: a vote's outcome, its tally against the threshold with
//! the vetoes marked, each member's position (changeable: a what-if), and
//! what would turn it over; a meeting's attendance; a withdrawn draft.

use egui::{Align2, FontId, Rect, Role, Sense, Stroke, WidgetInfo, pos2, vec2};

use crate::theme::{self, size};
use crate::ui::command::Command;
use crate::ui::panels::timeline::long_date;
use crate::ui::state::decision::DecisionView;
use crate::ui::widgets::source_view::source_ui;
use coalition_core::Document;
use coalition_core::decide::vote::{
    Cause, VoteResult, member_name, position_reason, settlement_text,
};
use coalition_core::model::{
    Conference, Date, Decision, DecisionKind, Position, Scenario, Source, Vote,
};

/// What a decision is, in a word.
fn kind_word(decision: &Decision) -> &'static str {
    match decision.kind() {
        Some(DecisionKind::Meeting(_)) => "meeting",
        Some(DecisionKind::Vote(_)) => "vote",
        Some(DecisionKind::Withdrawn(_)) => "withdrawn draft",
        None => "?",
    }
}

/// The chooser: the conference, then each decision with its day (marked
/// "later" when it comes after the timeline's day).
pub fn decision_chooser_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    decision: &DecisionView,
    date: Option<Date>,
    commands: &mut Vec<Command>,
) {
    if scenario.decisions.is_empty() {
        return;
    }
    let conference = scenario
        .conference
        .as_ref()
        .map_or_else(|| "The conference".to_owned(), |c| c.name.clone());
    let name = |i: usize| {
        let d = &scenario.decisions[i];
        let later = if date.is_some_and(|day| day < d.date) {
            " (later)"
        } else {
            ""
        };
        format!("{}: {} ({}){later}", d.date, d.title, kind_word(d))
    };
    let current = decision.selected.map_or_else(|| conference.clone(), name);
    ui.horizontal(|ui| {
        let label = ui.label("Decision:");
        egui::ComboBox::from_id_salt("decision_chooser")
            .selected_text(&current)
            .width(ui.available_width() - 8.0)
            .truncate()
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(decision.selected.is_none(), &conference)
                    .clicked()
                {
                    commands.push(Command::SelectDecision(None));
                }
                for i in 0..scenario.decisions.len() {
                    if ui
                        .selectable_label(decision.selected == Some(i), name(i))
                        .clicked()
                    {
                        commands.push(Command::SelectDecision(Some(i)));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(Command::SelectDecision(None).tooltip())
            .widget_info(|| {
                let mut info = WidgetInfo::labeled(Role::ComboBox, true, "Decision");
                info.current_text_value = Some(current.clone());
                info
            });
    });
}

/// The selected decision, when it is not the conference.
pub fn decision_panel_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &DecisionView,
    date: Option<Date>,
    commands: &mut Vec<Command>,
) {
    let scenario = &doc.scenario;
    let Some(decision) = view.decision(scenario) else {
        return;
    };
    ui.heading(&decision.title);
    ui.label(format!(
        "{}, {}",
        kind_word(decision),
        long_date(decision.date)
    ));
    if date.is_some_and(|d| d < decision.date) {
        // Nothing of a decision is shown before the day it was taken.
        ui.label(format!(
            "Taken on {}: the timeline is on an earlier day.",
            long_date(decision.date)
        ));
        let go = Command::SetDate(decision.date);
        if ui
            .button(format!("Go to {}", long_date(decision.date)))
            .on_hover_text(go.tooltip())
            .clicked()
        {
            commands.push(go);
        }
        return;
    }
    if !decision.text.is_empty() {
        ui.label(&decision.text);
    }
    for source in &decision.sources {
        source_ui(ui, scenario, source, commands);
    }
    ui.separator();
    match decision.kind() {
        Some(DecisionKind::Vote(vote)) => {
            if let Some(count) = &view.count {
                vote_ui(ui, scenario, vote, view, count, commands);
            }
        }
        Some(DecisionKind::Meeting(meeting)) => meeting_ui(ui, scenario, meeting, view, commands),
        Some(DecisionKind::Withdrawn(w)) => {
            ui.strong(format!("Withdrawn before a vote in the {}", w.body));
            if let Some(tabled) = w.tabled {
                ui.label(format!("Tabled {}.", long_date(tabled)));
            }
            ui.label(&w.reason);
            source_ui(ui, scenario, &w.source, commands);
        }
        None => {
            ui.label("This decision is neither a meeting, a vote nor a withdrawn draft.");
        }
    }
}

fn meeting_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    meeting: &Conference,
    view: &DecisionView,
    commands: &mut Vec<Command>,
) {
    let Some(report) = &view.meeting else {
        return;
    };
    if !meeting.scenarios.is_empty() {
        ui.horizontal_wrapped(|ui| {
            if ui
                .selectable_label(view.what_if.is_none(), "As it happened")
                .clicked()
            {
                commands.push(Command::SetDecisionWhatIf(None));
            }
            for (i, w) in meeting.scenarios.iter().enumerate() {
                if ui
                    .selectable_label(view.what_if == Some(i), &w.name)
                    .on_hover_text(Command::SetDecisionWhatIf(Some(i)).tooltip())
                    .clicked()
                {
                    commands.push(Command::SetDecisionWhatIf(Some(i)));
                }
            }
        });
        if let Some(w) = view.what_if.and_then(|i| meeting.scenarios.get(i)) {
            if !w.description.is_empty() {
                ui.label(&w.description);
            }
            for source in &w.sources {
                source_ui(ui, scenario, source, commands);
            }
            ui.weak("A what-if, not history.");
        }
    }
    ui.strong(format!("Attending ({})", report.attending.len()));
    ui.label(report.attending.join(", "));
    ui.strong(format!(
        "Invited but staying away ({})",
        report.absent.len()
    ));
    for absent in report.absent.iter().chain(&report.withdrawn) {
        ui.label(format!("{}: {}", absent.id, absent.reason));
        if !absent.source.is_empty() {
            ui.weak(format!("Source: {}", absent.source));
        }
    }
}

fn vote_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    vote: &Vote,
    view: &DecisionView,
    count: &VoteResult,
    commands: &mut Vec<Command>,
) {
    what_if_ui(ui, scenario, vote, view, commands);
    let (word, colour) = if count.adopted {
        ("Adopted", ui.visuals().text_color())
    } else {
        ("Fails", ui.visuals().error_fg_color)
    };
    ui.label(egui::RichText::new(word).heading().color(colour));
    ui.label(&count.reason);
    if let Some(shown) = &view.by_position {
        tally_ui(ui, shown, count);
    }
    ui.separator();
    members_ui(ui, scenario, vote, view, count, commands);
    for settlement in &count.settlements {
        ui.weak(format!(
            "Settled: {}.",
            settlement_text(scenario, vote, settlement)
        ));
    }
    if count.positions == view.history && view.set.is_empty() && view.what_if.is_none() {
        ui.weak("As it happened. Change a member's position to see what follows.");
    }
    ui.separator();
    ui.strong("What flips the outcome");
    if view.flips.is_empty() {
        ui.label("No single change of position turns it over.");
    }
    for flip in &view.flips {
        let id = vote.members[flip.member].id.clone();
        let name = member_name(scenario, vote, flip.member);
        let command = Command::SetPosition(id, flip.to);
        if ui
            .button(format!("{name} {}", flip.to.label()))
            .on_hover_text(command.tooltip())
            .clicked()
        {
            commands.push(command);
        }
    }
}

/// The vote as it happened, or one of its what-ifs (with its sources).
fn what_if_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    vote: &Vote,
    view: &DecisionView,
    commands: &mut Vec<Command>,
) {
    if vote.what_ifs.is_empty() && view.set.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(
                view.what_if.is_none() && view.set.is_empty(),
                "As it happened",
            )
            .clicked()
        {
            commands.push(Command::SetDecisionWhatIf(None));
        }
        for (i, w) in vote.what_ifs.iter().enumerate() {
            if ui
                .selectable_label(view.what_if == Some(i) && view.set.is_empty(), &w.name)
                .on_hover_text(Command::SetDecisionWhatIf(Some(i)).tooltip())
                .clicked()
            {
                commands.push(Command::SetDecisionWhatIf(Some(i)));
            }
        }
        if !view.set.is_empty() && ui.button(Command::ResetPositions.label()).clicked() {
            commands.push(Command::ResetPositions);
        }
    });
    if let Some(w) = view.what_if.and_then(|i| vote.what_ifs.get(i)) {
        if !w.description.is_empty() {
            ui.label(&w.description);
        }
        for source in &w.sources {
            source_ui(ui, scenario, source, commands);
        }
    }
    if !view.set.is_empty() {
        ui.weak("Positions changed by hand: a what-if, not history.");
    }
}

/// The tally as a bar: in favour, abstaining, absent and against, each with
/// its count written in it, and a line where the votes needed reach.
/// `shown` is the scenario the map draws by position: the bar takes its colours.
fn tally_ui(ui: &mut egui::Ui, shown: &Scenario, count: &VoteResult) {
    let t = count.tally;
    let members = count.positions.len().max(1);
    let spoken = format!(
        "Tally: {} in favour, {} against, {} abstaining, {} absent; {} needed",
        t.in_favour, t.against, t.abstaining, t.absent, t.needed
    );
    let (rect, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), size::TALLY_HEIGHT),
        Sense::hover(),
    );
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &spoken));
    let painter = ui.painter_at(rect.expand(2.0));
    let bar = Rect::from_min_max(rect.min, pos2(rect.max.x, rect.max.y - 14.0));
    let per = bar.width() / members as f32;
    let mut x = bar.left();
    // The same colours and order as the map's legend while a vote is shown.
    let colour = |id: &str| {
        shown
            .stance(id)
            .map_or(theme::map::UNKNOWN_STANCE, |(rank, _)| {
                theme::stance_colour(shown, rank)
            })
    };
    for (n, colour, word) in [
        (t.in_favour, colour("for"), "for"),
        (t.abstaining, colour("abstain"), "abstain"),
        (t.absent, colour("absent"), "absent"),
        (t.against, colour("against"), "against"),
    ] {
        if n == 0 {
            continue;
        }
        let segment =
            Rect::from_min_max(pos2(x, bar.top()), pos2(x + per * n as f32, bar.bottom()));
        painter.rect_filled(segment.shrink2(vec2(0.5, 0.0)), 2.0, colour);
        let text = if segment.width() > 64.0 {
            format!("{n} {word}")
        } else {
            n.to_string()
        };
        painter.text(
            segment.center(),
            Align2::CENTER_CENTER,
            text,
            FontId::proportional(12.0),
            theme::text_on(colour),
        );
        x = segment.right();
    }
    // The threshold: where the votes in favour must reach.
    let needed_x = bar.left() + per * t.needed.min(members) as f32;
    let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
    painter.line_segment(
        [
            pos2(needed_x, bar.top() - 2.0),
            pos2(needed_x, bar.bottom() + 2.0),
        ],
        stroke,
    );
    painter.text(
        pos2(needed_x, bar.bottom() + 2.0),
        Align2::CENTER_TOP,
        format!("{} needed", t.needed),
        FontId::proportional(11.0),
        ui.visuals().strong_text_color(),
    );
}

/// Each member with its position (a choice: what if it voted otherwise?),
/// veto holders marked.
fn members_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    vote: &Vote,
    view: &DecisionView,
    count: &VoteResult,
    commands: &mut Vec<Command>,
) {
    ui.strong(format!(
        "Members of the {} ({})",
        vote.body,
        vote.members.len()
    ));
    egui::Grid::new("vote_members")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (i, member) in vote.members.iter().enumerate() {
                let name = member_name(scenario, vote, i);
                let veto = vote.veto_holders.contains(&member.id);
                let vetoing = count.vetoed_by.contains(&i);
                let label = ui.label(name);
                if veto {
                    let tag = egui::RichText::new(if vetoing { "VETO" } else { "veto" }).small();
                    let tag = if vetoing {
                        tag.strong().color(ui.visuals().error_fg_color)
                    } else {
                        tag.weak()
                    };
                    ui.label(tag).on_hover_text(if vetoing {
                        "A veto holder voting against: this blocks the decision"
                    } else {
                        "Holds a veto: voting against would block the decision"
                    });
                } else {
                    ui.label("");
                }
                let current = count.positions[i];
                let mut chosen = current;
                let changed = if view.history.get(i) == Some(&current) {
                    ""
                } else {
                    " (what-if)"
                };
                let because = position_reason(scenario, vote, count, i);
                let by_rule = if because.is_some() {
                    " (by its rule)"
                } else {
                    ""
                };
                let spoken = format!("Position of {name}");
                let combo = egui::ComboBox::from_id_salt(("position", i))
                    .selected_text(format!("{}{by_rule}{changed}", current.label()))
                    .show_ui(ui, |ui| {
                        for position in Position::ALL {
                            ui.selectable_value(&mut chosen, position, position.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                combo.widget_info(|| {
                    let mut info = WidgetInfo::labeled(Role::ComboBox, true, &spoken);
                    info.current_text_value = Some(current.label().to_owned());
                    info
                });
                if let (Some(because), Cause::Rule { rule }) = (&because, count.causes[i]) {
                    let source = vote.rules.get(rule).map_or("", |r| r.source.as_str());
                    let source = scenario
                        .source(source)
                        .map_or_else(|| source.to_owned(), Source::full_citation);
                    combo.on_hover_text(format!("{because}. Source: {source}"));
                }
                if chosen != current {
                    commands.push(Command::SetPosition(member.id.clone(), chosen));
                }
                ui.end_row();
            }
        });
}
