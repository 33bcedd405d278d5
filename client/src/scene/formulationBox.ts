/**
 * Where a field's agreed wording is drawn: the pure layout lives in shared/ (the demo workshop
 * keeps its notes clear of it); the canvas passes the browser's measurer.
 */
export { layoutFormulationBox } from '@dmc/shared/template/formulationBox';
export type { FormulationBoxLayout } from '@dmc/shared/template/formulationBox';
