// A small, valid PDF written by hand, for tests of the PDF viewer (no fixture files needed).

/** A PDF of `pages` blank pages; `sizes` gives a page another size ([width, height] in points). */
export function minimalPdf(pages: number, sizes: Record<number, [number, number]> = {}): ArrayBuffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 1; i <= pages; i++) {
    const [w, h] = sizes[i] ?? [595, 842];
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] >>`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = new TextEncoder().encode(out);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** pdf.js in tests (Node, no Worker): its worker code runs in-process. */
export async function pdfjsInProcess() {
  const g = globalThis as { pdfjsWorker?: unknown };
  // @ts-expect-error pdf.js ships no type declarations for its worker module
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}
