import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { onSessionReplaced, replaceSession } from './sessions';

const renamed = {
  token: 'v1.a.b',
  participant: { id: 'p1', name: 'Ada Lovelace', role: 'participant', tableRole: null },
  workshop: { id: 'w1', title: 'Privacy' },
} as unknown as SessionResponse;

describe('a replaced session (the person renamed themselves)', () => {
  it('reaches the screens listening, until they stop', () => {
    const seen: string[] = [];
    const stop = onSessionReplaced((session) => seen.push(session.participant.name));
    replaceSession(renamed);
    stop();
    replaceSession(renamed);
    expect(seen).toEqual(['Ada Lovelace']);
  });
});
