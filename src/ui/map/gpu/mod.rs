//! The map's background as a picture on the GPU.
//!
//! The countries and the relation edges are tessellated once for a view
//! (see `map/mod.rs`), but a plain egui mesh is copied into every frame's
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
//! harness without a GPU) the map paints plain meshes.

use std::sync::Arc;

use eframe::egui_wgpu::{self, wgpu};
use egui::emath::TSTransform;
use egui::{Color32, Mesh, Rect, TextureId, Vec2, pos2};
use wgpu::util::DeviceExt as _;

use super::line_style;
use coalition_core::model::LineStyle;

mod lines;
pub use lines::{
    add_feathered_line, add_stroked_line, feathering, strokes_in_shader, thin_line_feathering,
};

/// Renders the map's layers into a texture and keeps it.
pub struct MapPicture {
    render_state: egui_wgpu::RenderState,
    layers: LayersPipeline,
    current: Option<Picture>,
    /// The texture the picture is rendered into, kept while the picture's
    /// size in pixels stays the same (a new one is memory the system must
    /// clear, which on a software rasteriser costs as much as drawing).
    target: Option<Target>,
    /// Each layer's mesh as uploaded (countries, edges): a layer that has not
    /// changed is not uploaded again, and one whose vertices changed but not
    /// their number (a day that retints the countries) is written over.
    uploaded: [Option<Uploaded>; 2],
    /// How long handing the pictures to the GPU took, all told: where a
    /// software rasteriser does the GPU's work (`cargo bench --bench scale`
    /// reports it apart from the app's own).
    submitting: std::time::Duration,
}

/// The texture the picture is rendered into.
struct Target {
    view: wgpu::TextureView,
    size: [u32; 2],
}

/// A layer's mesh in GPU buffers.
struct Uploaded {
    mesh: Arc<Mesh>,
    vertices: wgpu::Buffer,
    indices: wgpu::Buffer,
}

impl Uploaded {
    fn new(device: &wgpu::Device, mesh: &Arc<Mesh>) -> Self {
        let buffer = |contents: &[u8], usage| {
            device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some("map_layer"),
                contents,
                usage: usage | wgpu::BufferUsages::COPY_DST,
            })
        };
        Self {
            mesh: mesh.clone(),
            vertices: buffer(
                bytemuck::cast_slice(&mesh.vertices),
                wgpu::BufferUsages::VERTEX,
            ),
            indices: buffer(
                bytemuck::cast_slice(&mesh.indices),
                wgpu::BufferUsages::INDEX,
            ),
        }
    }

    /// `mesh` in the GPU's buffers: these if they hold it already or one of
    /// the same size (written over), else new ones.
    fn update(
        this: &mut Option<Self>,
        queue: &wgpu::Queue,
        device: &wgpu::Device,
        mesh: &Arc<Mesh>,
    ) {
        match this {
            Some(up) if Arc::ptr_eq(&up.mesh, mesh) => {}
            Some(up)
                if up.mesh.vertices.len() == mesh.vertices.len()
                    && up.mesh.indices.len() == mesh.indices.len() =>
            {
                queue.write_buffer(&up.vertices, 0, bytemuck::cast_slice(&mesh.vertices));
                if up.mesh.indices != mesh.indices {
                    queue.write_buffer(&up.indices, 0, bytemuck::cast_slice(&mesh.indices));
                }
                up.mesh = mesh.clone();
            }
            _ => *this = Some(Self::new(device, mesh)),
        }
    }
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
            target: None,
            uploaded: [None, None],
            submitting: std::time::Duration::ZERO,
        })
    }

    /// How long handing the pictures rendered so far to the GPU took: on a
    /// software rasteriser, the time spent drawing them.
    pub fn time_submitting(&self) -> std::time::Duration {
        self.submitting
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
        &mut self,
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
        let size = [pixels.x as u32, pixels.y as u32];
        // Each layer's vertices are in screen points: put by its transform,
        // then moved by the picture's corner, they land in the texture.
        let mut draws = Vec::new();
        for (uploaded, (mesh, placed)) in self.uploaded.iter_mut().zip([countries, edges]) {
            Uploaded::update(uploaded, &self.layers.queue, device, mesh);
            let offset = placed.translation - covered.min.to_vec2();
            let placed = TSTransform::new(offset, placed.scaling);
            if let Some(up) = uploaded.as_ref() {
                draws.push(LayerDraw {
                    vertices: &up.vertices,
                    indices: &up.indices,
                    count: mesh.indices.len() as u32,
                    locals: LayerLocals::new(covered.size(), placed, feathering),
                });
            }
        }
        if self.target.as_ref().is_some_and(|t| t.size != size) {
            self.target = None;
        }
        let fresh = self.target.is_none();
        let target = self.target.get_or_insert_with(|| self.layers.target(size));
        let start = std::time::Instant::now();
        self.layers.draw(&target.view, ground, &draws);
        self.submitting += start.elapsed();

        // Shown texel for pixel (linear filtering then samples just that
        // texel), except while a zoom gesture scales it: smooth then.
        let mut renderer = self.render_state.renderer.write();
        let id = match previous {
            Some(id) if !fresh => id,
            Some(id) => {
                renderer.update_egui_texture_from_wgpu_texture(
                    device,
                    &target.view,
                    wgpu::FilterMode::Linear,
                    id,
                );
                id
            }
            None => {
                renderer.register_native_texture(device, &target.view, wgpu::FilterMode::Linear)
            }
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

/// One layer to draw: its buffers, how many indices, and the uniform placing it.
struct LayerDraw<'a> {
    vertices: &'a wgpu::Buffer,
    indices: &'a wgpu::Buffer,
    count: u32,
    locals: LayerLocals,
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

    /// A texture of `size` pixels to render a picture into.
    fn target(&self, [width, height]: [u32; 2]) -> Target {
        let texture = self.device.create_texture(&wgpu::TextureDescriptor {
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
        Target {
            view: texture.create_view(&wgpu::TextureViewDescriptor::default()),
            size: [width, height],
        }
    }

    /// Draws `layers` over `ground` into `target`, and submits the work.
    fn draw(&self, target: &wgpu::TextureView, ground: Color32, layers: &[LayerDraw<'_>]) {
        let device = &self.device;
        let view = target;
        let buffers: Vec<_> = layers
            .iter()
            .filter(|layer| layer.count > 0)
            .map(|layer| {
                let uniform = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                    label: Some("map_layer_locals"),
                    contents: bytemuck::bytes_of(&layer.locals),
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
                (bind_group, layer.vertices, layer.indices, layer.count)
            })
            .collect();
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("map_picture"),
        });
        {
            let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
                label: Some("map_picture"),
                color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                    view,
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
                let up = Uploaded::new(&self.device, &Arc::new(triangle));
                let layer = LayerDraw {
                    vertices: &up.vertices,
                    indices: &up.indices,
                    count: 3,
                    locals: LayerLocals::new(Vec2::splat(1.0), TSTransform::IDENTITY, 1.0),
                };
                self.draw(&self.target([1, 1]).view, Color32::TRANSPARENT, &[layer]);
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
    /// So that `patterns` starts on 16 bytes, as a uniform block's array must.
    _padding: [f32; 2],
    /// Each line style's dashes ([`line_style::shader_patterns`]); 80 bytes
    /// in all, a multiple of 16 as a uniform block (std140) must be.
    patterns: [[f32; 4]; LineStyle::ALL.len()],
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
            _padding: [0.0; 2],
            patterns: line_style::shader_patterns(),
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
/// instead. Its text is `layers.wgsl`.
const LAYERS_SHADER: &str = include_str!("layers.wgsl");

#[cfg(test)]
mod tests {
    use super::*;

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
}
