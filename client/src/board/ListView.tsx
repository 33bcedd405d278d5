import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Guidance } from '@dmc/shared/domain/guidance';
import { mayRemoveDeferral } from '@dmc/shared/domain/policies';
import { LIMITS } from '@dmc/shared/domain/limits';
import { NOTE_COLORS, type Note, type NoteColor } from '@dmc/shared/domain/note';
import { localize } from '@dmc/shared/template/lookup';
import type { FieldTemplate } from '@dmc/shared/template/types';
import {
  addNoteInField,
  deleteNoteChecked,
  fieldTitle,
  mayMoveToField,
  moveNoteToField,
  recolorNote,
  rightsOf,
  writeNoteText,
} from '../actions/commands';
import { sheetById } from '../scene/template';
import { NOTE_EDGES, NOTE_FILLS } from '../scene/theme';
import { throttle } from '../collab/throttle';
import { mayChoose, toggleWordingChoice, useNoteChoice } from '../workshop/choices';
import { ChoiceToggle, ChosenMark } from '../guidance/ChoiceToggle';
import { adviceText, choiceKindOf, isWordingChosen } from '../workshop/guidance';
import { useChoiceWarnings } from '../workshop/useGuidance';
import type { MessageKey } from '../i18n/messages';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { mayUse, newNotesTarget, useCapabilities } from '../workshop/capabilities';
import { useDiscussionIndex } from '../workshop/discussionIndex';
import { useBoard } from '../workshop/boardContext';
import { CommitSelect } from '../components/CommitSelect';
import { DeferralItem } from './FieldPanel';
import { Icon } from '../components/icons';
import { notesByField } from './listOrder';
import { hasExtras, NoteDiscussion, NoteExtras } from './NoteDiscussion';

/** How often list-view typing goes to the document. */
const WRITE_INTERVAL_MS = 250;

/**
 * The accessible list view of the current sheet: every field as a section with its notes, each
 * note editable (when allowed), recolourable, movable to another field and deletable — with the
 * keyboard and a screen reader. Shows the same live data as the canvas, the group's choices (the
 * goal, the concrete questions) and the same gentle warnings about them.
 */
export function ListView() {
  const t = useT();
  const locale = useLocale();
  const sheetId = useAppStore((s) => s.sheetId);
  const notes = useAppStore((s) => s.notes);
  const editingId = useAppStore((s) => s.editingId);
  const sheet = sheetById(sheetId);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const privateWriting = newNotesTarget(useCapabilities(), sheetId) === 'draft';

  const byField = useMemo(() => notesByField(notes, sheet), [notes, sheet]);

  // A note just added (toolbar, N, "add note" here) gets the focus in its text field.
  useEffect(() => {
    if (!editingId) return;
    setFocusTarget(`list-note-text-${editingId}`);
    useAppStore.getState().stopEditing();
  }, [editingId]);

  useEffect(() => {
    if (!focusTarget) return;
    // The target is rendered in the same commit; if it is gone (moved to the other sheet), the
    // heading takes the focus so it is not lost to the page.
    const el = document.getElementById(focusTarget) ?? document.getElementById('list-view-heading');
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const outside = byField.get(null) ?? [];
  const topFields = sheet.fields.filter((f) => f.parentId === undefined);
  const warnings = useChoiceWarnings(sheet);

  return (
    <div className="list-view">
      <div className="list-view__inner">
        <h2 className="list-view__heading" id="list-view-heading" tabIndex={-1}>
          {t('list.heading', { label: localize(sheet.label, locale), title: localize(sheet.title, locale) })}
        </h2>
        <p className="list-view__intro" data-testid="list-intro">
          {/* The same words as the toolbar: while writing silently, new notes are private. */}
          {privateWriting ? `${t('list.introPrivate')} ${t('private.hint')}.` : t('list.intro')}
        </p>
        {topFields.map((field) => (
          <FieldSection
            key={field.id}
            field={field}
            level={3}
            byField={byField}
            onFocus={setFocusTarget}
            warning={warnings.get(field.id)}
          >
            {sheet.fields
              .filter((child) => child.parentId === field.id)
              .map((child) => (
                <FieldSection
                  key={child.id}
                  field={child}
                  level={4}
                  byField={byField}
                  onFocus={setFocusTarget}
                  warning={warnings.get(child.id)}
                />
              ))}
          </FieldSection>
        ))}
        {outside.length > 0 && (
          <section className="list-field list-field--outside" aria-labelledby="list-field-outside">
            <h3 id="list-field-outside">{t('list.outside')}</h3>
            <ul className="list-notes">
              {outside.map((note) => (
                <ListNote key={note.id} note={note} onFocus={setFocusTarget} />
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}

interface FieldSectionProps {
  readonly field: FieldTemplate;
  readonly level: 3 | 4;
  readonly byField: ReadonlyMap<string | null, Note[]>;
  readonly onFocus: (id: string) => void;
  /** The choice warning to show on this field now, if any. */
  readonly warning: Guidance | undefined;
  readonly children?: ReactNode;
}

function FieldSection({ field, level, byField, onFocus, warning, children }: FieldSectionProps) {
  const t = useT();
  const locale = useLocale();
  const ctx = useBoard();
  const openInfo = useAppStore((s) => s.openInfo);
  const openFieldPanel = useAppStore((s) => s.openFieldPanel);
  const members = useAppStore((s) => s.members);
  const sheetId = useAppStore((s) => s.sheetId);
  const caps = useCapabilities();
  const index = useDiscussionIndex();
  const formulation = index.formulationByField.get(field.id);
  const deferrals = index.deferralsByField.get(field.id) ?? [];
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id;
  const mayAdd = newNotesTarget(caps, sheetId) !== null;
  const formulate = mayUse(caps, 'formulate', sheetId);
  const defer = mayUse(caps, 'defer', sheetId);
  const choiceKind = choiceKindOf(field);
  const choose = useAppStore((s) => choiceKind !== null && mayChoose(s, sheetId));
  const wordingChosen = useAppStore((s) => isWordingChosen(s.discussion.choices, field.id, formulation?.text));
  const said = warning ? adviceText(warning, locale) : null;
  const me = ctx.board.actor;
  const notes = byField.get(field.id) ?? [];
  const title = localize(field.title, locale);
  const Heading = level === 3 ? 'h3' : 'h4';
  const headingId = `list-field-${field.id}`;
  return (
    <section
      className={`list-field list-field--level${level}`}
      aria-labelledby={headingId}
      style={{ borderLeftColor: field.tint }}
    >
      <div className="list-field__head" style={{ backgroundColor: field.tint }}>
        <Heading id={headingId} className="list-field__title">
          {title}
        </Heading>
        {field.questions.map((q, i) => (
          <p key={i} className="list-field__question">
            {localize(q, locale)}
          </p>
        ))}
        {field.hint && <p className="list-field__hint">{localize(field.hint, locale)}</p>}
        <div className="list-field__actions">
          {mayAdd && (
            <button
              type="button"
              id={`list-add-${field.id}`}
              className="button button--small"
              data-testid={`list-add-${field.id}`}
              aria-label={t('list.addNoteIn', { field: title })}
              onClick={() => {
                const note = addNoteInField(ctx, field.id, '', false);
                if (note) {
                  onFocus(`list-note-text-${note.id}`);
                  ctx.store.getState().announce(t('list.added', { field: title }));
                }
              }}
            >
              {t('list.addNote')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => openInfo({ kind: 'field', id: field.id })}
            aria-label={t('info.open', { field: title })}
          >
            {t('list.info')}
          </button>
          {formulate && (
            <button
              type="button"
              className="button button--small button--secondary"
              data-testid={`formulation-edit-${field.id}`}
              aria-label={t(formulation?.text ? 'formulation.editIn' : 'formulation.writeIn', { field: title })}
              onClick={() => openFieldPanel({ fieldId: field.id, focus: 'formulation' })}
            >
              {formulation?.text ? t('formulation.edit') : t('formulation.write')}
            </button>
          )}
          {defer && (
            <button
              type="button"
              className="button button--small button--secondary"
              data-testid={`defer-${field.id}`}
              aria-label={t('deferral.addIn', { field: title })}
              onClick={() => openFieldPanel({ fieldId: field.id, focus: 'deferral' })}
            >
              {t('deferral.add')}
            </button>
          )}
          <span className="list-field__count">
            {notes.length === 1 ? t('list.notesCountOne') : t('list.notesCountMany', { count: notes.length })}
          </span>
        </div>
        {choiceKind && (
          // Present before it has something to say, so a change is read out politely.
          <div aria-live="polite">
            {said && (
              <p className="guide-warning" data-testid={`list-guide-${field.id}`}>
                <span aria-hidden="true">⚠</span>
                <span className="visually-hidden">{t('guide.warning')}: </span>
                {t(said.key, said.vars)}
              </p>
            )}
          </div>
        )}
      </div>
      {formulation && formulation.text.trim() !== '' && (
        <div className="list-field__formulation" role="group" aria-label={t('list.formulationFor', { field: title })}>
          <p className="list-field__formulation-title">{t('formulation.heading')}</p>
          <p className="list-field__formulation-text" data-testid={`formulation-${field.id}`}>
            {formulation.text}
          </p>
          <p className="list-field__formulation-by">{t('formulation.by', { name: nameOf(formulation.updatedBy) })}</p>
          {choiceKind &&
            (choose ? (
              <ChoiceToggle
                kind={choiceKind}
                chosen={wordingChosen}
                testId={`list-choose-wording-${field.id}`}
                onToggle={() => toggleWordingChoice(ctx, field.id)}
              />
            ) : wordingChosen ? (
              <ChosenMark kind={choiceKind} testId={`list-chosen-wording-${field.id}`} />
            ) : null)}
        </div>
      )}
      {deferrals.length > 0 && (
        <div className="list-field__deferrals" role="group" aria-label={t('list.deferralsFor', { field: title })}>
          <p className="list-field__formulation-title">
            <Icon name="flag" size={16} />{' '}
            {deferrals.length === 1 ? t('deferral.countOne') : t('deferral.count', { count: deferrals.length })}
          </p>
          <ul className="deferrals">
            {deferrals.map((d) => (
              <DeferralItem
                key={d.id}
                deferral={d}
                testId={`deferral-${d.id}`}
                by={nameOf(d.createdBy)}
                mayEdit={defer}
                mayDelete={defer && mayRemoveDeferral(me, d)}
                onEdit={() => openFieldPanel({ fieldId: field.id, focus: 'deferral', deferralId: d.id })}
                onDelete={() => {
                  ctx.board.removeDeferral(d.id);
                  ctx.store.getState().announce(t('deferral.deleted'));
                }}
              />
            ))}
          </ul>
        </div>
      )}
      {notes.length > 0 ? (
        <ul className="list-notes" aria-label={title}>
          {notes.map((note) => (
            <ListNote key={note.id} note={note} onFocus={onFocus} />
          ))}
        </ul>
      ) : (
        <p className="list-field__empty">{t('list.noNotes')}</p>
      )}
      {children}
    </section>
  );
}

function ListNote({ note, onFocus }: { note: Note; onFocus: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const ctx = useBoard();
  useCapabilities(); // re-render when the phase changes what is allowed
  const owner = useAppStore((s) => s.privateOwners.get(note.id));
  const ownerName = useAppStore((s) => (owner ? s.members.find((m) => m.id === owner)?.name : undefined));
  const choice = useNoteChoice(ctx, note);
  const rights = rightsOf(ctx, note);
  const mayEdit = rights.editText;
  const field = fieldTitle(ctx, note.fieldId);
  const textId = `list-note-text-${note.id}`;
  const moveTargets = ctx.template.sheets
    .map((sheet) => ({ sheet, fields: sheet.fields.filter((f) => mayMoveToField(ctx, note, f.id)) }))
    .filter((group) => group.fields.length > 0);
  // Colour, move, highlight and "cannot answer now" wait under "Meer", so a row shows the main actions only.
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = `list-more-panel-${note.id}`;
  const more = rights.recolor || (rights.move && moveTargets.length > 0) || hasExtras(rights, note);

  return (
    <li className={`list-note${owner ? ' list-note--private' : ''}`} data-testid={`list-note-${note.id}`}>
      <span
        className="list-note__chip"
        style={{ backgroundColor: NOTE_FILLS[note.color], borderColor: NOTE_EDGES[note.color] }}
        aria-hidden="true"
      />
      <div className="list-note__body">
        {choice.chosen && choice.kind && (
          <p className="list-note__chosen">
            <ChosenMark kind={choice.kind} testId={`list-chosen-${note.id}`} />
          </p>
        )}
        {owner !== undefined && (
          <p className="private-tag" data-testid={`private-note-${note.id}`}>
            <Icon name="eyeOff" size={16} />
            <span>
              {owner === ctx.board.actor.id
                ? `${t('list.private')}: ${t('private.marker')}`
                : t('private.hiddenFor', { name: ownerName ?? '?' })}
            </span>
          </p>
        )}
        {mayEdit ? (
          <>
            <label htmlFor={textId} className="list-note__label">
              {t('list.noteLabel', { field })}
            </label>
            <NoteTextArea note={note} id={textId} />
          </>
        ) : (
          <>
            <p className="list-note__label" id={`${textId}-label`}>
              {t('list.noteLabel', { field })} <span className="muted">({t('list.readOnly')})</span>
            </p>
            <p className="list-note__text" id={textId} aria-labelledby={`${textId}-label ${textId}`}>
              {note.text || t('note.empty')}
            </p>
          </>
        )}
        <NoteDiscussion note={note} variant="list" extras={false} />
        <div className="list-note__controls">
          {more && (
            <button
              type="button"
              className="button button--small button--secondary list-note__more"
              id={`list-more-${note.id}`}
              data-testid={`list-more-${note.id}`}
              aria-expanded={moreOpen}
              aria-controls={moreId}
              onClick={() => setMoreOpen((open) => !open)}
            >
              {t('list.more')}
              <span aria-hidden="true">{moreOpen ? ' ▴' : ' ▾'}</span>
            </button>
          )}
          {rights.remove && (
            <button
              type="button"
              className="button button--small button--danger"
              data-testid={`list-delete-${note.id}`}
              aria-label={t('list.deleteLabel', { text: excerpt(note.text) || t('note.empty') })}
              onClick={() => {
                if (deleteNoteChecked(ctx, note.id)) {
                  ctx.store.getState().announce(t('list.deleted'));
                  if (note.fieldId) onFocus(`list-add-${note.fieldId}`);
                }
              }}
            >
              {t('list.delete')}
            </button>
          )}
        </div>
        {more && moreOpen && (
          <div
            className="list-note__more-panel"
            id={moreId}
            role="group"
            aria-label={t('list.moreFor', { field })}
            data-testid={`list-more-panel-${note.id}`}
          >
            <NoteExtras note={note} />
            {rights.recolor && (
              <label className="list-note__control">
                <span>{t('list.color')}</span>
                <select
                  className="select"
                  value={note.color}
                  data-testid={`list-color-${note.id}`}
                  onChange={(e) => recolorNote(ctx, note.id, e.target.value as NoteColor)}
                >
                  {NOTE_COLORS.map((color) => (
                    <option key={color} value={color}>
                      {t(`color.${color}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {rights.move && moveTargets.length > 0 && (
              <label className="list-note__control">
                <span>{t('list.moveTo')}</span>
                <CommitSelect
                  className="select"
                  id={`list-move-${note.id}`}
                  value=""
                  data-testid={`list-move-${note.id}`}
                  onCommit={(target) => {
                    if (!target) return;
                    const title = moveNoteToField(ctx, note.id, target);
                    if (title) {
                      ctx.store.getState().announce(t('list.moved', { field: title }));
                      // The note now sits in another field's list, with "Meer" closed: focus goes to its "Meer".
                      onFocus(`list-more-${note.id}`);
                    }
                  }}
                >
                  <option value="">{t('list.moveChoose')}</option>
                  {moveTargets.map(({ sheet, fields }) => (
                    <optgroup
                      key={sheet.id}
                      label={`${localize(sheet.label, locale)} — ${localize(sheet.title, locale)}`}
                    >
                      {fields.map((f) => (
                        <option key={f.id} value={f.id} disabled={f.id === note.fieldId}>
                          {f.parentId ? `  ${localize(f.title, locale)}` : localize(f.title, locale)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </CommitSelect>
              </label>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** A note's text, edited in place; remote changes show up while the field is not being typed in. */
function NoteTextArea({ note, id }: { note: Note; id: string }) {
  const ctx = useBoard();
  const { board } = ctx;
  const [value, setValue] = useState(note.text);
  const focused = useRef(false);
  const noteId = note.id;
  const shared = !ctx.store.getState().privateOwners.has(noteId);
  const write = useMemo(
    () => throttle((text: string) => writeNoteText(ctx, noteId, text), WRITE_INTERVAL_MS),
    [ctx, noteId],
  );

  useEffect(() => {
    if (!focused.current) setValue(note.text);
  }, [note.text]);
  // Unmounting because the phase moved on: a pending write would now be refused, so it is dropped.
  useEffect(
    () => () => {
      const current = ctx.store.getState().notes.find((n) => n.id === noteId);
      if (current && rightsOf(ctx, current).editText) write.flush();
      else write.cancel();
    },
    [write, ctx, noteId],
  );

  return (
    <textarea
      id={id}
      className="textarea list-note__textarea"
      data-testid={id}
      value={value}
      rows={Math.min(6, Math.max(2, Math.ceil(value.length / 60) + value.split('\n').length - 1))}
      maxLength={LIMITS.noteTextLength}
      onFocus={() => {
        focused.current = true;
        if (shared) board.setEditing(noteId);
      }}
      onBlur={() => {
        focused.current = false;
        write.flush();
        board.setEditing(null);
      }}
      onChange={(e) => {
        setValue(e.target.value);
        write(e.target.value);
      }}
    />
  );
}
