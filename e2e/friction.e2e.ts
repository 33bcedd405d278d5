import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addNote } from '@dmc/shared/doc/board';
import { assignMembers, readFlow, readGroups, updateFlow } from '@dmc/shared/doc/session';
import { phase, type PhaseId } from '@dmc/shared/domain/phases';
import type { CreateWorkshopResponse, SessionResponse } from '@dmc/shared/protocol/api';
import { connectBoard, seedWorkshop, setPhaseOnServer, waitFor, type BoardClient } from '../server/src/testing/harness';
import type { RunningServer } from '../server/src/server';
import {
  newPerson,
  notesOf,
  openWorkshopAs,
  showFacilitatorTab,
  startServerAndBrowser,
  stopAll,
  waitForNotes,
  waitForPhase,
  type Person,
} from './harness';

/**
 * The friction a facilitator and participants met in a live session (issue 11), each pinned:
 * adding several subgroups in a row, a readable phase instruction at 1440 px, the reveal warning
 * only while writing silently, the list view's words and order, "kunnen we nu niet beantwoorden"
 * only where questions are asked and the less used note controls under "Meer", several action
 * points from one open dialog, a short phase notice, a presentation that starts on a field, the
 * own subgroup's sheet behind "Canvas" in the synthesis, and disabled deck buttons that look it.
 */
describe('friction removed from the live workshop', () => {
  let server: RunningServer;
  let browser: Browser;
  let fac: Person;
  let anna: Person;
  let facilitator: CreateWorkshopResponse;
  let annaSession: SessionResponse;
  let bramSession: SessionResponse;
  let sessionDoc: BoardClient;
  const open: BoardClient[] = [];
  let groupA = '';
  let groupB = '';

  const setPhase = async (phaseId: PhaseId) => {
    await setPhaseOnServer(server, sessionDoc, phaseId);
    await waitForPhase([fac, anna], phaseId);
  };
  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const showTab = (tab: 'people' | 'flow') => showFacilitatorTab(fac.page, tab);
  const listView = async (page: Page, on: boolean) => {
    const toggle = page.getByTestId('list-view-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(on));
  };

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    fac = await newPerson(browser, { viewport: { width: 1440, height: 900 } });
    anna = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    ({
      facilitator,
      participants: [annaSession, bramSession],
      sessionDoc,
    } = await seedWorkshop(server.url, 'Frictie', ['Anna', 'Bram']));
    open.push(sessionDoc);
    await openWorkshopAs(server.url, fac, facilitator);
  });

  afterAll(() => stopAll(browser, server, [...open]));

  it('keeps "Subgroep toevoegen" open and ready after each new subgroup; "Klaar met toevoegen" closes it', async () => {
    const page = fac.page;
    await showTab('people');
    await page.getByTestId('fac-group-add').click();
    await page.getByTestId('fac-group-name').fill('Tafel A');
    await page.getByTestId('fac-group-create').click();
    await waitFor(() => readGroups(sessionDoc.doc).length === 1, 'the first subgroup');
    // Still open, the focus back in the name for the next one.
    await expect.poll(() => activeId(page)).toBe('fac-group-name');
    // Pressing "Subgroep toevoegen" again does not close the form (it was a toggle).
    await page.getByTestId('fac-group-add').click();
    expect(await page.getByTestId('fac-group-name').isVisible()).toBe(true);
    await expect.poll(() => activeId(page)).toBe('fac-group-name');
    await page.getByTestId('fac-group-name').fill('Tafel B');
    await page.keyboard.press('Enter');
    await waitFor(() => readGroups(sessionDoc.doc).length === 2, 'the second subgroup');
    await expect.poll(() => activeId(page)).toBe('fac-group-name');
    await page.getByTestId('fac-newgroup-close').click();
    await expect.poll(() => page.getByTestId('fac-group-name').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('fac-group-add');

    const groups = readGroups(sessionDoc.doc);
    groupA = groups.find((g) => g.name === 'Tafel A')?.id ?? '';
    groupB = groups.find((g) => g.name === 'Tafel B')?.id ?? '';
    assignMembers(
      sessionDoc.doc,
      new Map([
        [annaSession.participant.id, groupA],
        [bramSession.participant.id, groupB],
      ]),
    );
    await waitFor(
      () => server.workflow.membership(facilitator.workshop.id, bramSession.participant.id).groupId === groupB,
      'the assignment on the server',
    );
    // Notes written in the open canvas: Anna's group in DOEL (low in the field) and the concrete
    // questions; Bram's group only in DOELGROEP.
    const boardA = connectBoard(server.url, annaSession, groupA);
    const boardB = connectBoard(server.url, bramSession, groupB);
    open.push(boardA, boardB);
    await Promise.all([boardA.synced(), boardB.synced()]);
    const note = (id: string, fieldId: string, x: number, y: number, text: string, authorId: string) => ({
      id,
      sheetId: 'vel1',
      fieldId,
      x,
      y,
      color: 'yellow' as const,
      text,
      authorId,
    });
    addNote(boardA.doc, note('goal-1', 'doel', 60, 400, 'Uitval eerder zien', annaSession.participant.id));
    addNote(boardA.doc, note('goal-2', 'doel', 300, 400, 'Studiesucces verhogen', annaSession.participant.id));
    addNote(
      boardA.doc,
      note('question-1', 'concrete-vragen', 60, 700, 'Welke studenten lopen risico?', annaSession.participant.id),
    );
    addNote(boardB.doc, note('group-1', 'doelgroep', 700, 300, 'Mentoren', bramSession.participant.id));
    await openWorkshopAs(server.url, anna, annaSession);
    await waitForNotes(anna.page, (ns) => ns.length === 3, 'the three notes of Tafel A on Anna’s screen');
  });

  it('shows the phase instruction readably on the facilitator’s screen at 1440×900', async () => {
    for (const phaseId of ['vel1-write', 'vel1-discuss'] as const) {
      await setPhase(phaseId);
      // The characters of the instruction that are drawn inside its box (not clipped or cut off).
      const visible = await fac.page.getByTestId('phase-instruction').evaluate((el) => {
        const box = el.getBoundingClientRect();
        const text = el.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return 0;
        const range = document.createRange();
        let count = 0;
        for (let i = 0; i < (text.textContent ?? '').length; i++) {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const r = range.getBoundingClientRect();
          if (r.width > 0 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5) count++;
        }
        return count;
      });
      expect(visible, `visible instruction characters in ${phaseId}`).toBeGreaterThan(40);
      // The disclosure shows the whole instruction.
      const toggle = fac.page.locator('.phase-banner__toggle');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      const whole = await fac.page
        .getByTestId('phase-instruction')
        .evaluate((el) => el.scrollHeight <= el.clientHeight);
      expect(whole).toBe(true);
      await toggle.click();
    }
  });

  it('warns about revealing private notes only while writing silently', async () => {
    const warning = 'maakt de privé-notities van iedereen zichtbaar';
    await showTab('flow');
    await setPhase('vel1-write');
    await expect.poll(() => fac.page.locator('#fac-reveal-hint').isVisible()).toBe(true);
    await setPhase('vel1-discuss');
    await expect.poll(() => fac.page.evaluate(() => document.body.textContent ?? '')).not.toContain(warning);
  });

  it('says in the list view what the toolbar says while writing silently', async () => {
    await setPhase('vel1-write');
    await listView(anna.page, true);
    const intro = anna.page.getByTestId('list-intro');
    await expect.poll(() => intro.textContent()).toContain('privé tot de bespreking begint');
    expect(await intro.textContent()).not.toContain('direct zichtbaar voor iedereen');
    expect(await anna.page.getByTestId('private-hint').textContent()).toContain('privé tot de bespreking begint');
    await setPhase('vel1-discuss');
    await expect.poll(() => intro.textContent()).toContain('direct zichtbaar voor iedereen');
  });

  it('shows the new phase in a short, closable notice, the instruction staying in the banner', async () => {
    await setPhase('vel1-write');
    await setPhase('vel1-discuss');
    const notice = anna.page.getByTestId('notice');
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('phase.changed');
    const text = (await notice.locator('.notice__text').textContent()) ?? '';
    expect(text).toContain('bespreken');
    expect(text).not.toContain(phase('vel1-discuss').instruction.nl.slice(0, 30));
    const box = await notice.boundingBox();
    expect(box?.height ?? 999).toBeLessThan(80);
    await anna.page.getByTestId('notice-close').click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('offers "kunnen we nu niet beantwoorden" only on question fields, with the less used controls under "Meer"', async () => {
    const page = anna.page;
    await listView(page, true);
    await page.getByTestId('list-note-goal-1').waitFor();
    // The main row: marks, no colour or move lists until "Meer" is opened.
    await page.getByTestId('mark-agree-goal-1').waitFor();
    expect(await page.getByTestId('list-color-goal-1').count()).toBe(0);
    const more = page.getByTestId('list-more-goal-1');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('list-color-goal-1').waitFor();
    await page.getByTestId('list-move-goal-1').waitFor();
    // DOEL holds a goal, not questions.
    expect(await page.getByTestId('defer-note-goal-1').count()).toBe(0);
    await page.getByTestId('list-more-question-1').click();
    await page.getByTestId('defer-note-question-1').waitFor();
  });

  it('keeps the dialog open after "Actiepunt opslaan", emptied for the next one, with a confirmation', async () => {
    const page = anna.page;
    await page.getByTestId('defer-note-question-1').click();
    const question = page.getByTestId('defer-question');
    await expect.poll(() => question.inputValue()).toBe('Welke studenten lopen risico?');
    await page.getByTestId('defer-save').click();
    await expect.poll(() => page.getByTestId('defer-saved').textContent()).toContain('opgeslagen');
    expect(await page.getByTestId('field-panel').isVisible()).toBe(true);
    await expect.poll(() => question.inputValue()).toBe('');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('defer-question');
    await question.fill('Wie mag de signalen zien?');
    await page.getByTestId('defer-save').click();
    await expect.poll(() => page.locator('[data-testid="field-panel"] .deferral').count()).toBe(2);
    await page.keyboard.press('Escape');
    await page.getByTestId('field-panel').waitFor({ state: 'detached' });
  });

  it('adds a note from the list view at the end of its field, in creation order', async () => {
    const page = anna.page;
    const order = () =>
      page
        .locator('#list-field-doel')
        .evaluate((heading) =>
          [...(heading.closest('section')?.querySelectorAll(':scope > ul > li.list-note') ?? [])].map(
            (el) => el.getAttribute('data-testid') ?? '',
          ),
        );
    expect(await order()).toEqual(['list-note-goal-1', 'list-note-goal-2']);
    await page.getByTestId('list-add-doel').click();
    const notes = await waitForNotes(page, (ns) => ns.filter((n) => n.fieldId === 'doel').length === 3, 'the new note');
    const added = notes.find((n) => n.fieldId === 'doel' && !n.id.startsWith('goal-'));
    if (!added) throw new Error('no new note');
    // Placed higher on the sheet than the others, it still comes last in the list.
    expect(added.y).toBeLessThan(400);
    await expect.poll(() => order()).toEqual(['list-note-goal-1', 'list-note-goal-2', `list-note-${added.id}`]);
    await page.getByTestId(`list-note-text-${added.id}`).fill('Eerder ingrijpen');
    expect(await order()).toEqual(['list-note-goal-1', 'list-note-goal-2', `list-note-${added.id}`]);
    await listView(page, false);
  });

  it('starts a presentation on the first field of the group’s sheet that has notes', async () => {
    await setPhase('presentations');
    updateFlow(sessionDoc.doc, {
      spotlightGroupId: groupB,
      presenterId: null,
      presenterSheetId: null,
      presenterFieldId: null,
    });
    // The facilitator presents; nobody pressed "Volgend veld".
    await expect.poll(() => readFlow(sessionDoc.doc).presenterFieldId, { timeout: 10_000 }).toBe('doelgroep');
    const controls = fac.page.getByTestId('presenter-controls');
    await expect.poll(() => controls.textContent()).toContain('DOELGROEP');
    expect(await controls.textContent()).not.toContain('Nog geen veld gekozen');
  });

  it('shows a participant their own subgroup’s sheet behind "Canvas" in the synthesis, read-only', async () => {
    await setPhase('synthesis');
    const page = anna.page;
    await page.getByTestId('plenary-view-board').click();
    await expect.poll(() => page.getByTestId('board-chip').getAttribute('data-board-id')).toBe(groupA);
    await waitForNotes(page, (ns) => ns.some((n) => n.id === 'goal-1'), 'Tafel A’s notes behind "Canvas"');
    expect((await notesOf(page)).some((n) => n.id === 'group-1')).toBe(false);
    await page.getByTestId('readonly-reason').waitFor();
  });

  it('draws a deck card’s disabled "Als notitie toevoegen" unlike an enabled one', async () => {
    const page = anna.page;
    await page.getByTestId('deck-toggle').click();
    const disabled = page.locator('[data-testid^="deck-add-"][aria-disabled="true"]').first();
    await disabled.waitFor();
    const styles = await disabled.evaluate((el) => {
      // The same button, enabled, beside it: what the eye compares.
      const twin = el.cloneNode(true) as HTMLElement;
      twin.removeAttribute('aria-disabled');
      el.parentElement?.appendChild(twin);
      const read = (e: Element) => {
        const s = getComputedStyle(e);
        return { border: s.borderTopColor, background: s.backgroundColor, style: s.borderTopStyle, text: s.color };
      };
      const result = { disabled: read(el), enabled: read(twin) };
      twin.remove();
      return result;
    });
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    expect(contrast(styles.disabled.border, styles.enabled.border)).toBeGreaterThanOrEqual(3);
    expect(styles.disabled.background).not.toBe(styles.enabled.background);
    expect(styles.disabled.style).toBe('dashed');
    // Still readable: the grey text on the grey fill meets AA.
    expect(contrast(styles.disabled.text, styles.disabled.background)).toBeGreaterThanOrEqual(4.5);
  });
});
