/**
 * Assigning people to subgroups. Random but balanced: group sizes differ by at most one, and
 * people with the same role (CvB, docent, student, …) are spread over the groups as evenly as
 * the numbers allow, so every table has a broad mix, as the handbook asks.
 */

/** Someone to place, with the role they said they have (or null). */
export interface Placeable {
  readonly id: string;
  readonly role: string | null;
}

/** A source of randomness in [0, 1); injectable so tests are deterministic. */
export type Random = () => number;

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Places people in groups. Roles are dealt one role at a time (largest role first), each person
 * to the group that has the fewest of that role, then the fewest people; ties are broken at
 * random. Returns person id → group id.
 */
export function assignBalanced(
  people: readonly Placeable[],
  groupIds: readonly string[],
  random: Random = Math.random,
): Map<string, string> {
  const result = new Map<string, string>();
  if (groupIds.length === 0) return result;
  const size = new Map(groupIds.map((g) => [g, 0]));
  const byRole = new Map<string, Placeable[]>();
  for (const person of shuffle(people, random)) {
    const key = person.role ?? '';
    byRole.set(key, [...(byRole.get(key) ?? []), person]);
  }
  // Larger roles first; people without a role last, to fill up the smallest groups.
  const roles = [...byRole.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : (byRole.get(b)?.length ?? 0) - (byRole.get(a)?.length ?? 0),
  );
  for (const role of roles) {
    const ofRole = new Map(groupIds.map((g) => [g, 0]));
    for (const person of byRole.get(role) ?? []) {
      const order = shuffle(groupIds, random);
      let best = order[0] as string;
      for (const g of order) {
        const better =
          (ofRole.get(g) ?? 0) < (ofRole.get(best) ?? 0) ||
          ((ofRole.get(g) ?? 0) === (ofRole.get(best) ?? 0) && (size.get(g) ?? 0) < (size.get(best) ?? 0));
        if (better) best = g;
      }
      // Never let a group get two larger than another: sizes must differ by at most one.
      const smallest = Math.min(...groupIds.map((g) => size.get(g) ?? 0));
      if ((size.get(best) ?? 0) > smallest) {
        best =
          order
            .filter((g) => (size.get(g) ?? 0) === smallest)
            .sort((a, b) => (ofRole.get(a) ?? 0) - (ofRole.get(b) ?? 0))[0] ?? best;
      }
      result.set(person.id, best);
      size.set(best, (size.get(best) ?? 0) + 1);
      ofRole.set(best, (ofRole.get(best) ?? 0) + 1);
    }
  }
  return result;
}

/** A deterministic random source for tests and reproducible demos. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}
