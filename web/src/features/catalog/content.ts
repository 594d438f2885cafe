import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type ItemPage = Json<paths['/api/items']['get']['responses'][200]>;
export type ItemSummary = ItemPage['items'][number];
export type ItemListQuery = NonNullable<paths['/api/items']['get']['parameters']['query']>;
export type ItemSheet = Json<paths['/api/items/{id}']['get']['responses'][200]>;
export type ItemStatus = ItemSheet['status'];
/** What creating or editing an item sends (the content before the server's defaults). */
export type ItemInput = paths['/api/items']['post']['requestBody']['content']['application/json'];
export type ImportReply = Json<paths['/api/items/import']['post']['responses'][201]>;

/** The item sheet's content as the server keeps it (server: catalog/content.ts). */
export type ItemContent = ItemSheet['content'];
export type Material = ItemContent['materials'][number];
export type FormField = ItemContent['form'][number];
export type PromisedLimit = ItemContent['limit'];
export type Fee = ItemContent['fee'];
export type SimpleFee = Exclude<Fee, { kind: 'composite' }>;
export type Intake = ItemContent['intake'];
