import { useEffect } from 'react';
import { isControlKey, isControlTarget, isTypingTarget, shortcutAllowed } from './keys';
import { actionForKey, runAction } from './registry';
import type { ActionContext } from './types';

/**
 * Routes key presses to actions, except while typing, in a dialog or a menu, or on a control's own
 * keys. Keys without Ctrl/Cmd act only in the board area, and single character keys only while the
 * person has not turned them off (keys.ts, shortcutAllowed).
 */
export function useShortcuts(ctx: ActionContext | null): void {
  useEffect(() => {
    if (!ctx) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
      const state = ctx.store.getState();
      if (state.info !== null || state.fieldPanel !== null || state.contextMenu !== null) return;
      if (isControlTarget(event.target) && isControlKey(event.key)) return;
      if (!shortcutAllowed(event, event.target, state.singleKeyShortcuts)) return;
      const action = actionForKey(event, ctx);
      if (!action) return;
      event.preventDefault();
      runAction(action, ctx, { source: 'keyboard', event });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ctx]);
}
