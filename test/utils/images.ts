import zlib from 'node:zlib';
import sharp from 'sharp';

/** A real image made with sharp: a gradient-free solid colour, `width`×`height`, in `format`. */
export function solidImage(format: 'png' | 'jpeg' | 'webp', width = 640, height = 400): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } });
  return (format === 'png' ? image.png() : format === 'jpeg' ? image.jpeg() : image.webp()).toBuffer();
}

/** A JPEG carrying EXIF with a camera name and GPS coordinates (metadata a screenshot must lose). */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 400, channels: 3, background: '#336699' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PlazaCam', Model: 'Leaky 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A PNG built by hand: 8-bit greyscale `width`×`height`. With `rows` the IDAT holds that many
 * all-zero rows (a decompression bomb is a few KiB that inflates to width×height bytes); with
 * `idat` it holds those bytes verbatim.
 */
export function handMadePng(width: number, height: number, options: { rows?: number; idat?: Buffer } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = options.rows ?? height;
  const idat = options.idat ?? zlib.deflateSync(Buffer.alloc((width + 1) * rows), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** The smallest well-formed PDF with `body` as its page content stream. */
export function minimalPdf(body = 'BT /F1 12 Tf 72 712 Td (Security review) Tj ET'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The bytes of a small zip archive's local file header and end record (what a polyglot appends). */
export const ZIP_TAIL = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('evil.html<script>alert(1)</script>'), Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
