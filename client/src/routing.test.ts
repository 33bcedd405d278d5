import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './routing';

describe('routes', () => {
  it('has a privacy page at /privacy, linked from the join and home pages', () => {
    expect(paths.privacy()).toBe('/privacy');
    expect(parseRoute(paths.privacy())).toEqual({ page: 'privacy' });
    expect(parseRoute('/privacy/extra')).toEqual({ page: 'notFound' });
  });

  it('still finds the other pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/j/ABC234')).toEqual({ page: 'join', code: 'ABC234' });
    expect(parseRoute('/w/w1')).toEqual({ page: 'workshop', workshopId: 'w1' });
  });
});
