import sharp from 'sharp';
import { MediaRejectedError } from '../../shared/errors';
import { handMadePng, jpegWithGps, minimalPdf, solidImage, ZIP_TAIL } from '../../../test/utils/images';
import { checkPdf, checkScreenshot, imageEnd, sniffImage } from './media-checks';

async function reasonOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof MediaRejectedError) return error.reason;
    throw error;
  }
  throw new Error('accepted');
}

describe('screenshot checks (docs/marketplace.md, "Screenshots and compliance documents")', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('accepts a %s, re-encoded in the same format with its size', async format => {
    const checked = await checkScreenshot(await solidImage(format));
    expect(checked).toMatchObject({ contentType: `image/${format}`, width: 640, height: 400 });
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await sharp(checked.bytes).metadata()).format).toBe(format);
  });

  it('strips EXIF and GPS metadata', async () => {
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const checked = await checkScreenshot(input);
    const meta = await sharp(checked.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(checked.bytes.includes(Buffer.from('PlazaCam'))).toBe(false);
  });

  it('detects the format from the bytes, not the name: GIF, SVG and HTML are refused', async () => {
    const gif = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#000' } }).gif().toBuffer();
    expect(await reasonOf(checkScreenshot(gif))).toBe('UNSUPPORTED_FORMAT');
    expect(await reasonOf(checkScreenshot(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"/>')))).toBe('UNSUPPORTED_FORMAT');
    expect(await reasonOf(checkScreenshot(Buffer.from('<!doctype html><script>alert(1)</script>')))).toBe('UNSUPPORTED_FORMAT');
    expect(await reasonOf(checkScreenshot(Buffer.alloc(0)))).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    // 6000×6000 zero bytes deflate to a few dozen KiB.
    const bomb = handMadePng(6000, 6000);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await reasonOf(checkScreenshot(bomb))).toBe('DIMENSIONS_TOO_LARGE');
  });

  it('refuses huge dimensions whose data is not even there', async () => {
    expect(await reasonOf(checkScreenshot(handMadePng(100_000, 100_000, { rows: 1 })))).toBe('DIMENSIONS_TOO_LARGE');
  });

  it('refuses images over 3840×2160 or under 320×200', async () => {
    expect(await reasonOf(checkScreenshot(await solidImage('png', 3841, 1000)))).toBe('DIMENSIONS_TOO_LARGE');
    expect(await reasonOf(checkScreenshot(await solidImage('webp', 1000, 2161)))).toBe('DIMENSIONS_TOO_LARGE');
    expect(await reasonOf(checkScreenshot(await solidImage('jpeg', 319, 400)))).toBe('DIMENSIONS_TOO_SMALL');
    expect(await reasonOf(checkScreenshot(await solidImage('png', 640, 199)))).toBe('DIMENSIONS_TOO_SMALL');
  });

  it.each(['png', 'jpeg', 'webp'] as const)('refuses a truncated %s', async format => {
    const whole = await solidImage(format, 800, 600);
    expect(await reasonOf(checkScreenshot(whole.subarray(0, Math.floor(whole.length * 0.6))))).toBe('TRUNCATED');
  });

  it('refuses a PNG whose pixel data is too short for its size (well-formed chunks, missing rows)', async () => {
    expect(await reasonOf(checkScreenshot(handMadePng(640, 400, { rows: 10 })))).toMatch(/^(TRUNCATED|UNDECODABLE)$/);
  });

  it('refuses a PNG whose compressed data is garbage', async () => {
    expect(await reasonOf(checkScreenshot(handMadePng(640, 400, { idat: Buffer.from('not deflate data at all, just text') })))).toBe('UNDECODABLE');
  });

  it.each(['png', 'jpeg', 'webp'] as const)('refuses a %s polyglot: a zip or an HTML page appended', async format => {
    const image = await solidImage(format);
    expect(await reasonOf(checkScreenshot(Buffer.concat([image, ZIP_TAIL])))).toBe('TRAILING_DATA');
    expect(await reasonOf(checkScreenshot(Buffer.concat([image, Buffer.from('<html><script>alert(1)</script></html>')])))).toBe('TRAILING_DATA');
  });

  it('refuses an animated WebP', async () => {
    const frames = await Promise.all(['#123456', '#ffffff'].map(background => sharp({ create: { width: 400, height: 300, channels: 3, background } }).png().toBuffer()));
    const animated = await sharp(frames, { join: { animated: true } }).webp().toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    expect(await reasonOf(checkScreenshot(animated))).toBe('ANIMATED');
  });

  it('finds the end of each container exactly', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const image = await solidImage(format);
      expect(sniffImage(image)).toBe(format);
      expect(imageEnd(image, format)).toBe(image.length);
    }
  });
});

describe('compliance document checks', () => {
  it('accepts a well-formed PDF', () => {
    const pdf = minimalPdf();
    expect(checkPdf(pdf)).toMatchObject({ contentType: 'application/pdf', bytes: pdf });
  });

  it.each([
    ['no %PDF- header', Buffer.from('Hello, this is a text file %%EOF'), 'NOT_PDF'],
    ['a PNG', handMadePng(10, 10), 'NOT_PDF'],
    ['no %%EOF trailer (truncated)', minimalPdf().subarray(0, 200), 'NOT_PDF'],
    ['a zip appended after %%EOF', Buffer.concat([minimalPdf(), ZIP_TAIL]), 'TRAILING_DATA'],
    ['HTML inside', minimalPdf('<html><script>alert(1)</script></html>'), 'POLYGLOT'],
    ['a zip inside', minimalPdf(`x PK\x03\x04 y`), 'POLYGLOT'],
    ['JavaScript', minimalPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'ACTIVE_CONTENT'],
    ['a launch action', minimalPdf('/A << /S /Launch /F (cmd.exe) >>'), 'ACTIVE_CONTENT'],
  ])('refuses %s', (_what, bytes, reason) => {
    expect(() => checkPdf(bytes)).toThrow(MediaRejectedError);
    try {
      checkPdf(bytes);
    } catch (error) {
      expect((error as MediaRejectedError).reason).toBe(reason);
    }
  });
});
