/**
 * A participant leaving a workshop (AVG art. 17): what becomes of what they contributed. The
 * facilitator's setting says whether their notes are removed, kept anonymously, or whether each
 * participant chooses; the server enforces it (doc/departure.ts does the writing).
 */

/** The facilitator's setting "Bij vertrek": remove notes, keep them anonymously, or let the participant choose. */
export const LEAVE_RULES = ['remove', 'anonymise', 'choose'] as const;
export type LeaveRule = (typeof LEAVE_RULES)[number];

/** What actually happens to a leaving participant's records. */
export type DepartureMode = Exclude<LeaveRule, 'choose'>;

/** The rule of a workshop that never set one: the participant chooses. */
export const DEFAULT_LEAVE_RULE: LeaveRule = 'choose';

/** The author id kept records get once their author has left anonymously: the same for everyone who left. */
export const ANONYMOUS_ID = 'anonymous';

/** The leave rule of a workshop's settings (older records have none). */
export function leaveRuleOf(settings: { readonly onLeave?: LeaveRule | undefined }): LeaveRule {
  return settings.onLeave ?? DEFAULT_LEAVE_RULE;
}

/**
 * What happens to the notes of someone leaving under `rule` who asked for `requested`: the
 * facilitator's rule wins where it is fixed; under 'choose' the participant must say (null: not said).
 */
export function departureMode(rule: LeaveRule, requested: DepartureMode | undefined): DepartureMode | null {
  if (rule !== 'choose') return rule;
  return requested ?? null;
}
