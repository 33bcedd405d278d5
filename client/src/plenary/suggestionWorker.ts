/**
 * Works out a synthesis field's cluster suggestions off the page's thread (see suggestions.ts):
 * clustering every group's notes in a field takes tens of milliseconds in a big plenary, which
 * would otherwise hold up the frames that show the field.
 */
import { suggestionsForField } from './clusters';
import type { SuggestionReply, SuggestionRequest } from './suggestions';

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<SuggestionRequest>) => void): void;
  postMessage(message: SuggestionReply): void;
};

scope.addEventListener('message', ({ data }) => {
  scope.postMessage({ id: data.id, suggestions: suggestionsForField(data.cards, data.clusters, data.language) });
});
