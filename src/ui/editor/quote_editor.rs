//! Editor tab: quotes and the sources they cite. A quote without a source is
//! flagged in the list and in its form.

use super::{
    ItemForm, ListSpec, actor_options, choice, list_ui, section_heading, source_options, text_area,
    text_field,
};
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use coalition_core::edit::fresh_id;
use coalition_core::edit::{Item, List};
use coalition_core::model::{Quote, QuoteKind, Scenario, Source};

/// What the list and the form say about a quote whose source is missing.
fn source_flag(scenario: &Scenario, quote: &Quote) -> Option<&'static str> {
    if quote.source.trim().is_empty() {
        Some("No source: every quote needs one.")
    } else if scenario.source(&quote.source).is_none() {
        Some("Its source is not in the list of sources.")
    } else {
        None
    }
}

pub fn quote_editor_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    section_heading(ui, "Quotes");
    let rows: Vec<String> = scenario
        .quotes
        .iter()
        .map(|q| {
            let text: String = q.text.chars().take(40).collect();
            let flag = if source_flag(scenario, q).is_some() {
                "[no source] "
            } else {
                ""
            };
            format!("{flag}{}: {text}", q.speaker)
        })
        .collect();
    let chosen = view.edit.chosen(List::Quotes, rows.len());
    let new_quote = Quote {
        id: fresh_id("quote", |id| scenario.quote(id).is_some()),
        actor: view.selected.clone(),
        kind: QuoteKind::Verbatim,
        ..Quote::default()
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::Quotes,
            rows: &rows,
            chosen,
            new_item: Some(Item::Quote(new_quote)),
            ordered: true,
            keep_because: None,
        },
        commands,
    );
    if let Some(index) = chosen {
        quote_form_ui(ui, scenario, index, commands);
    }

    ui.separator();
    section_heading(ui, "Sources");
    let rows: Vec<String> = scenario
        .sources
        .iter()
        .map(|s| format!("{}: {}", s.id, s.citation()))
        .collect();
    let chosen = view.edit.chosen(List::Sources, rows.len());
    let keep_because = chosen.and_then(|i| {
        let used = view.edit.uses(List::Sources, i);
        (used > 0).then(|| format!("Cited {used} time(s); change those first."))
    });
    let new_source = Source {
        id: fresh_id("source", |id| scenario.source(id).is_some()),
        ..Source::default()
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::Sources,
            rows: &rows,
            chosen,
            new_item: Some(Item::Source(new_source)),
            ordered: true,
            keep_because,
        },
        commands,
    );
    if let Some(index) = chosen {
        source_form_ui(ui, &scenario.sources[index], index, commands);
    }
}

fn quote_form_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let quote = &scenario.quotes[index];
    let mut form = ItemForm {
        list: List::Quotes,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut Quote)| {
        let mut changed = quote.clone();
        f(&mut changed);
        Item::Quote(changed)
    };
    if let Some(v) = text_area(ui, "Quote text", &quote.text) {
        form.changed("text", with(&|q| q.text.clone_from(&v)));
    }
    let kinds = [
        (
            "verbatim".to_owned(),
            "Verbatim: the speaker's words".to_owned(),
        ),
        (
            "paraphrase".to_owned(),
            "Paraphrase: a report of them".to_owned(),
        ),
    ];
    let current = match quote.kind {
        QuoteKind::Verbatim => "verbatim",
        QuoteKind::Paraphrase => "paraphrase",
    };
    if let Some(v) = choice(ui, "Quote kind", current, &kinds, None) {
        let kind = if v == "paraphrase" {
            QuoteKind::Paraphrase
        } else {
            QuoteKind::Verbatim
        };
        form.changed("kind", with(&|q| q.kind = kind));
    }
    if let Some(v) = text_field(ui, "Speaker", &quote.speaker) {
        form.changed("speaker", with(&|q| q.speaker.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "Role", &quote.role) {
        form.changed("role", with(&|q| q.role.clone_from(&v)));
    }
    let actor = quote.actor.clone().unwrap_or_default();
    let actors = actor_options(scenario);
    if let Some(v) = choice(ui, "Speaks for", &actor, &actors, Some("(no actor)")) {
        form.changed(
            "actor",
            with(&|q| q.actor = (!v.is_empty()).then(|| v.clone())),
        );
    }
    if let Some(v) = text_field(ui, "Date said", &quote.date) {
        form.changed("date", with(&|q| q.date.clone_from(&v)));
    }
    let sources = source_options(scenario);
    if let Some(v) = choice(ui, "Source", &quote.source, &sources, Some("(no source)")) {
        form.changed("source", with(&|q| q.source.clone_from(&v)));
    }
    if let Some(flag) = source_flag(scenario, quote) {
        ui.colored_label(ui.visuals().warn_fg_color, flag);
    }
    if let Some(v) = text_area(ui, "Context", &quote.context) {
        form.changed("context", with(&|q| q.context.clone_from(&v)));
    }
    let others: Vec<(String, String)> = scenario
        .quotes
        .iter()
        .filter(|q| q.id != quote.id)
        .map(|q| (q.id.clone(), format!("{} ({})", q.speaker, q.id)))
        .collect();
    let variant = quote.variant_of.clone().unwrap_or_default();
    if let Some(v) = choice(
        ui,
        "Renders the same words as",
        &variant,
        &others,
        Some("(none)"),
    ) {
        form.changed(
            "variant",
            with(&|q| q.variant_of = (!v.is_empty()).then(|| v.clone())),
        );
    }
    if let Some(v) = text_field(ui, "Quote id", &quote.id) {
        form.changed("id", with(&|q| q.id.clone_from(&v)));
    }
}

fn source_form_ui(ui: &mut egui::Ui, source: &Source, index: usize, commands: &mut Vec<Command>) {
    let mut form = ItemForm {
        list: List::Sources,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut Source)| {
        let mut changed = source.clone();
        f(&mut changed);
        Item::Source(changed)
    };
    if let Some(v) = text_field(ui, "Source id", &source.id) {
        form.changed("id", with(&|s| s.id.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "Publisher", &source.publisher) {
        form.changed("publisher", with(&|s| s.publisher.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "Title", &source.title) {
        form.changed("title", with(&|s| s.title.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "Published", &source.date) {
        form.changed("date", with(&|s| s.date.clone_from(&v)));
    }
    let optional = |v: &str| (!v.trim().is_empty()).then(|| v.to_owned());
    if let Some(v) = text_field(ui, "Address (URL)", source.url.as_deref().unwrap_or("")) {
        form.changed("url", with(&|s| s.url = optional(&v)));
    }
    if let Some(v) = text_field(
        ui,
        "Where to find it",
        source.locator.as_deref().unwrap_or(""),
    ) {
        form.changed("locator", with(&|s| s.locator = optional(&v)));
    }
}
