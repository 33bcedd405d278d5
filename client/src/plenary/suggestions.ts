import { useEffect, useState } from 'react';
import type { ClusterRecord } from '@dmc/shared/domain/plenary';
import type { TextLanguage } from '@dmc/shared/domain/synthesis/index';
import { afterNextPaint } from '../collab/afterNextPaint';
import { suggestionsForField, type SuggestionView } from './clusters';
import type { NoteCard } from './columns';

/**
 * The synthesis's cluster suggestions for a field, worked out in a worker when the browser has
 * one (else right after the frame that shows the field's notes): the notes are on screen first,
 * the suggestions follow, and the page stays responsive meanwhile.
 */

/** What the suggestions of one field are worked out from. */
export interface SuggestionInput {
  readonly fieldId: string;
  readonly cards: readonly NoteCard[];
  readonly clusters: readonly ClusterRecord[];
  readonly language: TextLanguage;
}

/** A request to the worker: what a field's suggestions are worked out from, numbered. */
export interface SuggestionRequest extends Omit<SuggestionInput, 'fieldId'> {
  readonly id: number;
}

/** The worker's answer. */
export interface SuggestionReply {
  readonly id: number;
  readonly suggestions: SuggestionView[];
}

type Done = (suggestions: readonly SuggestionView[]) => void;

/** No suggestions (yet). */
const NO_SUGGESTIONS: readonly SuggestionView[] = [];

/** The worker (undefined: not started yet; null: none, or it failed: work on the page). */
let worker: Worker | null | undefined;
const pending = new Map<number, { readonly request: SuggestionRequest; readonly done: Done }>();
let lastId = 0;

function onPage(request: SuggestionRequest, done: Done): void {
  afterNextPaint(() => done(suggestionsForField(request.cards, request.clusters, request.language)));
}

function suggestionWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker !== 'function') return null;
  try {
    const started = new Worker(new URL('./suggestionWorker.ts', import.meta.url), { name: 'suggestions' });
    started.addEventListener('message', (event: MessageEvent<SuggestionReply>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiting?.done(event.data.suggestions);
    });
    // A worker that cannot start (its file not fetched while offline) or fails: the page works
    // the suggestions out itself, for what waits and from now on.
    started.addEventListener('error', () => {
      started.terminate();
      worker = null;
      const left = [...pending.values()];
      pending.clear();
      for (const { request, done } of left) onPage(request, done);
    });
    worker = started;
  } catch {
    worker = null;
  }
  return worker;
}

/** Works out the suggestions for `input` (in the worker if there is one) and hands them to `done`. */
export function requestSuggestions(input: SuggestionInput, done: Done): void {
  const request: SuggestionRequest = {
    id: ++lastId,
    cards: input.cards,
    clusters: input.clusters,
    language: input.language,
  };
  const target = suggestionWorker();
  if (!target) {
    onPage(request, done);
    return;
  }
  pending.set(request.id, { request, done });
  target.postMessage(request);
}

/**
 * The suggestions for `input` once worked out; until then the last ones of the same field (after
 * a note changed), or none (another field).
 */
export function useSuggestions(input: SuggestionInput): readonly SuggestionView[] {
  const [result, setResult] = useState<{
    readonly fieldId: string;
    readonly suggestions: readonly SuggestionView[];
  } | null>(null);
  useEffect(() => {
    let current = true;
    requestSuggestions(input, (suggestions) => {
      if (current) setResult({ fieldId: input.fieldId, suggestions });
    });
    return () => {
      current = false;
    };
  }, [input]);
  return result?.fieldId === input.fieldId ? result.suggestions : NO_SUGGESTIONS;
}
