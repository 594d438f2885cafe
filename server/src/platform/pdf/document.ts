import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface Fonts {
  regular: Buffer;
  bold: Buffer;
}

let fonts: Fonts | null = null;

/** The CJK fonts ship in an npm package; its folder is found through the package itself. */
function loadFonts(): Fonts {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const fontDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    fonts = {
      regular: readFileSync(path.join(fontDir, 'NotoSansHans-Regular.otf')),
      bold: readFileSync(path.join(fontDir, 'NotoSansHans-Bold.otf')),
    };
  }
  return fonts;
}

export interface PdfOptions {
  title: string;
  subject?: string;
  lang: 'zh' | 'en';
}

/**
 * An A4 document with the Chinese fonts registered as 'regular' and 'bold', and a promise of
 * its bytes once `doc.end()` is called.
 */
export async function createPdfDocument(options: PdfOptions): Promise<{
  doc: PDFKit.PDFDocument;
  finished: Promise<Buffer>;
}> {
  // PDFKit is loaded on the first PDF, not at start: most processes never print.
  const { default: PDFDocument } = await import('pdfkit');
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: options.title, Subject: options.subject ?? '', Creator: 'OneStop' },
    lang: options.lang === 'zh' ? 'zh-CN' : 'en-US',
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}
