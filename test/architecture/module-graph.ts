import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of Plaza's source tree, lowest first (docs/architecture.md, "Module graph"). A unit
 * may import from its own layer or a lower one, never a higher one, and the graph of units has no
 * cycle, counting type-only imports too. A module that must react to something a higher module
 * does registers a handler on an event of the lower one instead of being called by it.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['shared'],
  ['config', 'context', 'db'],
  ['jobs', 'events', 'audit', 'validation'],
  ['accounts'],
  ['extensions'],
  ['packages'],
  ['versions', 'webhooks'],
  ['review'],
  ['hosting', 'runtime', 'trust'],
  ['installs'],
  ['ratings', 'analytics'],
  ['listings'],
  ['billing'],
  ['http', 'cli', 'root'],
];

/**
 * The unit a source file belongs to: `src/modules/<name>/…` is the module `<name>`; the other
 * top-level folders are units of their own; the composition root (the files that wire every module
 * together) is `root`.
 */
export function unitOf(relativePath: string): string {
  const parts = relativePath.split('/');
  if (COMPOSITION_ROOT.has(relativePath)) return 'root';
  if (parts[0] === 'modules') return parts[1];
  return parts[0].replace(/\.ts$/, '');
}

/** Files that know every module on purpose: they build the app out of them. */
const COMPOSITION_ROOT = new Set([
  'app.ts',
  'main.ts',
  'services.ts',
  'schema.ts',
  'loaders.ts',
  'db/entities.ts',
  'db/data-source.ts',
  'jobs/workers.ts',
]);

export interface ImportEdge {
  from: string;
  to: string;
  fromFile: string;
  toFile: string;
}

/** Every relative import (runtime, type-only, `import()` types and `require`) between source files. */
export function importEdges(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = fs.readFileSync(file, 'utf8');
    const info = ts.preProcessFile(text, true, true);
    const specifiers = [...info.importedFiles.map(f => f.fileName), ...requiredPaths(text)];
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveTs(path.resolve(path.dirname(file), specifier));
      // Imports that leave src/ (migrations, package.json) are not between units.
      if (!target || path.relative(srcDir, target).startsWith('..')) continue;
      const fromFile = path.relative(srcDir, file).split(path.sep).join('/');
      const toFile = path.relative(srcDir, target).split(path.sep).join('/');
      edges.push({ from: unitOf(fromFile), to: unitOf(toFile), fromFile, toFile });
    }
  }
  return edges;
}

/** `require('./x')` calls, which the preprocessor does not list. */
function requiredPaths(text: string): string[] {
  return [...text.matchAll(/\brequire\(\s*'(\.[^']+)'\s*\)/g)].map(m => m[1]);
}

function resolveTs(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

export interface GraphViolations {
  /** Units that are in no layer: every unit must be placed. */
  unplaced: string[];
  /** Imports from a lower layer into a higher one. */
  upward: ImportEdge[];
  /** Cycles between units, each as the list of units around it. */
  cycles: string[][];
}

/** What is wrong with a graph of imports against the layers. */
export function checkGraph(edges: readonly ImportEdge[], layers: readonly (readonly string[])[] = LAYERS): GraphViolations {
  const layerOf = new Map<string, number>();
  layers.forEach((units, index) => units.forEach(unit => layerOf.set(unit, index)));
  const units = new Set(edges.flatMap(e => [e.from, e.to]));
  const unplaced = [...units].filter(u => !layerOf.has(u)).sort();
  const upward = edges.filter(e => e.from !== e.to && (layerOf.get(e.to) ?? -1) > (layerOf.get(e.from) ?? Infinity));
  return { unplaced, upward, cycles: cyclesOf(edges) };
}

/** Strongly connected components with more than one unit (Tarjan's algorithm). */
export function cyclesOf(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    if (!next.has(e.from)) next.set(e.from, new Set());
    next.get(e.from)!.add(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (unit: string) => {
    index.set(unit, counter);
    low.set(unit, counter);
    counter++;
    stack.push(unit);
    onStack.add(unit);
    for (const to of next.get(unit) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(unit, Math.min(low.get(unit)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(unit, Math.min(low.get(unit)!, index.get(to)!));
      }
    }
    if (low.get(unit) === index.get(unit)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== unit);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const unit of new Set(edges.flatMap(e => [e.from, e.to]))) if (!index.has(unit)) visit(unit);
  return components;
}

export interface ForeignWrite {
  file: string;
  line: number;
  writer: string;
  table: string;
  owner: string;
}

/**
 * Writes a module makes to a table another module owns: TypeORM writes through an entity
 * (`repo(ctx, XEntity).update(…)`, `.into(XEntity)`) and SQL statements (`UPDATE t`,
 * `INSERT INTO t`, `DELETE FROM t`). A table's owner is the module whose folder declares its entity.
 */
export function foreignWrites(srcDir: string): ForeignWrite[] {
  const files = sourceFiles(path.join(srcDir, 'modules'));
  const moduleOf = (file: string) => path.relative(path.join(srcDir, 'modules'), file).split(path.sep)[0];
  const tableOfEntity = new Map<string, string>();
  const ownerOfTable = new Map<string, string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@Entity\(\{?\s*(?:name:\s*)?'(\w+)'/g)) {
      const cls = /export class (\w+)/.exec(text.slice(m.index! + m[0].length));
      if (!cls) continue;
      tableOfEntity.set(cls[1], m[1]);
      ownerOfTable.set(m[1], moduleOf(file));
    }
  }
  const writes: ForeignWrite[] = [];
  const pattern = /repo\(\w+, (\w+Entity)\)\.(?:update|save|insert|delete|increment|decrement|upsert|softDelete)\b|\.into\((\w+Entity)\)|\b(?:UPDATE|INSERT INTO|DELETE FROM)\s+([a-z_]+)\b/g;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const writer = moduleOf(file);
    for (const m of text.matchAll(pattern)) {
      const table = m[3] ?? tableOfEntity.get(m[1] ?? m[2]);
      const owner = table && ownerOfTable.get(table);
      if (!owner || owner === writer) continue;
      writes.push({ file: path.relative(srcDir, file), line: text.slice(0, m.index).split('\n').length, writer, table: table!, owner });
    }
  }
  return writes;
}
