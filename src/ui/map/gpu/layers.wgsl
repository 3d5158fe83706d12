// The map layers' shader (see `gpu/mod.rs`).
//
// egui's vertex shader for untextured meshes, scaled and moved, drawing
// into a texture of `target_size` points; the fragment shader passes the
// premultiplied gamma-space colour on, as egui's does for a gamma
// framebuffer (the texture is later drawn by egui, which treats its texels
// as gamma-encoded). Untextured egui meshes have `uv` (0, 0), which the
// layers do not otherwise need: `uv` marks feathered and stroked lines
// instead.
// How many relation line styles there are: `LineStyle::ALL.len()` in the
// core's model (a test in `gpu/lines.rs` keeps them equal).
const LINE_STYLES: u32 = 3u;

struct Locals {
    target_size: vec2<f32>,
    offset: vec2<f32>,
    scale: f32,
    feathering: f32,
    _pad: vec2<f32>,
    // One row per line style, from `line_style::shader_patterns`: dash and
    // gap in points, then in widths of the line. A solid style has zeros.
    patterns: array<vec4<f32>, LINE_STYLES>,
};
@group(0) @binding(0) var<uniform> locals: Locals;

struct VertexOutput {
    @builtin(position) position: vec4<f32>,
    @location(0) color: vec4<f32>, // premultiplied, gamma space, 0-1
    @location(1) across: vec2<f32>, // see `add_feathered_line`, `add_stroked_line`
    @location(2) @interpolate(flat) line: f32, // |uv.x|: LINE × (style + 1) + r for a stroked line
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
    // fades out; cut into dashes along it as its style's pattern says, each
    // fading out over one feathering past its ends, as egui draws them.
    let code = floor(in.line / LINE);
    let r = in.line - code * LINE;
    let style = min(u32(code) - 1u, LINE_STYLES - 1u);
    var coverage = clamp(r * (1.0 - abs(in.across.x)), 0.0, 1.0);
    let f = locals.feathering;
    let width = f * (2.0 * r - 1.0);
    let row = locals.patterns[style];
    let pattern = row.xy + row.zw * width;
    let period = pattern.x + pattern.y;
    if pattern.x > 0.0 && pattern.y > 0.0 {
        let along = in.across.y;
        let phase = along - floor(along / period) * period;
        let inside = max(min(phase, pattern.x - phase), phase - period);
        coverage = coverage * clamp(1.0 + inside / f, 0.0, 1.0);
    }
    return in.color * coverage;
}
