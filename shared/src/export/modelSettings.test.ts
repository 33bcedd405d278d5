import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../domain/session';
import { exportWorkshopSchema } from './model';

describe('the backup workshop record and the session settings', () => {
  const base = {
    id: 'ws1',
    title: 'Workshop',
    institution: 'Hogeschool',
    date: '2026-03-01',
    language: 'nl',
    exportedAt: 1,
  };
  const fields = ['title', 'institution', 'date', 'language'] as const;

  it('validate title, institution, date and language with the same rules', () => {
    const samples: Record<(typeof fields)[number], unknown[]> = {
      title: ['', 'x'.repeat(120), 'x'.repeat(121), 7],
      institution: ['', 'x'.repeat(120), 'x'.repeat(121)],
      date: ['', 'voorjaar', '2026-03-01', '2026-03-01T10'],
      language: ['nl', 'en', 'de'],
    };
    for (const field of fields) {
      for (const value of samples[field]) {
        const inBackup = exportWorkshopSchema.safeParse({ ...base, [field]: value }).success;
        const inSettings = settingsSchema.shape[field].safeParse(value).success;
        expect({ field, value, inBackup }).toEqual({ field, value, inBackup: inSettings });
      }
    }
  });

  it('keeps the backup key order: id, title, institution, date, language', () => {
    expect(Object.keys(exportWorkshopSchema.shape).slice(0, 5)).toEqual(['id', ...fields]);
  });
});
