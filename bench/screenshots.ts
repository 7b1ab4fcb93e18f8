// `npm run bench:screenshots`: median time to check a listing screenshot in process (the same
// checkScreenshot() the upload route runs: sniff, structure walk, sharp decode, re-encode), for the
// largest accepted size (3840×2160 of noise, which compresses worst) in each format, and the time to
// refuse a 6000×6000 decompression bomb (refused from its header, before decoding).
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { checkScreenshot } from '../src/modules/listings/media-checks';
import { handMadePng } from '../test/utils/images';

const RUNS = 7;

async function median(label: string, bytes: Buffer, expectRefusal = false): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    try {
      await checkScreenshot(bytes);
      if (expectRefusal) throw new Error(`${label} was accepted`);
    } catch (error) {
      if (!expectRefusal) throw error;
    }
    if (i > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label} (${(bytes.length / 1024).toFixed(0)} KiB): median ${times[RUNS >> 1].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[RUNS - 1].toFixed(1)} ms`);
}

async function main(): Promise<void> {
  const noise = () => sharp({ create: { width: 3840, height: 2160, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
  await median('PNG 3840×2160 noise', await noise().png().toBuffer());
  await median('JPEG 3840×2160 noise', await noise().jpeg({ quality: 90 }).toBuffer());
  await median('WebP 3840×2160 noise', await noise().webp({ quality: 90 }).toBuffer());
  await median('PNG 6000×6000 bomb, refused', handMadePng(6000, 6000), true);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
