// Placeholder so the declared ScenarioLanguageTests target has a source directory and the
// package builds; the frontend branch owns the real tests for this target.
