import type { Codebook } from './codebook.js';
import { builtinProtectCodebook } from './builtin-protect.js';
import { pathText, validateCodebook } from './validate-codebook.js';
import { usageError } from '../errors.js';

/** The built-in codebook of the NHS human-trafficking survey, validated like any other. */
export function builtinCodebook(): Codebook {
  const { codebook, problems } = validateCodebook(builtinProtectCodebook, 'built-in');
  if (!codebook) {
    throw usageError(`the built-in codebook has problems: ${problems.map((p) => `${pathText(p.path)}: ${p.message}`).join('; ')}`);
  }
  return { ...codebook, builtin: true };
}
