import { NOTE_SIZE } from '@dmc/shared/domain/note';
import { createTextFitter, type FittedText } from './fitText';
import { canvasMeasurer } from './measure';
import { NOTE_TEXT } from './theme';

/** One fitter per smallest size: the canvas asks for a few (noteFontFloor's half steps), a picture for one. */
const fitters = new Map<number, (text: string) => FittedText>();

/**
 * Note text fitted to a note (largest size that fits), cached per text. `minFontSize` is the
 * smallest size the text may shrink to before it is cut off with "…": the canvas passes the
 * size that is still readable at its zoom (scene/viewportField.ts, noteFontFloor).
 */
export function fitNoteText(text: string, minFontSize: number = NOTE_TEXT.minFontSize): FittedText {
  let fitter = fitters.get(minFontSize);
  if (!fitter) {
    fitter = createTextFitter(
      {
        width: NOTE_SIZE - 2 * NOTE_TEXT.padding,
        height: NOTE_SIZE - 2 * NOTE_TEXT.padding,
        maxFontSize: NOTE_TEXT.maxFontSize,
        minFontSize,
        lineHeight: NOTE_TEXT.lineHeight,
        breakWordsBelow: NOTE_TEXT.breakWordsBelow,
      },
      canvasMeasurer('normal'),
    );
    fitters.set(minFontSize, fitter);
  }
  return fitter(text);
}
