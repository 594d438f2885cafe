import { BellOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import {
  catalogEditorRoles,
  centerRoles,
  deskRoles,
  hasRole,
  useMe,
  useSignOut,
  type Me,
} from '../features/auth/session';
import { useNotifications } from '../features/notifications/api';
import { changeLanguage } from '../i18n';

interface NavEntry {
  to: string;
  label: string;
  testId: string;
}

function useNavEntries(me: Me | null | undefined): NavEntry[] {
  const { t } = useTranslation();
  const entries: NavEntry[] = [
    { to: '/', label: t('nav.catalog'), testId: 'nav-catalog' },
    { to: '/track', label: t('nav.track'), testId: 'nav-track' },
  ];
  if (hasRole(me, ['applicant'])) {
    entries.push({ to: '/my/cases', label: t('nav.myCases'), testId: 'nav-my-cases' });
  }
  if (hasRole(me, deskRoles)) {
    entries.push({ to: '/desk', label: t('nav.desk'), testId: 'nav-desk' });
  }
  if (me) {
    entries.push({
      to: '/consultations',
      label: t('nav.consultations'),
      testId: 'nav-consultations',
    });
  }
  if (hasRole(me, [...centerRoles, 'auditor'])) {
    entries.push({ to: '/center/cases', label: t('nav.allCases'), testId: 'nav-all-cases' });
  }
  if (hasRole(me, catalogEditorRoles)) {
    entries.push({
      to: '/center/items',
      label: t('nav.catalogAdmin'),
      testId: 'nav-catalog-admin',
    });
  }
  if (hasRole(me, centerRoles)) {
    entries.push({ to: '/center/calendar', label: t('nav.calendar'), testId: 'nav-calendar' });
  }
  if (hasRole(me, ['center-admin'])) {
    entries.push({ to: '/center/users', label: t('nav.users'), testId: 'nav-users' });
  }
  return entries;
}

/**
 * The frame of every page. It is part of the first load of the public catalogue, so it uses
 * plain links rather than the heavier menu components (web/README.md, bundle budget).
 */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const signOut = useSignOut();
  const entries = useNavEntries(me.data);
  const notifications = useNotifications(Boolean(me.data), 1);
  const unread = notifications.data?.unread ?? 0;
  const isEnglish = i18n.language.startsWith('en');
  const here = encodeURIComponent(location.pathname + location.search);

  const onSignOut = async () => {
    await signOut();
    void navigate('/');
  };

  return (
    <div className="app-shell">
      <header className="app-header no-print">
        <div className="app-header-bar">
          <Link to="/" className="app-brand" aria-label={t('app.name')}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span className="app-brand-text">{t('app.name')}</span>
          </Link>
          <nav className="app-nav" aria-label={t('nav.main')}>
            {entries.map((entry) => (
              <NavLink
                key={entry.to}
                to={entry.to}
                end={entry.to === '/'}
                className={({ isActive }) =>
                  isActive || (entry.to === '/' && location.pathname.startsWith('/items/'))
                    ? 'app-nav-link active'
                    : 'app-nav-link'
                }
                data-testid={entry.testId}
              >
                {entry.label}
              </NavLink>
            ))}
          </nav>
          <div className="app-header-actions">
            <Button
              type="text"
              size="small"
              className="app-header-button"
              icon={<GlobalOutlined />}
              onClick={() => void changeLanguage(isEnglish ? 'zh-CN' : 'en-US')}
              data-testid="language-switch"
              aria-label={t('app.switchLanguage')}
            >
              {isEnglish ? '中文' : 'EN'}
            </Button>
            {me.data ? (
              <>
                <Link
                  to="/notifications"
                  className="app-bell"
                  data-testid="notifications-link"
                  aria-label={t('notifications.unreadCount', { count: unread })}
                  title={t('notifications.unreadCount', { count: unread })}
                >
                  <BellOutlined />
                  {unread > 0 ? (
                    <span className="app-bell-count">{unread > 99 ? '99+' : unread}</span>
                  ) : null}
                </Link>
                <Link
                  to="/account"
                  className="app-user"
                  data-testid="user-menu"
                  title={`${t(`roles.${me.data.role}`)} · ${t('account.title')}`}
                >
                  <UserOutlined /> <span className="app-user-name">{me.data.displayName}</span>
                </Link>
                <Button
                  type="text"
                  size="small"
                  className="app-header-button"
                  icon={<LogoutOutlined />}
                  onClick={() => void onSignOut()}
                  data-testid="sign-out"
                  aria-label={t('auth.signOut')}
                  title={t('auth.signOut')}
                />
              </>
            ) : (
              <Link to={`/login?next=${here}`} data-testid="sign-in-link" className="app-sign-in">
                {t('auth.signIn')}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main className="app-content">
        <Suspense fallback={<Spin size="large" className="page-spinner" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer no-print">{t('app.footer')}</footer>
    </div>
  );
}
