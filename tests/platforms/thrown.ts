import { SurveyError } from '../../src/errors.js';

/** The SurveyError that `run` throws; any other error is rethrown, and no error fails the test. */
export function thrown(run: () => unknown): SurveyError {
  try {
    run();
  } catch (error) {
    if (error instanceof SurveyError) return error;
    throw error;
  }
  throw new Error('expected a SurveyError');
}
