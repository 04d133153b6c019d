/**
 * Binding a test to its rule: the annotations that cite a rule ({@code Must}, {@code Should}, {@code May}), the
 * JUnit extension that runs each test inside its rule's context and records what it cost ({@code RuleExtension},
 * {@code RuleContext}, {@code Transcript}, {@code HungCalls}, {@code AllureLabels}), the failure of an
 * implementation that threw or broke its contract ({@code ImplementationFailure}), and the checks of the
 * catalogue's conditions and hooks a test makes before it may say anything ({@code Applicability},
 * {@code NotApplicable}), with what both kits' subjects share ({@code TdiSubject}, {@code OracleCheck}).
 */
package io.tsmtck.tck.binding;
