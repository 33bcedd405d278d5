import { NOTE_SIZE } from '@dmc/shared/domain/note';
import { createTextFitter, type FittedText } from './fitText';
import { canvasMeasurer } from './measure';
import { NOTE_TEXT } from './theme';

let fitter: ((text: string) => FittedText) | null = null;

/** Note text fitted to a note (largest size that fits), cached per text. */
export function fitNoteText(text: string): FittedText {
  fitter ??= createTextFitter(
    {
      width: NOTE_SIZE - 2 * NOTE_TEXT.padding,
      height: NOTE_SIZE - 2 * NOTE_TEXT.padding,
      maxFontSize: NOTE_TEXT.maxFontSize,
      minFontSize: NOTE_TEXT.minFontSize,
      lineHeight: NOTE_TEXT.lineHeight,
      breakWordsBelow: NOTE_TEXT.breakWordsBelow,
    },
    canvasMeasurer('normal'),
  );
  return fitter(text);
}
