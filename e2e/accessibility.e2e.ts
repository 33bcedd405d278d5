import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { assignMembers, putGroup, updateFlow } from '@dmc/shared/doc/session';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { SESSION_DOC } from '@dmc/shared/protocol/api';
import type { Locale } from '@dmc/shared/template/types';
import { connectDoc, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  hookPoint,
  newPerson,
  notesOf,
  startServerAndBrowser,
  stopAll,
  storedSession,
  thirdPartyRequests,
  waitForNotes,
  waitLive,
  workshopIdOf,
  type Person,
} from './harness';

/**
 * WCAG 2.1 A and AA on every HTML screen, checked by axe-core in the real browser: the home page,
 * the join page, a participant's board (canvas and list view, note editor and menu, the
 * explanations, the field's discussion, the inspiration deck), the phases with their own screens
 * (welcome reading, waiting for a subgroup, the sheet check), the facilitator's console with each
 * of its tabs, the plenary synthesis and action list and the export dialog — in Dutch, and once
 * more in English. The Konva canvas itself is exempt (the list view is its accessible
 * alternative): only its <canvas> elements are left out of the check.
 */

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Konva draws the board into these; everything else on the page is checked. */
const KONVA_CANVAS = '.konvajs-content > canvas';

/** What the test reports of one violation. */
interface Finding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
  readonly html: string;
  readonly summary: string;
}

/** Waits until running CSS transitions and animations have finished (bounded), so colours are final. */
async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
}

/**
 * Runs axe on the page as it is now — the WCAG 2.1 A/AA rules, and the structure rules `region`,
 * `landmark-*` and `heading-order` — and records a soft failure per screen with violations, so
 * one run lists everything. The script is evaluated through the devtools protocol: the app's CSP
 * forbids inline scripts, and a refused one would also log a console error.
 */
async function audit(page: Page, screen: string): Promise<void> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // The whole document (axe's default `include`) except Konva's canvases. Handed to the page as
  // JSON text: the axe types are too deep for evaluate's argument type.
  const context: ElementContext = { exclude: [[KONVA_CANVAS]] };
  const findings = await page.evaluate(
    async (json) => {
      const { context, tags } = JSON.parse(json) as { context: ElementContext; tags: string[] };
      const axe = (
        window as unknown as {
          axe: {
            run(context: ElementContext, options: RunOptions): Promise<AxeResults>;
            getRules(tags?: string[]): { ruleId: string; tags: string[] }[];
          };
        }
      ).axe;
      // One run (axe builds its picture of the page once per run): the WCAG 2.1 A/AA rules, and the
      // structure rules (best practice in axe, not WCAG-tagged) that must be clean too — every part
      // of the page in a landmark, one main landmark, headings without skipped levels (issue 12).
      // Experimental and deprecated rules stay out, as in a run by tag.
      const wcagRules = axe
        .getRules(tags)
        .filter((r) => !r.tags.includes('experimental') && !r.tags.includes('deprecated'));
      const structureRules = axe
        .getRules()
        .filter((r) => r.ruleId === 'region' || r.ruleId === 'heading-order' || r.ruleId.startsWith('landmark-'));
      const rules = [...new Set([...wcagRules, ...structureRules].map((r) => r.ruleId))];
      const result = await axe.run(context, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
      return result.violations.map((v): Finding => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        html: (v.nodes[0]?.html ?? '').slice(0, 160),
        summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      }));
    },
    JSON.stringify({ context, tags: WCAG_TAGS }),
  );
  const lines = findings.map(
    (f) => `${f.id} (${f.impact ?? 'unknown'}): ${f.help} — ${f.targets.join(' | ')} — first: ${f.html} — ${f.summary}`,
  );
  if (lines.length > 0) console.error(`axe violations on ${screen}:\n  ${lines.join('\n  ')}`);
  expect.soft(lines, `axe violations on ${screen}`).toEqual([]);
}

/** Picks the interface language with the NL/EN switch in the header. */
async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
  await page.locator(`.lang-toggle button[lang="${locale}"]`).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

describe('accessibility: WCAG 2.1 A/AA on the HTML screens (axe-core)', () => {
  let server: RunningServer;
  let browser: Browser;
  /** Creates a workshop on the home page and runs it. */
  let fac: Person;
  /** Joins with the link and works on the board. */
  let anna: Person;
  /** Opens the demo workshop, in the synthesis phase. */
  let host: Person;
  /** Joins the demo workshop as a participant. */
  let bram: Person;
  let joinLink = '';
  let demoCode = '';
  /** The facilitator's connection to the session document, to move the workshop through its phases. */
  let control: BoardClient | undefined;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    host = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    bram = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
  });

  afterAll(() => stopAll(browser, server, [control]));

  /** The participant's board: canvas, note editor and menu, list view, explanations, discussion, deck. */
  async function auditParticipantBoard(page: Page, lang: string, options: { note: boolean }): Promise<void> {
    await waitLive(page);
    await page.getByTestId('phase-banner').waitFor();
    await audit(page, `${lang}: participant board, canvas`);

    if (options.note) {
      await page.getByTestId('add-note').click();
      const editor = page.getByTestId('note-editor');
      await editor.waitFor();
      await editor.pressSequentially('Studiesucces van eerstejaars');
      await audit(page, `${lang}: note editor`);
      await editor.press('Enter');
      await editor.waitFor({ state: 'detached' });
      const [note] = await waitForNotes(page, (ns) => ns.length === 1, 'the new note');
      const center = await hookPoint(page, `window.__DMC__.noteClientCenter(${JSON.stringify(note?.id ?? '')})`);
      await page.mouse.click(center.x, center.y);
      await page.keyboard.press('Shift+F10');
      await page.getByRole('menu').waitFor();
      await audit(page, `${lang}: note context menu`);
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
    }

    await page.getByTestId('list-view-toggle').click();
    const [first] = await notesOf(page);
    if (first) await page.getByTestId(`list-note-${first.id}`).waitFor();
    await audit(page, `${lang}: participant board, list view`);
    if (options.note) {
      // A question the group cannot answer now: the form, then the action point in the panel.
      await page.getByTestId('defer-doel').click();
      await page.getByTestId('defer-question').waitFor();
      await audit(page, `${lang}: field discussion panel, new action point`);
      await page.getByTestId('defer-question').fill('Wie mag de gegevens inzien?');
      await page.getByTestId('defer-owner').fill('Anna');
      await page.getByTestId('defer-save').click();
      // The dialog stays open, emptied for the next action point, with a confirmation.
      await page.locator('[data-testid="field-panel"] .deferral').first().waitFor();
      await audit(page, `${lang}: field discussion panel, an action point saved`);
      await page.keyboard.press('Escape');
      await page.getByTestId('field-panel').waitFor({ state: 'detached' });
      await page.locator('.list-field__deferrals .deferral').first().waitFor();
      await audit(page, `${lang}: participant board, list view with an action point`);
      // The wording form, with the action point listed below it.
      await page.getByTestId('formulation-edit-doel').click();
      await page.getByTestId('formulation-text-doel').waitFor();
      await page.locator('[data-testid="field-panel"] .deferral').first().waitFor();
      await audit(page, `${lang}: field discussion panel, wording form and an action point`);
      await page.keyboard.press('Escape');
      await page.getByTestId('field-panel').waitFor({ state: 'detached' });
    }
    await page.getByTestId('list-view-toggle').click();

    await page.getByTestId('sheet-info').click();
    await page.locator('#info-title').waitFor();
    await audit(page, `${lang}: sheet explanation dialog`);
    await page.locator('.info__field-list button').first().click();
    await page.getByTestId('add-example-0').waitFor();
    await audit(page, `${lang}: field explanation dialog`);
    await page.keyboard.press('Escape');
    await page.locator('#info-title').waitFor({ state: 'detached' });

    await page.getByTestId('field-panel-open').click();
    await page.getByTestId('field-panel').waitFor();
    await audit(page, `${lang}: field discussion panel`);
    await page.keyboard.press('Escape');
    await page.getByTestId('field-panel').waitFor({ state: 'detached' });

    await page.getByTestId('deck-toggle').click();
    await page.locator('#deck-panel[aria-busy="true"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid^="deck-card-"]').first().waitFor();
    await audit(page, `${lang}: inspiration deck`);
    await page.getByTestId('deck-toggle').click();

    await page.getByTestId('my-data-open').click();
    await page.getByTestId('my-data-facts').waitFor();
    await audit(page, `${lang}: my data dialog`);
    await page.keyboard.press('Escape');
    await page.getByTestId('my-data').waitFor({ state: 'detached' });
  }

  /** The facilitator's console, each tab in turn. */
  async function auditConsole(page: Page, lang: string): Promise<void> {
    await page.getByTestId('fac-toggle').click();
    for (const tab of ['prepare', 'flow', 'people', 'overview', 'settings']) {
      await page.getByTestId(`fac-tab-${tab}`).click();
      await expect.poll(() => page.getByTestId(`fac-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
      await audit(page, `${lang}: console (Regie), tab ${tab}`);
    }
    await page.getByTestId('fac-toggle').click();
    await page.locator('#fac-drawer').waitFor({ state: 'detached' });
  }

  /** The plenary views of the demo workshop and, for its facilitator, the export dialog. */
  async function auditPlenary(page: Page, lang: string, who: 'facilitator' | 'participant'): Promise<void> {
    await waitLive(page);
    await page.getByTestId('synthesis-view').waitFor({ timeout: 15_000 });
    await audit(page, `${lang}: ${who}, plenary synthesis`);
    await page.getByTestId('plenary-view-actions').click();
    await page.getByTestId('actions-view').waitFor();
    await audit(page, `${lang}: ${who}, action list`);
    await page.getByTestId('plenary-view-synthesis').click();
    await page.getByTestId('synthesis-view').waitFor();
    if (who === 'facilitator') {
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-dialog').waitFor();
      await audit(page, `${lang}: export dialog`);
      await page.keyboard.press('Escape');
      await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    }
  }

  it('the home page: create form, join with a code, demo and backup import', async () => {
    await fac.page.goto(server.url);
    await fac.page.getByTestId('create-title').waitFor();
    await audit(fac.page, 'nl: home page');
    await fac.page.getByTestId('create-title').fill('Learning analytics — verkenning');
    await fac.page.getByTestId('create-name').fill('Fenna');
    await fac.page.getByTestId('create-submit').click();
    joinLink = (await fac.page.getByTestId('join-link').textContent())?.trim() ?? '';
    expect(joinLink).toMatch(/\/j\/[A-Z2-9]{6}$/);
    await audit(fac.page, 'nl: home page, the created workshop');
  });

  it('the join page, and the pages for an unknown address and a missing session', async () => {
    await bram.page.goto(`${server.url}/bestaat/niet/hier`);
    await bram.page.locator('main h1').waitFor();
    await audit(bram.page, 'nl: page not found');
    await bram.page.goto(`${server.url}/w/onbekend`);
    await bram.page.getByTestId('join-code-input').waitFor();
    await audit(bram.page, 'nl: workshop page without a session');

    await bram.page.goto(`${server.url}/privacy`);
    await bram.page.getByTestId('privacy-page').waitFor();
    await audit(bram.page, 'nl: privacy statement');

    await anna.page.goto(joinLink);
    await anna.page.getByTestId('join-name').waitFor();
    await anna.page.getByTestId('privacy-notice').waitFor();
    await audit(anna.page, 'nl: join page');
    await anna.page.getByTestId('join-name').fill('Anna');
    await anna.page.getByTestId('join-submit').click();
    await anna.page.waitForURL(/\/w\//);
  });

  it("a participant's board: canvas and list view, note editor and menu, explanations, discussion, deck", async () => {
    await auditParticipantBoard(anna.page, 'nl', { note: true });
  });

  it("the facilitator's board and each tab of the console (Regie)", async () => {
    await fac.page.getByTestId('open-board').click();
    await fac.page.waitForURL(/\/w\//);
    await waitLive(fac.page);
    await audit(fac.page, 'nl: facilitator board, canvas');
    await auditConsole(fac.page, 'nl');
  });

  it('the phases with screens of their own: welcome reading, waiting for a subgroup, the sheet check', async () => {
    const facSession = await storedSession(fac.page, workshopIdOf(fac.page));
    const annaSession = await storedSession(anna.page, workshopIdOf(anna.page));
    control = connectDoc(server.url, facSession, SESSION_DOC);
    await control.synced();
    const doc = control.doc;
    const setPhase = async (phaseId: PhaseId) => {
      updateFlow(doc, { phaseId, phaseStartedAt: Date.now() });
      await expect
        .poll(() => anna.page.getByTestId('phase-banner').getAttribute('data-phase'), { timeout: 10_000 })
        .toBe(phaseId);
    };
    putGroup(doc, { id: 'tafel-a', name: 'Tafel A', color: '#1d4ed8', order: 0 });

    await setPhase('welcome');
    await anna.page.getByTestId('welcome-readings').waitFor();
    await waitLive(anna.page);
    await audit(anna.page, 'nl: welcome phase with the reading list');

    // The subgroups write; Anna is in none yet.
    await setPhase('vel1-write');
    await anna.page.getByTestId('waiting-for-group').waitFor();
    await audit(anna.page, 'nl: waiting for a subgroup');

    assignMembers(doc, new Map([[annaSession.participant.id, 'tafel-a']]));
    await setPhase('vel1-discuss');
    await waitLive(anna.page);
    await anna.page.getByTestId('guidance-check').click();
    await anna.page.getByTestId('guidance-dialog').waitFor();
    await audit(anna.page, 'nl: the sheet check');
    await anna.page.keyboard.press('Escape');
    await anna.page.getByTestId('guidance-dialog').waitFor({ state: 'detached' });

    await setPhase('open');
    await waitLive(anna.page);
  });

  it('the demo workshop: synthesis, action list and export dialog, for its facilitator and a participant', async () => {
    await host.page.goto(server.url);
    await host.page.getByTestId('demo-open').click();
    await host.page.waitForURL(/\/w\//);
    await auditPlenary(host.page, 'nl', 'facilitator');
    await auditConsole(host.page, 'nl (demo)');
    const stored = await host.page.evaluate((id) => localStorage.getItem(`dmc.session.${id}`), workshopIdOf(host.page));
    demoCode = (JSON.parse(stored ?? '{}') as { workshop?: { code?: string } }).workshop?.code ?? '';
    expect(demoCode).not.toBe('');
    await bram.page.goto(`${server.url}/j/${demoCode}`);
    await bram.page.getByTestId('join-name').fill('Bram');
    await bram.page.getByTestId('join-submit').click();
    await bram.page.waitForURL(/\/w\//);
    await auditPlenary(bram.page, 'nl', 'participant');
  });

  it('the same screens in English', async () => {
    await chooseLanguage(anna.page, 'en');
    await auditParticipantBoard(anna.page, 'en', { note: true });

    await chooseLanguage(fac.page, 'en');
    await auditConsole(fac.page, 'en');

    await chooseLanguage(host.page, 'en');
    await auditPlenary(host.page, 'en', 'facilitator');

    await host.page.goto(server.url);
    await host.page.getByTestId('create-title').waitFor();
    await audit(host.page, 'en: home page, with recent workshops');
    await host.page.goto(`${server.url}/j/${demoCode}`);
    await host.page.getByTestId('join-submit').waitFor();
    await audit(host.page, 'en: join page, with a session to continue');
  });

  it('made no request to any third party and logged no errors', () => {
    for (const person of [fac, anna, host, bram]) {
      expect(thirdPartyRequests(person.requests, server.url)).toEqual([]);
      expect(person.errors).toEqual([]);
    }
  });
});
