import { MARK_VALUES, type MarkValue } from '@dmc/shared/domain/discussion';
import type { Note } from '@dmc/shared/domain/note';
import { addVote, deferFromNote, rightsOf, takeBackVote, toggleHighlight, toggleMark } from '../actions/commands';
import type { MessageKey } from '../i18n/messages';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { useCapabilities } from '../workshop/capabilities';
import type { NoteRights } from '../workshop/capabilities';
import {
  useNoteDiscussion,
  useDiscussionIndex,
  votesLeft,
  type NoteDiscussion as Discussion,
} from '../workshop/discussionIndex';
import { toggleNoteChoice, useNoteChoice } from '../workshop/choices';
import { ChoiceToggle, ChosenMark } from '../guidance/ChoiceToggle';
import { noteExcerpt } from '../scene/noteExcerpt';
import { useBoard } from '../workshop/boardContext';

const SYMBOLS: Readonly<Record<MarkValue, string>> = { agree: '✓', disagree: '✗', open: '?' };
const LABELS: Readonly<Record<MarkValue, MessageKey>> = {
  agree: 'action.mark.agree',
  disagree: 'action.mark.disagree',
  open: 'action.mark.open',
};
const TITLES: Readonly<Record<MarkValue, MessageKey>> = {
  agree: 'marks.title.agree',
  disagree: 'marks.title.disagree',
  open: 'marks.title.open',
};

/** Whether a note has discussion tools to offer or counts to show (`choice`: it can be chosen, or carries the group's choice). */
export function hasDiscussion(rights: NoteRights, d: Discussion, choice = false): boolean {
  return (
    rights.mark ||
    rights.vote ||
    rights.highlight ||
    rights.defer ||
    d.agree + d.disagree + d.open + d.votes > 0 ||
    d.highlighted ||
    choice
  );
}

/**
 * The discussion tools of one note — agree / disagree / open (one choice, pressed again to clear),
 * voting dots, the presentation highlight, "we cannot answer this now" and, in DOEL and the
 * concrete questions, "kies als ons doel / onze vraag" — as plain buttons with their counts.
 * Used in the note toolbar on the canvas and in the list view; only what the phase allows is
 * offered, counts and choices are always shown.
 */
export function NoteDiscussion({
  note,
  variant,
  extras = true,
}: {
  note: Note;
  variant: 'toolbar' | 'list';
  /** Also the highlight and "cannot answer now" buttons; the list view puts them under "Meer" (NoteExtras). */
  extras?: boolean;
}) {
  const t = useT();
  const ctx = useBoard();
  useCapabilities(); // re-render when the phase changes what is allowed
  const d = useNoteDiscussion(note.id);
  const privateNote = useAppStore((s) => s.privateOwners.has(note.id));
  const dots = useAppStore((s) => s.settings?.dotsPerPerson ?? s.session?.workshop.dotsPerPerson ?? 0);
  const left = votesLeft(useDiscussionIndex().myVotes, dots);
  const choice = useNoteChoice(ctx, note);
  if (privateNote) return null;
  const rights = rightsOf(ctx, note);
  const list = variant === 'list';
  const showChoice = choice.kind !== null && (choice.may || choice.chosen);
  const shown = extras ? rights : { ...rights, highlight: false, defer: false };
  if (!hasDiscussion(shown, d, showChoice)) return null;
  // Each button names the note it acts on: in the list view many rows have an "Eens" (2.4.6).
  const text = noteExcerpt(note.text) || t('note.empty');

  return (
    <div className={`note-discussion note-discussion--${variant}`}>
      {(rights.mark || d.agree + d.disagree + d.open > 0) && (
        <div className="note-discussion__marks" role="group" aria-label={t('marks.group')}>
          {MARK_VALUES.map((value) =>
            rights.mark ? (
              <button
                key={value}
                type="button"
                className={`mark-button mark-button--${value}`}
                aria-pressed={d.myMark === value}
                data-testid={`mark-${value}-${note.id}`}
                title={t(TITLES[value], { count: d[value] })}
                aria-label={t('marks.buttonFor', { mark: t(LABELS[value]), count: d[value], text })}
                onClick={() => toggleMark(ctx, note.id, value)}
              >
                <span aria-hidden="true">{SYMBOLS[value]}</span> {t(LABELS[value])}{' '}
                <span className="mark-button__count">{d[value]}</span>
              </button>
            ) : null,
          )}
          {/* The buttons show their own counts; without them the counts stand as text. */}
          {!rights.mark ? (
            <span className="note-discussion__counts" data-testid={list ? `mark-counts-${note.id}` : undefined}>
              {t('marks.counts', { agree: d.agree, disagree: d.disagree, open: d.open })}
            </span>
          ) : null}
        </div>
      )}
      {(rights.vote || d.votes > 0) && (
        <div className="note-discussion__votes" role="group" aria-label={t('votes.count', { count: d.votes })}>
          <span className="vote-count" data-testid={list ? `vote-count-${note.id}` : undefined}>
            <span aria-hidden="true">● </span>
            {d.votes === 1 ? t('votes.countOne') : t('votes.count', { count: d.votes })}
            {d.myVotes > 0 && <span className="muted"> ({t('votes.mine', { count: d.myVotes })})</span>}
          </span>
          {rights.vote && (
            <>
              <button
                type="button"
                className="vote-button"
                data-testid={`vote-add-${note.id}`}
                disabled={left <= 0}
                onClick={() => addVote(ctx, note.id)}
                title={t('action.vote.add')}
              >
                <span aria-hidden="true">+</span>
                <span className="visually-hidden">{t('action.vote.addFor', { text })}</span>
              </button>
              <button
                type="button"
                className="vote-button"
                data-testid={`vote-remove-${note.id}`}
                disabled={d.myVotes <= 0}
                onClick={() => takeBackVote(ctx, note.id)}
                title={t('action.vote.remove')}
              >
                <span aria-hidden="true">−</span>
                <span className="visually-hidden">{t('action.vote.removeFor', { text })}</span>
              </button>
            </>
          )}
        </div>
      )}
      {extras && rights.highlight ? (
        <button
          type="button"
          className="highlight-button"
          aria-pressed={d.highlighted}
          data-testid={`highlight-${note.id}`}
          onClick={() => toggleHighlight(ctx, note.id)}
          title={t('action.highlight')}
        >
          <span aria-hidden="true">{d.highlighted ? '★' : '☆'}</span> {t('action.highlight')}
        </button>
      ) : d.highlighted ? (
        <span className="highlight-mark">
          <span aria-hidden="true">★</span> {t('highlight.marked')}
        </span>
      ) : null}
      {showChoice &&
        choice.kind !== null &&
        (choice.may ? (
          <ChoiceToggle
            kind={choice.kind}
            chosen={choice.chosen}
            testId={list ? `list-choose-${note.id}` : `choose-${note.id}`}
            onToggle={() => toggleNoteChoice(ctx, note.id)}
          />
        ) : (
          <ChosenMark kind={choice.kind} />
        ))}
      {extras && rights.defer && note.fieldId && (
        <button
          type="button"
          className="defer-button"
          data-testid={list ? `defer-note-${note.id}` : undefined}
          onClick={() => deferFromNote(ctx, note.id)}
        >
          {t('action.defer')}
        </button>
      )}
    </div>
  );
}

/** Whether a note has highlight or "cannot answer now" to offer (the list view's "Meer"). */
export function hasExtras(rights: NoteRights, note: Note): boolean {
  return rights.highlight || (rights.defer && note.fieldId !== null);
}

/** The less used discussion tools of a note — highlight, "kunnen we nu niet beantwoorden" — for the list view's "Meer". */
export function NoteExtras({ note }: { note: Note }) {
  const t = useT();
  const ctx = useBoard();
  useCapabilities(); // re-render when the phase changes what is allowed
  const d = useNoteDiscussion(note.id);
  const privateNote = useAppStore((s) => s.privateOwners.has(note.id));
  if (privateNote) return null;
  const rights = rightsOf(ctx, note);
  return (
    <>
      {rights.highlight && (
        <button
          type="button"
          className="highlight-button"
          aria-pressed={d.highlighted}
          data-testid={`highlight-${note.id}`}
          onClick={() => toggleHighlight(ctx, note.id)}
        >
          <span aria-hidden="true">{d.highlighted ? '★' : '☆'}</span> {t('action.highlight')}
        </button>
      )}
      {rights.defer && note.fieldId && (
        <button
          type="button"
          className="defer-button"
          data-testid={`defer-note-${note.id}`}
          onClick={() => deferFromNote(ctx, note.id)}
        >
          {t('action.defer')}
        </button>
      )}
    </>
  );
}
