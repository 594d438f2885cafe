import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { isApiError } from '../api/client';
import { AppRoutes } from './AppRoutes';

const queryClient = new QueryClient({
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
