'use client';

import { unpackHtml } from '@/lib/html';

/**
 * The last few tables unpacked, by their packed text. On the server each request brings the same rows as a new
 * string from the RSC payload; looking them up is a hash of the string, unpacking again is two passes that build
 * a new one (a twelfth of the register's time under load, when it was an App Router page).
 */
const unpacked = new Map<string, string>();
const KEEP = 16;

function unpack(packed: string): string {
  let markup = unpacked.get(packed);
  if (markup === undefined) {
    markup = unpackHtml(packed);
    unpacked.set(packed, markup);
    if (unpacked.size > KEEP) unpacked.delete(unpacked.keys().next().value!);
  }
  return markup;
}

/**
 * A table body from rows made by lib/html.ts and packed with packHtml for the RSC payload: unpacked and set
 * as the body's HTML, when the page is rendered on the server and again when the browser hydrates it.
 */
export function HtmlTableBody({ packedRows, className }: { packedRows: string; className?: string }) {
  return <tbody className={className} dangerouslySetInnerHTML={{ __html: unpack(packedRows) }} />;
}
