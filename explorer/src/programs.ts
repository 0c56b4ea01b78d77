// Two WebGL programs for sigma: nodes drawn as one of six shapes (circle, square, diamond, triangle,
// hexagon, ring; chosen per node by its `shape` attribute), and dashed edges for inferred
// relationships (sigma's rectangle edge with gaps cut in its fragment shader; picking stays whole,
// so a dashed edge is as easy to click as a solid one), both picked wider than drawn.
import type { Attributes } from 'graphology-types';
import { EdgeRectangleProgram, NodeProgram, type ProgramInfo } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';
import { SHAPES, type Shape } from './look.ts';

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;

const NODE_VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;
attribute vec2 a_corner;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec2 v_uv;
varying float v_shape;
varying float v_border;

const float bias = 255.0 / 254.0;

void main() {
  float radius = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  gl_Position = vec4((u_matrix * vec3(a_position + a_corner * radius, 1)).xy, 0, 1);
  v_uv = a_corner;
  v_shape = a_shape;
  v_border = u_correctionRatio * 2.0 / radius;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

// signed distance-like value in the unit square: negative inside the shape
const NODE_FRAGMENT = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_uv;
varying float v_shape;
varying float v_border;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

float inside(vec2 p, float shape) {
  vec2 a = abs(p);
  if (shape < 0.5) return length(p) - 1.0;
  if (shape < 1.5) return max(a.x, a.y) - 0.82;
  if (shape < 2.5) return (a.x + a.y) / 1.2 - 0.9;
  if (shape < 3.5) return max(0.866 * a.x + 0.5 * p.y, -p.y) - 0.55;
  if (shape < 4.5) return max(0.866 * a.x + 0.5 * a.y, a.y) - 0.86;
  return abs(length(p) - 0.72) - 0.28;
}

void main(void) {
  float d = inside(v_uv, v_shape);
  #ifdef PICKING_MODE
  gl_FragColor = d < 0.0 ? v_color : transparent;
  #else
  float t = smoothstep(-v_border, 0.0, d);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const at = (info: ProgramInfo, name: string) => info.uniformLocations[name] as WebGLUniformLocation;

const NODE_UNIFORMS = ['u_sizeRatio', 'u_correctionRatio', 'u_matrix'] as const;

export class NodeShapeProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodeProgram<(typeof NODE_UNIFORMS)[number], N, E, G> {
  getDefinition() {
    return {
      VERTICES: 6,
      VERTEX_SHADER_SOURCE: NODE_VERTEX,
      FRAGMENT_SHADER_SOURCE: NODE_FRAGMENT,
      METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS: NODE_UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_size', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_shape', size: 1, type: FLOAT },
      ],
      CONSTANT_ATTRIBUTES: [{ name: 'a_corner', size: 2, type: FLOAT }],
      CONSTANT_DATA: [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, -1],
        [1, 1],
        [-1, 1],
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData) {
    const array = this.array;
    let i = startIndex;
    array[i++] = data.x;
    array[i++] = data.y;
    array[i++] = data.size;
    array[i++] = floatColor(data.color);
    array[i++] = nodeIndex;
    array[i++] = Math.max(0, SHAPES.indexOf((data as NodeDisplayData & { shape?: Shape }).shape ?? 'circle'));
  }

  setUniforms(params: RenderParams, info: ProgramInfo) {
    info.gl.uniform1f(at(info, 'u_correctionRatio'), params.correctionRatio);
    info.gl.uniform1f(at(info, 'u_sizeRatio'), params.sizeRatio);
    info.gl.uniformMatrix3fv(at(info, 'u_matrix'), false, params.matrix);
  }
}

function replaced(source: string, what: string, by: string): string {
  if (!source.includes(what)) throw new Error(`sigma's edge shader changed: no "${what}"`);
  return source.replace(what, by);
}

const rectangle = EdgeRectangleProgram.prototype.getDefinition.call(undefined as never);

// Sigma finds what is under the pointer in a picking buffer at half resolution, where a 3-pixel
// edge is barely one pixel: edges are picked three times as wide as they are drawn.
const THICKNESS = 'float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;';
const base = {
  ...rectangle,
  VERTEX_SHADER_SOURCE: replaced(
    rectangle.VERTEX_SHADER_SOURCE,
    THICKNESS,
    `${THICKNESS}\n  #ifdef PICKING_MODE\n  webGLThickness *= 3.0;\n  #endif`,
  ),
};

/** sigma's rectangle edge, easier to point at. */
export class EdgeSolidProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends EdgeRectangleProgram<N, E, G> {
  getDefinition() {
    return base;
  }
}

/** The same, with 6-pixel dashes and 4-pixel gaps. */
export class EdgeDashedProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends EdgeRectangleProgram<N, E, G> {
  getDefinition() {
    return {
      ...base,
      // sigma types the uniform list as its own tuple; ours has one more
      UNIFORMS: [...base.UNIFORMS, 'u_resolution'] as unknown as typeof base.UNIFORMS,
      VERTEX_SHADER_SOURCE: replaced(
        base.VERTEX_SHADER_SOURCE,
        'void main() {',
        `uniform vec2 u_resolution;
varying float v_along;
void main() {
  vec2 clipStart = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 clipEnd = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length((clipEnd - clipStart) * u_resolution * 0.5);`,
      ),
      FRAGMENT_SHADER_SOURCE: replaced(
        replaced(
          base.FRAGMENT_SHADER_SOURCE,
          'void main(void) {',
          'varying float v_along;\nvoid main(void) {',
        ),
        '#else',
        '#else\n  if (mod(v_along, 10.0) > 6.0) discard;',
      ),
    };
  }

  setUniforms(params: RenderParams, info: ProgramInfo) {
    super.setUniforms(params, info);
    info.gl.uniform2f(at(info, 'u_resolution'), params.width, params.height);
  }
}
