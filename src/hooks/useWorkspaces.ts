import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  changeOpenPassphrase,
  createAndOpenWorkspace,
  deleteOpenWorkspace,
  exportOpenWorkspace,
  importWorkspace,
  lockWorkspace,
  openWorkspaceById,
  setOpenIdleLock,
  workspaceList,
} from '../data/workspace';
import { downloadBlob } from '../lib/download';

/** The workspaces on this device. */
export function useWorkspaceList() {
  return useQuery({ queryKey: ['workspace-list'], queryFn: workspaceList });
}

/** Opening, creating, importing and managing workspaces. */
export function useWorkspaceActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workspace-list'] });
  return {
    open: useMutation({
      mutationFn: ({ id, passphrase }: { id: string; passphrase: string | null }) => openWorkspaceById(id, passphrase),
    }),
    create: useMutation({
      mutationFn: ({ name, passphrase }: { name: string; passphrase: string | null }) =>
        createAndOpenWorkspace(name, passphrase),
    }),
    importFile: useMutation({ mutationFn: importWorkspace, onSuccess: refresh }),
    lock: useMutation({ mutationFn: lockWorkspace }),
    changePassphrase: useMutation({ mutationFn: changeOpenPassphrase, onSuccess: refresh }),
    setIdleLock: useMutation({ mutationFn: setOpenIdleLock }),
    exportFile: useMutation({
      mutationFn: async (name: string) =>
        downloadBlob(await exportOpenWorkspace(), `${name.replace(/[^\w-]+/g, '-')}.lantern`),
    }),
    remove: useMutation({ mutationFn: deleteOpenWorkspace, onSuccess: refresh }),
  };
}
