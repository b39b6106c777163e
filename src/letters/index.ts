// The letters module's public face, for the cases domain and the API. A case's worker builds
// a LetterData (types.ts), calls `letters.create` (a decision letter becomes a draft for a
// second person to approve; an interim reply is approved at once), outputs `letterId`, and a
// service task of type `letters:dispatch` sends it.
export type { Addressee, Contact, DecisionLetterData, InterimReplyData, Language, LetterChannel, LetterData, LetterKind, LetterStatus, Right, RightDecision, RuleReason } from './types.js'
export { Letters, lettersFromConfig, type NewLetterRequest, type Reader } from './letters.js'
export type { LetterRow } from './store.js'
export { renderLetter, type RenderedLetter } from './render.js'
export { validateLetterData } from './validate.js'
export { loadTemplates, checkTemplates, TemplateError } from './template/load.js'
export { loadMunicipality } from './municipality.js'
export { DISPATCH_JOB_TYPE, dispatchHandler } from './dispatch/worker.js'
export { DispatchError } from './dispatch/errors.js'
export { ASSESSMENT_FORM_IDS, LETTER_APPROVAL_FORM_ID, assessorsOf, checkFourEyes } from './four-eyes.js'
export { completeWithLetterApproval } from './approval.js'
export { startLetters } from './start.js'
