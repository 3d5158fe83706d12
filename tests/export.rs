//! Export without a window: the map as SVG that an SVG library reads back
//! with every legend label and every actor's name as text; PNG at twice the
//! size; the handout with every quote and every source; the `export` command.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_core::Document;
use coalition_core::geo::basemap::Basemap;
use coalition_map::cli::export::{ExportArgs, run as run_export};
use coalition_map::export::{self, EXPORT_SIZE, MapPicture};
use resvg::usvg;

fn paris() -> Document {
    Document::new(coalition_core::io::paris_2014().expect("loads"), None)
}

/// Every piece of text in an SVG, as usvg reads it.
fn texts(svg: &str) -> Vec<String> {
    fn walk(group: &usvg::Group, out: &mut Vec<String>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => out.extend(t.chunks().iter().map(|c| c.text().to_owned())),
                _ => {}
            }
        }
    }
    let tree = usvg::Tree::from_str(svg, &export::svg_options()).expect("the SVG parses");
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

#[test]
fn the_map_svg_parses_and_holds_every_legend_label_and_actor_name_as_text() {
    let doc = paris();
    let basemap = Basemap::embedded().expect("outlines");
    let picture = MapPicture::whole_region(&doc, EXPORT_SIZE);
    let svg = export::map_svg(&doc, &basemap, &picture);
    let text = texts(&svg);
    let all = text.join("\n");
    let scenario = &doc.scenario;
    // Each stance with how many hold it that day: "Strikes in Syria (0)".
    for stance in &scenario.stance_scale {
        assert!(
            text.iter()
                .any(|t| t.starts_with(&format!("{} (", stance.label))),
            "legend lacks {}",
            stance.label
        );
    }
    assert!(
        text.iter().any(|t| t == "Stance on 15 September 2014"),
        "{text:?}"
    );
    for kind in scenario
        .relation_kinds
        .iter()
        .filter(|k| k.shown_by_default)
    {
        assert!(text.contains(&kind.label), "legend lacks {}", kind.label);
    }
    let hidden: Vec<_> = scenario
        .relation_kinds
        .iter()
        .filter(|k| !k.shown_by_default)
        .collect();
    assert!(!hidden.is_empty(), "Paris hides air strikes at first");
    for kind in hidden {
        assert!(!text.contains(&kind.label), "{} is not drawn", kind.label);
    }
    // Every actor in the picture on the day shown is named; one not yet in
    // it (Hezbollah, first heard from on 23 September) is not.
    let day = scenario.opens_on().expect("a timeline");
    for (actor, offstage) in scenario.actors.iter().zip(scenario.offstage_at(day)) {
        assert_eq!(all.contains(&actor.name), !offstage, "{}", actor.name);
    }
}

#[test]
fn the_png_is_twice_the_svg_size() {
    let doc = paris();
    let basemap = Basemap::embedded().expect("outlines");
    let picture = MapPicture::whole_region(&doc, egui::vec2(400.0, 250.0));
    let svg = export::map_svg(&doc, &basemap, &picture);
    let png = export::svg_to_png(&svg, 2.0).expect("rasterises");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // The IHDR chunk: width and height, big-endian, at bytes 16..24.
    let width = u32::from_be_bytes(png[16..20].try_into().expect("4 bytes"));
    let height = u32::from_be_bytes(png[20..24].try_into().expect("4 bytes"));
    assert_eq!((width, height), (800, 500));
}

#[test]
fn the_handout_has_every_quote_with_its_source_and_every_source() {
    let doc = paris();
    let basemap = Basemap::embedded().expect("outlines");
    let picture = MapPicture::whole_region(&doc, EXPORT_SIZE);
    let svg = export::handout::handout_svg(&doc, &basemap, &picture, &[]);
    // Long texts wrap over rows: compare with the white space taken out.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let all = squeeze(&texts(&svg).join(" "));
    for quote in &doc.scenario.quotes {
        assert!(
            all.contains(&squeeze(&quote.text)),
            "missing {}",
            quote.text
        );
    }
    for source in &doc.scenario.sources {
        assert!(
            all.contains(&squeeze(&source.full_citation())),
            "missing {}",
            source.id
        );
    }
}

#[test]
fn the_export_command_writes_svg_and_png_and_refuses_what_it_cannot_do() {
    let dir = std::env::temp_dir().join(format!("coalition-map-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let run = |args: ExportArgs| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_export(&args, &mut out, &mut err).code();
        (code, String::from_utf8_lossy(&err).into_owned())
    };
    let svg = dir.join("iran-invited.svg");
    let (code, err) = run(ExportArgs {
        scenario: Some("Iran invited".into()),
        out: svg.clone(),
        ..ExportArgs::default()
    });
    assert_eq!(code, 0, "{err}");
    assert!(texts(&std::fs::read_to_string(&svg).expect("written")).len() > 30);

    let png = dir.join("map.png");
    assert_eq!(
        run(ExportArgs {
            out: png.clone(),
            ..ExportArgs::default()
        })
        .0,
        0
    );
    assert!(
        std::fs::read(&png)
            .expect("written")
            .starts_with(b"\x89PNG")
    );

    let (code, err) = run(ExportArgs {
        out: dir.join("map.gif"),
        ..ExportArgs::default()
    });
    assert_eq!(code, 2);
    assert!(err.contains(".svg or .png"), "{err}");
    let (code, err) = run(ExportArgs {
        scenario: Some("No such what-if".into()),
        out: dir.join("x.svg"),
        ..ExportArgs::default()
    });
    assert_eq!(code, 2);
    assert!(err.contains("no attendance scenario"), "{err}");
    let (code, err) = run(ExportArgs {
        file: Some(dir.join("missing.coalition")),
        out: dir.join("y.svg"),
        ..ExportArgs::default()
    });
    assert_eq!(code, 1);
    assert!(err.contains("could not read"), "{err}");
}

#[test]
fn a_story_step_exports_with_its_what_if_and_highlight() {
    let doc = paris();
    let steps = coalition_map::ui::state::presentation::steps(&doc.scenario);
    let last = steps.len();
    let what_if = 1 + steps
        .iter()
        .position(|s| s.predict.is_some())
        .expect("the story has a what-if step");
    let picture =
        export::picture_for(&doc, Some(what_if), None, None).expect("the what-if step exists");
    assert_eq!(picture.position, steps[what_if - 1].position);
    assert_ne!(picture.position, 0, "the what-if shows Iran invited");
    let fifth = export::picture_for(&doc, Some(5), None, None).expect("step 5 exists");
    assert_eq!(fifth.options.highlight, steps[4].highlight);
    assert!(fifth.options.highlight.is_some());
    // A dated step draws its day.
    let final_step = export::picture_for(&doc, Some(last), None, None).expect("the last step");
    assert_eq!(final_step.date, steps[last - 1].date);
    assert!(final_step.date.is_some());
    let err = export::picture_for(&doc, Some(last + 1), None, None).expect_err("no such step");
    assert!(err.contains("counted from 1"), "{err}");
}

/// Each line drawn in `colour`: its width and its length (a dash, or a
/// whole line).
fn lines_in(shapes: &[egui::epaint::ClippedShape], colour: egui::Color32) -> Vec<(f32, f32)> {
    shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::LineSegment { points, stroke } if stroke.color == colour => {
                Some((stroke.width, points[0].distance(points[1])))
            }
            egui::Shape::Path(path)
                if path.stroke.color == egui::epaint::ColorMode::Solid(colour) =>
            {
                let length = path.points.windows(2).map(|w| w[0].distance(w[1])).sum();
                Some((path.stroke.width, length))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_legend_draws_each_relation_kind_as_the_map_draws_its_edges() {
    use coalition_core::model::LineStyle;
    use coalition_map::theme;
    let doc = paris();
    let basemap = Basemap::embedded().expect("outlines");
    let mut picture = MapPicture::whole_region(&doc, EXPORT_SIZE);
    picture.legend = false;
    picture.hidden_relation_kinds.clear();
    let map = export::capture(EXPORT_SIZE, |ui, maps| {
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, EXPORT_SIZE);
        export::paint_map(ui, rect, &doc, &basemap, &picture, maps);
    });
    let hidden = std::collections::BTreeSet::new();
    let legend = export::capture(EXPORT_SIZE, |ui, _| {
        let key = export::Legend {
            scenario: &doc.scenario,
            hidden: &hidden,
            short: &[],
            look: picture.options.look,
            date: None,
            presence: export::PresenceCounts::default(),
            title: None,
            what_if: None,
            sources: None,
        };
        export::paint_legend(ui.painter(), egui::pos2(10.0, 10.0), &key);
    });
    let mut styles_seen = std::collections::BTreeSet::new();
    for (index, kind) in doc.scenario.relation_kinds.iter().enumerate() {
        let colour = theme::relation_colour(index);
        let on_map = lines_in(&map.shapes, colour);
        let in_legend = lines_in(&legend.shapes, colour);
        assert!(
            !in_legend.is_empty(),
            "{}: no sample in the legend",
            kind.id
        );
        if on_map.is_empty() {
            continue;
        }
        // A whole dash is the longest piece; the legend's sample and the
        // map's edges are cut from the same pattern at the same width.
        let longest = |lines: &[(f32, f32)]| lines.iter().map(|l| l.1).fold(0.0, f32::max);
        let widest = |lines: &[(f32, f32)]| lines.iter().map(|l| l.0).fold(0.0, f32::max);
        assert!(
            (widest(&on_map) - widest(&in_legend)).abs() < 1e-3,
            "{}: map {} wide, legend {}",
            kind.id,
            widest(&on_map),
            widest(&in_legend)
        );
        if kind.line == LineStyle::Solid {
            assert_eq!(in_legend.len(), 1, "{}: one solid sample", kind.id);
        } else {
            assert!(in_legend.len() > 1, "{}: a broken sample", kind.id);
            assert!(
                (longest(&on_map) - longest(&in_legend)).abs() < 0.05,
                "{}: dashes {} on the map, {} in the legend",
                kind.id,
                longest(&on_map),
                longest(&in_legend)
            );
        }
        styles_seen.insert(format!("{:?}", kind.line));
    }
    assert_eq!(
        styles_seen.len(),
        LineStyle::ALL.len(),
        "Paris 2014 shows every line style: {styles_seen:?}"
    );
}

#[test]
fn small_multiples_parse_as_svg_and_show_each_day_with_its_counts() {
    let doc = paris();
    let basemap = Basemap::embedded().expect("outlines");
    let days: Vec<coalition_core::model::Date> =
        ["2014-09-15", "2014-09-23", "2014-10-09", "2014-11-02"]
            .iter()
            .map(|d| d.parse().expect("a day"))
            .collect();
    export::multiples::check_days(&doc, &days).expect("four days on the timeline");
    let picture = MapPicture::whole_region(&doc, EXPORT_SIZE);
    let svg = export::multiples::multiples_svg(&doc, &basemap, &days, &picture);
    let text = texts(&svg);
    for (day, syria, iraq) in [
        ("15 September 2014", 0, 1),
        ("23 September 2014", 6, 1),
        ("9 October 2014", 6, 5),
        ("2 November 2014", 6, 6),
    ] {
        assert!(text.iter().any(|t| t == day), "no heading {day}");
        assert!(
            text.iter().any(|t| *t == format!("Stance on {day}")),
            "{day}"
        );
        // The legend beside each heading counts that day's stances; the
        // counts appear in the order the days do.
        assert!(
            text.iter()
                .any(|t| *t == format!("Strikes in Syria ({syria})")),
            "{day}: Syria {syria}"
        );
        assert!(
            text.iter()
                .any(|t| *t == format!("Strikes in Iraq only ({iraq})")),
            "{day}: Iraq {iraq}"
        );
    }
    // Four maps: four captions.
    assert_eq!(
        text.iter()
            .filter(|t| t.starts_with("Schematic map"))
            .count(),
        4
    );
    let five = [days.clone(), vec![days[0]]].concat();
    assert!(export::multiples::check_days(&doc, &five).is_err());
}

#[test]
fn the_file_menu_s_days_side_by_side_are_the_story_s_days_and_the_one_shown() {
    let doc = paris();
    let basemap = Basemap::embedded().expect("outlines");
    let day = |d: &str| d.parse::<coalition_core::model::Date>().expect("a day");
    let days = export::multiples::default_days(&doc, Some(day("2014-10-07")));
    assert_eq!(
        days,
        [
            day("2014-09-15"),
            day("2014-09-23"),
            day("2014-10-07"),
            day("2014-11-02")
        ]
    );
    let mut picture = MapPicture::whole_region(&doc, EXPORT_SIZE);
    picture.date = Some(day("2014-10-07"));
    let svg = export::render(
        coalition_map::ui::command::Picture::DaysSvg,
        &doc,
        &basemap,
        &picture,
    )
    .expect("draws");
    let text = texts(&String::from_utf8(svg).expect("SVG text"));
    assert!(text.iter().any(|t| t == "7 October 2014"), "{text:?}");
    // Without a timeline there are no days to draw, and it says so.
    let mut plain = paris();
    plain.scenario.timeline = None;
    let err = export::render(
        coalition_map::ui::command::Picture::DaysPng,
        &plain,
        &basemap,
        &MapPicture::whole_region(&plain, EXPORT_SIZE),
    )
    .expect_err("no timeline");
    assert!(err.to_string().contains("timeline"), "{err}");
}

#[test]
fn the_legend_names_the_scenario_and_its_what_if_and_has_a_row_for_those_who_stay_away() {
    let doc = paris();
    let basemap = Basemap::embedded().expect("outlines");
    let away_rows = |svg: &str| -> Vec<String> {
        texts(svg)
            .into_iter()
            .filter(|t| t.starts_with("Invited, staying away ("))
            .collect()
    };
    // As it happened, everyone invited came: no row.
    let as_it_happened =
        export::map_svg(&doc, &basemap, &MapPicture::whole_region(&doc, EXPORT_SIZE));
    assert!(away_rows(&as_it_happened).is_empty());
    // A what-if in which some stay away (Iran invited): a row with their number.
    let mut rows = Vec::new();
    for named in doc.scenario.attendance_scenarios() {
        let picture =
            export::picture_for(&doc, None, Some(&named.id), None).expect("a named scenario");
        rows.extend(away_rows(&export::map_svg(&doc, &basemap, &picture)));
    }
    assert!(
        !rows.is_empty(),
        "no what-if of Paris has anyone staying away"
    );
    assert!(
        rows.iter().all(|r| r != "Invited, staying away (0)"),
        "{rows:?}"
    );
    // The picture says which scenario and which what-if it is.
    let iran = export::picture_for(&doc, None, Some("iran-invited"), None).expect("a what-if");
    let text = texts(&export::map_svg(&doc, &basemap, &iran));
    assert!(text.contains(&doc.scenario.title), "{text:?}");
    assert!(
        text.iter().any(|t| t == "Invitations: Iran invited"),
        "{text:?}"
    );
    assert!(
        texts(&as_it_happened)
            .iter()
            .any(|t| t == "Invitations: As it happened: Iran not invited"),
        "the first list is named too"
    );
}

#[test]
fn the_legend_lists_each_state_toward_the_meeting_and_the_map_draws_each_differently() {
    use coalition_map::theme::map::{HOST_BAR, NOT_INVITED_RING};
    let doc = paris();
    let basemap = Basemap::embedded().expect("outlines");
    let picture = MapPicture::whole_region(&doc, EXPORT_SIZE);
    let text = texts(&export::map_svg(&doc, &basemap, &picture));
    let conference = doc.scenario.conference.as_ref().expect("Paris has one");
    // Every actor in the picture on the day shown is in exactly one row.
    let row = |prefix: &str| -> usize {
        let found = text
            .iter()
            .find_map(|t| t.strip_prefix(prefix)?.strip_suffix(')')?.parse().ok());
        found.unwrap_or_else(|| panic!("no row {prefix}…: {text:?}"))
    };
    let (attending, not_invited, hosting) =
        (row("Attending ("), row("Not invited ("), row("Hosting ("));
    assert_eq!(hosting, conference.hosts.len());
    assert!(not_invited > 0, "Iran and Syria were not invited");
    // The map alone, without its legend's samples.
    let bare = MapPicture {
        legend: false,
        ..picture.clone()
    };
    let drawn = export::capture(EXPORT_SIZE, |ui, maps| {
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, EXPORT_SIZE);
        export::paint_map(ui, rect, &doc, &basemap, &bare, maps);
    });
    assert_eq!(
        drawn_counts(&doc, &basemap, &picture).not_invited,
        not_invited
    );
    assert!(attending > not_invited);
    // Each not-invited actor has its dashed ring (many short dashes), each host its bar.
    let dashes = lines_in(&drawn.shapes, NOT_INVITED_RING).len();
    assert!(dashes >= 10 * not_invited, "{dashes} dashes");
    let host_bars = drawn
        .shapes
        .iter()
        .filter(|c| matches!(&c.shape, egui::Shape::Rect(r) if r.fill == HOST_BAR))
        .count();
    assert_eq!(host_bars, hosting);
    // And it says where it comes from.
    assert!(
        text.iter()
            .any(|t| t.starts_with("Sources: ") && t.contains(&doc.scenario.sources[0].publisher)),
        "{text:?}"
    );
}

fn drawn_counts(doc: &Document, basemap: &Basemap, picture: &MapPicture) -> export::PresenceCounts {
    let mut counts = export::PresenceCounts::default();
    export::capture(EXPORT_SIZE, |ui, maps| {
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, EXPORT_SIZE);
        counts = export::paint_map(ui, rect, doc, basemap, picture, maps).presence;
    });
    counts
}
