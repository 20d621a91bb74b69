// pdf.js, bundled with the app (no CDN) and loaded when the first PDF is shown (PdfViewer
// imports this module dynamically, so starting the window does not wait for it). Its worker is a file of the app, started here as a
// module worker from our own origin, so the CSP's script-src 'self' covers it and pdf.js never
// needs a blob: wrapper. pdf.js never evaluates code (isEvalSupported: false): the CSP has no
// 'unsafe-eval'.
import {
  GlobalWorkerOptions,
  PDFWorker,
  VerbosityLevel,
  getDocument,
  type PDFDocumentLoadingTask,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export type {
  PDFDocumentLoadingTask,
  PDFDocumentProxy,
  PDFPageProxy,
  RenderTask,
} from 'pdfjs-dist/legacy/build/pdf.mjs';

GlobalWorkerOptions.workerSrc = workerUrl;

let shared: PDFWorker | null = null;

/** One worker for every document the window shows, started on first use and kept: closing a
 *  document does not stop it. */
function pdfWorker(): PDFWorker {
  if (shared && !shared.destroyed) return shared;
  let port: Worker | null = null;
  // Under tests (Node) there is no Worker: pdf.js then runs its worker code in-process.
  if (typeof Worker !== 'undefined') {
    try {
      port = new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
    } catch {
      port = null; // pdf.js falls back to workerSrc, and failing that to the main thread
    }
  }
  shared = PDFWorker.create({ port: port ?? undefined, name: 'pdf.js', verbosity: VerbosityLevel.ERRORS });
  return shared;
}

/** Starts reading a PDF. The bytes are copied: pdf.js hands its buffer over to the worker. */
export function openPdf(bytes: ArrayBuffer): PDFDocumentLoadingTask {
  return getDocument({
    data: new Uint8Array(bytes.slice(0)),
    worker: pdfWorker(),
    isEvalSupported: false,
    enableXfa: false,
    // Nothing is fetched: our PDFs embed their fonts, and connect-src allows only the IPC.
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
}
