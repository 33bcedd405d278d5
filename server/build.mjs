// Bundles the server and the shared package into one ES module, so production runs plain
// JavaScript (no TypeScript loader: ~30 MiB less memory). npm dependencies stay external.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@dmc/'));

fs.rmSync(path.join(here, 'dist'), { recursive: true, force: true });

await build({
  // The backup import's worker thread is its own entry (dist/importWorker.mjs).
  entryPoints: [path.join(here, 'src/index.ts'), path.join(here, 'src/importWorker.ts')],
  outdir: path.join(here, 'dist'),
  outExtension: { '.js': '.mjs' },
  // Dynamic imports become their own chunks, loaded on first use: the PDF code and pdf-lib
  // (~20 MiB of memory) only when someone downloads a PDF.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
});
