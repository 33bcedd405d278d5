import { describe, expect, it } from 'vitest';
import { assignBalanced, seededRandom, type Placeable } from './grouping';

function sizes(assignment: Map<string, string>, groups: string[]): number[] {
  return groups.map((g) => [...assignment.values()].filter((x) => x === g).length);
}

function roleSpread(people: Placeable[], assignment: Map<string, string>, groups: string[], role: string): number[] {
  return groups.map((g) => people.filter((p) => p.role === role && assignment.get(p.id) === g).length);
}

const ROLES = ['cvb', 'docent', 'student', 'onderzoeker', 'icto', 'onderwijskundige', 'technisch', null];

describe('balanced subgroup assignment', () => {
  it('places everyone, with group sizes differing by at most one, for many sizes and seeds', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seededRandom(seed);
      const n = 3 + Math.floor(random() * 30);
      const g = 2 + Math.floor(random() * 4);
      const groups = Array.from({ length: g }, (_, i) => `g${i}`);
      const people = Array.from({ length: n }, (_, i) => ({
        id: `p${i}`,
        role: ROLES[Math.floor(random() * ROLES.length)] ?? null,
      }));
      const assignment = assignBalanced(people, groups, seededRandom(seed * 7));
      expect(assignment.size).toBe(n);
      const s = sizes(assignment, groups);
      expect(Math.max(...s) - Math.min(...s), `seed ${seed}: ${s}`).toBeLessThanOrEqual(1);
    }
  });

  it('spreads each role as evenly as possible', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const people: Placeable[] = [
        ...Array.from({ length: 4 }, (_, i) => ({ id: `d${i}`, role: 'docent' })),
        ...Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, role: 'student' })),
        ...Array.from({ length: 2 }, (_, i) => ({ id: `c${i}`, role: 'cvb' })),
        { id: 'i0', role: 'icto' },
        { id: 'x0', role: null },
      ];
      const groups = ['a', 'b'];
      const assignment = assignBalanced(people, groups, seededRandom(seed));
      for (const role of ['docent', 'student', 'cvb']) {
        const spread = roleSpread(people, assignment, groups, role);
        expect(Math.max(...spread) - Math.min(...spread), `${role}, seed ${seed}: ${spread}`).toBeLessThanOrEqual(1);
      }
      const s = sizes(assignment, groups);
      expect(Math.abs((s[0] ?? 0) - (s[1] ?? 0))).toBeLessThanOrEqual(1);
    }
  });

  it('is random: different seeds give different assignments', () => {
    const people = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, role: null }));
    const a = JSON.stringify([...assignBalanced(people, ['x', 'y', 'z'], seededRandom(1))]);
    const b = JSON.stringify([...assignBalanced(people, ['x', 'y', 'z'], seededRandom(2))]);
    expect(a).not.toBe(b);
  });

  it('assigns nobody without groups', () => {
    expect(assignBalanced([{ id: 'p', role: null }], []).size).toBe(0);
  });
});
