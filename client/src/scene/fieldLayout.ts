/**
 * Where the printed texts of a field go and where its notes may start: the pure layout lives in
 * shared/ (the demo workshop places its notes with it); the canvas measures with the browser.
 */
export { layoutField, layoutSheetField, layoutSheetHeader } from '@dmc/shared/template/fieldLayout';
export type { FieldLayout, Measurers, SheetHeaderLayout, TextBlock } from '@dmc/shared/template/fieldLayout';
