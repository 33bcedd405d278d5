import { afterEach, describe, expect, it, vi } from 'vitest';
import { suggestionsForField, type SuggestionView } from './clusters';
import { cardsOf } from './columns';
import type { SuggestionInput, SuggestionReply, SuggestionRequest } from './suggestions';
import { board, note } from './testData.testing';

const cards = [
  ...cardsOf(
    board({
      notes: [
        note('n1', 'doel', 'Studiesucces van eerstejaars verhogen'),
        note('n2', 'doel', 'Roostersysteem vervangen'),
      ],
    }),
    'g1',
    'doel',
  ),
  ...cardsOf(board({ notes: [note('m1', 'doel', 'Eerstejaars studiesucces: uitval voorkomen')] }), 'g2', 'doel'),
];
const input: SuggestionInput = { fieldId: 'doel', cards, clusters: [], language: 'nl' };

/** A fresh copy of the module (it keeps its worker between calls). */
async function freshModule() {
  vi.resetModules();
  return import('./suggestions');
}

function ask(
  module: Awaited<ReturnType<typeof freshModule>>,
  what: SuggestionInput,
): Promise<readonly SuggestionView[]> {
  return new Promise((resolve) => module.requestSuggestions(what, resolve));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('synthesis suggestions off the page thread', () => {
  it('are worked out on the page where there is no worker', async () => {
    vi.stubGlobal('Worker', undefined);
    const suggestions = await ask(await freshModule(), input);
    expect(suggestions).toEqual(suggestionsForField(cards, [], 'nl'));
    expect(suggestions.length).toBeGreaterThan(0);
  });

  it('reach the request that asked for them, whatever order the worker answers in', async () => {
    const workers: QueueWorker[] = [];
    class QueueWorker extends EventTarget {
      readonly requests: SuggestionRequest[] = [];
      constructor() {
        super();
        workers.push(this);
      }
      postMessage(request: SuggestionRequest) {
        this.requests.push(request);
      }
      answer(request: SuggestionRequest) {
        const reply: SuggestionReply = {
          id: request.id,
          suggestions: suggestionsForField(request.cards, request.clusters, request.language),
        };
        this.dispatchEvent(new MessageEvent('message', { data: reply }));
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', QueueWorker);
    const module = await freshModule();
    const other: SuggestionInput = { ...input, cards: cards.slice(0, 2) };
    const first = ask(module, input);
    const second = ask(module, other);
    const [worker] = workers;
    if (!worker) throw new Error('no worker started');
    expect(workers).toHaveLength(1);
    const [a, b] = worker.requests;
    if (!a || !b) throw new Error('two requests expected');
    worker.answer(b);
    worker.answer(a);
    expect(await first).toEqual(suggestionsForField(cards, [], 'nl'));
    expect(await second).toEqual(suggestionsForField(other.cards, [], 'nl'));
  });

  it('are worked out on the page when the worker cannot start, for what waited and from then on', async () => {
    let terminated = 0;
    class BrokenWorker extends EventTarget {
      postMessage() {
        queueMicrotask(() => this.dispatchEvent(new Event('error')));
      }
      terminate() {
        terminated++;
      }
    }
    vi.stubGlobal('Worker', BrokenWorker);
    const module = await freshModule();
    const expected = suggestionsForField(cards, [], 'nl');
    expect(await ask(module, input)).toEqual(expected);
    expect(terminated).toBe(1);
    expect(await ask(module, input)).toEqual(expected);
  });
});
