// A required input's message in plain words, naming it ("Name is required") rather than react-admin's
// bare "Required"; the input still gets its asterisk (react-admin reads the validator's isRequired).
import { required } from 'react-admin';

const made = new Map<string, ReturnType<typeof required>>();

/** required() saying "<label> is required"; one validator per label, so inputs do not re-register at each render. */
export const requiredAs = (label: string): ReturnType<typeof required> => {
  let validator = made.get(label);
  if (!validator) {
    validator = required(`${label} is required`);
    made.set(label, validator);
  }
  return validator;
};
