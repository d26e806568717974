import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BackendUnavailableError } from '@aos-connectors/core';

/** A parsed XML element as fast-xml-parser gives it: text, attributes (`@_name`) and children. */
export type XmlNode = string | { [key: string]: XmlValue };
export type XmlValue = XmlNode | XmlNode[] | undefined;

// Values stay strings (a title "2024" must not become a number); namespace prefixes stay, since
// `atom:link` and `link` mean different things inside one RSS channel. Entity expansion keeps
// fast-xml-parser's limits, and external entities are never fetched.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
});

/**
 * Parses a feed document, or throws BACKEND_UNAVAILABLE naming where the XML breaks: a feed
 * that is not well-formed cannot be read reliably, and retrying will not fix it.
 */
export function parseXml(text: string, url: string): Record<string, XmlValue> {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new BackendUnavailableError(`The feed at ${url} is not well-formed XML (line ${line}, column ${col}: ${msg})`, {
      details: { url, line, column: col, xml_error: msg, retryable: false },
      hint: 'The publisher must fix the feed; check it with an XML or feed validator.',
    });
  }
  return parser.parse(text) as Record<string, XmlValue>;
}
