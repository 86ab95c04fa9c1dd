import { useSave } from '../../store/useCommit.ts';
import { submitRequest } from './submit-request.ts';

/** useCommit for the two records of a new request (see submit-request.ts). */
export const useSubmitRequest = () => {
  const { run, error, saving } = useSave(submitRequest);
  return { submit: run, error, saving };
};
