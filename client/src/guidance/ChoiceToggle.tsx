import { useT } from '../i18n';
import type { ChoiceKind } from '../workshop/guidance';
import './guidance.css';

/**
 * "Kies als ons doel" / "Kies als onze vraag": a toggle button (aria-pressed), the same label
 * pressed or not, with a tick when chosen so the state is not shown by colour alone.
 */
export function ChoiceToggle({
  kind,
  chosen,
  onToggle,
  testId,
  describedBy,
}: {
  kind: ChoiceKind;
  chosen: boolean;
  onToggle: () => void;
  testId?: string;
  describedBy?: string;
}) {
  const t = useT();
  return (
    <button
      type="button"
      className="choice-button"
      aria-pressed={chosen}
      aria-describedby={describedBy}
      data-testid={testId}
      onClick={onToggle}
    >
      <span aria-hidden="true" className="choice-button__icon">
        {chosen ? '✓' : '○'}
      </span>
      {kind === 'goal' ? t('choice.chooseGoal') : t('choice.chooseQuestion')}
    </button>
  );
}

/** The read-only mark of a chosen note or wording: "Ons gekozen doel" / "Een van onze vragen". */
export function ChosenMark({ kind, testId }: { kind: ChoiceKind; testId?: string }) {
  const t = useT();
  return (
    <span className="choice-mark" data-testid={testId}>
      <span aria-hidden="true">✓</span>
      {kind === 'goal' ? t('choice.chosenGoal') : t('choice.chosenQuestion')}
    </span>
  );
}
