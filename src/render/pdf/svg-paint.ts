import { pathToPdf } from './math-paint.js';
import type { PdfWriter } from './writer.js';

/**
 * Paint the plain SVG that cadena's own diagrams use (svg, g with translate, rect, circle,
 * line, path of straight segments, text) directly with pdfkit, about ten times faster than
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
      doc.save();
      doc.addContent(pathToPdf(a.d ?? ''));
      if (a.fill !== undefined && a.fill !== 'none') doc.fillColor(a.fill).fill();
      doc.restore();
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

function paintShape(doc: PdfWriter['document'], a: Record<string, string>, outline: () => void): void {
  const fill = a.fill !== undefined && a.fill !== 'none' ? a.fill : null;
  const strokeWidth = Number(a['stroke-width'] ?? 1);
  const stroke = a.stroke !== undefined && a.stroke !== 'none' && strokeWidth > 0 ? a.stroke : null;
  if (fill === null && stroke === null) return;

  doc.save();
  outline();
  doc.lineWidth(strokeWidth);
  if (fill !== null && stroke !== null) doc.fillAndStroke(fill, stroke);
  else if (fill !== null) doc.fill(fill);
  else doc.stroke(stroke!);
  doc.restore();
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
