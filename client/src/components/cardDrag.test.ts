import { describe, expect, it } from 'vitest';
import { CARD_MIME, cardFromDrop, isCardDrag, parseCardPayload, startCardDrag, type DragDataLike } from './cardDrag';

/** A DataTransfer stand-in: what the browser's does, minus the protected mode. */
function transfer(): DragDataLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get types() {
      return [...data.keys()];
    },
    getData: (format) => data.get(format) ?? '',
    setData: (format, value) => void data.set(format, value),
    effectAllowed: 'uninitialized',
  };
}

describe('card drag data', () => {
  it('carries the card as JSON and as plain text, for copying', () => {
    const dt = transfer();
    startCardDrag(dt, { id: 'sd-07', text: 'Stel gebruikers in staat om vragen te stellen' });
    expect(JSON.parse(dt.data.get(CARD_MIME) ?? '')).toEqual({
      id: 'sd-07',
      text: 'Stel gebruikers in staat om vragen te stellen',
    });
    expect(dt.data.get('text/plain')).toBe('Stel gebruikers in staat om vragen te stellen');
    expect(dt.effectAllowed).toBe('copy');
    expect(isCardDrag(dt)).toBe(true);
    expect(cardFromDrop(dt)).toEqual({ id: 'sd-07', text: 'Stel gebruikers in staat om vragen te stellen' });
  });

  it('ignores drags that are not cards, and malformed card data', () => {
    const dt = transfer();
    dt.setData('text/plain', 'hello');
    expect(isCardDrag(dt)).toBe(false);
    expect(cardFromDrop(dt)).toBeNull();
    expect(isCardDrag(null)).toBe(false);
    expect(parseCardPayload('not json')).toBeNull();
    expect(parseCardPayload('{"id":"../x","text":"a"}')).toBeNull();
    expect(parseCardPayload('{"id":"sd-01","text":"   "}')).toBeNull();
    expect(parseCardPayload('{"id":"sd-01"}')).toBeNull();
  });

  it('trims the text and clamps it to what a note holds', () => {
    expect(parseCardPayload(JSON.stringify({ id: 'x', text: `  ${'a'.repeat(600)}  ` }))?.text).toHaveLength(500);
  });
});
