import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type Ref } from 'react';
import { phase } from '@dmc/shared/domain/phases';
import { localize } from '@dmc/shared/template/lookup';
import { useAppStore } from '../store';
import { timerRemaining } from '@dmc/shared/domain/flow';
import { useLocale, useT } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { FlowTab } from './FlowTab';
import { formatClock } from './format';
import { useServerNow, useStoredChoice } from './hooks';
import { OverviewTab } from './OverviewTab';
import { PeopleTab } from './PeopleTab';
import { PreparationTab } from './preparation/PreparationTab';
import { SettingsTab } from './SettingsTab';
import './facilitator.css';
import { CloseButton } from '../components/CloseButton';

/**
 * The facilitator's console ("Regie"): a drawer on the right of the board with the preparation
 * (agenda, reading list, invitation, roles at the table), the flow (phases, timer, views), people
 * and subgroups, an overview of every board, and the workshop settings. The preparation tab
 * widens the drawer: it holds a table and a long text.
 * On wide screens it sits beside the canvas; on narrower ones it lies over it and Escape closes
 * it. It starts closed (the canvas first); open/closed and the last tab are remembered on this
 * device. Wide screens (≥ 1200 px, see facilitator.css) dock it beside the canvas.
 */

const TABS = ['prepare', 'flow', 'people', 'overview', 'settings'] as const;
type TabId = (typeof TABS)[number];

const TAB_LABELS: Readonly<Record<TabId, MessageKey>> = {
  prepare: 'fac.tab.prepare',
  flow: 'fac.tab.flow',
  people: 'fac.tab.people',
  overview: 'fac.tab.overview',
  settings: 'fac.tab.settings',
};

/** The facilitator's console: mounted on the board screen for facilitators only. */
export function FacilitatorPanel() {
  const t = useT();
  const [openChoice, setOpenChoice] = useStoredChoice<'open' | 'closed'>(
    'dmc.fac.drawer',
    ['open', 'closed'],
    'closed',
  );
  const [tab, setTab] = useStoredChoice<TabId>('dmc.fac.tab', TABS, 'prepare');
  const open = openChoice === 'open';
  const toggleRef = useRef<HTMLButtonElement>(null);
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());
  // Focus moves into the drawer only when the person opens it, not when the page loads.
  const focusOnOpen = useRef(false);
  const top = useBoardTop();

  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    focusOnOpen.current = false;
    tabRefs.current.get(tab)?.focus();
  }, [open, tab]);

  const toggle = () => {
    focusOnOpen.current = !open;
    setOpenChoice(open ? 'closed' : 'open');
  };
  const close = () => {
    setOpenChoice('closed');
    toggleRef.current?.focus();
  };

  const onDrawerKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
    // The board's single-key shortcuts (N, 1, 2, arrows…) must not fire while using the console.
    e.stopPropagation();
  };

  const onTabKeyDown = (e: KeyboardEvent, index: number) => {
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (index + 1) % TABS.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (index - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    const id = TABS[next];
    if (!id) return;
    e.preventDefault();
    setTab(id);
    tabRefs.current.get(id)?.focus();
  };

  const style = { '--fac-top': `${top}px` } as CSSProperties;
  return (
    <div className="fac-root" style={style}>
      <ToggleButton ref={toggleRef} open={open} onClick={toggle} />
      {open && (
        <aside
          className={`fac-drawer${tab === 'prepare' ? ' fac-drawer--wide' : ''}`}
          id="fac-drawer"
          aria-labelledby="fac-drawer-title"
          onKeyDown={onDrawerKeyDown}
        >
          <div className="fac-drawer__head">
            <h2 id="fac-drawer-title" className="fac-drawer__title">
              {t('fac.title')}
            </h2>
            <StatusLine />
            <CloseButton label={t('fac.close')} onClick={close} />
          </div>
          <div className="fac-tabs" role="tablist" aria-label={t('fac.tabsLabel')}>
            {TABS.map((id, index) => (
              <button
                key={id}
                ref={(el) => {
                  if (el) tabRefs.current.set(id, el);
                  else tabRefs.current.delete(id);
                }}
                type="button"
                role="tab"
                id={`fac-tab-${id}`}
                data-testid={`fac-tab-${id}`}
                aria-selected={tab === id}
                aria-controls="fac-tabpanel"
                tabIndex={tab === id ? 0 : -1}
                className="fac-tab"
                onClick={() => setTab(id)}
                onKeyDown={(e) => onTabKeyDown(e, index)}
              >
                {t(TAB_LABELS[id])}
              </button>
            ))}
          </div>
          {/* Only the visible tab is mounted (keyed, so each opens at its top): the overview's connections close when it is left. */}
          <div
            key={tab}
            className="fac-drawer__body"
            role="tabpanel"
            id="fac-tabpanel"
            aria-labelledby={`fac-tab-${tab}`}
            tabIndex={0}
          >
            {tab === 'prepare' && <PreparationTab />}
            {tab === 'flow' && <FlowTab onShowPeople={() => setTab('people')} />}
            {tab === 'people' && <PeopleTab />}
            {tab === 'overview' && <OverviewTab />}
            {tab === 'settings' && <SettingsTab />}
          </div>
        </aside>
      )}
    </div>
  );
}

/** The always-visible handle: opens and closes the console; shows the timer while closed. */
function ToggleButton({ open, onClick, ref }: { open: boolean; onClick: () => void; ref: Ref<HTMLButtonElement> }) {
  const t = useT();
  return (
    <button
      ref={ref}
      type="button"
      className={`fac-toggle${open ? ' fac-toggle--open' : ''}`}
      data-testid="fac-toggle"
      aria-expanded={open}
      aria-controls={open ? 'fac-drawer' : undefined}
      onClick={onClick}
      title={open ? t('fac.close') : t('fac.open')}
    >
      <span className="fac-toggle__icon" aria-hidden="true">
        {open ? '›' : '‹'}
      </span>
      {/* Open, the handle shrinks to its arrow so it hides less of the canvas; the name stays. */}
      <span className={open ? 'visually-hidden' : undefined}>{t('fac.toggle')}</span>
      {!open && <ToggleTimer />}
    </button>
  );
}

/** The running timer on the closed handle, so the facilitator keeps an eye on time. */
function ToggleTimer() {
  const flow = useAppStore((s) => s.flow);
  const now = useServerNow(flow?.timerStatus === 'running' ? 500 : 0);
  const remaining = timerRemaining(flow, now);
  if (remaining === null) return null;
  // Hidden from screen readers: the button's name must not change every second.
  return (
    <span className="fac-toggle__timer" aria-hidden="true">
      {formatClock(remaining)}
    </span>
  );
}

/** Current phase and time left, in the drawer's head. */
function StatusLine() {
  const locale = useLocale();
  const flow = useAppStore((s) => s.flow);
  const now = useServerNow(flow?.timerStatus === 'running' ? 500 : 0);
  if (!flow) return <span className="fac-drawer__status" />;
  const remaining = timerRemaining(flow, now);
  return (
    <span className="fac-drawer__status">
      <span className="fac-drawer__phase">{localize(phase(flow.phaseId).label, locale)}</span>
      {remaining !== null && (
        <span className="fac-drawer__clock" aria-hidden="true">
          {formatClock(remaining)}
        </span>
      )}
    </span>
  );
}

/**
 * Where the board's content starts (below the header, toolbar and any banner), so the drawer
 * never covers the header. Measured, because the participant side may add bars above the board.
 */
function useBoardTop(): number {
  const [top, setTop] = useState(104);
  useLayoutEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const measure = () => setTop(Math.max(0, Math.round(main.getBoundingClientRect().top)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(main);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return top;
}
