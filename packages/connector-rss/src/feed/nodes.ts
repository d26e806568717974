import type { XmlNode, XmlValue } from './xml.js';

/** Always a list: fast-xml-parser gives one child as a value and repeated children as an array. */
export function all(value: XmlValue): XmlNode[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function first(value: XmlValue): XmlNode | undefined {
  return all(value)[0];
}

export function child(node: XmlNode | undefined, name: string): XmlValue {
  return node !== undefined && typeof node === 'object' ? node[name] : undefined;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = child(node, `@_${name}`);
  return typeof value === 'string' ? value : undefined;
}

/** The text of an element, nested markup (Atom `type="xhtml"`) flattened to its text. */
export function textOf(value: XmlValue): string | undefined {
  const node = first(value);
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  const parts: string[] = [];
  for (const [key, inner] of Object.entries(node)) {
    if (key.startsWith('@_')) continue;
    for (const part of all(inner)) {
      const text = typeof part === 'string' ? part : textOf(part);
      if (text) parts.push(text);
    }
  }
  return parts.length ? parts.join(' ') : undefined;
}

/** The first element of `names` that has text. */
export function textOfAny(node: XmlNode | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    const text = textOf(child(node, name))?.trim();
    if (text) return text;
  }
  return undefined;
}
