import { type ComponentType, lazy } from 'react';

/**
 * A page loaded when it is first shown, from a module's named export: each page's code is a chunk
 * of its own, so the first screen loads only what it needs (react-admin's layout shows its loading
 * bar meanwhile).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page takes whatever props react-admin gives it
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M): ComponentType<any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> }));
}
