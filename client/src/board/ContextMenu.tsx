import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NOTE_COLORS } from '@dmc/shared/domain/note';
import { getAction, runAction } from '../actions/registry';
import { NOTE_FILLS, NOTE_EDGES } from '../scene/theme';
import type { ContextMenuState } from '../store';
import { useAppStore } from '../store';
import { menuItems, type Item } from './noteMenuItems';
import { useLocale, useT } from '../i18n';
import { NO_DISCUSSION, useDiscussionIndex } from '../workshop/discussionIndex';
import { actionLabel } from '../components/ActionButton';
import { useBoard } from '../workshop/boardContext';
import { Icon } from '../components/icons';

/** The note's context menu (right-click, or Shift+F10 on the selected note). */
export function ContextMenu({ onClose }: { onClose: () => void }) {
  const menu = useAppStore((s) => s.contextMenu);
  if (!menu) return null;
  return <MenuBox key={`${menu.noteId}:${menu.x}:${menu.y}`} menu={menu} onClose={onClose} />;
}

function MenuBox({ menu, onClose }: { menu: ContextMenuState; onClose: () => void }) {
  const ctx = useBoard();
  const t = useT();
  const locale = useLocale();
  const note = useAppStore((s) => s.notes.find((n) => n.id === menu.noteId));
  const index = useDiscussionIndex();
  const ref = useRef<HTMLDivElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const [position, setPosition] = useState({ left: menu.x, top: menu.y });

  const close = (refocus: boolean) => {
    ctx.store.getState().openContextMenu(null);
    if (refocus) onClose();
  };

  // Keep the menu inside the window.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - box.width - 4)),
      top: Math.max(4, Math.min(menu.y, window.innerHeight - box.height - 4)),
    });
  }, [menu.x, menu.y]);

  useEffect(() => {
    items.current[0]?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (ref.current && e.target instanceof Node && !ref.current.contains(e.target)) close(false);
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
    // Run once per opening (the component is keyed by the menu).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!note) ctx.store.getState().openContextMenu(null);
  }, [note, ctx]);
  if (!note) return null;

  const list = menuItems(ctx, note, index.byNote.get(note.id) ?? NO_DISCUSSION);
  if (list.length === 0) return null;

  const activate = (item: Item) => {
    // Close first: the editor that "Bewerken" opens must be the last thing to take the focus.
    close(item.action !== 'editNote');
    runAction(getAction(item.action), ctx, { source: 'menu' });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const current = items.current.findIndex((el) => el === document.activeElement);
    const count = list.length;
    let next = -1;
    if (e.key === 'ArrowDown') next = (current + 1) % count;
    else if (e.key === 'ArrowUp') next = (current - 1 + count) % count;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = count - 1;
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close(true);
      return;
    }
    if (next >= 0) {
      e.preventDefault();
      items.current[next]?.focus();
    }
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={t('note.menuLabel')}
      style={position}
      onKeyDown={onKeyDown}
    >
      {list.map((item, index) => {
        const action = getAction(item.action);
        const color = item.kind === 'color' ? NOTE_COLORS.find((c) => item.action === `color-${c}`) : undefined;
        return (
          <button
            key={item.action}
            ref={(el) => {
              items.current[index] = el;
            }}
            type="button"
            role={item.kind === 'color' ? 'menuitemradio' : item.kind === 'check' ? 'menuitemcheckbox' : 'menuitem'}
            aria-checked={item.kind === 'command' ? undefined : item.checked}
            tabIndex={-1}
            className={`context-menu__item${item.action === 'deleteNote' ? ' context-menu__item--danger' : ''}`}
            onClick={() => activate(item)}
          >
            {item.action === 'editNote' && <Icon name="edit" />}
            {item.action === 'deleteNote' && <Icon name="trash" />}
            {color && (
              <span
                className="swatch__chip"
                style={{ backgroundColor: NOTE_FILLS[color], borderColor: NOTE_EDGES[color] }}
                aria-hidden="true"
              />
            )}
            <span>{actionLabel(action, t, locale)}</span>
            {item.checked && (
              <span className="context-menu__check" aria-hidden="true">
                ✓
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
