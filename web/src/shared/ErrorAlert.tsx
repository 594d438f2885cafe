import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldIssue } from '../api/client';

interface ErrorAlertProps {
  error: unknown;
  /** Issues no form field shows; listed under the message. */
  issues?: FieldIssue[];
}

/** The server's answer to a failed action, with the article of the measures it cites. */
export function ErrorAlert({ error, issues }: ErrorAlertProps) {
  const { t, i18n } = useTranslation();
  if (!error) {
    return null;
  }
  const message = error instanceof Error ? error.message : JSON.stringify(error);
  const article = isApiError(error) ? error.body.article : undefined;
  const listed = issues ?? (isApiError(error) ? error.issues : []);
  const marked = isApiError(error) ? error.issues.length - listed.length : 0;

  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      title={isApiError(error) ? t(`errors.${errorKey(error.status)}`) : t('errors.network')}
      description={
        <>
          <div>{message}</div>
          {article ? (
            <div>{t('errors.article', { article: formatArticle(article, i18n.language) })}</div>
          ) : null}
          {marked > 0 ? <div>{t('errors.markedOnForm', { count: marked })}</div> : null}
          {listed.length > 0 ? (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {listed.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      }
    />
  );
}

/** "Art. 15(6)" → "第15条第6项" in Chinese; the server names articles in English. */
export function formatArticle(article: string, language: string): string {
  const match = /^Art\. (\d+)(?:\((\d+)\))?$/.exec(article.trim());
  if (!match || language.startsWith('en')) {
    return article;
  }
  return `第${match[1]}条${match[2] ? `第${match[2]}项` : ''}`;
}

function errorKey(
  status: number,
): 'unauthenticated' | 'forbidden' | 'notFound' | 'conflict' | 'rule' | 'server' {
  if (status === 401) {
    return 'unauthenticated';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'notFound';
  }
  if (status === 409) {
    return 'conflict';
  }
  if (status === 422) {
    return 'rule';
  }
  return 'server';
}
