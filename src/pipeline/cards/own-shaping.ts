/**
 * The step between layout and satori that hands satori's shaping gaps to
 * shaped-text.ts: every text block layout.ts marked with its width (`shape`)
 * whose text satori would draw wrongly becomes an image of that text, drawn
 * from the same fonts; every other block goes to satori unchanged.
 */
import { COLORS, type CardNode } from './layout.ts';
import { needsOwnShaping, shapedTextSvg } from './shaped-text.ts';

interface Inherited { fontSize: number; fontWeight: 400 | 700; color: string }

/** Satori's defaults where neither the block nor its ancestors set a value. */
const ROOT: Inherited = { fontSize: 16, fontWeight: 400, color: COLORS.ink };

export function withOwnShaping(node: CardNode, inherited: Inherited = ROOT): CardNode {
  const style = node.props.style ?? {};
  const here: Inherited = {
    fontSize: typeof style.fontSize === 'number' ? style.fontSize : inherited.fontSize,
    fontWeight: style.fontWeight === 700 ? 700 : style.fontWeight === 400 ? 400 : inherited.fontWeight,
    color: typeof style.color === 'string' ? style.color : inherited.color,
  };
  const { shape, ...props } = node.props;
  const only = Array.isArray(props.children) && props.children.length === 1 ? props.children[0] : props.children;
  if (shape && typeof only === 'string') {
    const content = only;
    if (needsOwnShaping(content, here.fontWeight)) {
      const lineHeight = typeof style.lineHeight === 'number' ? style.lineHeight : 1.2;
      const { svg, width, height } = shapedTextSvg(content, { ...here, lineHeight, width: shape.width, lines: shape.lines });
      const { lineClamp: _clamp, direction: _direction, textAlign: _align, ...box } = style;
      return {
        type: 'div',
        props: { style: { ...box, display: 'flex' }, children: [{ type: 'img', props: { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, width, height } }] },
      };
    }
  }
  const children = props.children;
  if (children === undefined || typeof children === 'string') return { type: node.type, props };
  const list = Array.isArray(children) ? children : [children];
  return { type: node.type, props: { ...props, children: list.map((child) => (typeof child === 'string' ? child : withOwnShaping(child, here))) } };
}
