import { useId, useState, type FormEvent } from 'react';
import { isPresenting, presentedField } from '@dmc/shared/domain/policies';
import { QUESTION_LENGTH, QUESTIONS_PER_PERSON, byAsked, freeQuestionSlot } from '@dmc/shared/domain/questions';
import { getField, localize } from '@dmc/shared/template/lookup';
import { useBoard } from '../workshop/boardContext';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';

/**
 * While a subgroup presents: the side list of questions and reactions beside its sheet. Every
 * listener may put up to five of their own, about the field on screen; everyone — the presenting
 * group too — sees them as they come, and the synthesis shows them under that group and field.
 * The server allows this only on the spotlighted board in the presentations phase.
 */
export function PresentationQuestions() {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const { board, template } = useBoard();
  const flow = useAppStore((s) => s.flow);
  const boardId = useAppStore((s) => s.boardId);
  const questions = useAppStore((s) => s.discussion.questions);
  const members = useAppStore((s) => s.members);
  const groups = useAppStore((s) => s.groups);
  const me = useAppStore((s) => s.session?.participant ?? null);
  const closed = useAppStore((s) => s.settings?.closed ?? false);
  const [text, setText] = useState('');
  const [full, setFull] = useState(false);
  const spotlight = isPresenting(flow) ? (flow?.spotlightGroupId ?? null) : null;
  if (!spotlight || spotlight !== boardId) return null;
  const group = groups.find((g) => g.id === spotlight)?.name ?? '';
  const list = byAsked(questions ?? []);
  const mayAsk = me !== null && me.role !== 'viewer' && !closed;
  const left = me ? (freeQuestionSlot(list, me.id) === null ? 0 : QUESTIONS_PER_PERSON - mine(list, me.id)) : 0;
  // The field on screen: the presenter's, else the first of the sheet.
  const shown = presentedField(flow, boardId);
  const fieldId = shown?.fieldId ?? template.sheets[0]?.fields[0]?.id ?? '';
  const fieldName = (fid: string) => {
    const found = getField(template, fid);
    return found ? localize(found.field.title, locale) : fid;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '' || fieldId === '') return;
    if (board.askQuestion(text, fieldId)) setText('');
    else setFull(true);
  };

  return (
    <section className="questions" aria-labelledby={`${id}-title`} data-testid="presentation-questions">
      <h2 className="questions__title" id={`${id}-title`}>
        {t('questions.title', { group })}
      </h2>
      {list.length === 0 ? (
        <p className="questions__empty">{t('questions.none')}</p>
      ) : (
        <ol className="questions__list" aria-live="polite" data-testid="questions-list">
          {list.map((q) => (
            <li key={`${q.authorId}:${q.slot}`} className="questions__item" data-testid="question">
              <span className="questions__text">{q.text}</span>{' '}
              <span className="questions__meta">
                — {members.find((m) => m.id === q.authorId)?.name ?? t('questions.someone')}, {fieldName(q.fieldId)}
              </span>
              {me && (q.authorId === me.id || me.role === 'facilitator') && !closed && (
                <button
                  type="button"
                  className="link-button questions__remove"
                  onClick={() => board.removeQuestion(q.authorId, q.slot)}
                >
                  {t('questions.remove')}
                  <span className="visually-hidden">: {q.text}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {mayAsk && (
        <form className="questions__form" onSubmit={submit}>
          <label htmlFor={`${id}-text`} className="questions__label">
            {t('questions.label', { field: fieldName(fieldId) })}
          </label>
          <div className="questions__row">
            <textarea
              id={`${id}-text`}
              className="textarea questions__input"
              rows={2}
              maxLength={QUESTION_LENGTH}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={`${id}-hint`}
              data-testid="question-text"
            />
            <button
              type="submit"
              className="button button--primary"
              disabled={text.trim() === '' || left === 0}
              data-testid="question-submit"
            >
              {t('questions.submit')}
            </button>
          </div>
          <p className="questions__hint" id={`${id}-hint`}>
            {left === 0 || full
              ? t('questions.full', { max: QUESTIONS_PER_PERSON })
              : t('questions.left', { left, max: QUESTIONS_PER_PERSON, length: QUESTION_LENGTH })}
          </p>
        </form>
      )}
    </section>
  );
}

/** How many questions this person put on the board. */
function mine(list: readonly { authorId: string }[], personId: string): number {
  return list.filter((q) => q.authorId === personId).length;
}
