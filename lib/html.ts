/**
 * A tagged template for HTML strings that escapes every interpolated value unless it is itself made by
 * `html`. Used where React's server rendering is too slow for the size of the output: the register's rows
 * and a risk's review history (hundreds of rows; on an App Router page each is rendered twice by React,
 * once as HTML and once as the RSC payload), which as a string cost a few microseconds a row. Text is
 * always escaped; attribute values must be written quoted in the template.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '~': '&#126;', '^': '&#94;' };
const NEEDS_ESCAPE = /[&<>"'~^]/;

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/**
 * Escapes text for an HTML text node or a quoted attribute value. The two characters packHtml uses for <
 * and > (~ and ^) are escaped too, as character references that show the same character, so no value
 * can contain them and unpacking gives back exactly the markup that was packed.
 */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"'~^]/g, (c) => ESCAPES[c]!) : text;
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** html`<td>${text}</td>`: every value escaped; nested html`` fragments and arrays of them kept as they are. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * Markup made by `html`, with < as ~ and > as ^, for a string that travels in the RSC payload. Next writes the
 * payload into the page a second time, as inline scripts, and escapes every <, > and & there through a
 * callback per character: for the register's 200 rows (when the register was an App Router page) that was
 * about 10,000 calls and an eighth of the page's server time under load. A risk's history travels this way. ~ and ^ pass through JSON and that escaping untouched and keep the string
 * one byte a character (a non-ASCII marker made every later step slower). `html` escapes both in every
 * value, so in packed markup they only ever stand for < and >; HtmlTableBody unpacks it, on the server and
 * in the browser.
 */
export function packHtml(markup: string): string {
  return flat(markup.replaceAll('<', '~').replaceAll('>', '^'));
}

/**
 * The same text as one flat string. Strings built by += and replaceAll are trees of pieces in V8, and
 * Array.prototype.join walks the whole tree of every element each time: joining a risk's 150 kept history
 * rows took 66 µs as made and 8 µs flattened. Slicing a new string copies it flat first.
 */
function flat(text: string): string {
  return ` ${text}`.slice(1);
}

export function unpackHtml(packed: string): string {
  return packed.replaceAll('~', '<').replaceAll('^', '>');
}
