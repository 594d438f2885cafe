import { Button, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDateTime } from '../../shared/format';
import { useMe } from '../auth/session';
import { useMarkRead, useNotifications } from './api';

/** What asks the signed-in person to act, newest first (R-PLT-2). */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const notifications = useNotifications(Boolean(me.data), 200);
  const markRead = useMarkRead();
  const items = notifications.data?.items ?? [];

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{t('notifications.title')}</Typography.Title>
        <Button
          disabled={!notifications.data?.unread}
          loading={markRead.isPending}
          onClick={() => markRead.mutate(undefined)}
          data-testid="notifications-read-all"
        >
          {t('notifications.readAll')}
        </Button>
      </div>
      {notifications.isError ? <ErrorAlert error={notifications.error} /> : null}
      {notifications.data && items.length === 0 ? (
        <Empty description={t('notifications.none')} />
      ) : (
        <List
          loading={notifications.isPending}
          dataSource={items}
          data-testid="notification-list"
          renderItem={(item) => (
            <List.Item
              key={item.id}
              data-testid="notification"
              data-read={item.readAt ? 'true' : 'false'}
              actions={
                item.readAt
                  ? []
                  : [
                      <Button key="read" size="small" onClick={() => markRead.mutate(item.id)}>
                        {t('notifications.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <>
                    {item.readAt ? null : <Tag color="blue">{t('notifications.unread')}</Tag>}
                    {item.link?.startsWith('/') ? (
                      <Link to={item.link} onClick={() => item.readAt || markRead.mutate(item.id)}>
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                  </>
                }
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-line' }}>{item.body}</div>
                    <Typography.Text type="secondary">
                      {formatDateTime(item.createdAt, i18n.language)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
