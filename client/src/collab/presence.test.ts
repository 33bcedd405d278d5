import { describe, expect, it } from 'vitest';
import { parsePresence, peersFrom, samePeers, type RemotePresence } from './presence';

const user = (id: string, name: string) => ({ id, name, color: '#1d4ed8' });

describe('presence', () => {
  it('rejects malformed states', () => {
    expect(parsePresence(1, { user: { id: 'a', name: 'A', color: 'red' } })).toBeUndefined();
    expect(parsePresence(1, null)).toBeUndefined();
    expect(parsePresence(1, { user: user('a', 'A'), cursor: { sheetId: 'vel1', x: 1, y: 2 } })?.cursor).toEqual({
      sheetId: 'vel1',
      x: 1,
      y: 2,
    });
  });

  it('lists each person once, yourself first', () => {
    const states: RemotePresence[] = [
      { clientId: 3, user: user('b', 'Bea'), cursor: null, drag: null, editing: null, view: null },
      { clientId: 1, user: user('a', 'Anna'), cursor: null, drag: null, editing: null, view: null },
      { clientId: 2, user: user('c', 'Cas'), cursor: null, drag: null, editing: null, view: null },
      { clientId: 4, user: user('b', 'Bea'), cursor: null, drag: null, editing: 'n1', view: null },
    ];
    const peers = peersFrom(states, 2);
    expect(peers.map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect(peers[0]?.self).toBe(true);
    expect(peers[2]?.editing).toBe('n1');
    expect(samePeers(peers, peersFrom(states, 2))).toBe(true);
    expect(samePeers(peers, peersFrom(states.slice(0, 3), 2))).toBe(false);
  });
});
