import type { ReactNode } from 'react';
import { formatShortcut } from '../actions/keys';
import { getAction, isEnabled, runAction } from '../actions/registry';
import type { Action, ActionInput } from '../actions/types';
import type { MessageKey } from '../i18n/messages';
import { useStore } from 'zustand';
import { useLocale, useT, type Translate } from '../i18n';
import type { Locale } from '@dmc/shared/template/types';
import { useBoard } from '../workshop/boardContext';
import { Icon, type IconName } from './icons';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** An action's label in the interface language. */
export function actionLabel(action: Action, t: Translate, locale: Locale): string {
  const vars: Record<string, string> = { ...(action.labelVars?.(locale) ?? {}) };
  for (const [name, key] of Object.entries(action.labelKeyVars ?? {})) vars[name] = t(key as MessageKey);
  return t(action.labelKey, vars);
}

/** The first shortcut of an action as shown to this person (⌘ on a Mac). */
export function actionShortcut(action: Action): string | null {
  const first = action.shortcuts?.[0];
  return first ? formatShortcut(first, isMac) : null;
}

/** Whether an action is available, re-rendering the caller when that changes. */
export function useActionEnabled(name: string): boolean {
  const ctx = useBoard();
  const action = getAction(name);
  // The board's own store (from the context), so this primitive needs no import of the store.
  return useStore(ctx.store, () => isEnabled(action, ctx));
}

interface ActionButtonProps {
  readonly name: string;
  readonly icon?: IconName;
  /** Show the label next to the icon (otherwise it is the accessible name and tooltip only). */
  readonly showLabel?: boolean;
  /** A longer label for tooltips and screen readers. */
  readonly longLabelKey?: MessageKey;
  readonly testId?: string;
  readonly className?: string;
  readonly pressed?: boolean;
  readonly source?: ActionInput['source'];
  readonly children?: ReactNode;
}

/** A button that runs a registered action; disabled when the action's predicate says so. */
export function ActionButton({
  name,
  icon,
  showLabel,
  longLabelKey,
  testId,
  className,
  pressed,
  source = 'toolbar',
  children,
}: ActionButtonProps) {
  const ctx = useBoard();
  const t = useT();
  const locale = useLocale();
  const action = getAction(name);
  const enabled = useActionEnabled(name);
  const label = actionLabel(action, t, locale);
  const long = longLabelKey ? t(longLabelKey) : label;
  const shortcut = actionShortcut(action);
  return (
    <button
      type="button"
      className={className ?? 'tool-button'}
      data-testid={testId}
      disabled={!enabled}
      aria-label={showLabel && !longLabelKey ? undefined : long}
      aria-pressed={pressed}
      aria-keyshortcuts={
        action.shortcuts?.map((s) => s.replace('Mod', isMac ? 'Meta' : 'Control')).join(' ') || undefined
      }
      title={shortcut ? `${long} (${shortcut})` : long}
      onClick={() => runAction(action, ctx, { source })}
    >
      {icon && <Icon name={icon} />}
      {showLabel && <span className="tool-button__label">{label}</span>}
      {children}
    </button>
  );
}
