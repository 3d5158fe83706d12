//! How each actor stands toward the meeting the map shows, drawn in one
//! place for the map, the window's legend and every export, so a state looks
//! the same wherever it appears and never relies on colour alone:
//! - attending (or invited, while the outcome is hidden): the glyph alone;
//! - invited but staying away: faded and struck through;
//! - not invited: a dashed ring around the glyph;
//! - hosting: a bar beneath the glyph (with any of the above).

use egui::{Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use crate::theme::map as colours;

/// An actor's place toward the meeting, as the map draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// No meeting to attend, or invited and attending, or invited while the
    /// outcome is hidden (predict first): the glyph alone.
    Plain,
    /// Invited, but staying away.
    StaysAway,
    /// Not on the invitation list.
    NotInvited,
}

impl Presence {
    /// The state of one actor: `invited` is `None` where the scenario has
    /// no meeting.
    pub fn of(invited: Option<bool>, attends: bool, hide_outcome: bool) -> Self {
        match invited {
            Some(false) => Self::NotInvited,
            Some(true) if !attends && !hide_outcome => Self::StaysAway,
            _ => Self::Plain,
        }
    }

    /// How opaque the glyph is drawn.
    pub fn alpha(self) -> f32 {
        match self {
            Self::StaysAway => colours::ABSENT_ALPHA,
            Self::Plain | Self::NotInvited => 1.0,
        }
    }

    /// Words for a screen reader, after the actor's name ("" for plain).
    pub fn words(self) -> &'static str {
        match self {
            Self::Plain => "",
            Self::StaysAway => ", invited but stays away",
            Self::NotInvited => ", not invited",
        }
    }
}

/// How many actors are in each state, for a legend's rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PresenceCounts {
    /// Invited and attending; or, while the outcome is hidden, invited.
    pub invited_plain: usize,
    pub staying_away: usize,
    pub not_invited: usize,
    pub hosting: usize,
    /// The outcome is hidden: the first row says "Invited", not "Attending".
    pub outcome_hidden: bool,
}

impl PresenceCounts {
    /// Counts the states of a scenario's actors; all zero without a meeting.
    pub fn of(
        scenario: &coalition_core::model::Scenario,
        invited: &[bool],
        attending: &[bool],
        hide_outcome: bool,
    ) -> Self {
        let Some(conference) = &scenario.conference else {
            return Self::default();
        };
        let mut counts = Self {
            outcome_hidden: hide_outcome,
            ..Self::default()
        };
        for (index, actor) in scenario.actors.iter().enumerate() {
            if actor.stance.is_empty() {
                // Not in the picture yet on the timeline's day: not drawn.
                continue;
            }
            let invited = invited.get(index).copied().unwrap_or(false);
            let attends = attending.get(index).copied().unwrap_or(true);
            match Presence::of(Some(invited), attends, hide_outcome) {
                Presence::Plain => counts.invited_plain += 1,
                Presence::StaysAway => counts.staying_away += 1,
                Presence::NotInvited => counts.not_invited += 1,
            }
        }
        counts.hosting = scenario
            .actors
            .iter()
            .filter(|a| !a.stance.is_empty() && conference.hosts.contains(&a.id))
            .count();
        counts
    }

    /// The legend's rows: each state in use, with its mark and its number.
    pub fn rows(&self) -> Vec<(Presence, bool, String)> {
        let mut rows = Vec::new();
        if self.invited_plain + self.staying_away + self.not_invited == 0 {
            return rows;
        }
        let first = if self.outcome_hidden {
            "Invited"
        } else {
            "Attending"
        };
        rows.push((
            Presence::Plain,
            false,
            format!("{first} ({})", self.invited_plain),
        ));
        if self.staying_away > 0 {
            rows.push((
                Presence::StaysAway,
                false,
                format!("Invited, staying away ({})", self.staying_away),
            ));
        }
        if self.not_invited > 0 {
            rows.push((
                Presence::NotInvited,
                false,
                format!("Not invited ({})", self.not_invited),
            ));
        }
        if self.hosting > 0 {
            rows.push((Presence::Plain, true, format!("Hosting ({})", self.hosting)));
        }
        rows
    }
}

/// Paints the marks of `presence` (and of hosting) around a glyph of
/// `radius` at `centre`; `scale` is the map look's (1 on screen).
pub fn paint_marks(
    painter: &Painter,
    centre: Pos2,
    radius: f32,
    scale: f32,
    presence: Presence,
    hosts: bool,
) {
    match presence {
        Presence::Plain => {}
        Presence::StaysAway => {
            let d = vec2(1.0, 1.0) * (radius + 3.0 * scale);
            painter.line_segment(
                [centre - d, centre + d],
                Stroke::new(2.5 * scale.sqrt(), colours::ABSENT_STRIKE),
            );
        }
        Presence::NotInvited => {
            // Outside the glyph's widest points (a cross's arms), inside
            // the ring of the timeline's event.
            let ring = radius + 4.5 * scale;
            let points: Vec<Pos2> = (0..=32)
                .map(|k| {
                    let a = std::f32::consts::TAU * k as f32 / 32.0;
                    centre + vec2(a.cos(), a.sin()) * ring
                })
                .collect();
            painter.extend(Shape::dashed_line(
                &points,
                Stroke::new(1.6 * scale.sqrt(), colours::NOT_INVITED_RING),
                3.5 * scale,
                2.5 * scale,
            ));
        }
    }
    if hosts {
        let top = centre.y + 1.45 * radius + 1.5 * scale;
        let bar = Rect::from_min_max(
            pos2(centre.x - 1.2 * radius, top),
            pos2(centre.x + 1.2 * radius, top + (0.4 * radius).max(2.5)),
        );
        painter.rect_filled(bar, 1.0, colours::HOST_BAR);
    }
}

/// A legend's sample of a state: a neutral circle with the state's marks.
pub fn paint_sample(painter: &Painter, centre: Pos2, radius: f32, presence: Presence, hosts: bool) {
    let alpha = presence.alpha();
    let outline = crate::theme::node_stroke();
    super::glyph::paint_glyph(
        painter,
        centre,
        radius,
        crate::theme::Glyph::Circle,
        crate::theme::faded(colours::SAMPLE, alpha),
        Stroke::new(outline.width, crate::theme::faded(outline.color, alpha)),
    );
    paint_marks(painter, centre, radius, 1.0, presence, hosts);
}

/// The window legend's rows for each state in use, each with its sample.
pub fn legend_rows_ui(ui: &mut egui::Ui, counts: &PresenceCounts) {
    for (presence, hosts, text) in counts.rows() {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(24.0, 22.0), egui::Sense::hover());
            paint_sample(
                ui.painter(),
                rect.center() - vec2(0.0, if hosts { 2.0 } else { 0.0 }),
                crate::theme::size::LEGEND_GLYPH,
                presence,
                hosts,
            );
            ui.label(text);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_follows_from_the_invitation_the_outcome_and_whether_it_is_hidden() {
        assert_eq!(Presence::of(None, false, false), Presence::Plain);
        assert_eq!(Presence::of(Some(false), true, false), Presence::NotInvited);
        assert_eq!(Presence::of(Some(true), false, false), Presence::StaysAway);
        assert_eq!(Presence::of(Some(true), false, true), Presence::Plain);
        assert_eq!(Presence::of(Some(true), true, false), Presence::Plain);
    }
}
