import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { hasRole, useMe, type Role } from './session';

/** Pages for some roles only; the server checks again, this only spares a useless visit. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return <Spin className="page-spinner" />;
  }
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!hasRole(me.data, roles)) {
    return (
      <div className="notice-page" data-testid="forbidden">
        <h1>403</h1>
        <p>
          {t('errors.forbidden')}: {t('auth.notForRole')}
        </p>
        <Link to="/">{t('nav.catalog')}</Link>
      </div>
    );
  }
  return <Outlet />;
}
