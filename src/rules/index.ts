// The rules layer's public face: load, validate and evaluate rule sets, rank coordinators.
export { validateRuleSet, ruleSetProblems, RuleSetError, type RuleSet, type RuleSetRule, type RuleEventParams, type RuleSetSubject } from './rule-set.js'
export { CASE_FACTS, deriveCaseFacts, checkCaseFacts, SECTORS, type CaseFacts, type DerivedCaseFacts, type Service } from './facts.js'
export { CANDIDATE_FACTS, type CoordinatorCandidate, type CandidateFacts } from './candidate-facts.js'
export { createEvaluator, evaluatorFor, type Decision, type DecisionEvent, type DecisionReason, type Evaluator } from './evaluate.js'
export { rankCoordinators, type RankedCandidate } from './suggest.js'
export { loadRuleSets, loadRuleSet, RULES_DIR } from './load.js'
