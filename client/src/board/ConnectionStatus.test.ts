import { describe, expect, it } from 'vitest';
import { nextAnnouncement, type AnnouncerState, type Shown } from './ConnectionStatus';

const run = (statuses: Shown[]): (string | null)[] => {
  let seen: AnnouncerState = { status: 'connecting', offline: false, key: null };
  return statuses.map((status) => {
    seen = nextAnnouncement(seen, status);
    return seen.key;
  });
};

describe('the connection announcement', () => {
  it('stays silent on the first connection and on every board switch', () => {
    expect(run(['connected', 'connecting', 'connected', 'connecting', 'connected'])).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('announces going offline once, and coming back', () => {
    expect(run(['connected', 'offline', 'connecting', 'offline', 'connecting', 'connected'])).toEqual([
      null,
      'status.offline',
      'status.offline',
      'status.offline',
      'status.offline',
      'status.back',
    ]);
  });
});
