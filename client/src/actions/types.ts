import type { CanvasTemplate, Locale } from '@dmc/shared/template/types';
import type { BoardClient } from '../collab/boardClient';
import type { SessionClient } from '../collab/sessionClient';
import type { MessageKey } from '../i18n/messages';
import type { AppStore } from '../store';
import type { KeyLike } from './keys';

/** What an action works with: the store, the live board and session, the template. */
export interface ActionContext {
  readonly store: AppStore;
  /** The board on screen. */
  readonly board: BoardClient;
  /** My private draft while writing silently (and shortly after, until the reveal). */
  readonly draft?: BoardClient | null;
  /** The workshop's session document: phase, timer, subgroups. */
  readonly session: SessionClient;
  /** The template of the board on screen. */
  readonly template: CanvasTemplate;
}

/** How an action was triggered. */
export interface ActionInput {
  readonly source: 'keyboard' | 'toolbar' | 'menu';
  readonly event?: KeyLike;
}

/**
 * A user command. One registry of these drives the keyboard shortcuts, the toolbar and the
 * context menu, so they always agree on what a command does and when it is available.
 */
export interface Action {
  readonly name: string;
  readonly labelKey: MessageKey;
  /** Values for the label's placeholders, in the interface language. */
  labelVars?(locale: Locale): Readonly<Record<string, string>>;
  /** Placeholders filled with another translated message (e.g. a colour name). */
  readonly labelKeyVars?: Readonly<Record<string, MessageKey>>;
  /** Shortcuts as shown and matched, e.g. `Mod+Z`; the first is shown in tooltips. */
  readonly shortcuts?: readonly string[];
  /** Custom key test when `shortcuts` is not enough. */
  keyTest?(event: KeyLike, ctx: ActionContext): boolean;
  /** Whether the action is available now (buttons are disabled, keys ignored, when false). */
  predicate?(ctx: ActionContext): boolean;
  perform(ctx: ActionContext, input: ActionInput): void;
}
