import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../domain/actionItems';
import { actionsToMarkdown, escapeMarkdown, workshopToMarkdown } from './markdown';
import { sampleWorkshopExport } from './sampleWorkshop';

const sample = sampleWorkshopExport();

/** Splits a table row at unescaped pipes, as GFM does. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('Markdown escaping', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['regel 1\nregel 2', 'regel 1<br>regel 2'],
    ['r1\r\nr2', 'r1<br>r2'],
    ['<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['**vet** _schuin_ `code`', '\\*\\*vet\\*\\* \\_schuin\\_ \\`code\\`'],
    ['[klik](http://evil.invalid)', '\\[klik\\](http://evil.invalid)'],
    ['# kop', '\\# kop'],
    ['- lijst', '\\- lijst'],
    ['1. genummerd', '1\\. genummerd'],
    ['a\\|b', 'a\\\\\\|b'],
    ['  gewoon  ', 'gewoon'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('action table', () => {
  it('strips bidi overrides from every text', () => {
    expect(escapeMarkdown('evil\u202Etxt.exe\u2066x\u2069')).toBe('eviltxt.exex');
  });

  it('keeps one row per action and seven cells per row, whatever the text', () => {
    const base = sample.actions[0] as ActionItem;
    const actions: ActionItem[] = [
      { ...base, id: 'x1', what: 'a | b | c', who: 'x\ny' },
      { ...base, id: 'x2', what: 'eind met backslash \\', who: '|' },
    ];
    const lines = actionsToMarkdown(actions, { locale: 'nl' }).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('| Wat | Wie | Wanneer | Status | Veld | Subgroep | Bron |');
    for (const line of lines) expect(cells(line)).toHaveLength(7);
    expect(cells(lines[2] ?? '')[0]).toBe('a \\| b \\| c');
    expect(cells(lines[2] ?? '')[1]).toBe('x<br>y');
  });

  it('uses English headers and says so when there are no actions', () => {
    expect(actionsToMarkdown(sample.actions, { locale: 'en' }).split('\n')[0]).toBe(
      '| What | Who | When | Status | Field | Subgroup | Source |',
    );
    expect(actionsToMarkdown([], { locale: 'nl' })).toBe('_Geen actiepunten._\n');
  });
});

describe('workshop report', () => {
  const report = workshopToMarkdown(sample, { locale: 'nl' });

  it('has the title, the institution and date, and a section per subgroup and the plenary board', () => {
    expect(
      report.startsWith('# Learning analytics bij de Faculteit Gezondheid\n\nHogeschool Voorbeeld · 11 maart 2025\n'),
    ).toBe(true);
    expect(report).toContain('## Tafel A');
    expect(report).toContain('## Tafel B');
    expect(report).toContain('## Plenair bord');
    expect(report.indexOf('## Tafel A')).toBeLessThan(report.indexOf('## Tafel B'));
    expect(report.indexOf('## Tafel B')).toBeLessThan(report.indexOf('## Plenair bord'));
  });

  it('shows fields in canvas order with agreement counts, dots, highlights and the agreed wording', () => {
    const a = report.slice(report.indexOf('## Tafel A'), report.indexOf('## Tafel B'));
    expect(a.indexOf('#### DOEL')).toBeLessThan(a.indexOf("#### KANSEN EN RISICO'S"));
    expect(a.indexOf('### Vel 1 — Doel en doelgroep')).toBeLessThan(a.indexOf('### Vel 2 — Randvoorwaarden'));
    expect(a).toContain(
      '**Afgesproken formulering:** Studenten en studieadviseurs krijgen tijdig inzicht in de studievoortgang.',
    );
    expect(a).toContain('- Inzicht in studievoortgang _(2 eens · 2 stippen · ★ hoogtepunt voor de presentatie)_');
    expect(a).toContain('- Docenten ervaren weerstand: "afrekenen" op kwaliteit; \\| pipe _(1 oneens · 1 open)_');
    expect(a).toContain(
      '- Welke data houden docenten zelf bij in Excel? — uitzoeken: welke bronnen er naast het LMS zijn; navragen bij: opleidingscoördinatoren; wie: Karianne',
    );
    expect(a).toContain('#### Buiten de velden\n\n- \\=HYPERLINK("http://example.invalid")');
  });

  it('shows the synthesis with the notes of each cluster and their subgroup, then the actions', () => {
    const synthesis = report.slice(report.indexOf('## Synthese'), report.indexOf('## Actiepunten'));
    expect(synthesis).toContain(
      '**Plenaire formulering:** Inzicht in studievoortgang voor studenten en studieadviseurs.',
    );
    expect(synthesis).toContain(
      '- **Gemene deler**: inzicht, studievoortgang\n  - Inzicht in studievoortgang _(Tafel A)_\n  - Studievoortgang beter inzichtelijk maken voor studieadviseurs _(Tafel B)_',
    );
    const actions = report.slice(report.indexOf('## Actiepunten'));
    expect(actions).toContain(
      '| Uitzoeken: welke bronnen er naast het LMS zijn; "Excel" ook? | Karianne | 2025-04-01 | Open | DATA | Tafel A | Open vraag |',
    );
    expect(report.endsWith('|\n')).toBe(true);
  });

  it('reads in English too', () => {
    const english = workshopToMarkdown(sample, { locale: 'en' });
    expect(english).toContain('## Subgroups');
    expect(english).toContain('#### GOAL');
    expect(english).toContain('**Agreed wording:**');
    expect(english).toContain('## Action items');
  });

  it('counts the participants as the PDF does, naming the facilitator apart, and writes the date in words', () => {
    // Three participants and a facilitator, as on the PDF's title page.
    expect(report).toContain('_Geëxporteerd op 2025-03-11 13:00 UTC · 3 deelnemers · procesbegeleiding: Germaine_');
    expect(report).toContain('- **Tafel A** — 2 deelnemers');
    expect(report).toContain('- **Tafel B** — 1 deelnemer');
    const english = workshopToMarkdown(sample, { locale: 'en' });
    expect(english).toContain('Hogeschool Voorbeeld · 11 March 2025');
    expect(english).toContain('· 3 participants · facilitation: Germaine_');
    expect(
      workshopToMarkdown({ ...sample, workshop: { ...sample.workshop, date: 'voorjaar' } }, { locale: 'nl' }),
    ).toContain('Hogeschool Voorbeeld · voorjaar\n');
  });

  it("marks the group's chosen goal and questions, apart from the highlights", () => {
    const [a, ...rest] = sample.boards;
    if (a === undefined) throw new Error('sample');
    const withChoices = {
      ...sample,
      boards: [
        {
          ...a,
          notes: [
            ...a.notes,
            { ...a.notes[0]!, id: 'q1', fieldId: 'concrete-vragen', text: 'Wie haakt af na blok 1?' },
          ],
          choices: [
            { fieldId: 'doel', targetKind: 'note' as const, targetId: 'n1', by: 'p1' },
            { fieldId: 'concrete-vragen', targetKind: 'note' as const, targetId: 'q1', by: 'p2' },
            // Chosen in DOEL, but the note has since moved: no longer chosen (as on screen).
            { fieldId: 'doel', targetKind: 'note' as const, targetId: 'n2', by: 'p2' },
          ],
        },
        ...rest,
      ],
    };
    const nl = workshopToMarkdown(withChoices, { locale: 'nl' });
    expect(nl).toContain(
      '- Inzicht in studievoortgang _(2 eens · 2 stippen · ✓ gekozen doel · ★ hoogtepunt voor de presentatie)_',
    );
    expect(nl).toContain('- Wie haakt af na blok 1? _(✓ gekozen vraag)_');
    expect(nl).toContain('- Studenten willen misschien niet meewerken, voelen zich bekeken\n');
    const en = workshopToMarkdown(withChoices, { locale: 'en' });
    expect(en).toContain('✓ chosen goal · ★ highlight for the presentation)_');
    expect(en).toContain('- Wie haakt af na blok 1? _(✓ chosen question)_');

    const wordingChosen = {
      ...sample,
      boards: [
        { ...a, choices: [{ fieldId: 'doel', targetKind: 'formulation' as const, targetId: 'doel', by: 'p1' }] },
        ...rest,
      ],
    };
    expect(workshopToMarkdown(wordingChosen, { locale: 'nl' })).toContain(
      '**Afgesproken formulering:** Studenten en studieadviseurs krijgen tijdig inzicht in de studievoortgang. _(✓ gekozen doel)_',
    );
  });

  it('notes a cluster member that no longer exists instead of failing', () => {
    const changed = {
      ...sample,
      synthesis: {
        ...sample.synthesis,
        clusters: [{ id: 'c', fieldId: 'doel', itemIds: ['gone'], kind: null, label: '' }],
      },
    };
    expect(workshopToMarkdown(changed, { locale: 'nl' })).toContain('- **Cluster**\n  - _(notitie verwijderd)_');
  });
});
