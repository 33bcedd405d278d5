import { localize } from '@dmc/shared/template/lookup';
import { fitScale } from '../canvas/viewport';
import { sheetById } from '../canvas/template';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { ActionButton } from './ActionButton';
import { Icon } from './icons';

/** The board's toolbar: add, undo/redo, zoom, list view, sheet explanation. */
export function Toolbar() {
  const t = useT();
  const locale = useLocale();
  const listView = useAppStore((s) => s.listView);
  const sheetId = useAppStore((s) => s.sheetId);
  const openInfo = useAppStore((s) => s.openInfo);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar__group">
        <ActionButton name="addNote" icon="note" showLabel longLabelKey="action.addNote.long" testId="add-note" className="tool-button tool-button--primary" />
      </div>
      <div className="toolbar__group">
        <ActionButton name="undo" icon="undo" testId="undo" />
        <ActionButton name="redo" icon="redo" testId="redo" />
      </div>
      {!listView && (
        <div className="toolbar__group">
          <ActionButton name="zoomOut" icon="zoomOut" testId="zoom-out" />
          <ZoomLevel />
          <ActionButton name="zoomIn" icon="zoomIn" testId="zoom-in" />
          <ActionButton name="zoomFit" icon="fit" showLabel longLabelKey="action.zoomFit.long" testId="zoom-fit" />
        </div>
      )}
      <div className="toolbar__group toolbar__group--end">
        <button type="button" className="tool-button" onClick={() => openInfo({ kind: 'sheet', id: sheetId })}>
          <Icon name="info" />
          <span className="tool-button__label">{t('sheet.info', { label: localize(sheetById(sheetId).label, locale) })}</span>
        </button>
        <ActionButton name="toggleListView" icon="list" showLabel testId="list-view-toggle" pressed={listView} />
      </div>
    </div>
  );
}

function ZoomLevel() {
  const t = useT();
  const percent = useAppStore((s) => {
    const sheet = sheetById(s.sheetId);
    const vp = s.viewports[s.sheetId];
    return vp ? Math.round((vp.scale / fitScale(sheet, s.canvasSize)) * 100) : 100;
  });
  return (
    <span className="zoom-level" title={t('zoom.level', { percent })}>
      <span className="visually-hidden">{t('zoom.level', { percent })}</span>
      <span aria-hidden="true">{percent}%</span>
    </span>
  );
}
