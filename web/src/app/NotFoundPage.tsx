import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="notice-page" data-testid="not-found">
      <h1>404</h1>
      <p>{t('errors.pageNotFound')}</p>
      <Link to="/">{t('nav.catalog')}</Link>
    </div>
  );
}
