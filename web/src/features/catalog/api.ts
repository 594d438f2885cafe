import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data, postForm } from '../../api/client';
import { pickText } from '../../shared/format';
import type { ImportReply, ItemInput, ItemListQuery, ItemSheet } from './content';

export type CatalogFilters = ItemListQuery;

export function fetchItems(filters: CatalogFilters) {
  const query = Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  ) as CatalogFilters;
  return data(api.GET('/api/items', { params: { query } }));
}

export function useItems(filters: CatalogFilters) {
  return useQuery({
    queryKey: ['items', 'list', filters],
    queryFn: () => fetchItems(filters),
    placeholderData: (previous) => previous,
  });
}

/** The item sheet: the published version, or for the center a given (draft) version. */
export function useItem(id: string | undefined, version?: number) {
  return useQuery({
    queryKey: ['items', 'detail', id, version],
    queryFn: () =>
      data(
        api.GET('/api/items/{id}', {
          params: { path: { id: id ?? '' }, query: version ? { version } : {} },
        }),
      ),
    enabled: Boolean(id),
  });
}

/** Labels of an item's form fields, their choices and its materials, to show a case. */
export function useItemLabels(itemId: string | undefined, version?: number) {
  const { i18n } = useTranslation();
  const item = useItem(itemId, version);
  const content = item.data?.content;
  const fields: Record<string, string> = {};
  const materials: Record<string, string> = {};
  const options: Record<string, Record<string, string>> = {};
  for (const field of content?.form ?? []) {
    fields[field.key] = pickText(field.label, i18n.language);
    options[field.key] = Object.fromEntries(
      (field.options ?? []).map((option) => [option.value, pickText(option.label, i18n.language)]),
    );
  }
  for (const material of content?.materials ?? []) {
    materials[material.key] = pickText(material.name, i18n.language);
  }
  return { fields, materials, options };
}

function useOnItemChange() {
  const queryClient = useQueryClient();
  return (sheet: ItemSheet) => {
    queryClient.setQueryData(['items', 'detail', sheet.id, undefined], sheet);
    void queryClient.invalidateQueries({ queryKey: ['items'] });
  };
}

/** Creates a draft, or saves one (a published item gets a new draft version). */
export function useSaveItem(id: string | undefined) {
  const onChange = useOnItemChange();
  return useMutation({
    mutationFn: (input: ItemInput) =>
      id
        ? data(api.PUT('/api/items/{id}', { params: { path: { id } }, body: input }))
        : data(api.POST('/api/items', { body: input })),
    onSuccess: onChange,
  });
}

export function usePublishItem() {
  const onChange = useOnItemChange();
  return useMutation({
    mutationFn: (id: string) =>
      data(api.POST('/api/items/{id}/publish', { params: { path: { id } } })),
    onSuccess: onChange,
  });
}

export function useWithdrawItem() {
  const onChange = useOnItemChange();
  return useMutation({
    mutationFn: (id: string) =>
      data(api.POST('/api/items/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: onChange,
  });
}

export function useImportItems() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file, file.name);
      return postForm<ImportReply>('/api/items/import', form);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['items'] }),
  });
}
