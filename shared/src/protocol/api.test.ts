import { describe, expect, it } from 'vitest';
import { joinCodeProblem, joinCodeSchema, normalizeJoinCode } from './api';

describe('join codes as people type them', () => {
  it('accepts a code in any case, with spaces or a dash, as the server does', () => {
    for (const typed of ['K7MQ2P', 'k7mq2p', 'K7M Q2P', 'k7m-q2p ']) {
      expect(joinCodeProblem(typed)).toBeNull();
      expect(joinCodeSchema.safeParse(typed).success).toBe(true);
    }
    expect(normalizeJoinCode(' k7m-q2p ')).toBe('K7MQ2P');
  });

  it('says how many characters were typed when the length is wrong', () => {
    expect(joinCodeProblem('K7MQ2')).toEqual({ kind: 'length', length: 5 });
    expect(joinCodeProblem('K7MQ2PX')).toEqual({ kind: 'length', length: 7 });
    expect(joinCodeSchema.safeParse('K7MQ2').success).toBe(false);
  });

  it('names the characters a code never has (0, O, 1, I, L and anything else), before the length', () => {
    expect(joinCodeProblem('K0MQ1P')).toEqual({ kind: 'characters', characters: '0 1' });
    expect(joinCodeProblem('KOLI')).toEqual({ kind: 'characters', characters: 'O L I' });
    expect(joinCodeProblem('K7MQ2?')).toEqual({ kind: 'characters', characters: '?' });
    expect(joinCodeSchema.safeParse('K0MQ1P').success).toBe(false);
  });
});
