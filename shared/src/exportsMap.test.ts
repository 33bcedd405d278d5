import { describe, expect, it } from 'vitest';

// The browser must never load the PDF writers (pdf-lib) or the demo workshop: they are exported
// only under @dmc/shared/server/*. This test reads shared/package.json's exports map the way a
// resolver does and walks every import the client makes into shared, transitively.

// shared compiles without Node's types (its code must not touch the file system); only this test
// reads files, so it loads fs and path at run time and names the little it uses.
interface NodeFs {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
  readdirSync(path: string, options: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
}
interface NodePath {
  dirname(path: string): string;
  join(...paths: string[]): string;
  relative(from: string, to: string): string;
  resolve(...paths: string[]): string;
}
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ `node:${name}`);
const { existsSync, readdirSync, readFileSync } = (await load('fs')) as NodeFs;
const { dirname, join, relative, resolve } = (await load('path')) as NodePath;
const { fileURLToPath } = (await load('url')) as { fileURLToPath(url: string): string };

const SHARED = resolve(dirname(fileURLToPath((import.meta as unknown as { url: string }).url)), '..');
const CLIENT_SRC = resolve(SHARED, '../client/src');
const PACKAGE = '@dmc/shared';

/** Folders under shared/src that only the server may load. */
const SERVER_ONLY_DIRS = ['src/export/pdf/', 'src/demo/'];
/** Packages that only the server may load. */
const SERVER_ONLY_PACKAGES = ['pdf-lib'];

type ExportsMap = Readonly<Record<string, string | null>>;

const exportsMap = (JSON.parse(readFileSync(join(SHARED, 'package.json'), 'utf8')) as { exports: ExportsMap }).exports;

/** The file a `@dmc/shared/…` specifier resolves to, or null when the map does not export it. */
function resolveShared(specifier: string, map: ExportsMap = exportsMap): string | null {
  const subpath = specifier === PACKAGE ? '.' : `.${specifier.slice(PACKAGE.length)}`;
  if (subpath in map) {
    const exact = map[subpath];
    return exact ? join(SHARED, exact) : null;
  }
  // Node's rule: the pattern with the longest prefix before the `*` wins.
  let best: { prefix: string; target: string | null } | undefined;
  for (const [key, target] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix) || subpath.length < key.length - 1) continue;
    if (!best || prefix.length > best.prefix.length) {
      const rest = subpath.slice(prefix.length, subpath.length - suffix.length);
      best = { prefix, target: target === null ? null : target.replace('*', rest) };
    }
  }
  return best?.target ? join(SHARED, best.target) : null;
}

/** Every module specifier a source text imports (static, side-effect, dynamic and re-exports). */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** The file a relative import inside shared points at. */
function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * What a set of client files reaches that the browser must not load: server-only entries, entries
 * the map does not export, shared files in server-only folders, server-only packages.
 */
function serverOnlyReach(files: ReadonlyMap<string, string>, map: ExportsMap = exportsMap): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue: { file: string; via: string }[] = [];
  for (const [file, source] of files) {
    for (const spec of specifiersOf(source)) {
      if (spec !== PACKAGE && !spec.startsWith(`${PACKAGE}/`)) continue;
      const where = `${relative(CLIENT_SRC, file)} imports ${spec}`;
      if (spec.startsWith(`${PACKAGE}/server/`) || spec === `${PACKAGE}/server`) {
        problems.push(`${where}: a server-only entry`);
        continue;
      }
      const target = resolveShared(spec, map);
      if (target === null) problems.push(`${where}: not exported by shared/package.json`);
      else queue.push({ file: target, via: where });
    }
  }
  while (queue.length > 0) {
    const { file, via } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const inShared = relative(SHARED, file).split('\\').join('/');
    if (SERVER_ONLY_DIRS.some((dir) => inShared.startsWith(dir))) {
      problems.push(`${via} → reaches server-only ${inShared}`);
      continue;
    }
    if (!existsSync(file)) continue;
    for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
      if (SERVER_ONLY_PACKAGES.includes(spec)) problems.push(`${via} → ${inShared} loads ${spec}`);
      if (!spec.startsWith('.')) continue;
      const next = resolveRelative(file, spec);
      if (next) queue.push({ file: next, via });
    }
  }
  return problems;
}

describe('the exports map of @dmc/shared', () => {
  it('exports the PDF writers and the demo only under ./server/*', () => {
    expect(resolveShared('@dmc/shared/export/pdf/pdfSheet')).toBeNull();
    expect(resolveShared('@dmc/shared/export/pdf')).toBe(join(SHARED, 'src/export/pdf.ts'));
    expect(existsSync(join(SHARED, 'src/export/pdf.ts'))).toBe(false);
    expect(resolveShared('@dmc/shared/server/pdf')).toBe(join(SHARED, 'src/export/pdf/index.ts'));
    expect(resolveShared('@dmc/shared/server/demo/demoWorkshop')).toBe(join(SHARED, 'src/demo/demoWorkshop.ts'));
    expect(resolveShared('@dmc/shared/export/files')).toBe(join(SHARED, 'src/export/files.ts'));
    for (const [key, target] of Object.entries(exportsMap)) {
      if (target === null || key.startsWith('./server/')) continue;
      expect(
        SERVER_ONLY_DIRS.some((dir) => target.startsWith(`./${dir}`)),
        key,
      ).toBe(false);
    }
  });

  it('finds a client import of a server-only entry or of a module that loads pdf-lib', () => {
    const file = join(CLIENT_SRC, 'fake.ts');
    const direct = new Map([[file, "import { sheetsToA0Pdf } from '@dmc/shared/server/pdf';"]]);
    expect(serverOnlyReach(direct)).toHaveLength(1);
    const hidden = new Map([[file, "const m = await import('@dmc/shared/export/pdf/pdfSheet');"]]);
    expect(serverOnlyReach(hidden)[0]).toContain('not exported');
    // A map that still let everything through would hand the client pdf-lib via the PDF barrel.
    const leaky = new Map([[file, "export { drawSheet } from '@dmc/shared/export/pdf/index';"]]);
    expect(serverOnlyReach(leaky, { './*': './src/*.ts' }).join('\n')).toContain('server-only src/export/pdf/');
  });

  it('keeps the client, and everything it loads from shared, off the server-only parts', () => {
    const files = new Map(sourceFiles(CLIENT_SRC).map((f) => [f, readFileSync(f, 'utf8')] as const));
    expect(files.size).toBeGreaterThan(0);
    expect(serverOnlyReach(files)).toEqual([]);
  });
});
