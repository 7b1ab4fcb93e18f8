import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { Tree, TreeBuffer } from '@lezer/common';
import { parser } from '@lezer/python';
import type { PackageFiles } from '../types';
import { isWalkedPythonFile } from './code-model';
import { decodeUtf8 } from './py-syntax';

/**
 * Parses a package's Python files on two threads when a core is spare: this one and one worker
 * thread, each taking about half of the bytes. Parsing is most of a cold `plaza validate` on a large package
 * (docs/benchmarks.md); on a 2-core machine the halves run at once. The worker sends its trees
 * back as lezer's own flat buffers, and they are rebuilt here on this thread's node set, so the
 * code model and the file scan read them exactly as trees parsed here. Nothing is cached: every
 * run parses every file.
 *
 * Only timing depends on the machine: any failure of the worker (it cannot start, throws, or
 * misses its deadline) falls back to parsing its share here, so the trees, and the report, are
 * always the same.
 */

/** Below this many bytes of Python the worker's start-up costs more than it saves. */
export const PARALLEL_MIN_BYTES = 256 * 1024;
/** The worker starts later than this thread parses, so it gets a little less than half. */
const WORKER_SHARE = 0.45;
/** How long to wait for the worker's trees before parsing its share here instead. */
export const WORKER_DEADLINE_MS = 30_000;

type WireNode = WireTree | { b: Uint16Array; l: number };
interface WireTree {
  t: number;
  c: WireNode[];
  p: readonly number[];
  l: number;
}

// Plain CommonJS run with `eval: true`, so it needs no build step (dist/, swc and jest alike). The
// parser is loaded from the path this thread resolved, so both threads run the same grammar.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { parser } = require(workerData.grammar);
const decoder = new TextDecoder('utf-8', { fatal: true });
const wire = tree => ({
  t: tree.type.id,
  c: tree.children.map(c => (c.children ? wire(c) : { b: c.buffer, l: c.length })),
  p: tree.positions,
  l: tree.length,
});
const out = [];
for (const [path, bytes] of workerData.files) {
  let text;
  try { text = decoder.decode(bytes); } catch { continue; }
  out.push([path, wire(parser.parse(text))]);
}
parentPort.postMessage(out);
`;

function rebuild(node: WireTree): Tree {
  const { nodeSet } = parser;
  const children = node.c.map(c => ('b' in c ? new TreeBuffer(c.b, c.l, nodeSet) : rebuild(c)));
  return new Tree(nodeSet.types[node.t], children, node.p, node.l);
}

function parseHere(path: string, bytes: Buffer, into: Map<string, Tree>): void {
  const text = decodeUtf8(bytes);
  if (text !== null) into.set(path, parser.parse(text));
}

/** The worker's trees, or null when it failed or missed the deadline (it is stopped then). */
function workerTrees(worker: Worker, deadlineMs: number): Promise<[string, WireTree][] | null> {
  return new Promise(resolve => {
    const done = (value: [string, WireTree][] | null) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate().catch(() => undefined);
      resolve(value);
    };
    const started = performance.now();
    const timer = setTimeout(() => done(null), deadlineMs);
    // The main thread parses its own share meanwhile, so the reply and the timer can come due
    // together: a reply is late by the clock, whichever of the two the event loop runs first.
    worker.once('message', (trees: [string, WireTree][]) => done(performance.now() - started > deadlineMs ? null : trees));
    worker.once('error', () => done(null));
    worker.once('exit', () => done(null));
  });
}

export interface ParallelParseOptions {
  /**
   * 2: always use the worker (from minBytes); 1: never; 'auto' (default): only when a core is
   * spare, i.e. the 1-minute load average is at most cores - 1. On a busy machine the second
   * thread only adds its start-up and a second JIT warm-up (docs/benchmarks.md).
   */
  threads?: 1 | 2 | 'auto';
  /** Parse on two threads only from this many bytes of Python (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
  deadlineMs?: number;
}

/**
 * Trees for every walked .py file that is UTF-8, keyed by path. Files that are not UTF-8 are left
 * out (the model reports them itself).
 */
export async function parsePythonFiles(files: PackageFiles, options: ParallelParseOptions = {}): Promise<Map<string, Tree>> {
  return (await parsePythonFilesReporting(files, options)).trees;
}

/** parsePythonFiles, also saying how many trees the worker parsed (0: all parsed on this thread). */
export async function parsePythonFilesReporting(
  files: PackageFiles,
  options: ParallelParseOptions = {},
): Promise<{ trees: Map<string, Tree>; workerTrees: number }> {
  const paths = [...files.keys()].filter(isWalkedPythonFile);
  const trees = new Map<string, Tree>();
  const total = paths.reduce((sum, p) => sum + (files.get(p) as Buffer).length, 0);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const threads = options.threads ?? 'auto';
  const spareCore = threads === 2 || (threads === 'auto' && os.loadavg()[0] <= cores - 1);
  if (threads === 1 || cores < 2 || !spareCore || total < (options.minBytes ?? PARALLEL_MIN_BYTES)) {
    for (const path of paths) parseHere(path, files.get(path) as Buffer, trees);
    return { trees, workerTrees: 0 };
  }
  // Largest first onto the lighter side (scaled by its share): both finish at about the same time.
  const mine: string[] = [];
  const theirs: string[] = [];
  let mineBytes = 0;
  let theirBytes = 0;
  for (const path of [...paths].sort((a, b) => (files.get(b) as Buffer).length - (files.get(a) as Buffer).length)) {
    const size = (files.get(path) as Buffer).length;
    if (theirBytes * (1 - WORKER_SHARE) < mineBytes * WORKER_SHARE) {
      theirs.push(path);
      theirBytes += size;
    } else {
      mine.push(path);
      mineBytes += size;
    }
  }
  let worker: Worker | null = null;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { grammar: require.resolve('@lezer/python'), files: theirs.map(p => [p, files.get(p)]) },
    });
  } catch {
    worker = null;
  }
  const pending = worker ? workerTrees(worker, options.deadlineMs ?? WORKER_DEADLINE_MS) : Promise.resolve(null);
  for (const path of mine) parseHere(path, files.get(path) as Buffer, trees);
  const wired = await pending;
  if (wired) {
    for (const [path, tree] of wired) trees.set(path, rebuild(tree));
    return { trees, workerTrees: wired.length };
  }
  for (const path of theirs) parseHere(path, files.get(path) as Buffer, trees);
  return { trees, workerTrees: 0 };
}
