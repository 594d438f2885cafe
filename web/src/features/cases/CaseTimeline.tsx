import { ArrowRightOutlined } from '@ant-design/icons';
import { Descriptions, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, useLocalText } from '../../shared/format';
import { StateTag } from './CaseTags';
import type { CaseHolder, CaseState } from './types';

interface TimelineEvent {
  at: string;
  action: string;
  fromState: CaseState | null;
  toState: CaseState;
  reason: string | null;
  actorName?: string;
}

/** Every step of a case: when, who, from which state to which, and why (R-CASE-11). */
export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((event, index) => ({
        key: `${event.at}-${index}`,
        color:
          event.toState === 'refused' ? 'red' : event.toState === 'completed' ? 'green' : 'blue',
        content: (
          <div data-testid="case-event" data-action={event.action}>
            <Typography.Text type="secondary">
              {formatDateTime(event.at, i18n.language)}
            </Typography.Text>
            <div>
              <Typography.Text strong>
                {t(`caseEvents.${event.action}` as 'caseEvents.take', {
                  defaultValue: event.action,
                })}
              </Typography.Text>
              {event.actorName ? (
                <Typography.Text type="secondary"> · {event.actorName}</Typography.Text>
              ) : null}
            </div>
            <div style={{ marginTop: 4 }}>
              {event.fromState ? <StateTag state={event.fromState} /> : null}
              {event.fromState ? <ArrowRightOutlined style={{ marginInlineEnd: 8 }} /> : null}
              <StateTag state={event.toState} />
            </div>
            {event.reason ? (
              <div style={{ marginTop: 4 }}>
                {t('cases.why')}: {event.reason}
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

/** Who holds the case now: the unit and, once taken, the window and its hall (Art. 16). */
export function HolderDescription({ holder }: { holder: CaseHolder }) {
  const { t } = useTranslation();
  const { pickName, isEnglish } = useLocalText();
  const window = holder.window;
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="case-holder"
      items={[
        { key: 'unit', label: t('org.unit'), children: pickName(holder.unit) },
        {
          key: 'window',
          label: t('org.window'),
          children: window
            ? `${isEnglish ? window.hallNameEn : window.hallNameZh} · ${t('org.windowNumber', {
                number: window.number,
              })} ${pickName(window)}`
            : t('cases.notTakenYet'),
        },
      ]}
    />
  );
}
