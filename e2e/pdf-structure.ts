/**
 * Reads a PDF's structure tree back from the file with pdf-lib, for tests: each element's type, its Table
 * attributes (/A /Scope), and its children, so a test can check what a screen reader is given.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';

export type StructNode = { type: string; scope: string | null; children: StructNode[] };

export async function structureTree(bytes: Uint8Array): Promise<StructNode[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? pdf.context.lookup(o) : o);
  const walk = (o: PDFObject | undefined): StructNode[] => {
    const value = resolve(o);
    if (value instanceof PDFArray) return value.asArray().flatMap(walk);
    if (!(value instanceof PDFDict)) return [];
    const type = value.get(PDFName.of('S'));
    if (!(type instanceof PDFName)) return [];
    const attributes = resolve(value.get(PDFName.of('A')));
    const scope = attributes instanceof PDFDict ? attributes.get(PDFName.of('Scope')) : undefined;
    return [{ type: type.decodeText(), scope: scope instanceof PDFName ? scope.decodeText() : null, children: walk(value.get(PDFName.of('K'))) }];
  };
  const root = resolve(pdf.catalog.get(PDFName.of('StructTreeRoot')));
  return root instanceof PDFDict ? walk(root.get(PDFName.of('K'))) : [];
}

/** Every node of the tree, depth first. */
export function allNodes(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}
