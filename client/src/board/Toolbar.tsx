import { memo, useRef } from 'react';
import { localize } from '@dmc/shared/template/lookup';
import { sheetById } from '../scene/template';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { mayUse, newNotesTarget, readonlyReason, reasonText, useCapabilities } from '../workshop/capabilities';
import { useTemplate } from '../workshop/state';
import { useDiscussionIndex, votesLeft } from '../workshop/discussionIndex';
import { DeckToggle } from '../deck/DeckToggle';
import { ExportButton } from '../exports/ExportButton';
import { ActionButton } from '../components/ActionButton';
import { Icon } from '../components/icons';
import { useToolbarFit } from '../components/useToolbarFit';
import { ZoomMenu } from './ZoomMenu';

/**
 * The board's toolbar: add, undo/redo, zoom, what this phase allows here, list view, explanations.
 * In a narrow window the secondary commands become icons and, if still needed, the toolbar wraps
 * onto a second line (useToolbarFit): every command stays on screen.
 */
export const Toolbar = memo(function Toolbar() {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useToolbarFit(ref);
  const locale = useLocale();
  const listView = useAppStore((s) => s.listView);
  const sheetId = useAppStore((s) => s.sheetId);
  const openInfo = useAppStore((s) => s.openInfo);
  const caps = useCapabilities();
  const template = useTemplate();
  const reason = readonlyReason(caps, sheetId);
  const target = newNotesTarget(caps, sheetId);
  // The field panel is offered when there is something to do or to read in it.
  const hasResults = useAppStore((s) => s.discussion.formulations.length > 0 || s.discussion.deferrals.length > 0);
  const discussion = hasResults || mayUse(caps, 'formulate', sheetId) || mayUse(caps, 'defer', sheetId);
  return (
    <div ref={ref} className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {target !== null && (
        <div className="toolbar__group">
          <ActionButton
            name="addNote"
            icon="note"
            showLabel
            longLabelKey="action.addNote.long"
            testId="add-note"
            className="tool-button tool-button--primary"
          />
        </div>
      )}
      <div className="toolbar__group">
        <ActionButton name="undo" icon="undo" testId="undo" />
        <ActionButton name="redo" icon="redo" testId="redo" />
      </div>
      {!listView && (
        <div className="toolbar__group">
          <ActionButton name="zoomOut" icon="zoomOut" testId="zoom-out" />
          <ZoomMenu />
          <ActionButton name="zoomIn" icon="zoomIn" testId="zoom-in" />
          <ActionButton
            name="zoomFit"
            icon="fit"
            showLabel
            longLabelKey="action.zoomFit.long"
            testId="zoom-fit"
            className="tool-button tool-button--collapsible"
          />
        </div>
      )}
      {reason && (
        <p className="phase-hint phase-hint--readonly" data-testid="readonly-reason" data-reason={reason.kind}>
          <Icon name="lock" size={16} />
          <span>{reasonText(reason, t, template, locale)}</span>
        </p>
      )}
      {target === 'draft' && (
        <p className="phase-hint phase-hint--private" data-testid="private-hint" title={t('private.marker')}>
          <Icon name="eyeOff" size={16} />
          <span>{t('private.hint')}</span>
        </p>
      )}
      {mayUse(caps, 'vote', sheetId) && <VotesLeft dots={caps?.dotsPerPerson ?? 0} />}
      <div className="toolbar__group toolbar__group--end">
        <DeckToggle />
        {discussion && (
          <ActionButton
            name="fieldPanel"
            icon="discuss"
            showLabel
            testId="field-panel-open"
            className="tool-button tool-button--compact"
          />
        )}
        <button
          type="button"
          className="tool-button tool-button--compact"
          title={t('sheet.info', { label: localize(sheetById(sheetId).label, locale) })}
          onClick={() => openInfo({ kind: 'sheet', id: sheetId })}
          data-testid="sheet-info"
        >
          <Icon name="info" />
          <span className="tool-button__label">
            {t('sheet.info', { label: localize(sheetById(sheetId).label, locale) })}
          </span>
        </button>
        <ActionButton
          name="toggleListView"
          icon="list"
          showLabel
          testId="list-view-toggle"
          pressed={listView}
          className="tool-button tool-button--collapsible"
        />
        <ExportButton />
      </div>
    </div>
  );
});

function VotesLeft({ dots }: { dots: number }) {
  const t = useT();
  const left = votesLeft(useDiscussionIndex().myVotes, dots);
  return (
    <p className="phase-hint phase-hint--votes" data-testid="votes-left" data-left={left}>
      <span className="votes-left__dots" aria-hidden="true">
        {Array.from({ length: dots }, (_, i) => (
          <span key={i} className={i < left ? 'dot dot--free' : 'dot dot--used'} />
        ))}
      </span>
      <span>{left === 0 ? t('votes.none') : left === 1 ? t('votes.leftOne') : t('votes.left', { count: left })}</span>
    </p>
  );
}
