import type { Locale } from '@dmc/shared/template/types';
import type { MessageKey } from '../i18n/messages';
import type { ActionContext } from '../workshop/boardContext';
import type { KeyLike } from './keys';

// The context lives with the board's React context (workshop/boardContext), below the actions.
export type { ActionContext } from '../workshop/boardContext';

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
