import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The client's folders have one direction: a folder imports only folders of a strictly lower rank
 * (and itself). Folders of the same rank never import each other — a piece two of them need moves
 * down (or the composition moves up). docs/ARCHITECTURE.md ("Client folders") explains the ranks.
 */
export const LAYERS: Readonly<Record<string, number>> = {
  // Pure helpers: translations, HTTP, canvas geometry; the root files (routing, the zod shim).
  '(root)': 0,
  i18n: 0,
  api: 0,
  scene: 0,
  // zustand slices and their selectors: state only.
  store: 1,
  // Connections to the server's documents, and the bridges from Yjs into the store.
  collab: 2,
  // Workshop logic and hooks: rights, phase following, guidance, timer, the board context.
  workshop: 3,
  // The command registry and shortcuts.
  actions: 4,
  // DOM primitives (no store, no connections, no features; see below).
  components: 5,
  // The Konva canvas: layers and shapes, also drawn offscreen by the exports.
  canvas: 6,
  // Feature folders; they never import each other.
  deck: 7,
  exports: 7,
  facilitator: 7,
  guidance: 7,
  plenary: 7,
  // The board screen, which composes the features.
  board: 8,
  pages: 9,
  app: 10,
};

/** The rank of components/; what a primitive imports must be lower. */
const PRIMITIVES = 5;

/** Folders a primitive in components/ may not import, although their rank is lower. */
const NOT_FOR_PRIMITIVES = ['store', 'collab'];

/** The top folder of a path relative to client/src: `store/index.ts`, `store` → store; `routing` → (root). */
export function folderOf(path: string): string {
  const [head = '', ...rest] = path.split('/');
  return rest.length > 0 || (head in LAYERS && head !== '(root)') ? head : '(root)';
}

/** A relative import: from which file to which path (both relative to client/src, posix). */
export interface Edge {
  readonly from: string;
  readonly to: string;
}

/** Every relative import of a source text (static, side-effect, re-export and dynamic). */
export function importsOf(file: string, source: string): Edge[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((ref) => ref.fileName)
    .filter((spec) => spec.startsWith('./') || spec.startsWith('../'))
    .map((spec) => ({ from: file, to: posix.normalize(posix.join(posix.dirname(file), spec)) }));
}

/** The imports that break the direction, as `from -> to` lines. */
export function violations(edges: readonly Edge[], layers: Readonly<Record<string, number>> = LAYERS): string[] {
  const found: string[] = [];
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    const ra = layers[a];
    const rb = layers[b];
    if (ra === undefined || rb === undefined || rb >= ra) found.push(`${from} -> ${to}`);
  }
  return found;
}

/** Imports from components/ into folders a primitive must not depend on. */
export function primitiveViolations(edges: readonly Edge[]): string[] {
  return edges
    .filter((e) => folderOf(e.from) === 'components')
    .filter((e) => NOT_FOR_PRIMITIVES.includes(folderOf(e.to)) || (LAYERS[folderOf(e.to)] ?? 99) > PRIMITIVES)
    .map((e) => `${e.from} -> ${e.to}`);
}

const root = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const code = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts');
    return code ? [path] : [];
  });
}

const files = sourceFiles(root).map((path) => relative(root, path).split(sep).join('/'));
const edges = files.flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8')));

describe('the client layers', () => {
  it('gives every folder a rank', () => {
    const unranked = [...new Set(files.map(folderOf))].filter((folder) => LAYERS[folder] === undefined);
    expect(unranked).toEqual([]);
  });

  it('has no import to a folder of the same or a higher rank', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('keeps components/ to primitives: no store, no connections, no features', () => {
    expect(primitiveViolations(edges)).toEqual([]);
  });

  it('catches an upward import, an import between features and one from a primitive into the store', () => {
    const sample = [
      ...importsOf('store/a.ts', "import { b } from '../board/b';\nexport * from './c';"),
      ...importsOf('deck/a.tsx', "import type { P } from '../plenary/p';\nconst m = import('../scene/m');"),
      ...importsOf('components/A.tsx', "import '../store';"),
    ];
    expect(sample.map((e) => e.to)).toEqual(['board/b', 'store/c', 'plenary/p', 'scene/m', 'store']);
    expect(violations(sample)).toEqual(['store/a.ts -> board/b', 'deck/a.tsx -> plenary/p']);
    expect(primitiveViolations(sample)).toEqual(['components/A.tsx -> store']);
  });
});
