import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { MediaRejectedError } from '../../shared/errors';

/** Screenshot limits (docs/marketplace.md, "Screenshots and compliance documents"). */
export const SCREENSHOT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxWidth: 3840,
  maxHeight: 2160,
  minWidth: 320,
  minHeight: 200,
  maxCount: 8,
  /** Decoding and re-encoding one image gives up after this long. */
  timeoutSeconds: 10,
} as const;

export const PDF_MAX_BYTES = 10 * 1024 * 1024;

export type ScreenshotFormat = 'png' | 'jpeg' | 'webp';
export const CONTENT_TYPES: Record<ScreenshotFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };
export const FILE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf' };

export interface CheckedScreenshot {
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
  sha256: string;
}

const reject = (reason: string, message: string) => new MediaRejectedError(message, reason);
const bomb = () =>
  reject('DIMENSIONS_TOO_LARGE', `The image declares more pixels than a screenshot may have (${SCREENSHOT_LIMITS.maxWidth}×${SCREENSHOT_LIMITS.maxHeight}): refused before decoding`);

/** The container format its first bytes announce, whatever the request said. */
export function sniffImage(bytes: Buffer): ScreenshotFormat | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * Where the image's own structure ends: after PNG's IEND chunk, JPEG's final EOI marker, or
 * the RIFF length of a WebP. Anything after it (an appended zip or HTML page: a polyglot) is
 * refused. Null when the structure ends before it should (truncated).
 */
export function imageEnd(bytes: Buffer, format: ScreenshotFormat): number | null {
  if (format === 'webp') {
    const end = 8 + bytes.readUInt32LE(4);
    return end <= bytes.length ? end : null;
  }
  if (format === 'png') {
    let at = 8;
    while (at + 12 <= bytes.length) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.toString('latin1', at + 4, at + 8);
      at += 12 + length;
      if (type === 'IEND') return at <= bytes.length ? at : null;
    }
    return null;
  }
  // JPEG: marker segments up to each scan, then the entropy-coded data up to the next marker
  // that is neither a stuffed 0xFF00 nor a restart marker; EOI ends the image.
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9) return at + 2;
    if (marker >= 0xd0 && marker <= 0xd7) {
      at += 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    at += 2 + length;
    if (marker !== 0xda) continue;
    while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && (bytes[at + 1] < 0xd0 || bytes[at + 1] > 0xd7))) at++;
  }
  if (at + 2 === bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xd9) return bytes.length;
  return null;
}

/**
 * Decodes a screenshot with sharp and re-encodes it in the same format, which drops every
 * metadata block (EXIF, GPS, XMP, comments, ICC). Refused with MEDIA_REJECTED and a stable
 * `reason`: UNSUPPORTED_FORMAT, TRAILING_DATA (polyglot), TRUNCATED, UNDECODABLE, ANIMATED,
 * DIMENSIONS_TOO_LARGE (decompression bombs included: refused from the header, before decoding),
 * DIMENSIONS_TOO_SMALL.
 */
export async function checkScreenshot(bytes: Buffer): Promise<CheckedScreenshot> {
  const format = sniffImage(bytes);
  if (!format) throw reject('UNSUPPORTED_FORMAT', 'A screenshot must be a PNG, JPEG or WebP image');
  const end = imageEnd(bytes, format);
  if (end === null) throw reject('TRUNCATED', 'The image ends before its structure does');
  if (end !== bytes.length) throw reject('TRAILING_DATA', `The image has ${bytes.length - end} bytes after its end (a file appended to it)`);
  const { maxWidth, maxHeight, minWidth, minHeight, timeoutSeconds } = SCREENSHOT_LIMITS;
  const open = () => sharp(bytes, { limitInputPixels: maxWidth * maxHeight, failOn: 'warning', sequentialRead: true });
  let meta: sharp.Metadata;
  try {
    meta = await open().metadata();
  } catch (error) {
    // sharp refuses an over-limit header before decoding a pixel (limitInputPixels).
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw bomb();
    throw reject('UNDECODABLE', 'The image could not be read');
  }
  if (meta.format !== format) throw reject('UNSUPPORTED_FORMAT', 'The image is not the format its bytes announce');
  if ((meta.pages ?? 1) > 1) throw reject('ANIMATED', 'Animated images are not accepted as screenshots');
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = (swapped ? meta.height : meta.width) ?? 0;
  const height = (swapped ? meta.width : meta.height) ?? 0;
  if (width > maxWidth || height > maxHeight) throw reject('DIMENSIONS_TOO_LARGE', `A screenshot is at most ${maxWidth}×${maxHeight} pixels (this one is ${width}×${height})`);
  if (width < minWidth || height < minHeight) throw reject('DIMENSIONS_TOO_SMALL', `A screenshot is at least ${minWidth}×${minHeight} pixels (this one is ${width}×${height})`);
  let out: { data: Buffer; info: sharp.OutputInfo };
  try {
    const pipeline = open().timeout({ seconds: timeoutSeconds }).rotate();
    const encoded = format === 'png' ? pipeline.png() : format === 'jpeg' ? pipeline.jpeg({ quality: 90 }) : pipeline.webp({ quality: 90 });
    out = await encoded.toBuffer({ resolveWithObject: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) throw bomb();
    if (/truncat|premature|end of (file|data)|unexpected end/i.test(message)) throw reject('TRUNCATED', 'The image data is truncated');
    throw reject('UNDECODABLE', 'The image could not be decoded');
  }
  return {
    bytes: out.data,
    contentType: CONTENT_TYPES[format],
    width: out.info.width,
    height: out.info.height,
    sha256: createHash('sha256').update(out.data).digest('hex'),
  };
}

export interface CheckedPdf {
  bytes: Buffer;
  contentType: 'application/pdf';
  sha256: string;
}

/** Name tokens of a PDF that runs something or carries another file: never in a compliance document. */
const ACTIVE_CONTENT = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b/;
/** Signatures that make a PDF also something else (an archive, an HTML page, an executable). */
const OTHER_FORMATS: [RegExp, string][] = [
  [/PK\x03\x04/, 'a zip archive'],
  [/<(html|script|!doctype|svg|iframe)\b/i, 'HTML'],
  [/MZ\x90\x00/, 'a Windows executable'],
  [/\x7fELF/, 'an ELF executable'],
];

/**
 * A compliance document: a PDF by its bytes (a `%PDF-1.x`/`%PDF-2.x` header at offset 0 and a
 * `%%EOF` trailer with only whitespace after it), refused when it is also something else (a zip,
 * HTML, an executable, an image signature) or carries active content. MEDIA_REJECTED reasons:
 * NOT_PDF, TRAILING_DATA, POLYGLOT, ACTIVE_CONTENT.
 */
export function checkPdf(bytes: Buffer): CheckedPdf {
  if (!/^%PDF-[12]\.\d/.test(bytes.toString('latin1', 0, 8))) throw reject('NOT_PDF', 'A compliance document must be a PDF (it must start with %PDF-)');
  const tail = bytes.toString('latin1', Math.max(0, bytes.length - 1024));
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) throw reject('NOT_PDF', 'The PDF has no %%EOF trailer (truncated, or not a PDF)');
  if (tail.slice(eof + 5).trim() !== '') throw reject('TRAILING_DATA', 'The PDF has data after its %%EOF trailer');
  const text = bytes.toString('latin1');
  for (const [signature, what] of OTHER_FORMATS) {
    if (signature.test(text)) throw reject('POLYGLOT', `The PDF is also ${what}`);
  }
  if (ACTIVE_CONTENT.test(text)) throw reject('ACTIVE_CONTENT', 'The PDF carries scripts, launch actions or embedded files');
  return { bytes, contentType: 'application/pdf', sha256: createHash('sha256').update(bytes).digest('hex') };
}
