import { assignBalanced, type Random } from '@dmc/shared/domain/grouping';
import { isTableRole } from '@dmc/shared/domain/roles';
import type { PhaseId } from '@dmc/shared/domain/phases';
import { GROUP_COLORS, type Group, type Member } from '@dmc/shared/domain/session';
import { PLENARY_BOARD } from '@dmc/shared/protocol/api';
import { newId } from '@dmc/shared/domain/ids';

/**
 * Subgroups as the facilitator arranges them: who is placed where, what a new assignment would
 * change, readiness, and the ids and colours of new subgroups. Only participants are placed;
 * facilitators move between all boards.
 */

/** A subgroup's colour. */
export type GroupColor = (typeof GROUP_COLORS)[number];

/** One member moving from one subgroup (or none) to another. */
export interface AssignmentChange {
  readonly memberId: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** The participants (not facilitators), in joining order. */
export function participantsOf(members: readonly Member[]): Member[] {
  return members.filter((m) => m.role === 'participant');
}

/** The participants in a subgroup; `null` gives those not placed yet. */
export function membersOfGroup(members: readonly Member[], groupId: string | null): Member[] {
  return participantsOf(members).filter((m) => m.groupId === groupId);
}

/** How many of these people said "klaar" for the phase. */
export function readiness(
  people: readonly Member[],
  phaseId: PhaseId,
): { readonly ready: number; readonly total: number } {
  return { ready: people.filter((m) => m.readyPhase === phaseId).length, total: people.length };
}

/**
 * A fresh balanced random assignment of every participant over the subgroups: sizes differ by at
 * most one, and people with the same role at the table are spread over the groups.
 */
export function balancedAssignment(
  members: readonly Member[],
  groups: readonly Group[],
  random?: Random,
): Map<string, string> {
  const people = participantsOf(members).map((m) => ({
    id: m.id,
    role: isTableRole(m.tableRole) ? m.tableRole : null,
  }));
  return assignBalanced(
    people,
    groups.map((g) => g.id),
    random,
  );
}

/**
 * Places only the participants without a subgroup (latecomers), each in the currently smallest
 * subgroup; ties are broken at random. Nobody already placed moves.
 */
export function placeNewcomers(
  members: readonly Member[],
  groups: readonly Group[],
  random: Random = Math.random,
): Map<string, string> {
  const result = new Map<string, string>();
  if (groups.length === 0) return result;
  const size = new Map(groups.map((g) => [g.id, membersOfGroup(members, g.id).length]));
  for (const person of membersOfGroup(members, null)) {
    const smallest = Math.min(...size.values());
    const candidates = groups.filter((g) => size.get(g.id) === smallest);
    const pick = candidates[Math.floor(random() * candidates.length)] ?? candidates[0];
    if (!pick) continue;
    result.set(person.id, pick.id);
    size.set(pick.id, smallest + 1);
  }
  return result;
}

/** What an assignment would change: only the members whose subgroup differs. */
export function assignmentChanges(
  members: readonly Member[],
  assignment: ReadonlyMap<string, string | null>,
): AssignmentChange[] {
  const changes: AssignmentChange[] = [];
  for (const member of members) {
    if (!assignment.has(member.id)) continue;
    const to = assignment.get(member.id) ?? null;
    if (member.groupId !== to) changes.push({ memberId: member.id, from: member.groupId, to });
  }
  return changes;
}

/** How many of the changes move someone who was already placed (and may have started working). */
export function overwrittenCount(changes: readonly AssignmentChange[]): number {
  return changes.filter((c) => c.from !== null).length;
}

/** The handbook plans one canvas per 4 to 5 people: the number of subgroups that gives. */
export function suggestedGroupCount(participants: number): number {
  return participants <= 0 ? 0 : Math.ceil(participants / 5);
}

/** A url-safe random subgroup id; never "plenary", which names the plenary board. */
export function newGroupId(bytes: Uint8Array = crypto.getRandomValues(new Uint8Array(9))): string {
  const id = `g${newId(bytes)}`;
  return id === PLENARY_BOARD ? `${id}-` : id;
}

/** The first colour no subgroup uses yet (or the least used one when all are taken). */
export function nextGroupColor(groups: readonly Group[]): GroupColor {
  let best: GroupColor = GROUP_COLORS[0];
  let bestUses = Infinity;
  for (const color of GROUP_COLORS) {
    const uses = groups.filter((g) => g.color === color).length;
    if (uses < bestUses) {
      best = color;
      bestUses = uses;
    }
  }
  return best;
}

/** The order of a new subgroup: after all existing ones. */
export function nextGroupOrder(groups: readonly Group[]): number {
  return groups.reduce((max, g) => Math.max(max, g.order + 1), 0);
}

/** The lowest number n for which "<prefix> n" is not a subgroup name yet. */
export function nextGroupNumber(groups: readonly Group[], prefix: string): number {
  const names = new Set(groups.map((g) => g.name.trim().toLowerCase()));
  let n = 1;
  while (names.has(`${prefix} ${n}`.toLowerCase())) n++;
  return n;
}
