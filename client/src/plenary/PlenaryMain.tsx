import { ActionsView } from './ActionsView';
import { usePlenaryBoards } from './hooks';
import { SynthesisView } from './SynthesisView';

/**
 * The content of the board screen in a plenary view: the synthesis or the action list, with
 * every subgroup board read while it is on screen (the connections close when the canvas returns).
 * Loaded on demand (BoardScreen): the views are needed only in the closing plenary.
 */
export default function PlenaryMain({ view }: { view: 'synthesis' | 'actions' }) {
  usePlenaryBoards(true);
  return view === 'synthesis' ? <SynthesisView /> : <ActionsView />;
}
