//! The map's background kept on the GPU.
//!
//! The countries and the relation edges are tessellated by egui once for a
//! view (see `map_view`), but a plain egui mesh is copied into every frame's
//! output and uploaded to the GPU again each frame: about 66,000 vertices for
//! Paris 2014 and 800,000 for a world-sized scenario. Here each of those
//! layers is uploaded once into its own vertex and index buffers and drawn by
//! an egui paint callback; a frame that only pans moves it with a translation
//! in a uniform. The shader draws egui's vertices exactly as egui's own does
//! (premultiplied sRGB colours, the same blending), so the picture is the
//! same as the plain mesh's.
//!
//! Without wgpu (an egui context with no renderer, as in the benchmarks, the
//! export, or a test harness without a GPU) `map_view` paints the plain mesh.

use std::sync::Arc;

use eframe::egui_wgpu::{self, wgpu};
use egui::{Mesh, Rect, Vec2};
use wgpu::util::DeviceExt as _;

/// The layers the map keeps on the GPU, painted in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Countries = 0,
    Edges = 1,
}

/// Multisampling of eframe's render pass: `native_options` leaves it off,
/// and kittest's wgpu renderer has none either.
const MSAA_SAMPLES: u32 = 1;

/// The pipeline and each layer's buffers, kept in `egui_wgpu`'s callback resources.
struct MapPipeline {
    pipeline: wgpu::RenderPipeline,
    bind_group_layout: wgpu::BindGroupLayout,
    layers: [Option<LayerBuffers>; 2],
}

/// One layer's geometry on the GPU, and the mesh it came from.
struct LayerBuffers {
    /// The mesh uploaded: the same `Arc` means the same geometry.
    mesh: Arc<Mesh>,
    vertices: wgpu::Buffer,
    indices: wgpu::Buffer,
    index_count: u32,
    uniform: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
}

/// The uniform: screen size in points and the layer's translation.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct Locals {
    screen_size: [f32; 2],
    offset: [f32; 2],
}

/// Sets the map's pipeline up in the renderer; the map then draws its
/// background through [`layer_shape`].
pub fn install(render_state: &egui_wgpu::RenderState) {
    let device = &render_state.device;
    let shader = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("map_background"),
        source: wgpu::ShaderSource::Wgsl(SHADER.into()),
    });
    let bind_group_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some("map_background_locals"),
        entries: &[wgpu::BindGroupLayoutEntry {
            binding: 0,
            visibility: wgpu::ShaderStages::VERTEX,
            ty: wgpu::BindingType::Buffer {
                ty: wgpu::BufferBindingType::Uniform,
                has_dynamic_offset: false,
                min_binding_size: None,
            },
            count: None,
        }],
    });
    let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some("map_background"),
        bind_group_layouts: &[Some(&bind_group_layout)],
        immediate_size: 0,
    });
    let format = render_state.target_format;
    let pipeline = device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some("map_background"),
        layout: Some(&layout),
        vertex: wgpu::VertexState {
            module: &shader,
            entry_point: Some("vs_main"),
            // egui's `Vertex`: position, texture coordinates (unused: the map
            // is untextured), premultiplied sRGBA colour.
            buffers: &[Some(wgpu::VertexBufferLayout {
                array_stride: std::mem::size_of::<egui::epaint::Vertex>() as u64,
                step_mode: wgpu::VertexStepMode::Vertex,
                attributes: &wgpu::vertex_attr_array![0 => Float32x2, 1 => Float32x2, 2 => Uint32],
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        },
        primitive: wgpu::PrimitiveState::default(),
        depth_stencil: None,
        multisample: wgpu::MultisampleState {
            count: MSAA_SAMPLES,
            mask: !0,
            alpha_to_coverage_enabled: false,
        },
        fragment: Some(wgpu::FragmentState {
            module: &shader,
            entry_point: Some(if format.is_srgb() {
                "fs_linear_framebuffer"
            } else {
                "fs_gamma_framebuffer"
            }),
            // egui's blending, so the feathered edges look the same.
            targets: &[Some(wgpu::ColorTargetState {
                format,
                blend: Some(wgpu::BlendState {
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
                }),
                write_mask: wgpu::ColorWrites::ALL,
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        }),
        multiview_mask: None,
        cache: None,
    });
    render_state
        .renderer
        .write()
        .callback_resources
        .insert(MapPipeline {
            pipeline,
            bind_group_layout,
            layers: [None, None],
        });
}

/// A shape that draws `mesh` moved by `offset`, clipped to `rect`.
pub fn layer_shape(layer: Layer, mesh: Arc<Mesh>, offset: Vec2, rect: Rect) -> egui::Shape {
    egui::Shape::Callback(egui_wgpu::Callback::new_paint_callback(
        rect,
        LayerPaint {
            layer,
            mesh,
            offset,
        },
    ))
}

/// One layer drawn in one frame.
struct LayerPaint {
    layer: Layer,
    mesh: Arc<Mesh>,
    offset: Vec2,
}

impl egui_wgpu::CallbackTrait for LayerPaint {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &egui_wgpu::ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut egui_wgpu::CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        let Some(map) = resources.get_mut::<MapPipeline>() else {
            return Vec::new();
        };
        let slot = &mut map.layers[self.layer as usize];
        let current = slot
            .as_ref()
            .is_some_and(|b| Arc::ptr_eq(&b.mesh, &self.mesh));
        if !current {
            // New geometry: upload it once. An empty layer keeps no buffers.
            *slot = (!self.mesh.indices.is_empty())
                .then(|| upload(device, &map.bind_group_layout, self.mesh.clone()));
        }
        if let Some(buffers) = slot {
            let locals = Locals {
                screen_size: [
                    screen.size_in_pixels[0] as f32 / screen.pixels_per_point,
                    screen.size_in_pixels[1] as f32 / screen.pixels_per_point,
                ],
                offset: [self.offset.x, self.offset.y],
            };
            queue.write_buffer(&buffers.uniform, 0, bytemuck::bytes_of(&locals));
        }
        Vec::new()
    }

    fn paint(
        &self,
        info: egui::PaintCallbackInfo,
        pass: &mut wgpu::RenderPass<'static>,
        resources: &egui_wgpu::CallbackResources,
    ) {
        let Some(map) = resources.get::<MapPipeline>() else {
            return;
        };
        let Some(buffers) = &map.layers[self.layer as usize] else {
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
        pass.set_pipeline(&map.pipeline);
        pass.set_bind_group(0, &buffers.bind_group, &[]);
        pass.set_vertex_buffer(0, buffers.vertices.slice(..));
        pass.set_index_buffer(buffers.indices.slice(..), wgpu::IndexFormat::Uint32);
        pass.draw_indexed(0..buffers.index_count, 0, 0..1);
    }
}

fn upload(device: &wgpu::Device, layout: &wgpu::BindGroupLayout, mesh: Arc<Mesh>) -> LayerBuffers {
    let vertices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
        label: Some("map_background_vertices"),
        contents: bytemuck::cast_slice(&mesh.vertices),
        usage: wgpu::BufferUsages::VERTEX,
    });
    let indices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
        label: Some("map_background_indices"),
        contents: bytemuck::cast_slice(&mesh.indices),
        usage: wgpu::BufferUsages::INDEX,
    });
    let uniform = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("map_background_locals"),
        size: std::mem::size_of::<Locals>() as u64,
        usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("map_background_locals"),
        layout,
        entries: &[wgpu::BindGroupEntry {
            binding: 0,
            resource: uniform.as_entire_binding(),
        }],
    });
    LayerBuffers {
        index_count: mesh.indices.len() as u32,
        mesh,
        vertices,
        indices,
        uniform,
        bind_group,
    }
}

/// egui's vertex and fragment shader for untextured meshes, with a translation.
const SHADER: &str = r"
struct Locals {
    screen_size: vec2<f32>,
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
        2.0 * p.x / locals.screen_size.x - 1.0,
        1.0 - 2.0 * p.y / locals.screen_size.y,
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
