import { describe, it, expect } from 'vitest';
import { discussiemodelTemplate } from './discussiemodel';
import { fieldAt, fieldsOf, getField, getSheet, localize } from './lookup';
import type { FieldTemplate, SheetTemplate } from './types';

function vel(id: string): SheetTemplate {
  const sheet = getSheet(discussiemodelTemplate, id);
  if (sheet === undefined) throw new Error(`no sheet ${id}`);
  return sheet;
}

function rectOf(id: string): FieldTemplate['rect'] {
  const found = getField(discussiemodelTemplate, id);
  if (found === undefined) throw new Error(`no field ${id}`);
  return found.field.rect;
}

describe('getSheet / getField', () => {
  it('finds sheets by id', () => {
    expect(getSheet(discussiemodelTemplate, 'vel2')?.title.nl).toBe('Randvoorwaarden');
    expect(getSheet(discussiemodelTemplate, 'vel3')).toBeUndefined();
  });

  it('finds a field with the sheet it is on', () => {
    const found = getField(discussiemodelTemplate, 'dpia-risicos');
    expect(found?.field.parentId).toBe('privacy');
    expect(found?.sheet.id).toBe('vel2');
    expect(getField(discussiemodelTemplate, 'doel')?.sheet.id).toBe('vel1');
    expect(getField(discussiemodelTemplate, 'geen-veld')).toBeUndefined();
  });
});

describe('fieldAt', () => {
  const sheet = vel('vel2');
  const privacy = rectOf('privacy');

  it('returns the DPIA box, not PRIVACY, for a point inside a box', () => {
    const box = rectOf('dpia-maatregelen-risicos');
    expect(fieldAt(sheet, box.x + box.width / 2, box.y + box.height / 2)?.id).toBe('dpia-maatregelen-risicos');
  });

  it('counts a point exactly on a box edge as inside the box', () => {
    const box = rectOf('dpia-toezicht');
    expect(fieldAt(sheet, box.x, box.y)?.id).toBe('dpia-toezicht');
    expect(fieldAt(sheet, box.x + box.width, box.y + box.height)?.id).toBe('dpia-toezicht');
  });

  it('returns PRIVACY in its title band and in the gaps between boxes', () => {
    expect(fieldAt(sheet, privacy.x + 20, privacy.y + 50)?.id).toBe('privacy');
    const left = rectOf('dpia-beschrijving');
    expect(fieldAt(sheet, left.x + left.width + 5, left.y + 10)?.id).toBe('privacy');
  });

  it('returns top-level fields on other parts of the sheet', () => {
    const data = rectOf('data');
    expect(fieldAt(sheet, data.x + 1, data.y + 1)?.id).toBe('data');
    expect(fieldAt(vel('vel1'), 100, 700)?.id).toBe('concrete-vragen');
  });

  it('returns undefined in the header band, in gutters and outside the sheet', () => {
    expect(fieldAt(sheet, 600, 60)).toBeUndefined();
    expect(fieldAt(vel('vel1'), 640, 300)).toBeUndefined(); // gutter between DOEL and DOELGROEP
    expect(fieldAt(sheet, -5, 400)).toBeUndefined();
    expect(fieldAt(sheet, 1300, 400)).toBeUndefined();
    expect(fieldAt(sheet, 800, 900)).toBeUndefined();
  });

  it('prefers the nested field even when it is listed before its parent', () => {
    const reordered: SheetTemplate = { ...sheet, fields: [...sheet.fields].reverse() };
    const box = rectOf('dpia-noodzaak');
    expect(fieldAt(reordered, box.x + 1, box.y + 1)?.id).toBe('dpia-noodzaak');
  });
});

describe('fieldsOf', () => {
  it('lists top-level fields when no parent is given', () => {
    expect(fieldsOf(vel('vel2')).map((f) => f.id)).toEqual([
      'data',
      'visie-beleid',
      'commitment-cvb',
      'stakeholders',
      'privacy',
      'ethiek',
    ]);
  });

  it('lists the children of a parent in sheet order', () => {
    expect(fieldsOf(vel('vel2'), 'privacy').map((f) => f.id)).toEqual([
      'dpia-beschrijving',
      'dpia-noodzaak',
      'dpia-risicos',
      'dpia-maatregelen-risicos',
      'dpia-maatregelen-naleving',
      'dpia-documentatie',
      'dpia-toezicht',
    ]);
    expect(fieldsOf(vel('vel1'), 'doel')).toEqual([]);
  });
});

describe('localize', () => {
  it('picks the requested language', () => {
    const text = { nl: 'Doel', en: 'Goal' };
    expect(localize(text, 'nl')).toBe('Doel');
    expect(localize(text, 'en')).toBe('Goal');
  });

  it('falls back to Dutch when a translation is empty', () => {
    expect(localize({ nl: 'Doel', en: ' ' }, 'en')).toBe('Doel');
  });
});
