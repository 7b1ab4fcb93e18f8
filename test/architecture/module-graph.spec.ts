import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { checkGraph, cyclesOf, foreignWrites, importEdges, ImportEdge, LAYERS } from './module-graph';

const SRC = path.resolve(__dirname, '../../src');

function edge(from: string, to: string): ImportEdge {
  return { from, to, fromFile: `modules/${from}/x.ts`, toFile: `modules/${to}/y.ts` };
}

describe('the module graph (docs/architecture.md, "Module graph")', () => {
  const edges = importEdges(SRC);

  it('reads the real tree', () => {
    // A reader that found nothing would pass every rule below.
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual(expect.objectContaining({ fromFile: 'modules/versions/versions.service.ts', to: 'extensions' }));
  });

  it('places every unit in a layer', () => {
    expect(checkGraph(edges).unplaced).toEqual([]);
  });

  it('has no import from a lower layer into a higher one, type-only imports included', () => {
    const upward = checkGraph(edges).upward.map(e => `${e.fromFile} -> ${e.toFile}`);
    expect(upward).toEqual([]);
  });

  it('has no cycle between units', () => {
    expect(checkGraph(edges).cycles).toEqual([]);
  });

  it('would catch a new cycle or an upward import', () => {
    // The checks above pass only because the tree is clean: the same checks on the real edges plus
    // one upward import (extensions reaching into listings) fail.
    const withUpward = [...edges, edge('extensions', 'listings')];
    const result = checkGraph(withUpward);
    expect(result.upward.map(e => `${e.from}->${e.to}`)).toEqual(['extensions->listings']);
    expect(result.cycles).toEqual([expect.arrayContaining(['extensions', 'listings'])]);
  });

  it('finds cycles through several units', () => {
    expect(cyclesOf([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(cyclesOf([edge('a', 'b'), edge('b', 'c')])).toEqual([]);
  });

  it('lists each unit once', () => {
    const all = LAYERS.flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('one writer per table (docs/architecture.md, "Module graph")', () => {
  it('no module writes a table another module owns', () => {
    expect(foreignWrites(SRC).map(w => `${w.file}:${w.line} ${w.writer} writes ${w.table} (owned by ${w.owner})`)).toEqual([]);
  });

  it('would catch one', () => {
    // A miniature tree: the installs module updates the versions module's table, once through
    // TypeORM and once in SQL.
    const root = fs.mkdtempSync(`${os.tmpdir()}/plaza-graph-`);
    const write = (file: string, text: string) => {
      fs.mkdirSync(`${root}/${file.slice(0, file.lastIndexOf('/'))}`, { recursive: true });
      fs.writeFileSync(`${root}/${file}`, text);
    };
    write('modules/versions/version.entity.ts', `@Entity('extension_versions')\nexport class ExtensionVersionEntity {}\n`);
    write('modules/installs/x.service.ts', `await repo(tx, ExtensionVersionEntity).update(id, {});\nawait q(\`UPDATE extension_versions SET status = 1\`);\n`);
    try {
      expect(foreignWrites(root).map(w => `${w.writer}:${w.line}:${w.table}`)).toEqual(['installs:1:extension_versions', 'installs:2:extension_versions']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
