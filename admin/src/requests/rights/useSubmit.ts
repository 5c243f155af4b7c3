import { useNotify } from 'react-admin';

import { useExplainRefusal } from '../useExplainRefusal';
import { useRefreshAfterChange } from './shared';

/**
 * Posts a dialog's action; a refusal is notified in the UI's language (useExplainRefusal), and a
 * 400's field errors go back to the inputs.
 */
export const useSubmit = <V, R>(action: (values: V) => Promise<R>, onDone: (result: R) => void) => {
  const notify = useNotify();
  const refresh = useRefreshAfterChange();
  const explain = useExplainRefusal();
  return async (values: V): Promise<Record<string, string> | undefined> => {
    try {
      const result = await action(values);
      await refresh();
      onDone(result);
    } catch (error) {
      const { message, errors } = explain(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
      if (errors) return errors;
    }
    return undefined;
  };
};
