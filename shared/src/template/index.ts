export * from './types';
export { discussiemodelTemplate } from './discussiemodel';
export {
  canvasTemplateSchema,
  validateTemplate,
  rectContains,
  rectsOverlap,
  ID_PATTERN,
  PARENT_TITLE_BAND,
} from './schema';
export type { TemplateValidation } from './schema';
export { getSheet, getField, fieldAt, fieldsOf, localize } from './lookup';
export { welcomeSheet, plenaryTemplate, templateForBoard } from './plenary';
