//! The map's background kept on the GPU.
//!
//! The countries and the relation edges are tessellated by egui once for a
//! view (see `map_view`), but a plain egui mesh is copied into every frame's
//! output, uploaded again and rasterised again: about 66,000 vertices for
//! Paris 2014 and 800,000 for a world-sized scenario, which in software
//! rendering (Mesa llvmpipe) costs far more than the rest of the window.
//! Here both layers are uploaded once into their own vertex buffers and
//! rendered once into a texture, the map's *picture*; each frame draws that
//! picture as one textured rectangle, moved by a translation while the map
//! is dragged. The layers are rendered with egui's own colour handling and
//! blending (premultiplied sRGB), so the picture matches plain meshes.
//!
//! Without wgpu (an egui context with no renderer, as in the benchmarks, the
//! export, or a test harness without a GPU) `map_view` paints plain meshes.

use std::sync::Arc;

use eframe::egui_wgpu::{self, wgpu};
use egui::{Mesh, Rect, Vec2};
use wgpu::util::DeviceExt as _;

/// Multisampling of eframe's render pass: `native_options` leaves it off,
/// and kittest's wgpu renderer has none either.
const MSAA_SAMPLES: u32 = 1;

/// The pipelines and the current picture, kept in `egui_wgpu`'s callback resources.
struct MapPipelines {
    /// Draws egui meshes (the layers) into the picture.
    layers: wgpu::RenderPipeline,
    layers_bind_group_layout: wgpu::BindGroupLayout,
    /// Draws the picture onto the screen.
    picture: wgpu::RenderPipeline,
    picture_bind_group_layout: wgpu::BindGroupLayout,
    sampler: wgpu::Sampler,
    /// The screen's format, which the picture has too.
    format: wgpu::TextureFormat,
    max_texture_side: u32,
    current: Option<Picture>,
}

/// The layers rendered into a texture, and where.
struct Picture {
    /// The meshes it was rendered from: the same `Arc`s mean the same picture.
    countries: Arc<Mesh>,
    edges: Arc<Mesh>,
    pixels_per_point: f32,
    /// The screen rectangle it covered when rendered...
    covered: Rect,
    /// ...and the countries' offset then: the picture moves as that changes.
    offset: Vec2,
    uniform: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
}

/// The layers' uniform: the target's size in points and the layer's translation.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct LayerLocals {
    target_size: [f32; 2],
    offset: [f32; 2],
}

/// The picture's uniform: the screen's size, and the rectangle to draw it in, in points.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct PictureLocals {
    screen_size: [f32; 2],
    min: [f32; 2],
    size: [f32; 2],
    padding: [f32; 2],
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

fn uniform_entry(binding: u32) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::VERTEX,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Uniform,
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    }
}

fn pipeline(
    device: &wgpu::Device,
    label: &str,
    shader: &wgpu::ShaderModule,
    bind_group_layout: &wgpu::BindGroupLayout,
    vertex_buffers: &[Option<wgpu::VertexBufferLayout<'_>>],
    topology: wgpu::PrimitiveTopology,
    format: wgpu::TextureFormat,
) -> wgpu::RenderPipeline {
    let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some(label),
        bind_group_layouts: &[Some(bind_group_layout)],
        immediate_size: 0,
    });
    device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some(label),
        layout: Some(&layout),
        vertex: wgpu::VertexState {
            module: shader,
            entry_point: Some("vs_main"),
            buffers: vertex_buffers,
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        },
        primitive: wgpu::PrimitiveState {
            topology,
            ..wgpu::PrimitiveState::default()
        },
        depth_stencil: None,
        multisample: wgpu::MultisampleState {
            count: MSAA_SAMPLES,
            mask: !0,
            alpha_to_coverage_enabled: false,
        },
        fragment: Some(wgpu::FragmentState {
            module: shader,
            entry_point: Some(if format.is_srgb() {
                "fs_linear_framebuffer"
            } else {
                "fs_gamma_framebuffer"
            }),
            targets: &[Some(wgpu::ColorTargetState {
                format,
                blend: Some(BLEND),
                write_mask: wgpu::ColorWrites::ALL,
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        }),
        multiview_mask: None,
        cache: None,
    })
}

/// Sets the map's pipelines up in the renderer; the map then draws its
/// background through [`picture_shape`].
pub fn install(render_state: &egui_wgpu::RenderState) {
    let device = &render_state.device;
    let format = render_state.target_format;
    let layers_shader = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("map_layers"),
        source: wgpu::ShaderSource::Wgsl(LAYERS_SHADER.into()),
    });
    let picture_shader = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("map_picture"),
        source: wgpu::ShaderSource::Wgsl(PICTURE_SHADER.into()),
    });
    let layers_bind_group_layout =
        device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("map_layers"),
            entries: &[uniform_entry(0)],
        });
    let picture_bind_group_layout =
        device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("map_picture"),
            entries: &[
                uniform_entry(0),
                wgpu::BindGroupLayoutEntry {
                    binding: 1,
                    visibility: wgpu::ShaderStages::FRAGMENT,
                    ty: wgpu::BindingType::Texture {
                        sample_type: wgpu::TextureSampleType::Float { filterable: false },
                        view_dimension: wgpu::TextureViewDimension::D2,
                        multisampled: false,
                    },
                    count: None,
                },
                wgpu::BindGroupLayoutEntry {
                    binding: 2,
                    visibility: wgpu::ShaderStages::FRAGMENT,
                    ty: wgpu::BindingType::Sampler(wgpu::SamplerBindingType::NonFiltering),
                    count: None,
                },
            ],
        });
    // egui's `Vertex`: position, texture coordinates (unused: the map is
    // untextured), premultiplied sRGBA colour.
    let egui_vertex = wgpu::VertexBufferLayout {
        array_stride: std::mem::size_of::<egui::epaint::Vertex>() as u64,
        step_mode: wgpu::VertexStepMode::Vertex,
        attributes: &wgpu::vertex_attr_array![0 => Float32x2, 1 => Float32x2, 2 => Uint32],
    };
    let layers = pipeline(
        device,
        "map_layers",
        &layers_shader,
        &layers_bind_group_layout,
        &[Some(egui_vertex)],
        wgpu::PrimitiveTopology::TriangleList,
        format,
    );
    let picture = pipeline(
        device,
        "map_picture",
        &picture_shader,
        &picture_bind_group_layout,
        &[],
        wgpu::PrimitiveTopology::TriangleStrip,
        format,
    );
    // The picture is drawn pixel for pixel: nearest texel.
    let sampler = device.create_sampler(&wgpu::SamplerDescriptor {
        label: Some("map_picture"),
        ..wgpu::SamplerDescriptor::default()
    });
    render_state
        .renderer
        .write()
        .callback_resources
        .insert(MapPipelines {
            layers,
            layers_bind_group_layout,
            picture,
            picture_bind_group_layout,
            sampler,
            format,
            max_texture_side: device.limits().max_texture_dimension_2d,
            current: None,
        });
}

/// The map's background for one frame: the countries and the edges, each
/// moved by its offset; `covers` is the screen rectangle the countries
/// reach (at least the map's `clip`).
pub fn picture_shape(
    countries: (Arc<Mesh>, Vec2),
    edges: (Arc<Mesh>, Vec2),
    covers: Rect,
    clip: Rect,
) -> egui::Shape {
    egui::Shape::Callback(egui_wgpu::Callback::new_paint_callback(
        clip,
        MapPicture {
            countries,
            edges,
            covers,
        },
    ))
}

/// The background as asked for in one frame.
struct MapPicture {
    countries: (Arc<Mesh>, Vec2),
    edges: (Arc<Mesh>, Vec2),
    covers: Rect,
}

impl egui_wgpu::CallbackTrait for MapPicture {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &egui_wgpu::ScreenDescriptor,
        encoder: &mut wgpu::CommandEncoder,
        resources: &mut egui_wgpu::CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        let Some(map) = resources.get_mut::<MapPipelines>() else {
            return Vec::new();
        };
        let ppp = screen.pixels_per_point;
        let current = map.current.as_ref().is_some_and(|p| {
            Arc::ptr_eq(&p.countries, &self.countries.0)
                && Arc::ptr_eq(&p.edges, &self.edges.0)
                && p.pixels_per_point.to_bits() == ppp.to_bits()
        });
        if !current {
            map.current = Some(render_picture(device, encoder, map, self, ppp));
        }
        if let Some(picture) = &map.current {
            // Moved as the map was dragged since, by whole pixels.
            let moved = self.countries.1 - picture.offset;
            let min = ((picture.covered.min + moved).to_vec2() * ppp).round() / ppp;
            let locals = PictureLocals {
                screen_size: [
                    screen.size_in_pixels[0] as f32 / ppp,
                    screen.size_in_pixels[1] as f32 / ppp,
                ],
                min: [min.x, min.y],
                size: [picture.covered.width(), picture.covered.height()],
                padding: [0.0; 2],
            };
            queue.write_buffer(&picture.uniform, 0, bytemuck::bytes_of(&locals));
        }
        Vec::new()
    }

    fn paint(
        &self,
        info: egui::PaintCallbackInfo,
        pass: &mut wgpu::RenderPass<'static>,
        resources: &egui_wgpu::CallbackResources,
    ) {
        let Some(map) = resources.get::<MapPipelines>() else {
            return;
        };
        let Some(picture) = &map.current else {
            return;
        };
        // The whole screen as the viewport, as egui's own meshes use it; the
        // scissor egui set keeps the drawing inside the map.
        pass.set_viewport(
            0.0,
            0.0,
            info.screen_size_px[0] as f32,
            info.screen_size_px[1] as f32,
            0.0,
            1.0,
        );
        pass.set_pipeline(&map.picture);
        pass.set_bind_group(0, &picture.bind_group, &[]);
        pass.draw(0..4, 0..1);
    }
}

/// Renders both layers into a new texture covering `asked.covers`.
fn render_picture(
    device: &wgpu::Device,
    encoder: &mut wgpu::CommandEncoder,
    map: &MapPipelines,
    asked: &MapPicture,
    ppp: f32,
) -> Picture {
    // Whole pixels, and no larger than the GPU allows (a huge window on a
    // small GPU shows the middle of the map while dragged).
    let max_side = map.max_texture_side as f32;
    let pixels = (asked.covers.size() * ppp)
        .ceil()
        .min(Vec2::splat(max_side))
        .max(Vec2::splat(1.0));
    let min = ((asked.covers.center().to_vec2() * ppp - pixels / 2.0).round() / ppp).to_pos2();
    let covered = Rect::from_min_size(min, pixels / ppp);
    let (width, height) = (pixels.x as u32, pixels.y as u32);
    let format = map.format;
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
        format,
        usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::TEXTURE_BINDING,
        view_formats: &[],
    });
    let view = texture.create_view(&wgpu::TextureViewDescriptor::default());

    // Each layer's vertices are in screen points: moved by its offset, then
    // by the picture's corner, they land in the texture.
    let layers: Vec<_> = [&asked.countries, &asked.edges]
        .into_iter()
        .filter(|(mesh, _)| !mesh.indices.is_empty())
        .map(|(mesh, offset)| {
            let locals = LayerLocals {
                target_size: [covered.width(), covered.height()],
                offset: (*offset - covered.min.to_vec2()).into(),
            };
            let uniform = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some("map_layer_locals"),
                contents: bytemuck::bytes_of(&locals),
                usage: wgpu::BufferUsages::UNIFORM,
            });
            let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
                label: Some("map_layer_locals"),
                layout: &map.layers_bind_group_layout,
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
    {
        let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
            label: Some("map_picture"),
            color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                view: &view,
                resolve_target: None,
                ops: wgpu::Operations {
                    load: wgpu::LoadOp::Clear(wgpu::Color::TRANSPARENT),
                    store: wgpu::StoreOp::Store,
                },
                depth_slice: None,
            })],
            ..Default::default()
        });
        pass.set_pipeline(&map.layers);
        for (bind_group, vertices, indices, count) in &layers {
            pass.set_bind_group(0, bind_group, &[]);
            pass.set_vertex_buffer(0, vertices.slice(..));
            pass.set_index_buffer(indices.slice(..), wgpu::IndexFormat::Uint32);
            pass.draw_indexed(0..*count, 0, 0..1);
        }
    }

    let uniform = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("map_picture_locals"),
        size: std::mem::size_of::<PictureLocals>() as u64,
        usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("map_picture"),
        layout: &map.picture_bind_group_layout,
        entries: &[
            wgpu::BindGroupEntry {
                binding: 0,
                resource: uniform.as_entire_binding(),
            },
            wgpu::BindGroupEntry {
                binding: 1,
                resource: wgpu::BindingResource::TextureView(&view),
            },
            wgpu::BindGroupEntry {
                binding: 2,
                resource: wgpu::BindingResource::Sampler(&map.sampler),
            },
        ],
    });
    Picture {
        countries: asked.countries.0.clone(),
        edges: asked.edges.0.clone(),
        pixels_per_point: ppp,
        covered,
        offset: asked.countries.1,
        uniform,
        bind_group,
    }
}

/// egui's vertex and fragment shader for untextured meshes, with a
/// translation, drawing into a target of `target_size` points.
const LAYERS_SHADER: &str = r"
struct Locals {
    target_size: vec2<f32>,
    offset: vec2<f32>,
};
@group(0) @binding(0) var<uniform> locals: Locals;

struct VertexOutput {
    @builtin(position) position: vec4<f32>,
    @location(0) color: vec4<f32>, // premultiplied, gamma space, 0-1
};

@vertex
fn vs_main(
    @location(0) pos: vec2<f32>,
    @location(1) uv: vec2<f32>,
    @location(2) color: u32,
) -> VertexOutput {
    let p = pos + locals.offset;
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
    return out;
}

fn linear_from_gamma_rgb(srgb: vec3<f32>) -> vec3<f32> {
    let cutoff = srgb < vec3<f32>(0.04045);
    let lower = srgb / vec3<f32>(12.92);
    let higher = pow((srgb + vec3<f32>(0.055)) / vec3<f32>(1.055), vec3<f32>(2.4));
    return select(higher, lower, cutoff);
}

@fragment
fn fs_gamma_framebuffer(in: VertexOutput) -> @location(0) vec4<f32> {
    return in.color;
}

@fragment
fn fs_linear_framebuffer(in: VertexOutput) -> @location(0) vec4<f32> {
    return vec4<f32>(linear_from_gamma_rgb(in.color.rgb), in.color.a);
}
";

/// The picture as one rectangle, texel for pixel. The texture has the
/// target's format, so its values pass through as they were rendered.
const PICTURE_SHADER: &str = r"
struct Locals {
    screen_size: vec2<f32>,
    min: vec2<f32>,
    size: vec2<f32>,
    padding: vec2<f32>,
};
@group(0) @binding(0) var<uniform> locals: Locals;
@group(0) @binding(1) var picture: texture_2d<f32>;
@group(0) @binding(2) var picture_sampler: sampler;

struct VertexOutput {
    @builtin(position) position: vec4<f32>,
    @location(0) uv: vec2<f32>,
};

@vertex
fn vs_main(@builtin(vertex_index) index: u32) -> VertexOutput {
    let corner = vec2<f32>(f32(index & 1u), f32(index >> 1u));
    let p = locals.min + corner * locals.size;
    var out: VertexOutput;
    out.position = vec4<f32>(
        2.0 * p.x / locals.screen_size.x - 1.0,
        1.0 - 2.0 * p.y / locals.screen_size.y,
        0.0,
        1.0,
    );
    out.uv = corner;
    return out;
}

@fragment
fn fs_gamma_framebuffer(in: VertexOutput) -> @location(0) vec4<f32> {
    return textureSample(picture, picture_sampler, in.uv);
}

@fragment
fn fs_linear_framebuffer(in: VertexOutput) -> @location(0) vec4<f32> {
    return textureSample(picture, picture_sampler, in.uv);
}
";
