import { App } from 'antd';
import type { ComponentType } from 'react';

/**
 * Gives a page the context of antd's message and modal hooks. Only pages loaded on demand use
 * them, so the first load of the catalogue does without (web/README.md, bundle budget).
 */
export function withApp(Page: ComponentType): ComponentType {
  return function PageWithApp() {
    return (
      <App component={false}>
        <Page />
      </App>
    );
  };
}
