export { suggestClusters, explainSimilarity, sharedTerms, clusterId } from './cluster';
export type { ClusterInput, ClusterOptions, SharedTerm, SimilarityExplanation, SuggestedCluster } from './cluster';
export {
  normalize,
  stems,
  tokenize,
  foldText,
  stemDutch,
  stemEnglish,
  detectLanguage,
  STOP_WORDS_NL,
  STOP_WORDS_EN,
} from './normalize';
export type { NormalizedText, NormalizedToken, NormalizeOptions, TextLanguage } from './normalize';
