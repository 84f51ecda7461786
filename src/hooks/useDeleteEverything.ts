import { useMutation } from '@tanstack/react-query';
import { deleteEverything } from '../data/workspace';

/** Deletes all local data, then reloads the app into an empty workspace. */
export function useDeleteEverything() {
  return useMutation({
    mutationFn: deleteEverything,
    onSuccess: () => window.location.reload(),
  });
}
