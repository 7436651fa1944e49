import { isMap, isScalar, LineCounter, type Document } from 'yaml';
import { UserError } from '../errors.js';

/** Keys and 0-based list indices from the top of the spec, as zod reports them. */
export type SpecPath = readonly PropertyKey[];

/** A problem found in a spec: the field it concerns and the message body in both languages. */
export interface SpecFault {
  /** The field at fault, or for a missing field the section that lacks it. */
  readonly path: SpecPath;
  /** Point at the field's key instead of its value: an unknown key, or a section missing a field. */
  readonly atKey?: boolean;
  readonly es: string;
  readonly en: string;
}

/** The text a spec came from, used to name the file, the line and the value as written. */
export interface SpecSource {
  readonly fileName: string;
  /** 1-based line of the field, of its key, or of the nearest enclosing field that exists. */
  lineOf(path: SpecPath, atKey?: boolean): number | undefined;
  /** The value of the field as written in the file, on one line and shortened. */
  writtenValue(path: SpecPath): string;
}

const maxShownLength = 60;

/** Writes a path like `network.layers[1].weights[0]`, with 0-based list indices. */
export function formatPath(path: SpecPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxShownLength ? `${oneLine.slice(0, maxShownLength - 1)}…` : oneLine;
}

/** Writes a parsed value the way the spec would: strings quoted, NaN and Infinity by name. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return '';
  return shorten(JSON.stringify(value) ?? String(value));
}

export function valueAt(data: unknown, path: SpecPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Returns whether the object or list that contains the field has its key, even with an empty value. */
export function hasField(data: unknown, path: SpecPath): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent === null || typeof parent !== 'object' || key === undefined) return false;
  return Object.hasOwn(parent, key);
}

/** A spec parsed by the yaml package, which records where every node starts. */
export class YamlSource implements SpecSource {
  constructor(
    readonly fileName: string,
    private readonly text: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  lineOf(path: SpecPath, atKey = false): number | undefined {
    if (atKey) {
      const keyStart = this.keyStart(path);
      if (keyStart !== undefined) return this.lines.linePos(keyStart).line;
    }

    for (let length = path.length; length >= 0; length--) {
      const start = this.nodeRange(path.slice(0, length))?.[0];
      if (start !== undefined) return this.lines.linePos(start).line;
    }
    return undefined;
  }

  writtenValue(path: SpecPath): string {
    const range = this.nodeRange(path);
    return range === undefined ? '' : shorten(this.text.slice(range[0], range[1]));
  }

  private nodeRange(path: SpecPath): readonly [number, number, number] | undefined {
    const node: unknown = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
    const range = (node as { range?: [number, number, number] | null }).range;
    return range ?? undefined;
  }

  private keyStart(path: SpecPath): number | undefined {
    if (path.length === 0) return undefined;
    const parent: unknown = path.length <= 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;

    const name = String(path[path.length - 1]);
    for (const pair of parent.items) {
      const key = pair.key;
      if (isScalar(key) && String(key.value) === name) return key.range?.[0];
    }
    return undefined;
  }
}

/** A spec without positions, for the rare JSON text that JSON.parse accepts but yaml rejects. */
export class PlainSource implements SpecSource {
  constructor(
    readonly fileName: string,
    private readonly data: unknown,
  ) {}

  lineOf(): undefined {
    return undefined;
  }

  writtenValue(path: SpecPath): string {
    return formatValue(valueAt(this.data, path));
  }
}

/** Builds the UserError for a fault: "El archivo x.yaml, línea 7: …" and its English twin. */
export function specError(source: SpecSource, fault: SpecFault): UserError {
  const line = source.lineOf(fault.path, fault.atKey);
  const es =
    line === undefined
      ? `El archivo ${source.fileName}: ${fault.es}`
      : `El archivo ${source.fileName}, línea ${line}: ${fault.es}`;
  const en =
    line === undefined ? `File ${source.fileName}: ${fault.en}` : `File ${source.fileName}, line ${line}: ${fault.en}`;
  return new UserError((lang) => (lang === 'es' ? es : en));
}
