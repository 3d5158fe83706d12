//! The map's background as a picture on the GPU.
//!
//! The countries and the relation edges are tessellated once for a view
//! (see `map_view`), but a plain egui mesh is copied into every frame's
//! output, uploaded again and rasterised again: about 66,000 vertices for
//! Paris 2014 and 800,000 for a world-sized scenario, which in software
//! rendering (Mesa llvmpipe) costs far more than the rest of the window.
//! Here, when either layer changes, both are rendered into a texture, the
//! map's *picture*, registered with egui like any image; each frame draws
//! that picture as one textured rectangle, moved by whole pixels while the
//! map is dragged and scaled during a zoom gesture.
//!
//! The layers are rendered by a pipeline of our own with egui's vertex
//! format, colour handling and blending, so the picture matches plain
//! meshes. Its fragment shader passes the vertex colour on, faded across
//! the borders it feathers itself ([`add_feathered_line`]) and cut into
//! dashes along the edges it strokes itself ([`add_stroked_line`]); egui's own
//! samples a texture for every pixel, and drawing the same layers through it
//! put the world scenario's first painted frame at 1.24 s against 0.72 s
//! with this one, in one run of `cargo bench --bench startup` (software
//! rendering).
//!
//! The pipeline's shaders are compiled ahead, on a worker thread, while the
//! first frame's panels are laid out ([`LayersPipeline::warm_up`]).
//!
//! Without wgpu (an egui context with no renderer, the export, or a test
//! harness without a GPU) `map_view` paints plain meshes.

use std::sync::Arc;

use eframe::egui_wgpu::{self, wgpu};
use egui::emath::TSTransform;
use egui::{Color32, Mesh, Pos2, Rect, Stroke, TextureId, Vec2, pos2};
use wgpu::util::DeviceExt as _;

use crate::theme::size;
use coalition_core::model::LineStyle;

/// Renders the map's layers into a texture and keeps it.
pub struct MapPicture {
    render_state: egui_wgpu::RenderState,
    layers: LayersPipeline,
    current: Option<Picture>,
}

/// The pipeline the layers are drawn with, and the GPU it runs on (all
/// handles: cloning shares them).
#[derive(Clone)]
struct LayersPipeline {
    device: wgpu::Device,
    queue: wgpu::Queue,
    pipeline: wgpu::RenderPipeline,
    bind_group_layout: wgpu::BindGroupLayout,
    /// The pictures' texture format: the screen's.
    format: wgpu::TextureFormat,
}

impl std::fmt::Debug for MapPicture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapPicture")
            .field("covered", &self.current.as_ref().map(|p| p.covered))
            .finish_non_exhaustive()
    }
}

/// The layers rendered into a texture, and where.
struct Picture {
    /// The meshes it was rendered from: the same `Arc`s mean the same picture.
    countries: Arc<Mesh>,
    edges: Arc<Mesh>,
    pixels_per_point: f32,
    /// The screen rectangle it covered when rendered...
    covered: Rect,
    /// ...and where the countries' layer was put then: the picture follows
    /// as that changes (a pan moves it, a zoom gesture scales it).
    placed: TSTransform,
    texture: TextureId,
}

impl MapPicture {
    /// A picture drawn with `render_state`'s renderer, if its screen format
    /// lets a texture of the same format be drawn back unchanged (egui's
    /// renderer treats textures as gamma-encoded: a linear `…Srgb` screen
    /// would decode them twice).
    ///
    /// Starts compiling the pipeline's shaders on a worker thread
    /// ([`LayersPipeline::warm_up`]).
    pub fn new(render_state: &egui_wgpu::RenderState) -> Option<Self> {
        if render_state.target_format.is_srgb() {
            return None;
        }
        let layers = LayersPipeline::new(render_state);
        // Left to finish on its own. If it cannot start, the first picture
        // compiles the shaders as before: nothing else is lost.
        drop(layers.clone().warm_up());
        Some(Self {
            render_state: render_state.clone(),
            layers,
            current: None,
        })
    }

    /// Whether a picture has been rendered (from the second frame on).
    pub fn is_rendered(&self) -> bool {
        self.current.is_some()
    }

    /// The picture of `countries` and `edges`, each put where its transform
    /// says, on `ground` (opaque), covering `covers` (screen points):
    /// rendered again only if a layer or the pixel density changed. Returns
    /// its texture and where it goes on screen now. `feathering` (points) is
    /// what the layers' lines were built with.
    pub fn show(
        &mut self,
        countries: (&Arc<Mesh>, TSTransform),
        edges: (&Arc<Mesh>, TSTransform),
        covers: Rect,
        pixels_per_point: f32,
        feathering: f32,
        ground: Color32,
    ) -> (TextureId, Rect) {
        let current = self.current.as_ref().is_some_and(|p| {
            Arc::ptr_eq(&p.countries, countries.0)
                && Arc::ptr_eq(&p.edges, edges.0)
                && p.pixels_per_point.to_bits() == pixels_per_point.to_bits()
        });
        let picture = match self.current.take() {
            Some(picture) if current => picture,
            stale => {
                let previous = stale.map(|p| p.texture);
                self.render(
                    countries,
                    edges,
                    (covers, ground),
                    (pixels_per_point, feathering),
                    previous,
                )
            }
        };
        let picture = self.current.insert(picture);
        let since = countries.1 * picture.placed.inverse();
        if (since.scaling - 1.0).abs() < 1e-6 {
            // Moved as the map was dragged since, by whole pixels.
            let min = ((picture.covered.min.to_vec2() + since.translation) * pixels_per_point)
                .round()
                / pixels_per_point;
            (
                picture.texture,
                Rect::from_min_size(min.to_pos2(), picture.covered.size()),
            )
        } else {
            // Scaled by a zoom gesture, until it settles.
            (picture.texture, since * picture.covered)
        }
    }

    fn render(
        &self,
        countries: (&Arc<Mesh>, TSTransform),
        edges: (&Arc<Mesh>, TSTransform),
        (covers, ground): (Rect, Color32),
        (ppp, feathering): (f32, f32),
        previous: Option<TextureId>,
    ) -> Picture {
        let device = &self.layers.device;
        // Whole pixels, and no larger than the GPU allows (a huge window on
        // a small GPU shows the middle of the map while dragged).
        let max_side = device.limits().max_texture_dimension_2d as f32;
        let pixels = (covers.size() * ppp)
            .ceil()
            .min(Vec2::splat(max_side))
            .max(Vec2::splat(1.0));
        let min = ((covers.center().to_vec2() * ppp - pixels / 2.0).round() / ppp).to_pos2();
        let covered = Rect::from_min_size(min, pixels / ppp);
        // Each layer's vertices are in screen points: put by its transform,
        // then moved by the picture's corner, they land in the texture.
        let layers: Vec<_> = [countries, edges]
            .into_iter()
            .map(|(mesh, placed)| {
                let offset = placed.translation - covered.min.to_vec2();
                let placed = TSTransform::new(offset, placed.scaling);
                (
                    &**mesh,
                    LayerLocals::new(covered.size(), placed, feathering),
                )
            })
            .collect();
        let view = self
            .layers
            .draw([pixels.x as u32, pixels.y as u32], ground, &layers);

        // Shown texel for pixel (linear filtering then samples just that
        // texel), except while a zoom gesture scales it: smooth then.
        let mut renderer = self.render_state.renderer.write();
        let id = match previous {
            Some(id) => {
                renderer.update_egui_texture_from_wgpu_texture(
                    device,
                    &view,
                    wgpu::FilterMode::Linear,
                    id,
                );
                id
            }
            None => renderer.register_native_texture(device, &view, wgpu::FilterMode::Linear),
        };
        Picture {
            countries: countries.0.clone(),
            edges: edges.0.clone(),
            pixels_per_point: ppp,
            covered,
            placed: countries.1,
            texture: id,
        }
    }
}

impl LayersPipeline {
    fn new(render_state: &egui_wgpu::RenderState) -> Self {
        let device = &render_state.device;
        let format = render_state.target_format;
        let shader = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some("map_layers"),
            source: wgpu::ShaderSource::Wgsl(LAYERS_SHADER.into()),
        });
        let bind_group_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("map_layers"),
            entries: &[wgpu::BindGroupLayoutEntry {
                binding: 0,
                visibility: wgpu::ShaderStages::VERTEX_FRAGMENT,
                ty: wgpu::BindingType::Buffer {
                    ty: wgpu::BufferBindingType::Uniform,
                    has_dynamic_offset: false,
                    min_binding_size: None,
                },
                count: None,
            }],
        });
        let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("map_layers"),
            bind_group_layouts: &[Some(&bind_group_layout)],
            immediate_size: 0,
        });
        let pipeline = device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
            label: Some("map_layers"),
            layout: Some(&layout),
            vertex: wgpu::VertexState {
                module: &shader,
                entry_point: Some("vs_main"),
                // egui's `Vertex`: position, texture coordinates (the map is
                // untextured: they mark feathered and stroked lines),
                // premultiplied sRGBA colour.
                buffers: &[Some(wgpu::VertexBufferLayout {
                    array_stride: std::mem::size_of::<egui::epaint::Vertex>() as u64,
                    step_mode: wgpu::VertexStepMode::Vertex,
                    attributes: &wgpu::vertex_attr_array![0 => Float32x2, 1 => Float32x2, 2 => Uint32],
                })],
                compilation_options: wgpu::PipelineCompilationOptions::default(),
            },
            primitive: wgpu::PrimitiveState::default(),
            depth_stencil: None,
            multisample: wgpu::MultisampleState::default(),
            fragment: Some(wgpu::FragmentState {
                module: &shader,
                entry_point: Some("fs_main"),
                targets: &[Some(wgpu::ColorTargetState {
                    format,
                    blend: Some(BLEND),
                    write_mask: wgpu::ColorWrites::ALL,
                })],
                compilation_options: wgpu::PipelineCompilationOptions::default(),
            }),
            multiview_mask: None,
            cache: None,
        });
        Self {
            device: device.clone(),
            queue: render_state.queue.clone(),
            pipeline,
            bind_group_layout,
            format,
        }
    }

    /// Draws `layers` (each a mesh and the uniform placing it) over `ground`
    /// into a new texture of `size` pixels, and submits the work. Returns
    /// the texture's view.
    fn draw(
        &self,
        [width, height]: [u32; 2],
        ground: Color32,
        layers: &[(&Mesh, LayerLocals)],
    ) -> wgpu::TextureView {
        let device = &self.device;
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("map_picture"),
            size: wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::TEXTURE_BINDING,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let buffers: Vec<_> = layers
            .iter()
            .filter(|(mesh, _)| !mesh.indices.is_empty())
            .map(|(mesh, locals)| {
                let uniform = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                    label: Some("map_layer_locals"),
                    contents: bytemuck::bytes_of(locals),
                    usage: wgpu::BufferUsages::UNIFORM,
                });
                let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
                    label: Some("map_layer_locals"),
                    layout: &self.bind_group_layout,
                    entries: &[wgpu::BindGroupEntry {
                        binding: 0,
                        resource: uniform.as_entire_binding(),
                    }],
                });
                let vertices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                    label: Some("map_layer_vertices"),
                    contents: bytemuck::cast_slice(&mesh.vertices),
                    usage: wgpu::BufferUsages::VERTEX,
                });
                let indices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                    label: Some("map_layer_indices"),
                    contents: bytemuck::cast_slice(&mesh.indices),
                    usage: wgpu::BufferUsages::INDEX,
                });
                (bind_group, vertices, indices, mesh.indices.len() as u32)
            })
            .collect();
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("map_picture"),
        });
        {
            let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
                label: Some("map_picture"),
                color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                    view: &view,
                    resolve_target: None,
                    ops: wgpu::Operations {
                        // Clearing costs less than a shape over the whole
                        // texture (software rendering shades every pixel).
                        load: wgpu::LoadOp::Clear(gamma_encoded(ground)),
                        store: wgpu::StoreOp::Store,
                    },
                    depth_slice: None,
                })],
                ..Default::default()
            });
            pass.set_pipeline(&self.pipeline);
            for (bind_group, vertices, indices, count) in &buffers {
                pass.set_bind_group(0, bind_group, &[]);
                pass.set_vertex_buffer(0, vertices.slice(..));
                pass.set_index_buffer(indices.slice(..), wgpu::IndexFormat::Uint32);
                pass.draw_indexed(0..*count, 0, 0..1);
            }
        }
        self.queue.submit(std::iter::once(encoder.finish()));
        view
    }

    /// OpenGL drivers, Mesa's software rasteriser among them, compile a
    /// pipeline's shaders for the state it first draws with, when it does:
    /// about 10 ms on the development machine, which the first frame would
    /// spend on the main thread. This draws one triangle into a one-pixel
    /// texture on a worker thread instead, while the first frame's panels
    /// are laid out (`cargo bench --bench startup`: README, Performance).
    fn warm_up(self) -> Option<std::thread::JoinHandle<()>> {
        std::thread::Builder::new()
            .name("map_picture_warm_up".to_owned())
            .spawn(move || {
                let mut triangle = Mesh::default();
                for corner in [pos2(0.0, 0.0), pos2(2.0, 0.0), pos2(0.0, 2.0)] {
                    triangle.colored_vertex(corner, Color32::WHITE);
                }
                triangle.add_triangle(0, 1, 2);
                let locals = LayerLocals::new(Vec2::splat(1.0), TSTransform::IDENTITY, 1.0);
                self.draw([1, 1], Color32::TRANSPARENT, &[(&triangle, locals)]);
            })
            .ok()
    }
}

impl Drop for MapPicture {
    fn drop(&mut self) {
        if let Some(picture) = &self.current {
            self.render_state
                .renderer
                .write()
                .free_texture(&picture.texture);
        }
    }
}

/// `colour` as the texture stores it: gamma-encoded, premultiplied (see
/// [`LAYERS_SHADER`]).
fn gamma_encoded(colour: Color32) -> wgpu::Color {
    let [r, g, b, a] = colour.to_array().map(|c| f64::from(c) / 255.0);
    wgpu::Color { r, g, b, a }
}

/// The layers' uniform: the texture's size in points, the layer's
/// translation and scale, and what stroked lines need (the feathering they
/// were built with, the dash and dot patterns).
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct LayerLocals {
    target_size: [f32; 2],
    offset: [f32; 2],
    scale: f32,
    /// egui's feathering when the layer was built, in points.
    feathering: f32,
    /// [`size::EDGE_DASH`], in points.
    dash: [f32; 2],
    /// [`size::EDGE_DOT`], in line widths.
    dot: [f32; 2],
    /// 48 bytes in all: a uniform block on OpenGL (std140) is a multiple of
    /// 16 bytes long.
    _padding: [f32; 2],
}

impl LayerLocals {
    /// For a layer put by `placed` into a texture of `target_size` points,
    /// its lines built with `feathering` (points).
    fn new(target_size: Vec2, placed: TSTransform, feathering: f32) -> Self {
        Self {
            target_size: target_size.into(),
            offset: placed.translation.into(),
            scale: placed.scaling,
            feathering,
            dash: size::EDGE_DASH,
            dot: size::EDGE_DOT,
            _padding: [0.0; 2],
        }
    }
}

/// egui's blending: premultiplied alpha, "over".
const BLEND: wgpu::BlendState = wgpu::BlendState {
    color: wgpu::BlendComponent {
        src_factor: wgpu::BlendFactor::One,
        dst_factor: wgpu::BlendFactor::OneMinusSrcAlpha,
        operation: wgpu::BlendOperation::Add,
    },
    alpha: wgpu::BlendComponent {
        src_factor: wgpu::BlendFactor::OneMinusDstAlpha,
        dst_factor: wgpu::BlendFactor::One,
        operation: wgpu::BlendOperation::Add,
    },
};

/// egui's vertex shader for untextured meshes, scaled and moved, drawing
/// into a texture of `target_size` points; the fragment shader passes the
/// premultiplied gamma-space colour on, as egui's does for a gamma
/// framebuffer (the texture is later drawn by egui, which treats its texels
/// as gamma-encoded). Untextured egui meshes have `uv` (0, 0), which the
/// layers do not otherwise need: `uv` marks feathered and stroked lines
/// instead.
const LAYERS_SHADER: &str = r"
struct Locals {
    target_size: vec2<f32>,
    offset: vec2<f32>,
    scale: f32,
    feathering: f32,
    dash: vec2<f32>,
    dot: vec2<f32>,
    _pad: vec2<f32>,
};
@group(0) @binding(0) var<uniform> locals: Locals;

struct VertexOutput {
    @builtin(position) position: vec4<f32>,
    @location(0) color: vec4<f32>, // premultiplied, gamma space, 0-1
    @location(1) across: vec2<f32>, // see `add_feathered_line`, `add_stroked_line`
    @location(2) @interpolate(flat) line: f32, // |uv.x|: LINE × kind + r for a stroked line
};

const LINE: f32 = 1000.0;

@vertex
fn vs_main(
    @location(0) pos: vec2<f32>,
    @location(1) uv: vec2<f32>,
    @location(2) color: u32,
) -> VertexOutput {
    let p = pos * locals.scale + locals.offset;
    var out: VertexOutput;
    out.position = vec4<f32>(
        2.0 * p.x / locals.target_size.x - 1.0,
        1.0 - 2.0 * p.y / locals.target_size.y,
        0.0,
        1.0,
    );
    out.color = vec4<f32>(
        f32(color & 255u),
        f32((color >> 8u) & 255u),
        f32((color >> 16u) & 255u),
        f32((color >> 24u) & 255u),
    ) / 255.0;
    out.line = abs(uv.x);
    out.across = select(uv, vec2<f32>(sign(uv.x), uv.y), out.line >= LINE);
    return out;
}

@fragment
fn fs_main(in: VertexOutput) -> @location(0) vec4<f32> {
    if in.line < LINE {
        // Fills, and thin lines, which fade from their middle (x = 0) to
        // their edges (x = ±1).
        let coverage = select(1.0, 1.0 - abs(in.across.x), in.across.y > 0.5);
        return in.color * coverage;
    }
    // A stroked line, r feathering widths from its middle (x = 0) to its
    // edges (x = ±1): solid but for its outermost feathering width, which
    // fades out; cut into dashes along it, each fading out over one
    // feathering past its ends, as egui draws them.
    let kind = floor(in.line / LINE);
    let r = in.line - kind * LINE;
    var coverage = clamp(r * (1.0 - abs(in.across.x)), 0.0, 1.0);
    let along = in.across.y;
    if kind > 1.5 {
        let f = locals.feathering;
        let width = f * (2.0 * r - 1.0);
        let pattern = select(locals.dash, locals.dot * width, kind > 2.5);
        let period = pattern.x + pattern.y;
        let phase = along - floor(along / period) * period;
        let inside = max(min(phase, pattern.x - phase), phase - period);
        coverage = coverage * clamp(1.0 + inside / f, 0.0, 1.0);
    }
    return in.color * coverage;
}
";

/// How wide (in points) the feathering is with which [`add_feathered_line`]
/// can draw a line `width` points wide just as egui's tessellator would, if
/// it can: egui draws a line thinner than its feathering (one pixel) as a
/// ridge two pixels wide whose middle is as opaque as the line is thin, and
/// that is the case drawn here. `None` when egui draws it otherwise.
pub fn thin_line_feathering(ctx: &egui::Context, width: f32) -> Option<f32> {
    let feathering = feathering(ctx)?;
    // egui's own test, in points.
    (width <= 0.9 * feathering).then_some(feathering)
}

/// How wide (in points) egui feathers the edges of what it draws: one
/// pixel, unless anti-aliasing is off (`None`, as egui treats a width of 0).
pub fn feathering(ctx: &egui::Context) -> Option<f32> {
    let pixels = ctx.tessellation_options(|o| {
        (o.feathering && o.feathering_size_in_pixels > 0.0).then_some(o.feathering_size_in_pixels)
    })?;
    Some(pixels / ctx.pixels_per_point())
}

/// Whether [`add_stroked_line`] draws a line `width` points wide: one wider
/// than the feathering, which egui draws with a solid core and a feathered
/// fringe either side. egui draws the rest (down to 0.9 feathering the
/// same way, then as a thin ridge).
pub fn strokes_in_shader(width: f32, feathering: f32) -> bool {
    width > feathering
}

/// `uv.x` of a stroked line's vertices is ± (`LINE_CODE` × its kind + r):
/// kind 1 solid, 2 dashed, 3 dotted; r is the outer half-width in
/// feathering widths. Fills have `uv` (0, 0) and thin lines ±1, so a value
/// this large marks a stroked line. Must match `LINE` in [`LAYERS_SHADER`].
const LINE_CODE: f32 = 1000.0;

/// Adds a line wider than `feathering` (see [`strokes_in_shader`]) to
/// `mesh`, for this picture's shader only, broken into dashes or dots as
/// `style` says (the patterns are [`size::EDGE_DASH`] and
/// [`size::EDGE_DOT`]). egui draws a dashed line as a separate line per
/// dash, 8 vertices and 10 triangles each; a dotted edge across the world
/// map is a hundred dots. Here the whole line is two vertices per point,
/// either side of it where egui's outer fringe is, and the shader fades its
/// edges and cuts the dashes: `uv` is (± the line's code, distance along the
/// line in points). At either end the line runs on one feathering, fading
/// out, as egui's line caps do; there the distance along it stays as it is
/// at the end (or in the middle of a gap, if a dash would begin just past
/// it).
pub fn add_stroked_line(
    mesh: &mut Mesh,
    points: &[Pos2],
    stroke: Stroke,
    style: LineStyle,
    feathering: f32,
) {
    if points.len() < 2 || stroke.is_empty() {
        return;
    }
    let outer = 0.5 * (stroke.width + feathering);
    let kind = match style {
        LineStyle::Solid => 1.0,
        LineStyle::Dashed => 2.0,
        LineStyle::Dotted => 3.0,
    };
    let code = LINE_CODE * kind + outer / feathering;
    debug_assert!(outer / feathering < LINE_CODE, "a line {outer} wide");
    let path = line_normals(points, false);
    let first = mesh.vertices.len() as u32;
    let mut pair = |p: Pos2, normal: Vec2, along: f32, color: Color32| {
        for side in [1.0, -1.0] {
            mesh.vertices.push(egui::epaint::Vertex {
                pos: p + side * outer * normal,
                uv: pos2(side * code, along),
                color,
            });
        }
    };
    let (start, end) = (points[0], points[points.len() - 1]);
    let ahead = |a: Pos2, b: Pos2| (b - a).normalized() * feathering;
    // The ends run on with the distance along the line held, so a dash
    // cut by an end fades out, and none begins past it.
    pair(
        start - ahead(start, points[1]),
        path[0].1,
        0.0,
        Color32::TRANSPARENT,
    );
    let (last, end_normal) = path[path.len() - 1];
    let mut along = 0.0;
    let mut previous = start;
    for &(p, normal) in &path[..path.len() - 1] {
        along += (p - previous).length();
        previous = p;
        pair(p, normal, along, stroke.color);
    }
    let last_segment = (last - previous).length();
    let length = along + last_segment;
    // A line that ends within a feathering before its next dash would
    // begin: the shader would fade that dash in, where egui draws none. From
    // there on the distance along is held in the middle of the gap.
    let pattern = line_pattern(style, stroke.width);
    let held = pattern.and_then(|[dash, gap]| {
        let period = dash + gap;
        let phase = length.rem_euclid(period);
        let lead_in = phase - (period - feathering);
        (lead_in > 0.0 && lead_in < last_segment && gap > 2.0 * feathering)
            .then_some((lead_in, length - phase + dash + 0.5 * gap))
    });
    let end_along = match held {
        Some((lead_in, middle_of_gap)) => {
            let cut = last - (last - previous).normalized() * lead_in;
            pair(cut, end_normal, length - lead_in, stroke.color);
            pair(cut, end_normal, middle_of_gap, stroke.color);
            middle_of_gap
        }
        None => length,
    };
    pair(last, end_normal, end_along, stroke.color);
    pair(
        end + ahead(points[points.len() - 2], end),
        end_normal,
        end_along,
        Color32::TRANSPARENT,
    );
    let pairs = (mesh.vertices.len() as u32 - first) / 2;
    for k in 0..pairs - 1 {
        let (a, b) = (first + 2 * k, first + 2 * (k + 1));
        mesh.add_triangle(a, a + 1, b);
        mesh.add_triangle(a + 1, b, b + 1);
    }
}

/// Adds a line `stroke.width` thin to `mesh` as egui's tessellator draws it
/// with `feathering` (see [`thin_line_feathering`]), for this picture's
/// shader only: two vertices per point, either side of the line, and two
/// triangles per segment, where egui has three and four. Each vertex's `uv`
/// is (±1, 1): the shader fades the colour from the middle to the edges,
/// which egui does with a third vertex in the middle. Corners are joined as
/// egui joins them, and a mitred vertex lies one feathering from both of its
/// segments' lines, so along every segment the fade is egui's exactly; only
/// where a line turns so sharply that its corners overlap do they blend a
/// little differently.
pub fn add_feathered_line(
    mesh: &mut Mesh,
    points: &[Pos2],
    closed: bool,
    stroke: Stroke,
    feathering: f32,
) {
    if points.len() < 2 || stroke.is_empty() {
        return;
    }
    let colour = stroke.color.gamma_multiply(stroke.width / feathering);
    let first = mesh.vertices.len() as u32;
    let path = line_normals(points, closed);
    for &(p, normal) in &path {
        for side in [1.0, -1.0] {
            mesh.vertices.push(egui::epaint::Vertex {
                pos: p + side * feathering * normal,
                uv: pos2(side, 1.0),
                color: colour,
            });
        }
    }
    let n = path.len() as u32;
    let segments = if closed { n } else { n - 1 };
    for s in 0..segments {
        let (a, b) = (first + 2 * s, first + 2 * ((s + 1) % n));
        mesh.add_triangle(a, a + 1, b);
        mesh.add_triangle(a + 1, b, b + 1);
    }
}

/// The dashes and gaps (points) of a `style` line `width` points wide:
/// [`size::EDGE_DASH`], or [`size::EDGE_DOT`] in widths; `None` when solid.
/// egui's dashes and this picture's shader cut the same pattern.
pub fn line_pattern(style: LineStyle, width: f32) -> Option<[f32; 2]> {
    match style {
        LineStyle::Solid => None,
        LineStyle::Dashed => Some(size::EDGE_DASH),
        LineStyle::Dotted => Some(size::EDGE_DOT.map(|l| l * width)),
    }
}

/// Each point of a line with the normal egui's `Path` gives it: the mean of
/// the neighbouring segments' normals, lengthened to a mitre, or, on an open
/// line, two points for a corner sharper than a right angle. (Where a line
/// turns straight back egui has no usable normal; here the first segment's
/// is kept.)
fn line_normals(points: &[Pos2], closed: bool) -> Vec<(Pos2, Vec2)> {
    let n = points.len();
    let normal = |a: Pos2, b: Pos2| (b - a).normalized().rot90();
    if !closed && n == 2 {
        let along = normal(points[0], points[1]);
        return vec![(points[0], along), (points[1], along)];
    }
    let mut out = Vec::with_capacity(n + 2);
    let inner = if closed { 0..n } else { 1..n - 1 };
    if !closed {
        out.push((points[0], normal(points[0], points[1])));
    }
    for i in inner {
        let prev = points[(i + n - 1) % n];
        let next = points[(i + 1) % n];
        let (mut n0, mut n1) = (normal(prev, points[i]), normal(points[i], next));
        // Repeated points, as egui handles them.
        if n0 == Vec2::ZERO {
            n0 = n1;
        } else if n1 == Vec2::ZERO {
            n1 = n0;
        }
        let mean = (n0 + n1) * 0.5;
        let length_sq = mean.length_sq();
        if length_sq < 1e-6 {
            // The line turns straight back: no mitre exists.
            out.push((points[i], n0));
        } else if !closed && length_sq < 0.5 {
            let centre = mean.normalized();
            let (c0, c1) = ((n0 + centre) * 0.5, (n1 + centre) * 0.5);
            out.push((points[i], c0 / c0.length_sq()));
            out.push((points[i], c1 / c1.length_sq()));
        } else {
            out.push((points[i], mean / length_sq));
        }
    }
    if !closed {
        out.push((points[n - 1], normal(points[n - 2], points[n - 1])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Shape, pos2};

    /// egui's own mesh for `points`: three vertices per point (outer,
    /// middle, inner) for a thin line.
    fn egui_line(points: &[Pos2], closed: bool, stroke: Stroke, feathering: f32) -> Mesh {
        let shape = if closed {
            Shape::closed_line(points.to_vec(), stroke)
        } else {
            Shape::line(points.to_vec(), stroke)
        };
        let options = egui::epaint::TessellationOptions {
            feathering_size_in_pixels: feathering,
            ..Default::default()
        };
        let mut mesh = Mesh::default();
        egui::epaint::Tessellator::new(1.0, options, [1, 1], vec![])
            .tessellate_shape(shape, &mut mesh);
        mesh
    }

    #[test]
    fn the_warm_up_draws_with_the_layers_pipeline_on_its_own_thread() {
        let render_state = egui_kittest::wgpu::create_render_state(
            egui_kittest::wgpu::default_wgpu_setup(),
            egui_wgpu::RendererOptions::default(),
        );
        let layers = LayersPipeline::new(&render_state);
        let warm_up = layers.clone().warm_up().expect("a thread");
        // wgpu panics on a draw it finds invalid (its default error handler).
        assert!(warm_up.join().is_ok(), "the warm-up's draw failed");
    }

    #[test]
    fn a_stroked_line_has_egui_s_outer_edges_and_its_length_along_it() {
        let stroke = Stroke::new(2.5, Color32::from_rgb(30, 90, 160));
        let feathering = 1.0;
        // A bowed line, and one with a corner sharper than a right angle.
        let bowed = [
            pos2(0.0, 0.0),
            pos2(20.0, 6.0),
            pos2(40.0, 8.0),
            pos2(60.0, 6.0),
            pos2(80.0, 0.0),
        ];
        let sharp = [pos2(0.0, 0.0), pos2(50.0, 0.0), pos2(10.0, 8.0)];
        for points in [&bowed[..], &sharp[..]] {
            let theirs = egui_line(points, false, stroke, feathering);
            let mut ours = Mesh::default();
            add_stroked_line(&mut ours, points, stroke, LineStyle::Solid, feathering);
            // egui: four vertices per point (outer, inner, inner, outer).
            let path_points = theirs.vertices.len() / 4;
            assert_eq!(ours.vertices.len(), 2 * (path_points + 2));
            assert_eq!(ours.indices.len(), 3 * 2 * (path_points + 1));
            let code = LINE_CODE + (0.5 * (stroke.width + feathering)) / feathering;
            let pairs: Vec<_> = ours.vertices.chunks_exact(2).collect();
            let quads: Vec<_> = theirs.vertices.chunks_exact(4).collect();
            let mut along = 0.0;
            for k in 0..path_points {
                let (pair, quad) = (pairs[k + 1], quads[k]);
                assert_eq!((pair[0].color, pair[1].color), (stroke.color, stroke.color));
                assert!((pair[0].uv.x - code).abs() < 1e-3, "point {k}");
                assert!((pair[1].uv.x + code).abs() < 1e-3, "point {k}");
                // egui's inner vertices lie either side of the point.
                let centre = |q: &[egui::epaint::Vertex]| q[1].pos.lerp(q[2].pos, 0.5);
                if k > 0 {
                    along += centre(quad).distance(centre(quads[k - 1]));
                }
                assert!(
                    (pair[0].uv.y - along).abs() < 1e-3,
                    "point {k}: {}",
                    pair[0].uv.y
                );
                // Where egui's line caps are not: its outer vertices.
                if k > 0 && k + 1 < path_points {
                    assert!(pair[0].pos.distance(quad[0].pos) < 1e-4, "point {k}");
                    assert!(pair[1].pos.distance(quad[3].pos) < 1e-4, "point {k}");
                }
            }
            // Either end runs on one feathering, fading out.
            let (start, end) = (pairs[0], pairs[pairs.len() - 1]);
            for v in start.iter().chain(end) {
                assert_eq!(v.color, Color32::TRANSPARENT);
            }
            assert!(start[0].uv.y.abs() < 1e-6);
            assert!((end[0].uv.y - along).abs() < 1e-3);
            let back = (points[0] - points[1]).normalized() * feathering;
            assert!(start[0].pos.distance(pairs[1][0].pos + back) < 1e-4);
            let n = points.len();
            let on = (points[n - 1] - points[n - 2]).normalized() * feathering;
            assert!(end[1].pos.distance(pairs[pairs.len() - 2][1].pos + on) < 1e-4);
        }
    }

    #[test]
    fn a_dashed_line_that_ends_just_before_a_dash_fades_none_in() {
        let stroke = Stroke::new(1.6, Color32::DARK_BLUE);
        let [dash, gap] = size::EDGE_DASH;
        let period = dash + gap;
        let line_along = |length: f32| {
            let mut mesh = Mesh::default();
            let points = [pos2(0.0, 0.0), pos2(length, 0.0)];
            add_stroked_line(&mut mesh, &points, stroke, LineStyle::Dashed, 1.0);
            mesh.vertices.iter().map(|v| v.uv.y).collect::<Vec<_>>()
        };
        // Ends in a dash: the distance along runs to the end and is held.
        let length = 3.0 * period + 2.0;
        assert_eq!(
            line_along(length),
            [0.0, 0.0, 0.0, 0.0, length, length, length, length]
        );
        // Ends half a feathering before the fourth dash: the fade-in would
        // begin half a feathering before the end; from there the distance
        // is held in the middle of the third gap.
        let length = 4.0 * period - 0.5;
        let held = 3.0 * period + dash + 0.5 * gap;
        let along = line_along(length);
        assert_eq!(along.len(), 12);
        assert!(
            along[4..6]
                .iter()
                .all(|a| (a - (length - 0.5)).abs() < 1e-4)
        );
        assert!(along[6..].iter().all(|a| (a - held).abs() < 1e-4));
    }

    #[test]
    fn a_dashed_or_dotted_line_is_one_strip_however_many_dashes_it_has() {
        let points = [pos2(0.0, 0.0), pos2(300.0, 40.0)];
        let stroke = Stroke::new(1.6, Color32::DARK_GREEN);
        let [dash, gap] = size::EDGE_DASH;
        let mut dashes = Vec::new();
        dashes.extend(Shape::dashed_line(&points, stroke, dash, gap));
        let options = egui::epaint::TessellationOptions::default();
        let mut theirs = Mesh::default();
        let mut tessellator = egui::epaint::Tessellator::new(1.0, options, [1, 1], vec![]);
        for shape in dashes {
            tessellator.tessellate_shape(shape, &mut theirs);
        }
        let mut ours = Mesh::default();
        add_stroked_line(&mut ours, &points, stroke, LineStyle::Dashed, 1.0);
        assert_eq!(ours.vertices.len(), 8);
        assert!(
            theirs.vertices.len() > 200,
            "egui: {} vertices",
            theirs.vertices.len()
        );
        // Dotted lines are marked as such, solid ones too.
        for (style, kind) in [(LineStyle::Solid, 1.0), (LineStyle::Dotted, 3.0)] {
            let mut mesh = Mesh::default();
            add_stroked_line(&mut mesh, &points, stroke, style, 1.0);
            let code = mesh.vertices[2].uv.x;
            assert!(((code / LINE_CODE).floor() - kind).abs() < 0.5, "{style:?}");
        }
        assert!(LAYERS_SHADER.contains(&format!("const LINE: f32 = {LINE_CODE:.1};")));
    }

    #[test]
    fn a_feathered_line_has_egui_s_edges_and_colour_with_two_vertices_per_point() {
        let stroke = Stroke::new(0.6, Color32::from_rgb(90, 80, 70));
        let feathering = 1.0;
        // A ring with gentle and sharp turns, and an open line with a
        // corner sharper than a right angle (egui cuts it: two points).
        let ring = [
            pos2(0.0, 0.0),
            pos2(30.0, 2.0),
            pos2(55.0, 20.0),
            pos2(40.0, 60.0),
            pos2(35.0, 10.0),
            pos2(5.0, 40.0),
        ];
        let open = [
            pos2(0.0, 0.0),
            pos2(50.0, 0.0),
            pos2(10.0, 8.0),
            pos2(30.0, 40.0),
        ];
        for (points, closed) in [(&ring[..], true), (&open[..], false)] {
            let theirs = egui_line(points, closed, stroke, feathering);
            let mut ours = Mesh::default();
            add_feathered_line(&mut ours, points, closed, stroke, feathering);
            let path_points = theirs.vertices.len() / 3;
            assert_eq!(ours.vertices.len(), 2 * path_points, "closed: {closed}");
            let segments = if closed { path_points } else { path_points - 1 };
            assert_eq!(ours.indices.len(), 3 * 2 * segments);
            assert_eq!(theirs.indices.len(), 3 * 4 * segments);
            for (k, (pair, triple)) in ours
                .vertices
                .chunks_exact(2)
                .zip(theirs.vertices.chunks_exact(3))
                .enumerate()
            {
                // Our two vertices are egui's outer two; egui's middle one
                // carries the colour ours fade from.
                let (outer, middle, inner) = (triple[0], triple[1], triple[2]);
                assert!(pair[0].pos.distance(outer.pos) < 1e-4, "point {k}");
                assert!(pair[1].pos.distance(inner.pos) < 1e-4, "point {k}");
                assert_eq!(outer.color, Color32::TRANSPARENT);
                assert_eq!((pair[0].color, pair[1].color), (middle.color, middle.color));
                assert_eq!((pair[0].uv, pair[1].uv), (pos2(1.0, 1.0), pos2(-1.0, 1.0)));
            }
        }
    }

    #[test]
    fn only_lines_thinner_than_the_feathering_are_feathered_here() {
        let ctx = egui::Context::default();
        assert_eq!(thin_line_feathering(&ctx, 0.6), Some(1.0));
        assert_eq!(thin_line_feathering(&ctx, 1.2), None);
        ctx.set_pixels_per_point(2.0);
        // It takes effect with the next frame.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        assert_eq!(thin_line_feathering(&ctx, 0.4), Some(0.5));
        assert_eq!(thin_line_feathering(&ctx, 0.6), None);
        ctx.tessellation_options_mut(|o| o.feathering = false);
        assert_eq!(thin_line_feathering(&ctx, 0.4), None);
    }
}
