import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, SHEET_COLORS } from '@dmc/shared/scene/palette';
import { CANVAS_COLORS } from './scene/theme';

const here = fileURLToPath(new URL('.', import.meta.url));
const cssFiles = (readdirSync(here, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.css'))
  .map((name) => ({ name, text: readFileSync(join(here, name), 'utf8') }));
const root = /:root\s*\{([^}]*)\}/.exec(cssFiles.find((f) => f.name === 'styles.css')?.text ?? '')?.[1] ?? '';
const tokens = new Map([...root.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));

describe('the CSS design tokens', () => {
  it('give the interface the colours the canvas draws the same things in', () => {
    expect(tokens.get('--ink')).toBe(SHEET_COLORS.ink);
    expect(tokens.get('--muted')).toBe(SHEET_COLORS.muted);
    expect(tokens.get('--chosen')).toBe(SHEET_COLORS.chosen);
    expect(tokens.get('--votes')).toBe(BADGE_COLORS.votes.fill);
    expect(tokens.get('--private')).toBe(CANVAS_COLORS.privateEdge);
    expect(tokens.get('--warning')).toBe(SHEET_COLORS.deferralFill);
  });

  it('stack every overlay on a named layer', () => {
    for (const { name, text } of cssFiles) {
      for (const m of text.matchAll(/z-index:\s*([^;]+);/g)) {
        const value = m[1]?.trim() ?? '';
        // Small numbers order siblings inside one component; anything that overlays the page is a named layer.
        if (!/^[0-2]$/.test(value))
          expect({ name, value }).toEqual({ name, value: expect.stringMatching(/^var\(--z-[a-z-]+\)$/) });
      }
    }
  });

  it('name every colour once: rules use tokens, only custom properties hold literal colours', () => {
    for (const { name, text } of cssFiles) {
      for (const line of text.split('\n')) {
        if (/^\s*--[a-z0-9-]+:/.test(line)) continue;
        const literal = /#[0-9a-f]{3,8}\b|rgba?\(/i.exec(line)?.[0] ?? null;
        expect({ name, line: line.trim(), literal }).toEqual({ name, line: line.trim(), literal: null });
      }
    }
  });

  it('size all text from the type scale (the root size and sizes relative to the parent aside)', () => {
    for (const { name, text } of cssFiles) {
      for (const m of text.matchAll(/font-size:\s*([^;]+);/g)) {
        const value = m[1]?.trim() ?? '';
        if (value === '16px' && name === 'styles.css') continue;
        expect({ name, value }).toEqual({
          name,
          value: expect.stringMatching(/^(var\(--text-[a-z0-9-]+\)( !important)?|[0-9.]+em)$/),
        });
      }
    }
  });

  it('refer only to type sizes, layers and colours the scale defines', () => {
    // Other custom properties (--swatch, --cluster, …) are set per element, some from the components.
    for (const { name, text } of cssFiles) {
      for (const m of text.matchAll(
        /var\((--(?:z|text)-[a-z0-9-]+|--(?:on-dark|chosen|amber|votes|private|surface|ink|muted|primary|warning|success|danger|bg|focus)\b)/g,
      )) {
        expect({ name, token: m[1], defined: tokens.has(m[1] ?? '') }).toEqual({ name, token: m[1], defined: true });
      }
    }
  });
});
