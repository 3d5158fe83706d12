//! What leaders said: every quote, or the selected actor's, each with speaker,
//! date and source. Different renderings of one statement are shown together.

use crate::ui::command::Command;
use crate::ui::state::ViewState;
use crate::ui::widgets::source_view::source_ui;
use coalition_core::model::{Date, Quote, QuoteKind, Scenario, text};

/// How many quote cards are laid out before "Show more".
pub const QUOTES_PER_PAGE: usize = 40;

/// The quotes the panel lists: the selected actor's (unless all are asked
/// for), leaving out variants, which are shown inside their main quote.
pub fn listed_quotes<'a>(scenario: &'a Scenario, view: &ViewState) -> Vec<&'a Quote> {
    let actor = if view.all_quotes {
        None
    } else {
        view.selected.as_deref()
    };
    scenario
        .quotes
        .iter()
        .filter(|q| q.variant_of.is_none())
        .filter(|q| actor.is_none_or(|a| q.actor.as_deref() == Some(a)))
        .collect()
}

pub fn quotes_panel_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let selected_name = view
        .selected
        .as_deref()
        .and_then(|id| scenario.actor(id))
        .map(|a| a.shown_name().into_owned());
    ui.horizontal(|ui| {
        ui.heading("Quotes");
        if let Some(name) = &selected_name {
            ui.selectable_value(&mut view.all_quotes, false, name.as_str())
                .on_hover_text("Only what this actor's people said");
            ui.selectable_value(&mut view.all_quotes, true, "All")
                .on_hover_text("Every quote in the scenario");
        }
    });
    let quotes = listed_quotes(scenario, view);
    if quotes.is_empty() {
        match &selected_name {
            Some(name) if !view.all_quotes => {
                ui.label(format!("No quotes from {name} in this scenario."))
            }
            _ => ui.label("This scenario has no quotes."),
        };
    }
    egui::ScrollArea::vertical()
        .id_salt("quotes_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Long lists are shown a page at a time: laying out thousands of
            // cards every frame would make the window sluggish.
            let shown = view.quotes_shown.max(QUOTES_PER_PAGE);
            for quote in quotes.iter().take(shown) {
                quote_card_ui(
                    ui,
                    scenario,
                    quote,
                    (
                        view.focused_quote.as_deref() == Some(quote.id.as_str()),
                        view.time.date,
                    ),
                    commands,
                );
            }
            if quotes.len() > shown {
                let more = (quotes.len() - shown).min(QUOTES_PER_PAGE);
                if ui
                    .button(format!("Show {more} more of {} quotes", quotes.len()))
                    .clicked()
                {
                    view.quotes_shown = shown + QUOTES_PER_PAGE;
                }
            }
        });
}

/// The text as shown: verbatim words in quotation marks, a paraphrase marked as such.
pub fn quote_display_text(quote: &Quote) -> String {
    match quote.kind {
        QuoteKind::Verbatim => format!("“{}”", text::long(&quote.text)),
        QuoteKind::Paraphrase => format!("Paraphrase: {}", text::long(&quote.text)),
    }
}

fn quote_card_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    quote: &Quote,
    (focused, on): (bool, Option<Date>),
    commands: &mut Vec<Command>,
) {
    let mut frame = egui::Frame::group(ui.style());
    if focused {
        frame = frame.stroke(ui.visuals().selection.stroke);
    }
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        quote_body_ui(ui, scenario, quote, on, commands);
        let variants: Vec<&Quote> = scenario
            .quotes
            .iter()
            .filter(|q| q.variant_of.as_deref() == Some(quote.id.as_str()))
            .collect();
        if !variants.is_empty() {
            ui.add_space(2.0);
            ui.label(
                egui::RichText::new("Sources differ. Also reported as:")
                    .strong()
                    .small(),
            );
            for variant in variants {
                ui.indent(("variant", &variant.id), |ui| {
                    quote_body_ui(ui, scenario, variant, on, commands);
                });
            }
        }
        if quote.actor.is_some()
            && ui
                .small_button("Show on map")
                .on_hover_text(Command::FocusQuote(quote.id.clone()).tooltip())
                .clicked()
        {
            commands.push(Command::FocusQuote(quote.id.clone()));
        }
    });
}

/// Whether `quote` was said after `on`, the timeline's day.
pub fn said_later(quote: &Quote, on: Option<Date>) -> Option<Date> {
    let said = quote.date.parse::<Date>().ok()?;
    (said > on?).then_some(said)
}

fn quote_body_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    quote: &Quote,
    on: Option<Date>,
    commands: &mut Vec<Command>,
) {
    if let Some(said) = said_later(quote, on) {
        ui.label(
            egui::RichText::new(format!("Later: said on {said}, after the day shown"))
                .small()
                .strong()
                .color(ui.visuals().warn_fg_color),
        );
    }
    let text = egui::RichText::new(quote_display_text(quote));
    ui.label(if quote.kind == QuoteKind::Verbatim {
        text.italics()
    } else {
        text
    });
    let mut who = quote.speaker.clone();
    if !quote.role.is_empty() {
        who.push_str(", ");
        who.push_str(&quote.role);
    }
    if !quote.date.is_empty() {
        who.push_str(" · ");
        who.push_str(&quote.date);
    }
    ui.label(egui::RichText::new(who).strong().small());
    if !quote.context.is_empty() {
        ui.label(egui::RichText::new(&quote.context).small().weak());
    }
    source_ui(ui, scenario, &quote.source, commands);
}
