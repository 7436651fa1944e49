import { pathToPdf } from './math-paint.js';
import type { PdfWriter } from './writer.js';

/**
 * Paint the plain SVG that cadena's own diagrams and charts use (svg, g with translate, rect,
 * circle, line, path of straight segments, text) directly with pdfkit, about ten times faster than
 * svg-to-pdfkit. Returns false without drawing anything when the SVG uses anything else,
 * so that the caller can fall back to svg-to-pdfkit.
 */
export function paintSimpleSvg(writer: PdfWriter, svg: string, x: number, y: number, width: number, height: number): boolean {
  const elements = parseElements(svg);
  if (elements === null) return false;
  const root = elements.find((element) => element.name === 'svg');
  if (root === undefined) return false;

  const [, , viewWidth = width, viewHeight = height] = (root.attributes.viewBox ?? '').split(/[\s,]+/).map(Number);
  const scale = Math.min(width / viewWidth, height / viewHeight);
  const doc = writer.document;
  doc.save().translate(x, y).scale(scale);
  for (const element of elements) paintElement(writer, element);
  doc.restore();
  return true;
}

interface Element {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly text: string;
  readonly closing: boolean;
}

const supported = new Set(['svg', 'g', 'rect', 'circle', 'line', 'path', 'text']);

function parseElements(svg: string): Element[] | null {
  const elements: Element[] = [];
  const body = svg.replace(/<\?xml[^>]*\?>/, '');
  for (const match of body.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>(?:([^<]*)<\/text>)?/g)) {
    const [, closing, name, attributeText, , content] = match;
    if (!supported.has(name!)) return null;
    const attributes: Record<string, string> = {};
    for (const attribute of attributeText!.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[attribute[1]!] = attribute[2]!;
    if ((attributes.transform ?? '').replace(/translate\([^)]*\)/g, '').trim() !== '') return null;
    elements.push({ name: name!, attributes, text: unescapeXml(content ?? ''), closing: closing === '/' });
  }
  return elements;
}

function paintElement(writer: PdfWriter, element: Element): void {
  const doc = writer.document;
  const a = element.attributes;
  const num = (name: string) => Number(a[name] ?? 0);

  if (element.name === 'g') {
    if (element.closing) {
      doc.restore();
      return;
    }
    doc.save();
    const translate = /translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)/.exec(a.transform ?? '');
    if (translate) doc.translate(Number(translate[1]), Number(translate[2]));
    return;
  }
  if (element.closing) return;

  switch (element.name) {
    case 'rect':
      paintShape(doc, a, () => doc.roundedRect(num('x'), num('y'), num('width'), num('height'), num('rx')));
      break;
    case 'circle':
      paintShape(doc, a, () => doc.circle(num('cx'), num('cy'), num('r')));
      break;
    case 'line':
      paintShape(doc, { ...a, fill: 'none' }, () => doc.moveTo(num('x1'), num('y1')).lineTo(num('x2'), num('y2')));
      break;
    case 'path':
      paintShape(doc, a, () => doc.addContent(pathToPdf(a.d ?? '')));
      break;
    case 'text': {
      const size = num('font-size') || 12;
      const textWidth = doc.font('sans').fontSize(size).widthOfString(element.text);
      const anchor = a['text-anchor'];
      let shift = 0;
      if (anchor === 'middle') shift = textWidth / 2;
      if (anchor === 'end') shift = textWidth;
      writer.drawText(element.text, 'sans', size, num('x') - shift, num('y'), a.fill ?? '#000000');
      break;
    }
    default:
      break;
  }
}

/**
 * Fill and stroke a shape with its presentation attributes: fill, stroke, stroke-width,
 * stroke-dasharray, stroke-linecap, stroke-linejoin, opacity, fill-opacity and
 * stroke-opacity. The graphics state is set before the outline because PDF allows no state
 * operators inside a path.
 */
function paintShape(doc: PdfWriter['document'], a: Record<string, string>, outline: () => void): void {
  const fill = a.fill !== undefined && a.fill !== 'none' ? a.fill : null;
  const strokeWidth = Number(a['stroke-width'] ?? 1);
  const stroke = a.stroke !== undefined && a.stroke !== 'none' && strokeWidth > 0 ? a.stroke : null;
  if (fill === null && stroke === null) return;

  doc.save();
  // NOTE: opacity multiplies the fill's and the stroke's opacity. SVG composites the shape as a
  // group instead, which differs only where a translucent stroke overlaps its own fill.
  const opacity = Number(a.opacity ?? 1);
  if (fill !== null) {
    doc.fillColor(fill);
    const fillOpacity = opacity * Number(a['fill-opacity'] ?? 1);
    if (fillOpacity < 1) doc.fillOpacity(fillOpacity);
  }
  if (stroke !== null) {
    doc.strokeColor(stroke).lineWidth(strokeWidth);
    const strokeOpacity = opacity * Number(a['stroke-opacity'] ?? 1);
    if (strokeOpacity < 1) doc.strokeOpacity(strokeOpacity);
    const dashes = (a['stroke-dasharray'] ?? 'none').split(/[\s,]+/).map(Number);
    if (dashes.every((length) => Number.isFinite(length) && length > 0)) doc.dash(dashes);
    const cap = a['stroke-linecap'];
    if (cap === 'butt' || cap === 'round' || cap === 'square') doc.lineCap(cap);
    const join = a['stroke-linejoin'];
    if (join === 'miter' || join === 'round' || join === 'bevel') doc.lineJoin(join);
  }

  outline();
  if (fill !== null && stroke !== null) doc.fillAndStroke();
  else if (fill !== null) doc.fill();
  else doc.stroke();
  doc.restore();
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
