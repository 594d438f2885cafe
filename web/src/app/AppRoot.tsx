import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { isApiError, setCsrfToken } from '../api/client';
import { meKey } from '../features/auth/session';
import { AppRoutes } from './AppRoutes';

/**
 * A 401 from any call means the session ended (idle timeout, password change, disabled account):
 * forget the user, and the role guards send the person to sign in again.
 */
function forgetSessionOn401(error: unknown): void {
  if (isApiError(error, 401) && queryClient.getQueryData(meKey)) {
    setCsrfToken(null);
    queryClient.setQueryData(meKey, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetSessionOn401 }),
  mutationCache: new MutationCache({ onError: forgetSessionOn401 }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; a dropped network may.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
});

const theme = {
  token: { colorPrimary: '#1456a0', borderRadius: 6 },
};

export function AppRoot() {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language.startsWith('en');

  useEffect(() => {
    dayjs.locale(isEnglish ? 'en' : 'zh-cn');
    document.title = t('app.footer');
  }, [isEnglish, t]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEnglish ? enUS : zhCN} theme={theme}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
