/**
 * Retention: the rule deciding when every basis for keeping a subject's data has ended, the dry-run report and
 * the run that erases ({@link org.safereg.registration.retention.RetentionService}).
 */
package org.safereg.registration.retention;
